#include "teamdb/DispatchStore.h"

#include <QDateTime>
#include <QScopeGuard>
#include <QSqlError>

namespace gongdan {

namespace {

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

QJsonObject PresenceRecord::toJson() const
{
    return {{QStringLiteral("user_id"), userId}, {QStringLiteral("presence"), presenceKey(presence)},
        {QStringLiteral("changed_at"), changedMs > 0 ? iso(changedMs) : QString()},
        {QStringLiteral("changed_by"), changedBy}, {QStringLiteral("misses"), misses}};
}

QJsonObject DispatchOffer::toJson() const
{
    return {{QStringLiteral("ticket_id"), ticketId}, {QStringLiteral("user_id"), userId},
        {QStringLiteral("group_id"), groupId}, {QStringLiteral("offered_at"), iso(offeredMs)},
        {QStringLiteral("expires_at"), iso(expiresMs)}, {QStringLiteral("state"), state},
        {QStringLiteral("explanation"), explanation}};
}

DispatchStore::DispatchStore(ServerDatabase& database) : m_database(database) { }

Status DispatchStore::exec(const QString& sql, const QVariantList& values, const QString& what)
{
    QSqlQuery& statement = m_database.prepared(sql);
    for (const QVariant& value : values)
        statement.addBindValue(value);
    const bool ok = statement.exec();
    const QSqlError error = statement.lastError();
    statement.finish();
    if (!ok)
        return ServerDatabase::failure(error, what);
    return {};
}

std::optional<PresenceRecord> DispatchStore::presence(const QString& userId)
{
    QSqlQuery& q = m_database.prepared(
        QStringLiteral("SELECT presence, changed_ms, changed_by, misses FROM agent_presence WHERE user_id = ?"));
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(userId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return PresenceRecord {userId, presenceFromKey(q.value(0).toString()).value_or(Presence::Offline),
        q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toInt()};
}

QList<PresenceRecord> DispatchStore::presences()
{
    QSqlQuery q(m_database.sql());
    QList<PresenceRecord> out;
    if (!q.exec(QStringLiteral(
            "SELECT user_id, presence, changed_ms, changed_by, misses FROM agent_presence ORDER BY user_id")))
        return out;
    while (q.next())
        out.append({q.value(0).toString(), presenceFromKey(q.value(1).toString()).value_or(Presence::Offline),
            q.value(2).toLongLong(), q.value(3).toString(), q.value(4).toInt()});
    return out;
}

Status DispatchStore::setPresence(const PresenceRecord& record)
{
    return exec(
        QStringLiteral("INSERT INTO agent_presence(user_id, presence, changed_ms, changed_by, misses) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET presence = excluded.presence, "
                       "changed_ms = excluded.changed_ms, changed_by = excluded.changed_by, "
                       "misses = excluded.misses"),
        {record.userId, presenceKey(record.presence), record.changedMs, record.changedBy, record.misses},
        QStringLiteral("Cannot store the presence"));
}

Status DispatchStore::setMisses(const QString& userId, int misses)
{
    return exec(QStringLiteral("UPDATE agent_presence SET misses = ? WHERE user_id = ?"), {misses, userId},
        QStringLiteral("Cannot count the missed offers"));
}

Result<bool> DispatchStore::claimTicket(const QString& ticketId, int version)
{
    QSqlQuery& q
        = m_database.prepared(QStringLiteral("UPDATE ticket SET version = version WHERE id = ? AND version = ?"));
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(ticketId);
    q.addBindValue(version);
    if (!q.exec())
        return ServerDatabase::failure(q.lastError(), QStringLiteral("Cannot claim the ticket"));
    return q.numRowsAffected() == 1;
}

Status DispatchStore::insertOffer(const DispatchOffer& o)
{
    return exec(QStringLiteral("INSERT INTO dispatch_offer(ticket_id, base_version, user_id, group_id, offered_ms, "
                               "expires_ms, state, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {o.ticketId, o.baseVersion, o.userId, o.groupId, o.offeredMs, o.expiresMs, o.state, o.explanation},
        QStringLiteral("Cannot store the offer"));
}

Status DispatchStore::setOfferState(const QString& ticketId, int baseVersion, const QString& state)
{
    return exec(QStringLiteral("UPDATE dispatch_offer SET state = ? WHERE ticket_id = ? AND base_version = ?"),
        {state, ticketId, baseVersion}, QStringLiteral("Cannot settle the offer"));
}

QList<DispatchOffer> DispatchStore::offersWhere(const QString& condition, const QVariantList& values)
{
    QSqlQuery& q = m_database.prepared(QStringLiteral("SELECT ticket_id, base_version, user_id, group_id, offered_ms, "
                                                      "expires_ms, state, explanation FROM dispatch_offer WHERE ")
        + condition + QStringLiteral(" ORDER BY offered_ms, ticket_id"));
    const auto done = qScopeGuard([&q] { q.finish(); });
    for (const QVariant& v : values)
        q.addBindValue(v);
    QList<DispatchOffer> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toInt(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toLongLong(), q.value(5).toLongLong(), q.value(6).toString(), q.value(7).toString()});
    return out;
}

QList<DispatchOffer> DispatchStore::openOffers()
{
    return offersWhere(QStringLiteral("state = ?"), {QStringLiteral("open")});
}

QList<DispatchOffer> DispatchStore::offersOf(const QString& ticketId)
{
    return offersWhere(QStringLiteral("ticket_id = ?"), {ticketId});
}

std::optional<DispatchOffer> DispatchStore::openOffer(const QString& ticketId, const QString& userId)
{
    const QList<DispatchOffer> found = offersWhere(
        QStringLiteral("ticket_id = ? AND user_id = ? AND state = ?"), {ticketId, userId, QStringLiteral("open")});
    if (found.isEmpty())
        return std::nullopt;
    return found.last();
}

Result<QStringList> DispatchStore::queue(const QString& groupId)
{
    QSqlQuery& q = m_database.prepared(QStringLiteral(
        "SELECT id FROM ticket WHERE group_id = ? AND status = 'new' AND (assignee_id IS NULL OR assignee_id = '') "
        "ORDER BY id"));
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(groupId);
    if (!q.exec())
        return ServerDatabase::failure(q.lastError(), QStringLiteral("Cannot read the queue"));
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

Result<QList<TicketStatus>> DispatchStore::assignedStatuses(const QString& userId)
{
    QSqlQuery& q = m_database.prepared(QStringLiteral("SELECT status FROM ticket WHERE assignee_id = ?"));
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(userId);
    if (!q.exec())
        return ServerDatabase::failure(q.lastError(), QStringLiteral("Cannot count the load"));
    QList<TicketStatus> statuses;
    while (q.next()) {
        if (auto s = EnumText<TicketStatus>::fromKey(q.value(0).toString()))
            statuses.append(*s);
    }
    return statuses;
}

qint64 DispatchStore::lastOfferMs(const QString& userId, const QString& groupId)
{
    QSqlQuery& q = m_database.prepared(groupId.isEmpty()
            ? QStringLiteral("SELECT MAX(offered_ms) FROM dispatch_offer WHERE user_id = ?")
            : QStringLiteral("SELECT MAX(offered_ms) FROM dispatch_offer WHERE user_id = ? AND group_id = ?"));
    const auto done = qScopeGuard([&q] { q.finish(); });
    q.addBindValue(userId);
    if (!groupId.isEmpty())
        q.addBindValue(groupId);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

} // namespace gongdan
