#include "TicketListModel.h"

#include "TicketRows.h"
#include "TicketSearch.h"

#include <QColor>
#include <QLocale>

namespace gongdan {

TicketListModel::TicketListModel(Database& db, QObject* parent) : QAbstractTableModel(parent), m_db(db)
{
    reload();
}

int TicketListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TicketListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TicketListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    if (role == TicketIdRole)
        return row.id;
    if (role == PriorityColorRole || (role == Qt::ForegroundRole && index.column() == Priority))
        return QColor::fromRgb(priorityTraits(row.priority).rgb);
    if (role == RawValueRole) {
        switch (index.column()) {
        case Priority:
            return static_cast<int>(row.priority);
        case Status:
            return EnumText<TicketStatus>::key(row.status);
        case Created:
            return row.created;
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole && role != RawValueRole)
        return {};
    switch (index.column()) {
    case Number:
        return row.number;
    case Priority:
        return EnumText<gongdan::Priority>::displayName(row.priority);
    case Status:
        return EnumText<TicketStatus>::displayName(row.status);
    case Subject:
        return row.subject;
    case Customer:
        return row.customer;
    case Created:
        return QLocale().toString(row.created.toLocalTime(), QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant TicketListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number:
        return tr("Number");
    case Priority:
        return tr("Priority");
    case Status:
        return tr("Status");
    case Subject:
        return tr("Subject");
    case Customer:
        return tr("Customer");
    case Created:
        return tr("Created");
    default:
        return {};
    }
}

bool TicketListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void TicketListModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    bool ok = false;
    const QList<Row> page
        = loadPage(m_rows.isEmpty() ? std::numeric_limits<qint64>::max() : m_rows.last().rowid, kPageSize, &ok);
    m_atEnd = !ok || page.size() < kPageSize;
    if (page.isEmpty())
        return;
    beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + page.size() - 1));
    m_rows.append(page);
    endInsertRows();
}

void TicketListModel::setSearchText(const QString& text)
{
    if (text.trimmed() == m_search)
        return;
    m_search = text.trimmed();
    reload();
}

void TicketListModel::reload()
{
    // The first page (or the search hits) is loaded inside the reset, so views and testers never see
    // rows arrive while a reset is still being announced.
    beginResetModel();
    m_rows.clear();
    m_atEnd = false;
    bool ok = true;
    if (m_search.isEmpty()) {
        m_rows = loadPage(std::numeric_limits<qint64>::max(), kPageSize, &ok);
        m_atEnd = !ok || m_rows.size() < kPageSize;
    } else {
        m_atEnd = true;
        TicketSearch search(m_db);
        auto hits = search.search(m_search, kPageSize);
        if (!hits) {
            Q_EMIT loadFailed(hits.error().message);
        } else {
            for (const SearchHit& hit : hits.value())
                m_rows.append(loadPage(hit.rowid + 1, 1, &ok));
        }
    }
    endResetModel();
}

QList<TicketListModel::Row> TicketListModel::loadPage(qint64 beforeRowid, int limit, bool* ok)
{
    QList<Row> rows;
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT rowid, id, number, subject, contact_name, priority, status, created_ms FROM ticket "
                       "WHERE rowid < ? ORDER BY rowid DESC LIMIT ?"));
    query.addBindValue(beforeRowid);
    query.addBindValue(limit);
    *ok = query.exec();
    if (!*ok)
        Q_EMIT loadFailed(Database::errorOf(query).message);
    while (*ok && query.next()) {
        rows.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(), query.value(4).toString(),
            static_cast<gongdan::Priority>(std::clamp(query.value(5).toInt(), 0, 2)),
            EnumText<TicketStatus>::fromKey(query.value(6).toString()).value_or(TicketStatus::New),
            TicketRows::fromMs(query.value(7))});
    }
    query.finish();
    return rows;
}

} // namespace gongdan
