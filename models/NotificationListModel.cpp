#include "models/NotificationListModel.h"

#include <QFont>
#include <QLocale>

namespace gongdan {

NotificationListModel::NotificationListModel(NotificationInbox& inbox, ChangeStream& changes, QObject* parent)
    : QAbstractListModel(parent), m_inbox(inbox)
{
    connect(&changes, &ChangeStream::changed, this, [this](const StoreChange& change) {
        if (change.has(StoreChange::Kind::Team))
            reload();
    });
    reload();
}

int NotificationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QString NotificationListModel::typeLabel(const QString& type)
{
    if (type == QLatin1String("assigned"))
        return tr("Assigned to you");
    if (type == QLatin1String("transfer"))
        return tr("Transferred to you");
    if (type == QLatin1String("customer_reply"))
        return tr("Customer replied");
    if (type == QLatin1String("sla_warning"))
        return tr("SLA warning");
    if (type == QLatin1String("breach"))
        return tr("SLA breached");
    if (type == QLatin1String("escalation"))
        return tr("Escalation");
    if (type == QLatin1String("mention"))
        return tr("Mentioned you");
    if (type == QLatin1String("offer"))
        return tr("Offered to you");
    if (type == QLatin1String("low_satisfaction"))
        return tr("Low satisfaction: follow up");
    return type;
}

QVariant NotificationListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Notification& n = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        // One line: when, what, which ticket (the list elides a long subject; the tooltip has it all).
        QString text = QLocale().toString(n.createdAt.toLocalTime(), QStringLiteral("MM-dd HH:mm"))
            + QStringLiteral("  ") + typeLabel(n.type) + QStringLiteral(" · ") + n.ticketNumber + QLatin1Char(' ')
            + n.subject;
        if (n.late)
            text += QLatin1Char(' ') + tr("(late: fired after the server was down)");
        if (n.reachedAt.isValid() && n.reachedAt.secsTo(n.createdAt) > 120)
            text += QLatin1Char(' ')
                + tr("(level reached %1)").arg(QLocale().toString(n.reachedAt.toLocalTime(), QLocale::ShortFormat));
        return text;
    }
    case Qt::ToolTipRole:
        return QString(n.ticketNumber + QLatin1Char(' ') + n.subject + QLatin1Char('\n') + n.text);
    case Qt::FontRole: {
        QFont font;
        font.setBold(n.unread());
        return font;
    }
    case IdRole:
        return n.id;
    case TicketIdRole:
        return n.ticketId;
    case TypeRole:
        return n.type;
    case UnreadRole:
        return n.unread();
    case TimeRole:
        return n.createdAt;
    case TypeLabelRole:
        return typeLabel(n.type);
    default:
        return {};
    }
}

void NotificationListModel::reload()
{
    const QList<Notification> rows = m_inbox.list();
    QList<Notification> fresh;
    int unread = 0;
    for (const Notification& n : rows) {
        if (n.unread()) {
            ++unread;
            if (m_loaded && !m_known.contains(n.id))
                fresh.append(n);
        }
    }
    beginResetModel();
    m_rows = rows;
    m_known.clear();
    for (const Notification& n : rows)
        m_known.insert(n.id);
    endResetModel();
    m_loaded = true;
    if (std::exchange(m_unread, unread) != unread)
        Q_EMIT unreadCountChanged(unread);
    if (!fresh.isEmpty())
        Q_EMIT arrived(fresh);
}

void NotificationListModel::markRead(int row)
{
    if (row < 0 || row >= m_rows.size() || !m_rows.at(row).unread())
        return;
    if (auto marked = m_inbox.markRead({m_rows.at(row).id}); !marked)
        Q_EMIT failed(marked.error().message);
    reload();
}

void NotificationListModel::markAllRead()
{
    if (auto marked = m_inbox.markAllRead(); !marked)
        Q_EMIT failed(marked.error().message);
    reload();
}

void NotificationListModel::markTicketRead(const QString& ticketId)
{
    if (auto marked = m_inbox.markTicketRead(ticketId); !marked)
        Q_EMIT failed(marked.error().message);
    else if (marked.value().isEmpty())
        return;
    reload();
}

QStringList NotificationListModel::openAllUnread()
{
    QStringList tickets;
    QStringList ids;
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
        if (!it->unread())
            continue;
        ids.append(it->id);
        if (it->ticketId.isEmpty())
            continue;
        tickets.removeAll(it->ticketId); // once, where its newest notification puts it
        tickets.append(it->ticketId);
    }
    if (ids.isEmpty())
        return tickets;
    if (auto marked = m_inbox.markRead(ids); !marked)
        Q_EMIT failed(marked.error().message);
    reload();
    return tickets;
}

void NotificationListModel::clearAll()
{
    if (auto cleared = m_inbox.clearAll(); !cleared)
        Q_EMIT failed(cleared.error().message);
    reload();
}

} // namespace gongdan
