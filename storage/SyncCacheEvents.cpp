// A first sync's events, set aside in a plain table and moved into ticket_event in one pass at the end.
#include "storage/SyncCache.h"

namespace gongdan {

namespace {

QString nullIfEmpty(const QString& text)
{
    return text.isEmpty() ? QString() : text;
}

} // namespace

Status SyncCache::stageEvents()
{
    m_stageEvent.reset();
    // A plain table (no index, no key but the rowid): each page's events are appended to its end. Left
    // over by a first sync that was stopped, it is emptied here and dropped by the merge.
    for (const QString& sql :
        {QStringLiteral("CREATE TABLE IF NOT EXISTS staged_event(ticket_rowid INTEGER NOT NULL, actor_id TEXT, "
                        "at_ms INTEGER NOT NULL, kind TEXT NOT NULL, field TEXT, old_value TEXT, new_value TEXT, "
                        "event_id TEXT)"),
            QStringLiteral("DELETE FROM staged_event")}) {
        if (Status s = m_db.exec(sql); !s)
            return s;
    }
    m_stageEvent = std::make_unique<SqliteStatement>(m_db.handle(),
        "INSERT INTO staged_event(ticket_rowid, actor_id, at_ms, kind, field, old_value, new_value, event_id) "
        "VALUES (?,?,?,?,?,?,?,?)");
    return {};
}

Status SyncCache::stageEvent(qint64 ticketRowid, const TicketEvent& e)
{
    m_stageEvent->bind(1, ticketRowid).bind(2, nullIfEmpty(e.actorId)).bind(3, TicketRows::toMs(e.at));
    m_stageEvent->bind(4, e.kind).bind(5, nullIfEmpty(e.field)).bind(6, nullIfEmpty(e.oldValue));
    m_stageEvent->bind(7, nullIfEmpty(e.newValue)).bind(8, nullIfEmpty(e.eventId));
    return m_stageEvent->run();
}

Status SyncCache::mergeStagedEvents()
{
    if (!m_stageEvent)
        return {};
    m_stageEvent.reset(); // (a statement on the table would keep it from being dropped)
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started();
    // In event id order, the unique index on it grows at its end instead of everywhere. A ticket removed
    // meanwhile took its staged events' rowid with it: those are left out. "WHERE true": an upsert's
    // SELECT needs a WHERE clause (SQLite's parsing of ON).
    const Status merged = m_db.exec(QStringLiteral(
        "INSERT INTO ticket_event(ticket_rowid, actor_id, at_ms, kind, field, old_value, new_value, event_id) "
        "SELECT ticket_rowid, actor_id, at_ms, kind, field, old_value, new_value, event_id FROM staged_event "
        "WHERE ticket_rowid IN (SELECT rowid FROM ticket) ORDER BY event_id "
        "ON CONFLICT(event_id) DO UPDATE SET ticket_rowid = excluded.ticket_rowid, actor_id = excluded.actor_id, "
        "at_ms = excluded.at_ms, kind = excluded.kind, field = excluded.field, old_value = excluded.old_value, "
        "new_value = excluded.new_value, mutation_id = NULL"));
    if (!merged)
        return merged;
    if (Status dropped = m_db.exec(QStringLiteral("DROP TABLE staged_event")); !dropped)
        return dropped;
    return transaction.commit();
}

void SyncCache::dropStagedEvents()
{
    m_stageEvent.reset(); // the table is emptied by the next first sync's stageEvents()
}

} // namespace gongdan
