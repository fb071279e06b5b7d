#include "teamdb/DashboardStore.h"

#include "domain/JsonCodec.h"

#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlError>

namespace gongdan {

namespace {

QJsonObject objectOf(const QVariant& text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

} // namespace

DashboardStore::DashboardStore(ServerDatabase& database) : m_database(database) { }

Status DashboardStore::liveTickets(qint64 sinceMs, const std::function<void(const Ticket&)>& each)
{
    // Written today: the first change committed at or after `sinceMs` bounds every ticket row written since.
    QSqlQuery q(m_database.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT data FROM ticket WHERE status IN ('new', 'in_progress', 'waiting_customer', 'follow_up') "
        "OR server_seq >= (SELECT COALESCE(MIN(server_seq), 0) FROM change_log WHERE committed_ms >= ?)"));
    q.addBindValue(sinceMs);
    if (!q.exec())
        return ServerDatabase::failure(q.lastError(), QStringLiteral("dashboard recount"));
    while (q.next()) {
        if (auto ticket = JsonCodec::ticketFromJson(objectOf(q.value(0))))
            each(ticket.value());
    }
    return {};
}

Result<bool> DashboardStore::ticketChanges(qint64& cursor, int limit, const std::function<void(const Ticket&)>& each)
{
    QSqlQuery& q = m_database.prepared(
        QStringLiteral("SELECT server_seq, data FROM change_log WHERE server_seq > ? AND entity = 'ticket' "
                       "AND op = 'upsert' ORDER BY server_seq LIMIT ?"));
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(cursor);
    q.addBindValue(limit);
    if (!q.exec())
        return ServerDatabase::failure(q.lastError(), QStringLiteral("dashboard changes"));
    int rows = 0;
    while (q.next()) {
        ++rows;
        cursor = q.value(0).toLongLong();
        const QJsonObject data = objectOf(q.value(1));
        if (auto ticket = JsonCodec::ticketFromJson(data.value(QStringLiteral("ticket")).toObject()))
            each(ticket.value());
    }
    return rows == limit;
}

Result<qint64> DashboardStore::lastSeq()
{
    QSqlQuery& q = m_database.prepared(QStringLiteral("SELECT COALESCE(MAX(server_seq), 0) FROM change_log"));
    const auto done = qScopeGuard([&q] { q.finish(); });
    if (!q.exec() || !q.next())
        return ServerDatabase::failure(q.lastError(), QStringLiteral("dashboard seq"));
    return q.value(0).toLongLong();
}

} // namespace gongdan
