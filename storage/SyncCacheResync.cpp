// A resync after a restore on the server: the copies set aside, then what the rebuilt copy did not bring back
// (tickets, comments) leaves the desk unless a change queued here holds it.
#include "storage/SyncCache.h"

#include <QSqlQuery>

namespace gongdan {

Status SyncCache::resetForResync()
{
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started();
    for (const QString& sql : {QStringLiteral("DELETE FROM ticket_synced"),
             QStringLiteral("UPDATE ticket SET server_seq = NULL WHERE server_seq IS NOT NULL"),
             QStringLiteral("UPDATE sync_state SET cursor = 0, epoch = NULL WHERE id = 1"),
             // Each comment must come back in the rebuilt copy, or it went with a restore (dropUnconfirmedComments).
             QStringLiteral("INSERT OR IGNORE INTO comment_unconfirmed(id) SELECT id FROM comment"),
             // Acked entries may not be in the rebuilt copy yet: re-sent, they are answered as duplicates.
             QStringLiteral("UPDATE outbox SET state = 'pending', acked_server_seq = NULL WHERE state = 'acked'")}) {
        if (Status s = m_db.exec(sql); !s)
            return s;
    }
    return transaction.commit();
}

Result<QStringList> SyncCache::dropVanished()
{
    QStringList candidates; // resetForResync() cleared server_seq; every ticket the snapshot brought has one again
    {
        QSqlQuery query(m_db.sql());
        if (!query.exec(QStringLiteral("SELECT id FROM ticket WHERE server_seq IS NULL")))
            return Database::errorOf(query);
        while (query.next())
            candidates.append(query.value(0).toString());
    }
    if (candidates.isEmpty())
        return candidates;
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started().error();
    QStringList removed;
    for (const QString& id : candidates) {
        if (Status s = recompute(id, cursor()); !s) // no server copy: withoutCopy() decides
            return s.error();
        QSqlQuery& still = m_db.prepared(QStringLiteral("SELECT 1 FROM ticket WHERE id = ?"));
        still.addBindValue(id);
        const bool kept = still.exec() && still.next();
        still.finish();
        if (!kept)
            removed.append(id);
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return removed;
}

Result<QStringList> SyncCache::dropUnconfirmedComments()
{
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started().error();
    QStringList tickets;
    {
        // Kept: a comment a change queued here holds (pending, sent, or refused and waiting for the agent).
        QSqlQuery gone(m_db.sql());
        if (!gone.exec(
                QStringLiteral("DELETE FROM comment WHERE id IN (SELECT id FROM comment_unconfirmed) AND id NOT IN "
                               "(SELECT json_extract(args, '$.comment.id') FROM outbox WHERE name = 'comment.add' "
                               "AND json_extract(args, '$.comment.id') IS NOT NULL) "
                               "RETURNING (SELECT id FROM ticket WHERE ticket.rowid = comment.ticket_rowid)")))
            return Database::errorOf(gone);
        while (gone.next()) {
            const QString id = gone.value(0).toString();
            if (!id.isEmpty() && !tickets.contains(id))
                tickets.append(id);
        }
    }
    if (Status s = m_db.exec(QStringLiteral("DELETE FROM comment_unconfirmed")); !s)
        return s.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return tickets;
}

} // namespace gongdan
