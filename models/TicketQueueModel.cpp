#include "models/TicketQueueModel.h"

#include "domain/Lifecycle.h"

#include <QColor>
#include <QLocale>
#include <QScopedValueRollback>
#include <QSet>
#include <algorithm>

namespace gongdan {

namespace {

const char* const kSortFields[] = {"number", "priority", "status", "subject", "contact_name", "category_id",
    "assignee_id", "group_id", "created_at", "resolution_due_at"};

} // namespace

TicketQueueModel::TicketQueueModel(Database& db, const Clock& clock, TeamDirectory& directory, QObject* parent)
    : QAbstractTableModel(parent), m_db(db), m_clock(clock), m_directory(directory), m_pages(db)
{
}

QString TicketQueueModel::sortFieldOf(int column)
{
    return column >= 0 && column < ColumnCount ? QLatin1String(kSortFields[column]) : QStringLiteral("created_at");
}

TicketQueueModel::SlaState TicketQueueModel::slaState(
    const QDateTime& created, const QDateTime& due, TicketStatus status, const QDateTime& now)
{
    if (!Lifecycle::isOpen(status) || !due.isValid())
        return SlaState::None;
    const qint64 left = now.msecsTo(due);
    if (left < 0)
        return SlaState::Red;
    const qint64 window = std::max<qint64>(1, created.msecsTo(due));
    return left * 4 < window ? SlaState::Yellow : SlaState::Green; // yellow in the last quarter
}

int TicketQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TicketQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TicketQueueModel::timeLeftText(const Row& row) const
{
    if (Lifecycle::isOpen(row.status) && !row.due.isValid() && row.status == TicketStatus::WaitingCustomer)
        return tr("Paused"); // an SLA policy's clocks stand still while the customer is asked (no due time)
    if (!Lifecycle::isOpen(row.status) || !row.due.isValid())
        return QString();
    const QString left = timeLeftText(row.due, m_clock.now());
    return row.replyDue ? tr("Reply %1", "time left to the customer's reply is due").arg(left) : left;
}

QString TicketQueueModel::timeLeftText(const QDateTime& due, const QDateTime& now)
{
    const qint64 minutes = now.secsTo(due) / 60;
    const qint64 abs = std::abs(minutes);
    const QString span = abs >= 10 * 24 * 60 ? tr("%1 d").arg(abs / (24 * 60))
        : abs >= 24 * 60                     ? tr("%1 d %2 h").arg(abs / (24 * 60)).arg((abs / 60) % 24)
                                             : tr("%1 h %2 min").arg(abs / 60).arg(abs % 60);
    return minutes < 0 ? tr("-%1", "overdue by").arg(span) : span;
}

QVariant TicketQueueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const SlaState sla = slaState(row.created, row.due, row.status, m_clock.now());
    switch (role) {
    case TicketIdRole:
        return row.id;
    case SlaStateRole:
        return static_cast<int>(sla);
    case AttentionRole:
        return row.departed ? QStringLiteral("departed") : row.refused ? QStringLiteral("refused") : QString();
    case OfferExpiresRole:
        return offerOf(row);
    case Qt::ToolTipRole:
        if (offerOf(row).isValid())
            return tr("Offered to you by automatic dispatch: accept it before %1, or it goes to someone else.")
                .arg(QLocale().toString(offerOf(row).toLocalTime(), QStringLiteral("HH:mm:ss")));
        if (row.departed)
            return tr("Someone else moved this ticket out of your sight; open it to see where it went.");
        if (row.refused)
            return tr("The server refused a change of yours; open the ticket to fix and resend it, or discard it.");
        return {};
    case Qt::ForegroundRole:
        if (row.departed)
            return QColor(0x9E, 0x9E, 0x9E);
        if (row.refused && index.column() == Status)
            return QColor(0xC6, 0x28, 0x28);
        if (index.column() == Status && offerOf(row).isValid())
            return QColor(0x15, 0x65, 0xC0);
        if (index.column() == Priority)
            return QColor::fromRgb(priorityTraits(row.priority).rgb);
        if (index.column() == TimeLeft && sla != SlaState::None)
            return sla == SlaState::Red   ? QColor(0xC6, 0x28, 0x28)
                : sla == SlaState::Yellow ? QColor(0xB2, 0x6A, 0x00)
                                          : QColor(0x2E, 0x7D, 0x32);
        return {};
    case RawValueRole:
        switch (index.column()) {
        case Priority:
            return static_cast<int>(row.priority);
        case Status:
            return EnumText<TicketStatus>::key(row.status);
        case Created:
            return row.created;
        case TimeLeft:
            return row.due;
        default:
            break;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case Number:
            return row.number;
        case Priority:
            return EnumText<gongdan::Priority>::displayName(row.priority);
        case Status:
            if (row.departed)
                return tr("Moved away");
            if (const QDateTime offer = offerOf(row); offer.isValid())
                return offer > m_clock.now()
                    ? tr("%1 · offered, %2 to accept")
                          .arg(EnumText<TicketStatus>::displayName(row.status), timeLeftText(offer, m_clock.now()))
                    : tr("%1 · offer ran out").arg(EnumText<TicketStatus>::displayName(row.status));
            return row.refused ? tr("%1 · refused").arg(EnumText<TicketStatus>::displayName(row.status))
                               : EnumText<TicketStatus>::displayName(row.status);
        case Subject:
            return row.subject;
        case Customer:
            return row.customer;
        case Category:
            return m_directory.categoryPath(row.categoryId, m_chinese);
        case Assignee:
            return row.assigneeId.isEmpty() ? QString() : m_directory.agentName(row.assigneeId);
        case Group:
            return row.groupId.isEmpty() ? QString() : m_directory.groupName(row.groupId, m_chinese);
        case Created: {
            const QDateTime local = row.created.toLocalTime();
            const bool thisYear = local.date().year() == m_clock.now().toLocalTime().date().year();
            return QLocale().toString(local, thisYear ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("yyyy-MM-dd"));
        }
        case TimeLeft:
            return timeLeftText(row);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant TicketQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case Category:
        return tr("Category");
    case Assignee:
        return tr("Assignee");
    case Group:
        return tr("Group");
    case Created:
        return tr("Created");
    case TimeLeft:
        return tr("Time left");
    default:
        return {};
    }
}

bool TicketQueueModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void TicketQueueModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    if (m_announcing) {
        // Asked from a handler of our own reset or insertion: rows must not arrive while that change is
        // still being announced, so the fetch waits for the event loop.
        QMetaObject::invokeMethod(
            this, [this] { fetchMore({}); }, Qt::QueuedConnection);
        return;
    }
    bool ok = false;
    const QList<Row> page = pageAfter(m_rows.isEmpty() ? nullptr : &m_rows.last(), m_descending, &ok);
    m_atEnd = !ok || page.size() < kPageSize;
    if (page.isEmpty())
        return;
    m_announcing = true;
    beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + page.size() - 1));
    m_rows.append(page);
    endInsertRows();
    m_announcing = false;
}

QList<TicketQueueModel::Row> TicketQueueModel::pageAfter(const Row* last, bool descending, bool* ok)
{
    return rows(m_pages.pageAfter(last, kPageSize, descending), ok);
}

QList<TicketQueueModel::Row> TicketQueueModel::rows(Result<QList<Row>> read, bool* ok)
{
    *ok = read.ok();
    if (!read) {
        Q_EMIT loadFailed(read.error().message);
        return {};
    }
    return std::move(read.value());
}

void TicketQueueModel::jumpToEnd()
{
    if (m_atEnd || m_announcing)
        return;
    bool ok = false;
    QList<Row> tail = pageAfter(nullptr, !m_descending, &ok); // the last rows, read from the end
    if (!ok)
        return;
    std::reverse(tail.begin(), tail.end());
    m_gapAt = static_cast<int>(m_rows.size());
    insertAtGap(tail, false);
    m_atEnd = true; // nothing lies after the tail; the gap fills as the agent scrolls into it
}

bool TicketQueueModel::fillGap(bool forward)
{
    if (m_gapAt < 0 || m_announcing)
        return false;
    bool ok = false;
    const int tailStart = m_gapAt;
    QList<Row> page = forward ? pageAfter(&m_rows.at(tailStart - 1), m_descending, &ok)
                              : pageAfter(&m_rows.at(tailStart), !m_descending, &ok);
    if (!ok)
        return false;
    if (!forward)
        std::reverse(page.begin(), page.end());
    insertAtGap(page, forward);
    return true;
}

void TicketQueueModel::insertAtGap(QList<Row> page, bool forward)
{
    // Rows already on the other side of the gap mean the two sides met: keep only what is new.
    QSet<qint64> other;
    const int from = forward ? m_gapAt : 0;
    const int to = forward ? static_cast<int>(m_rows.size()) : m_gapAt;
    for (int i = from; i < to; ++i)
        other.insert(m_rows.at(i).rowid);
    const qsizetype before = page.size();
    page.erase(std::remove_if(page.begin(), page.end(), [&](const Row& row) { return other.contains(row.rowid); }),
        page.end());
    const bool met = page.size() < before || before < kPageSize;
    if (!page.isEmpty()) {
        m_announcing = true;
        beginInsertRows({}, m_gapAt, m_gapAt + static_cast<int>(page.size()) - 1);
        for (qsizetype i = 0; i < page.size(); ++i)
            m_rows.insert(m_gapAt + i, page.at(i));
        endInsertRows();
        m_announcing = false;
        if (forward)
            m_gapAt += static_cast<int>(page.size());
    }
    if (met)
        m_gapAt = -1;
}

void TicketQueueModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_view.sortField = sortFieldOf(column);
    m_view.sortDescending = order == Qt::DescendingOrder;
    reload();
}

bool TicketQueueModel::setView(const TicketView& view, const ViewContext& context)
{
    auto filter = ViewQuery::filter(view, context);
    if (!filter) {
        Q_EMIT loadFailed(filter.error().message);
        return false;
    }
    m_view = view;
    m_context = context;
    m_filter = filter.value();
    m_chinese = QLocale().language() == QLocale::Chinese;
    reload();
    return true;
}

void TicketQueueModel::setSearchText(const QString& text)
{
    if (text.trimmed() == m_search)
        return;
    m_search = text.trimmed();
    reload();
}

void TicketQueueModel::setSearchScope(SearchScope scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    if (!m_search.isEmpty())
        reload();
}

void TicketQueueModel::reload()
{
    m_pages.setQuery(m_filter, m_view.sortField, m_context.definitions, m_search, m_scope == SearchScope::AllTickets);
    m_descending = m_view.sortDescending;
    m_announcing = true;
    beginResetModel();
    bool ok = false;
    m_rows = pageAfter(nullptr, m_descending, &ok);
    m_atEnd = !ok || m_rows.size() < kPageSize;
    m_gapAt = -1;
    endResetModel();
    m_announcing = false;
}

void TicketQueueModel::languageChanged()
{
    m_chinese = QLocale().language() == QLocale::Chinese;
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1));
}

void TicketQueueModel::refreshTickets(const QStringList& ticketIds)
{
    if (ticketIds.isEmpty())
        return;
    bool ok = false;
    const QList<Row> current = rows(m_pages.rowsOf(ticketIds, m_descending), &ok);
    if (!ok)
        return;
    const QSet<QString> touched(ticketIds.cbegin(), ticketIds.cend());
    QHash<QString, Row> byId;
    for (const Row& row : current)
        byId.insert(row.id, row);
    const QScopedValueRollback announcing(m_announcing, true);
    for (int i = static_cast<int>(m_rows.size()) - 1; i >= 0; --i) {
        const QString id = m_rows.at(i).id;
        if (!touched.contains(id))
            continue;
        if (const auto it = byId.constFind(id); it != byId.constEnd()) {
            m_rows[i] = *it;
            Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
        } else {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            if (m_gapAt > i)
                --m_gapAt;
            endRemoveRows();
        }
    }
    insertEntered(current);
}

void TicketQueueModel::insertEntered(const QList<Row>& current)
{
    // Tickets that entered the view (new, or changed to match) go where the sort puts them, when that
    // place is among the rows already loaded; later pages will bring the others. `current` is in the
    // view's order, so each place is at or after the one before: one pass over the loaded rows, and
    // the tickets that share a place go in together (a first sync's page of newer tickets: one block
    // on top).
    QSet<QString> shown;
    for (const Row& row : std::as_const(m_rows))
        shown.insert(row.id);
    QList<Row> block;
    int blockAt = 0;
    const auto flush = [&] {
        const int added = static_cast<int>(block.size());
        if (added == 0)
            return 0;
        beginInsertRows({}, blockAt, blockAt + added - 1);
        m_rows.insert(blockAt, added, Row());
        std::move(block.begin(), block.end(), m_rows.begin() + blockAt);
        if (m_gapAt >= blockAt)
            m_gapAt += added;
        endInsertRows();
        block.clear();
        return added;
    };
    int position = 0;
    for (const Row& row : current) {
        if (shown.contains(row.id))
            continue;
        position = static_cast<int>(std::find_if(m_rows.cbegin() + position, m_rows.cend(), [&](const Row& other) {
            return sortsBefore(row, other);
        }) - m_rows.cbegin());
        if (position != blockAt) {
            position += flush(); // the block went in above this place
            blockAt = position;
        }
        if ((position == m_rows.size() && !m_atEnd) || position == m_gapAt)
            continue; // its place is not loaded yet: paging will bring it
        block.append(row);
    }
    flush();
}

bool TicketQueueModel::sortsBefore(const Row& a, const Row& b) const
{
    // The order of the SQL: NULL keys first ascending (last descending), ties by rowid.
    int order = 0;
    if (a.sortKey.isNull() != b.sortKey.isNull()) {
        order = a.sortKey.isNull() ? -1 : 1;
    } else if (!a.sortKey.isNull()) {
        const QPartialOrdering c = QVariant::compare(a.sortKey, b.sortKey);
        order = c == QPartialOrdering::Less ? -1 : c == QPartialOrdering::Greater ? 1 : 0;
    }
    if (order == 0)
        order = a.rowid < b.rowid ? -1 : a.rowid > b.rowid ? 1 : 0;
    return m_descending ? order > 0 : order < 0;
}

QString TicketQueueModel::ticketId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

QStringList TicketQueueModel::ticketIds(const QModelIndexList& rows) const
{
    QStringList ids;
    for (const QModelIndex& index : rows) {
        const QString id = ticketId(index.row());
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    return ids;
}

void TicketQueueModel::setOffers(const QHash<QString, QDateTime>& expiresAt)
{
    if (expiresAt == m_offers && expiresAt.isEmpty())
        return;
    m_offers = expiresAt;
    if (!m_rows.isEmpty()) // the time left moves every call: the status column is announced again
        Q_EMIT dataChanged(index(0, Status), index(int(m_rows.size()) - 1, Status));
}

QDateTime TicketQueueModel::offerOf(const Row& row) const
{
    return row.status == TicketStatus::New ? m_offers.value(row.id) : QDateTime();
}

} // namespace gongdan
