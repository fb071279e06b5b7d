// Whose store it is: the user the cache synced for, and handing it to another user.
#include "domain/Intents.h"
#include "domain/JsonCodec.h"
#include "storage/LocalTicketWorld.h"
#include "storage/NeedsAttention.h"
#include "storage/SyncCache.h"

#include <QHash>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>

namespace gongdan {

QString SyncCache::owner()
{
    QSqlQuery query(m_db.sql());
    return query.exec(QStringLiteral("SELECT user_id FROM sync_state WHERE id = 1")) && query.next()
        ? query.value(0).toString()
        : QString();
}

Status SyncCache::claimFor(const QString& userId, bool* switched)
{
    const QString previous = owner();
    if (switched)
        *switched = !previous.isEmpty() && previous != userId;
    if (previous == userId) {
        m_db.setSignedInUser(userId);
        return {};
    }
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started();
    QStringList statements;
    if (previous.isEmpty()) {
        // The first user to sign in: what was queued before anyone did is theirs.
        QSqlQuery& adopt = m_db.prepared(QStringLiteral("UPDATE outbox SET user_id = ? WHERE user_id IS NULL"));
        adopt.addBindValue(userId);
        const bool adopted = adopt.exec();
        adopt.finish();
        if (!adopted)
            return Database::errorOf(adopt);
    } else {
        // Another user: what came from the server was the previous user's view; it goes (their queue stays).
        statements = {QStringLiteral("DELETE FROM ticket"), QStringLiteral("DELETE FROM ticket_synced"),
            QStringLiteral("DELETE FROM ticket_alias"), QStringLiteral("DELETE FROM ticket_conflict"),
            QStringLiteral("DELETE FROM ticket_notice"),
            // Views came for that person: their own and those shared with them.
            QStringLiteral("DELETE FROM ticket_view WHERE id IN (SELECT id FROM record_synced WHERE kind = 'view')"),
            QStringLiteral("DELETE FROM record_synced WHERE kind = 'view'"),
            QStringLiteral("UPDATE sync_state SET cursor = 0, epoch = NULL, talk_after = NULL, talk_upto = NULL, "
                           "talk_own = 0 WHERE id = 1"),
            QStringLiteral("UPDATE outbox SET state = 'pending', acked_server_seq = NULL WHERE state = 'acked'")};
    }
    for (const QString& sql : std::as_const(statements)) {
        if (Status s = m_db.exec(sql); !s)
            return s;
    }
    QSqlQuery& mark = m_db.prepared(QStringLiteral("UPDATE sync_state SET user_id = ? WHERE id = 1"));
    mark.addBindValue(userId);
    const bool marked = mark.exec();
    mark.finish();
    if (!marked)
        return Database::errorOf(mark);
    m_db.setSignedInUser(userId);
    if (!previous.isEmpty()) {
        // The new user's tickets that exist only here (created, not yet delivered, or refused) come back
        // from their queue; changes to tickets the server has follow with its copies in the first sync.
        QStringList local;
        for (const OutboxEntry& entry : m_outbox.entries(0, 1000000)) {
            const bool mine = entry.userId.isEmpty() || entry.userId == userId;
            if (!mine || entry.state == QLatin1String("acked"))
                continue;
            if (entry.name == intent::TicketCreate)
                local.append(entry.entityId);
            if (local.contains(entry.entityId))
                m_tickets.replay(entry); // a change that no longer applies stays queued: the server decides
        }
    }
    return transaction.commit();
}

} // namespace gongdan
