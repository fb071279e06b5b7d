#include "teamdb/NotificationStore.h"

#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlError>
#include <QTimeZone>

namespace gongdan {

namespace {

QString compact(const QJsonObject& json)
{
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

} // namespace

NotificationStore::NotificationStore(ServerDatabase& database) : m_database(database) { }

Result<bool> NotificationStore::claim(const EscalationFiring& firing)
{
    QSqlQuery& query = m_database.prepared(
        QStringLiteral("INSERT INTO escalation_firing(key, ticket_id, metric, cycle, level, kind, reached_ms, "
                       "fired_ms, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    for (const QVariant& value : QVariantList {firing.key, firing.ticketId, firing.metric, firing.cycle, firing.level,
             firing.kind, firing.reachedMs, firing.firedMs, firing.late ? 1 : 0})
        query.addBindValue(value);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot record an escalation firing"));
    return query.numRowsAffected() == 1;
}

Result<QSet<QString>> NotificationStore::firedKeys(const QString& ticketId)
{
    auto all = firings(ticketId);
    if (!all)
        return all.error();
    QSet<QString> keys;
    for (const EscalationFiring& firing : all.value())
        keys.insert(firing.key);
    return keys;
}

Result<QList<EscalationFiring>> NotificationStore::firings(const QString& ticketId)
{
    QSqlQuery& query = m_database.prepared(
        QStringLiteral("SELECT key, ticket_id, metric, cycle, level, kind, reached_ms, fired_ms, late "
                       "FROM escalation_firing WHERE ticket_id = ? ORDER BY fired_ms, key"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(ticketId);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot read escalation firings"));
    QList<EscalationFiring> rows;
    while (query.next())
        rows.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toInt(), query.value(4).toInt(), query.value(5).toString(), query.value(6).toLongLong(),
            query.value(7).toLongLong(), query.value(8).toInt() != 0});
    return rows;
}

Status NotificationStore::insert(const Notification& notification, qint64 notifyMs, bool delivered)
{
    QSqlQuery& query = m_database.prepared(
        QStringLiteral("INSERT INTO notification(id, user_id, ticket_id, type, data, created_ms, notify_ms, delivered, "
                       "read_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    for (const QVariant& value :
        QVariantList {notification.id, notification.userId, notification.ticketId, notification.type,
            compact(notification.toJson()), notification.createdAt.toMSecsSinceEpoch(), notifyMs, delivered ? 1 : 0})
        query.addBindValue(value);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot store a notification"));
    return {};
}

Result<QList<Notification>> NotificationStore::read(const QString& sql, const QVariantList& values)
{
    QSqlQuery& query = m_database.prepared(sql);
    const auto finished = qScopeGuard([&query] { query.finish(); });
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot read notifications"));
    QList<Notification> rows;
    while (query.next()) {
        auto parsed = Notification::fromJson(QJsonDocument::fromJson(query.value(0).toString().toUtf8()).object());
        if (!parsed)
            continue;
        if (!query.value(1).isNull())
            parsed.value().readAt = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
        rows.append(parsed.value());
    }
    return rows;
}

Result<QList<Notification>> NotificationStore::heldUntil(qint64 nowMs, int limit)
{
    return read(QStringLiteral("SELECT data, read_ms FROM notification WHERE delivered = 0 AND notify_ms <= ? "
                               "ORDER BY notify_ms, id LIMIT ?"),
        {nowMs, limit});
}

Status NotificationStore::setDelivered(const QString& id)
{
    QSqlQuery& query = m_database.prepared(QStringLiteral("UPDATE notification SET delivered = 1 WHERE id = ?"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(id);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot deliver a notification"));
    return {};
}

Result<std::optional<qint64>> NotificationStore::nextHeld()
{
    QSqlQuery& query
        = m_database.prepared(QStringLiteral("SELECT MIN(notify_ms) FROM notification WHERE delivered = 0"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot read held notifications"));
    if (query.next() && !query.value(0).isNull())
        return std::optional<qint64>(query.value(0).toLongLong());
    return std::optional<qint64>();
}

Result<QList<Notification>> NotificationStore::forUser(const QString& userId, int limit, bool unreadOnly)
{
    return read(QStringLiteral("SELECT data, read_ms FROM notification WHERE user_id = ? AND delivered = 1%1 "
                               "ORDER BY created_ms DESC, id DESC LIMIT ?")
                    .arg(unreadOnly ? QStringLiteral(" AND read_ms IS NULL") : QString()),
        {userId, limit});
}

Result<QList<Notification>> NotificationStore::markRead(
    const QString& userId, const QStringList& ids, bool all, const QString& ticketId, qint64 nowMs)
{
    auto unread = read(QStringLiteral("SELECT data, read_ms FROM notification WHERE user_id = ? AND delivered = 1 "
                                      "AND read_ms IS NULL ORDER BY created_ms, id"),
        {userId});
    if (!unread)
        return unread.error();
    QList<Notification> changed;
    for (Notification& n : unread.value()) {
        // Opening the ticket reads what it tells of, but never an @mention (read only where it is shown).
        if (!all && !ids.contains(n.id)
            && (ticketId.isEmpty() || n.ticketId != ticketId || n.type == QLatin1String("mention")))
            continue;
        QSqlQuery& query = m_database.prepared(QStringLiteral("UPDATE notification SET read_ms = ? WHERE id = ?"));
        const auto finished = qScopeGuard([&query] { query.finish(); });
        query.addBindValue(nowMs);
        query.addBindValue(n.id);
        if (!query.exec())
            return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot mark a notification read"));
        n.readAt = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
        changed.append(n);
    }
    return changed;
}

Result<QStringList> NotificationStore::remove(const QString& userId, const QStringList& ids, bool all)
{
    auto mine
        = read(QStringLiteral("SELECT data, read_ms FROM notification WHERE user_id = ? AND delivered = 1"), {userId});
    if (!mine)
        return mine.error();
    QStringList removed;
    for (const Notification& n : std::as_const(mine.value())) {
        if (!all && !ids.contains(n.id))
            continue;
        QSqlQuery& query = m_database.prepared(QStringLiteral("DELETE FROM notification WHERE id = ?"));
        const auto finished = qScopeGuard([&query] { query.finish(); });
        query.addBindValue(n.id);
        if (!query.exec())
            return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot clear a notification"));
        removed.append(n.id);
    }
    return removed;
}

Result<int> NotificationStore::prune(qint64 beforeMs)
{
    QSqlQuery& query = m_database.prepared(QStringLiteral("DELETE FROM notification WHERE created_ms < ?"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(beforeMs);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot prune notifications"));
    return query.numRowsAffected();
}

} // namespace gongdan
