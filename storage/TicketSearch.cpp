#include "storage/TicketSearch.h"

#include "storage/SearchTokenizer.h"

#include <algorithm>

namespace gongdan {

TicketSearch::TicketSearch(Database& db) : m_db(db) { }

Result<QList<SearchHit>> TicketSearch::search(const QString& text, int limit)
{
    QList<SearchHit> hits;
    const QString match = SearchTokenizer::matchExpression(text);
    if (match.isEmpty())
        return hits;
    QSqlQuery query(m_db.sql());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT rowid, id, number, subject FROM ticket WHERE rowid IN (%1) ORDER BY rowid DESC")
            .arg(hitRowidsSql(limit)));
    for (const QVariant& value : hitParams(text, match))
        query.addBindValue(value);
    if (!query.exec())
        return Database::errorOf(query);
    while (query.next())
        hits.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString()});
    return hits;
}

QString TicketSearch::hitRowidsSql(int cap)
{
    return QStringLiteral(
        "SELECT rowid FROM (SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ? ORDER BY rowid DESC "
        "LIMIT %1) UNION SELECT ticket_rowid FROM comment WHERE rowid IN (SELECT rowid FROM comment_fts "
        "WHERE comment_fts MATCH ? ORDER BY rowid DESC LIMIT %1) UNION SELECT t.rowid FROM ticket_alias a "
        "JOIN ticket t ON t.id = a.ticket_id WHERE a.alias = ?")
        .arg(std::max(1, cap));
}

QVariantList TicketSearch::hitParams(const QString& text, const QString& match)
{
    return {match, match, text.trimmed().toUpper()}; // device codes and their references are upper case
}

} // namespace gongdan
