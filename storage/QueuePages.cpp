#include "storage/QueuePages.h"

#include "storage/SearchTokenizer.h"
#include "storage/TicketRows.h"
#include "storage/TicketSearch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <algorithm>

namespace gongdan {

namespace {

// Search narrows a view to the newest full-text hits (tickets and comments); 1,000 keeps it fast for
// words found in a third of the store while covering what an agent scrolls through.
constexpr int kSearchCap = 1000;

} // namespace

Status QueuePages::setQuery(const SqlFilter& filter, const QString& sortField,
    const QList<FieldDefinition>& definitions, const QString& search, bool everywhere)
{
    auto expression = ViewQuery::expression(sortField, definitions);
    const QString field = expression ? expression.value() : QStringLiteral("created_ms");
    m_filter = filter;
    m_sortExpression = field; // the bare column, so SQLite can read a (status, column) index in order
    // Within one status every row ties: order those by creation time, which (status, created_ms) serves.
    m_tieBreakByCreated = field == QLatin1String("status");
    m_search = search;
    m_everywhere = everywhere && !search.isEmpty();
    return {};
}

Result<QList<QueueRow>> QueuePages::pageAfter(const QueueRow* last, int limit, bool descending)
{
    if (!last)
        return select(QString(), {}, limit, descending);
    // Keyset on (key, rowid). SQLite sorts NULL first ascending and last descending, and a row-value
    // comparison with NULL is never true, so the NULL run is paged by rowid alone. Paging the reversed
    // order (descending flipped) walks the same sequence backwards.
    const QString& key = m_sortExpression;
    if (m_tieBreakByCreated) { // status: never NULL, ties ordered by creation time
        return select(QStringLiteral("(%1, created_ms, rowid) %2 (?, ?, ?)")
                          .arg(key, descending ? QStringLiteral("<") : QStringLiteral(">")),
            {last->sortKey, last->created.toMSecsSinceEpoch(), last->rowid}, limit, descending);
    }
    if (last->sortKey.isNull()) {
        return descending
            ? select(QStringLiteral("(%1 IS NULL AND rowid < ?)").arg(key), {last->rowid}, limit, descending)
            : select(QStringLiteral("((%1 IS NULL AND rowid > ?) OR %1 IS NOT NULL)").arg(key), {last->rowid}, limit,
                descending);
    }
    return descending
        ? select(QStringLiteral("((%1, rowid) < (?, ?) OR %1 IS NULL)").arg(key), {last->sortKey, last->rowid}, limit,
            descending)
        : select(QStringLiteral("(%1, rowid) > (?, ?)").arg(key), {last->sortKey, last->rowid}, limit, descending);
}

Result<QList<QueueRow>> QueuePages::rowsOf(const QStringList& ticketIds, bool descending)
{
    // The ids as one JSON array: a first sync's page touches 2,000 tickets, and a statement with a
    // parameter each cost more to parse than to run.
    const QJsonArray ids = QJsonArray::fromStringList(ticketIds);
    return select(QStringLiteral("id IN (SELECT value FROM json_each(?))"),
        {QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact))}, static_cast<int>(ids.size()),
        descending);
}

Result<QList<QueueRow>> QueuePages::select(
    const QString& extraWhere, const QVariantList& extraParams, int limit, bool descending)
{
    // Searching all tickets: every row of the store, which holds exactly what the agent may read.
    const bool everywhere = m_everywhere;
    QString where = everywhere ? QStringLiteral("1") : m_filter.where;
    QVariantList params = everywhere ? QVariantList() : m_filter.params;
    if (!m_search.isEmpty()) {
        const QString match = SearchTokenizer::matchExpression(m_search);
        if (match.isEmpty()) {
            where += QStringLiteral(" AND 0"); // typed only punctuation: nothing can match
        } else {
            where += QStringLiteral(" AND rowid IN (%1)").arg(TicketSearch::hitRowidsSql(kSearchCap));
            params += TicketSearch::hitParams(m_search, match);
        }
    }
    if (!extraWhere.isEmpty()) {
        where += QStringLiteral(" AND ") + extraWhere;
        params += extraParams;
    }
    const QString direction = descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    // Two phases: the subquery picks the page's rowids from the filter and sort columns alone, which a
    // (status, column) index covers; only those rows are then read. One phase let the planner pick any
    // (status, …) index and read every row of the view to sort it.
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT rowid, %1, id, number, subject, contact_name, category_id, assignee_id, group_id, "
        "priority, status, created_ms, resolution_due_ms, EXISTS(SELECT 1 FROM ticket_notice n WHERE n.ticket_id = "
        "ticket.id), EXISTS(SELECT 1 FROM outbox o WHERE o.entity_id = ticket.id AND o.state = 'rejected'), "
        "response_due_ms "
        "FROM ticket WHERE rowid IN (SELECT rowid FROM ticket WHERE %2 "
        "ORDER BY %1 %3, %4rowid %3 LIMIT %5) ORDER BY %1 %3, %4rowid %3")
                  .arg(m_sortExpression, where, direction,
                      m_tieBreakByCreated ? QStringLiteral("created_ms %1, ").arg(direction) : QString())
                  .arg(limit));
    for (const QVariant& value : params)
        q.addBindValue(value);
    if (!q.exec())
        return Database::errorOf(q);
    QList<QueueRow> rows;
    while (q.next()) {
        QueueRow row;
        row.rowid = q.value(0).toLongLong();
        row.sortKey = q.value(1);
        row.id = q.value(2).toString();
        row.number = q.value(3).toString();
        row.subject = q.value(4).toString();
        row.customer = q.value(5).toString();
        row.categoryId = q.value(6).toString();
        row.assigneeId = q.value(7).toString();
        row.groupId = q.value(8).toString();
        row.priority = static_cast<gongdan::Priority>(std::clamp(q.value(9).toInt(), 0, 2));
        row.status = EnumText<TicketStatus>::fromKey(q.value(10).toString()).value_or(TicketStatus::New);
        row.created = TicketRows::fromMs(q.value(11));
        row.due = TicketRows::fromMs(q.value(12));
        // A running reply clock that falls due before the resolution is the one the agent must watch.
        if (const QDateTime reply = TicketRows::fromMs(q.value(15));
            reply.isValid() && (!row.due.isValid() || reply < row.due)) {
            row.due = reply;
            row.replyDue = true;
        }
        row.departed = q.value(13).toBool();
        row.refused = q.value(14).toBool();
        rows.append(row);
    }
    return rows;
}

} // namespace gongdan
