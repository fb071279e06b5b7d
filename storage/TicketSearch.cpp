#include "TicketSearch.h"

#include "SearchTokenizer.h"

namespace gongdan {

TicketSearch::TicketSearch(Database& db) : m_db(db) { }

Result<QList<SearchHit>> TicketSearch::search(const QString& text, int limit)
{
    QList<SearchHit> hits;
    const QString match = SearchTokenizer::matchExpression(text);
    if (match.isEmpty())
        return hits;
    // Both FTS tables walk their doclists newest first and stop at the limit; the union is re-sorted.
    QSqlQuery& query = m_db.prepared(QStringLiteral(
        "SELECT t.rowid, t.id, t.number, t.subject FROM ticket t WHERE t.rowid IN ("
        " SELECT rowid FROM (SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ? ORDER BY rowid DESC LIMIT ?)"
        " UNION SELECT ticket_rowid FROM comment WHERE rowid IN"
        " (SELECT rowid FROM comment_fts WHERE comment_fts MATCH ? ORDER BY rowid DESC LIMIT ?))"
        " ORDER BY t.rowid DESC LIMIT ?"));
    for (const QVariant& value : {QVariant(match), QVariant(limit), QVariant(match), QVariant(limit), QVariant(limit)})
        query.addBindValue(value);
    if (!query.exec()) {
        Error error = Database::errorOf(query);
        query.finish();
        return error;
    }
    while (query.next())
        hits.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString()});
    query.finish();
    return hits;
}

} // namespace gongdan
