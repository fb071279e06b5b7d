#include "storage/NotificationInbox.h"

#include "domain/Intents.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gongdan {

NotificationInbox::NotificationInbox(Database& db) : m_db(db), m_outbox(db) { }

QList<Notification> NotificationInbox::list(int limit)
{
    QList<Notification> all;
    QSqlQuery& query = m_db.prepared(QStringLiteral(
        "SELECT data FROM record_synced WHERE kind = 'notification' AND json_extract(data, '$.created_at') >= ? "
        "ORDER BY json_extract(data, '$.created_at') DESC, id DESC LIMIT ?"));
    query.addBindValue(keptSince());
    query.addBindValue(limit);
    if (query.exec()) {
        while (query.next()) {
            auto parsed = Notification::fromJson(QJsonDocument::fromJson(query.value(0).toByteArray()).object());
            if (parsed && (m_db.signedInUser().isEmpty() || parsed.value().userId == m_db.signedInUser()))
                all.append(parsed.value());
        }
    }
    query.finish();
    return all;
}

int NotificationInbox::unreadCount()
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT count(*) FROM record_synced WHERE kind = 'notification' "
                       "AND json_type(data, '$.read_at') IS NOT 'text' AND json_extract(data, '$.created_at') >= ? "
                       "AND (? = '' OR json_extract(data, '$.user_id') = ?)"));
    query.addBindValue(keptSince());
    query.addBindValue(m_db.signedInUser());
    query.addBindValue(m_db.signedInUser());
    const int count = query.exec() && query.next() ? query.value(0).toInt() : 0;
    query.finish();
    return count;
}

Result<QStringList> NotificationInbox::markRead(const QStringList& ids)
{
    return mark(ids, {{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}});
}

Result<QStringList> NotificationInbox::markAllRead()
{
    QStringList ids;
    for (const Notification& n : list(100000)) {
        if (n.unread())
            ids.append(n.id);
    }
    return mark(ids, {{QStringLiteral("all"), true}});
}

Result<QStringList> NotificationInbox::markTicketRead(const QString& ticketId)
{
    QStringList ids;
    for (const Notification& n : list(100000)) {
        if (n.unread() && n.ticketId == ticketId && n.type != QLatin1String("mention")) // (read where it is shown)
            ids.append(n.id);
    }
    return mark(ids, {{QStringLiteral("ticket_id"), ticketId}});
}

QString NotificationInbox::keptSince() const
{
    return m_db.clock().now().toUTC().addDays(-Notification::kRetentionDays).toString(Qt::ISODateWithMs);
}

Result<QStringList> NotificationInbox::clearAll()
{
    QStringList ids;
    for (const Notification& n : list(100000))
        ids.append(n.id);
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started().error();
    for (const QString& id : std::as_const(ids)) {
        QSqlQuery& drop
            = m_db.prepared(QStringLiteral("DELETE FROM record_synced WHERE kind = 'notification' AND id = ?"));
        drop.addBindValue(id);
        const bool ok = drop.exec();
        drop.finish();
        if (!ok)
            return Database::errorOf(drop);
    }
    QSqlQuery& old = m_db.prepared(QStringLiteral(
        "DELETE FROM record_synced WHERE kind = 'notification' AND json_extract(data, '$.created_at') < ?"));
    old.addBindValue(keptSince());
    const bool pruned = old.exec();
    old.finish();
    if (!pruned)
        return Database::errorOf(old);
    if (!ids.isEmpty()) {
        if (auto queued = m_outbox.append(QString(intent::NotificationClear), m_db.signedInUser(),
                {{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}});
            !queued)
            return queued.error();
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return ids;
}

Result<QStringList> NotificationInbox::mark(const QStringList& ids, const QJsonObject& args)
{
    QStringList changed;
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started().error();
    const QString now = m_db.clock().now().toUTC().toString(Qt::ISODateWithMs);
    for (const QString& id : ids) {
        QSqlQuery& update = m_db.prepared(
            QStringLiteral("UPDATE record_synced SET data = json_set(data, '$.read_at', ?) WHERE kind = 'notification' "
                           "AND id = ? AND json_type(data, '$.read_at') IS NOT 'text'"));
        update.addBindValue(now);
        update.addBindValue(id);
        const bool ok = update.exec();
        const int rows = update.numRowsAffected();
        update.finish();
        if (!ok)
            return Database::errorOf(update);
        if (rows > 0)
            changed.append(id);
    }
    if (changed.isEmpty())
        return changed;
    if (auto queued = m_outbox.append(QString(intent::NotificationRead), m_db.signedInUser(), args); !queued)
        return queued.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return changed;
}

} // namespace gongdan
