#include "storage/Migrations.h"

#include "storage/Database.h"
#include "storage/FullText.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QStringList>
#include <functional>

namespace gongdan {

namespace {

Status execAll(Database& db, const QStringList& statements)
{
    for (const QString& sql : statements) {
        if (Status status = db.exec(sql); !status)
            return status;
    }
    return {};
}

// v1: tickets, customers, the team, field definitions, the event log and the outbox.
Status step1(Database& db)
{
    Status created = execAll(db,
        {
            QStringLiteral("CREATE TABLE client_meta(id INTEGER PRIMARY KEY CHECK (id = 1), client_id TEXT NOT NULL, "
                           "device_code TEXT, next_seq INTEGER NOT NULL, last_acked_seq INTEGER NOT NULL DEFAULT 0, "
                           "local_ticket_counter INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral(
                "CREATE TABLE outbox(seq INTEGER PRIMARY KEY, mutation_id TEXT NOT NULL UNIQUE, "
                "name TEXT NOT NULL, entity_id TEXT NOT NULL, args TEXT NOT NULL, base_version INTEGER, "
                "state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, "
                "created_local_ms INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX outbox_entity ON outbox(entity_id, seq)"),
            QStringLiteral("CREATE TABLE team_group(id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT, "
                           "active INTEGER NOT NULL DEFAULT 1, version INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE agent(id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
                           "role TEXT NOT NULL, group_id TEXT, skills TEXT NOT NULL DEFAULT '[]', "
                           "active INTEGER NOT NULL DEFAULT 1, version INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral(
                "CREATE TABLE category(id TEXT PRIMARY KEY, parent_id TEXT, name_zh TEXT NOT NULL, name_en TEXT, "
                "sort_order INTEGER NOT NULL DEFAULT 0, active INTEGER NOT NULL DEFAULT 1, "
                "version INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral(
                "CREATE TABLE field_definition(id TEXT PRIMARY KEY, key TEXT NOT NULL UNIQUE, type TEXT NOT NULL, "
                "definition TEXT NOT NULL, sort_order INTEGER NOT NULL DEFAULT 0, "
                "active INTEGER NOT NULL DEFAULT 1, version INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral(
                "CREATE TABLE customer(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, number TEXT UNIQUE, "
                "name TEXT NOT NULL, phones TEXT NOT NULL DEFAULT '', level TEXT NOT NULL DEFAULT 'normal', "
                "region TEXT, tags TEXT NOT NULL DEFAULT '[]', notes TEXT, created_ms INTEGER NOT NULL, "
                "updated_ms INTEGER NOT NULL, version INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral(
                "CREATE TABLE customer_phone(phone TEXT NOT NULL, customer_rowid INTEGER NOT NULL "
                "REFERENCES customer(rowid) ON DELETE CASCADE, PRIMARY KEY(phone, customer_rowid)) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX customer_phone_customer ON customer_phone(customer_rowid)"),
            QStringLiteral(
                "CREATE TABLE ticket(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, number TEXT UNIQUE, "
                "subject TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', need_type TEXT NOT NULL, "
                "channel TEXT NOT NULL, category_id TEXT, priority INTEGER NOT NULL DEFAULT 0, "
                "status TEXT NOT NULL, tags TEXT, assignee_id TEXT, group_id TEXT, customer_id TEXT, "
                "contact_name TEXT, contact_phone TEXT, custom_fields TEXT, resolution TEXT, "
                "created_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL, accepted_ms INTEGER, "
                "first_response_ms INTEGER, resolved_ms INTEGER, closed_ms INTEGER, response_due_ms INTEGER, "
                "resolution_due_ms INTEGER, call_started_ms INTEGER, call_seconds INTEGER, merged_into TEXT, "
                "version INTEGER NOT NULL DEFAULT 0, server_seq INTEGER)"),
            QStringLiteral("CREATE INDEX ticket_customer ON ticket(customer_id, created_ms)"),
            QStringLiteral("CREATE INDEX ticket_assignee_status ON ticket(assignee_id, status)"),
            QStringLiteral(
                "CREATE TABLE comment(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, "
                "ticket_rowid INTEGER NOT NULL REFERENCES ticket(rowid) ON DELETE CASCADE, author_id TEXT, "
                "visibility TEXT NOT NULL, body TEXT NOT NULL, attachments TEXT, created_ms INTEGER NOT NULL, "
                "server_seq INTEGER)"),
            QStringLiteral("CREATE INDEX comment_ticket ON comment(ticket_rowid)"),
            QStringLiteral("CREATE TABLE ticket_event(rowid INTEGER PRIMARY KEY, ticket_rowid INTEGER NOT NULL "
                           "REFERENCES ticket(rowid) ON DELETE CASCADE, actor_id TEXT, at_ms INTEGER NOT NULL, "
                           "kind TEXT NOT NULL, field TEXT, old_value TEXT, new_value TEXT)"),
            QStringLiteral("CREATE INDEX ticket_event_ticket ON ticket_event(ticket_rowid)"),
            QStringLiteral("CREATE TABLE number_counter(day TEXT PRIMARY KEY, last INTEGER NOT NULL) WITHOUT ROWID"),
        });
    if (!created)
        return created;
    QSqlQuery& meta = db.prepared(QStringLiteral("INSERT INTO client_meta(id, client_id, next_seq) VALUES (1, ?, 1)"));
    meta.addBindValue(db.ids().next());
    const bool ok = meta.exec();
    meta.finish();
    return ok ? Status() : Status(Database::errorOf(meta));
}

// v2: full-text search over tickets, comments and customers (tokenizer: SearchTokenizer).
Status step2(Database& db)
{
    const QString ticketCols = QStringLiteral("number, subject, description, contact_name, contact_phone");
    const QString ticketNew
        = QStringLiteral("new.number, new.subject, new.description, new.contact_name, new.contact_phone");
    const QString ticketOld
        = QStringLiteral("old.number, old.subject, old.description, old.contact_name, old.contact_phone");
    return execAll(db,
        {
            QStringLiteral("CREATE VIRTUAL TABLE ticket_fts USING fts5(%1, content='ticket', content_rowid='rowid', "
                           "tokenize='gongdan')")
                .arg(ticketCols),
            QStringLiteral(
                "CREATE TRIGGER ticket_fts_ai AFTER INSERT ON ticket BEGIN INSERT INTO ticket_fts(rowid, %1) "
                "VALUES (new.rowid, %2); END")
                .arg(ticketCols, ticketNew),
            QStringLiteral(
                "CREATE TRIGGER ticket_fts_ad AFTER DELETE ON ticket BEGIN INSERT INTO ticket_fts(ticket_fts, "
                "rowid, %1) VALUES ('delete', old.rowid, %2); END")
                .arg(ticketCols, ticketOld),
            QStringLiteral(
                "CREATE TRIGGER ticket_fts_au AFTER UPDATE OF %1 ON ticket WHEN old.number IS NOT new.number "
                "OR old.subject IS NOT new.subject OR old.description IS NOT new.description OR "
                "old.contact_name IS NOT new.contact_name OR old.contact_phone IS NOT new.contact_phone BEGIN "
                "INSERT INTO ticket_fts(ticket_fts, rowid, %1) VALUES ('delete', old.rowid, %2); "
                "INSERT INTO ticket_fts(rowid, %1) VALUES (new.rowid, %3); END")
                .arg(ticketCols, ticketOld, ticketNew),
            QStringLiteral(
                "CREATE VIRTUAL TABLE comment_fts USING fts5(body, content='comment', content_rowid='rowid', "
                "tokenize='gongdan')"),
            QStringLiteral("CREATE TRIGGER comment_fts_ai AFTER INSERT ON comment BEGIN "
                           "INSERT INTO comment_fts(rowid, body) VALUES (new.rowid, new.body); END"),
            QStringLiteral(
                "CREATE TRIGGER comment_fts_ad AFTER DELETE ON comment BEGIN "
                "INSERT INTO comment_fts(comment_fts, rowid, body) VALUES ('delete', old.rowid, old.body); END"),
            QStringLiteral("CREATE TRIGGER comment_fts_au AFTER UPDATE OF body ON comment BEGIN "
                           "INSERT INTO comment_fts(comment_fts, rowid, body) VALUES ('delete', old.rowid, old.body); "
                           "INSERT INTO comment_fts(rowid, body) VALUES (new.rowid, new.body); END"),
            QStringLiteral("CREATE VIRTUAL TABLE customer_fts USING fts5(name, number, phones, content='customer', "
                           "content_rowid='rowid', tokenize='gongdan')"),
            QStringLiteral(
                "CREATE TRIGGER customer_fts_ai AFTER INSERT ON customer BEGIN INSERT INTO customer_fts(rowid, "
                "name, number, phones) VALUES (new.rowid, new.name, new.number, new.phones); END"),
            QStringLiteral(
                "CREATE TRIGGER customer_fts_ad AFTER DELETE ON customer BEGIN INSERT INTO customer_fts("
                "customer_fts, rowid, name, number, phones) VALUES ('delete', old.rowid, old.name, old.number, "
                "old.phones); END"),
            QStringLiteral(
                "CREATE TRIGGER customer_fts_au AFTER UPDATE OF name, number, phones ON customer BEGIN "
                "INSERT INTO customer_fts(customer_fts, rowid, name, number, phones) VALUES ('delete', old.rowid, "
                "old.name, old.number, old.phones); INSERT INTO customer_fts(rowid, name, number, phones) "
                "VALUES (new.rowid, new.name, new.number, new.phones); END"),
            // Rows stored before this step get indexed now.
            QStringLiteral("INSERT INTO ticket_fts(ticket_fts) VALUES ('rebuild')"),
            QStringLiteral("INSERT INTO comment_fts(comment_fts) VALUES ('rebuild')"),
            QStringLiteral("INSERT INTO customer_fts(customer_fts) VALUES ('rebuild')"),
        });
}

// v3: attachment content, stored once per SHA-256.
Status step3(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("CREATE TABLE attachment(sha256 TEXT PRIMARY KEY, mime TEXT, size INTEGER NOT NULL, "
                           "data BLOB NOT NULL, created_ms INTEGER NOT NULL)"),
        });
}

// v4: custom ticket views (personal or shared); the built-in views live in code.
Status step4(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("CREATE TABLE ticket_view(id TEXT PRIMARY KEY, owner_id TEXT, definition TEXT NOT NULL, "
                           "sort_order INTEGER NOT NULL DEFAULT 0, enabled INTEGER NOT NULL DEFAULT 1, "
                           "version INTEGER NOT NULL DEFAULT 0)"),
        });
}

// v5: queue indexes. Views filter by status and show newest first; overdue sorts by the due time.
Status step5(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("CREATE INDEX ticket_status_created ON ticket(status, created_ms)"),
            QStringLiteral("CREATE INDEX ticket_status_due ON ticket(status, resolution_due_ms)"),
            // Statistics for the ticket table only: statistics taken while the FTS5 shadow tables are empty
            // make the planner scan them during later merges (a 1M-ticket rebuild went from 40 s to minutes).
            QStringLiteral("PRAGMA analysis_limit = 2000"),
            QStringLiteral("ANALYZE ticket"),
        });
}

// v6: sorting a queue by any column reads an index in order, within the view's status.
Status step6(Database& db)
{
    QStringList statements;
    for (const char* column :
        {"number", "priority", "subject", "contact_name", "category_id", "assignee_id", "group_id"})
        statements.append(
            QStringLiteral("CREATE INDEX ticket_status_%1 ON ticket(status, %1)").arg(QLatin1String(column)));
    statements.append(QStringLiteral("PRAGMA analysis_limit = 2000"));
    statements.append(QStringLiteral("ANALYZE ticket"));
    return execAll(db, statements);
}

// v7: unsaved edits of this workstation (ticket editors, a call being logged), so a crash loses nothing.
// Local only: drafts never sync.
Status step7(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("CREATE TABLE draft(key TEXT PRIMARY KEY, body TEXT NOT NULL, updated_ms INTEGER NOT NULL)"),
        });
}

// v8: sync with gongdan-server. The server's copy of each ticket as last pulled (ticket_synced), under
// the visible row that adds what is still queued; the pull cursor; provisional references; conflicts;
// and per outbox entry the server's answer (acked with its server_seq, or rejected with its error).
Status step8(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("CREATE TABLE sync_state(id INTEGER PRIMARY KEY CHECK (id = 1), cursor INTEGER NOT NULL, "
                           "epoch TEXT, last_pull_ms INTEGER, last_push_ms INTEGER)"),
            QStringLiteral("INSERT INTO sync_state(id, cursor) VALUES (1, 0)"),
            QStringLiteral("CREATE TABLE ticket_synced(id TEXT PRIMARY KEY, data TEXT NOT NULL, "
                           "server_seq INTEGER NOT NULL) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE ticket_alias(alias TEXT NOT NULL, ticket_id TEXT NOT NULL, "
                           "PRIMARY KEY(alias, ticket_id)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE ticket_conflict(id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, "
                           "data TEXT NOT NULL, server_seq INTEGER NOT NULL, resolved_ms INTEGER)"),
            QStringLiteral("CREATE INDEX ticket_conflict_ticket ON ticket_conflict(ticket_id)"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN acked_server_seq INTEGER"),
        });
}

// v9: the server's copy of each team-wide record (customer, field definition, category) as last pulled,
// under the visible row that adds what is still queued — the same two layers as tickets.
Status step9(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("CREATE TABLE record_synced(kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, "
                           "server_seq INTEGER NOT NULL, PRIMARY KEY(kind, id)) WITHOUT ROWID"),
        });
}

// v10: the server's copies in ordinary rowid tables. WITHOUT ROWID suits small rows only: a ticket's copy
// (about 0.9 KB of JSON) took more than a page of its own there — 89 MB for 20,000 tickets, 26 MB of it
// data — and a first sync wrote all of it twice (write-ahead log, then the database).
Status step10(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("CREATE TABLE ticket_synced_v10(id TEXT PRIMARY KEY, data TEXT NOT NULL, "
                           "server_seq INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO ticket_synced_v10(id, data, server_seq) SELECT id, data, server_seq "
                           "FROM ticket_synced"),
            QStringLiteral("DROP TABLE ticket_synced"),
            QStringLiteral("ALTER TABLE ticket_synced_v10 RENAME TO ticket_synced"),
            QStringLiteral("CREATE TABLE record_synced_v10(kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, "
                           "server_seq INTEGER NOT NULL, PRIMARY KEY(kind, id))"),
            QStringLiteral("INSERT INTO record_synced_v10(kind, id, data, server_seq) SELECT kind, id, data, "
                           "server_seq FROM record_synced"),
            QStringLiteral("DROP TABLE record_synced"),
            QStringLiteral("ALTER TABLE record_synced_v10 RENAME TO record_synced"),
        });
}

// v11: full-text indexing that can run behind the queue. fts_progress.upto says how far each index is
// built: a row is in it exactly when its rowid <= upto (normally all rows). The triggers keep that rule,
// so SearchIndexer can add the rest in small transactions after a first sync while the workstation is in
// use, and every write in between stays consistent.
Status step11(Database& db)
{
    QStringList statements {
        QStringLiteral("CREATE TABLE fts_progress(name TEXT PRIMARY KEY, upto INTEGER NOT NULL)"),
    };
    for (const FullTextTable& t : kFullTextTables) {
        const QString table = QLatin1String(t.table), fts = QLatin1String(t.fts), cols = QLatin1String(t.columns);
        const QString news = prefixedColumns(t.columns, "new"), olds = prefixedColumns(t.columns, "old");
        const QString indexed = QStringLiteral("(SELECT upto FROM fts_progress WHERE name = '%1')").arg(table);
        // The ticket's update trigger fires only when an indexed column really changed (as in v2).
        QString changed;
        if (table == QLatin1String("ticket")) {
            QStringList differs;
            for (const QString& column : cols.split(QStringLiteral(", ")))
                differs.append(QStringLiteral("old.%1 IS NOT new.%1").arg(column));
            changed = QStringLiteral(" AND (%1)").arg(differs.join(QStringLiteral(" OR ")));
        }
        statements.append({
            QStringLiteral("INSERT INTO fts_progress(name, upto) VALUES ('%1', %2)").arg(table).arg(kFullTextComplete),
            QStringLiteral("DROP TRIGGER %1_ai").arg(fts),
            QStringLiteral("DROP TRIGGER %1_ad").arg(fts),
            QStringLiteral("DROP TRIGGER %1_au").arg(fts),
            QStringLiteral("CREATE TRIGGER %1_ai AFTER INSERT ON %2 WHEN new.rowid <= %3 BEGIN "
                           "INSERT INTO %1(rowid, %4) VALUES (new.rowid, %5); END")
                .arg(fts, table, indexed, cols, news),
            QStringLiteral("CREATE TRIGGER %1_ad AFTER DELETE ON %2 WHEN old.rowid <= %3 BEGIN "
                           "INSERT INTO %1(%1, rowid, %4) VALUES ('delete', old.rowid, %5); END")
                .arg(fts, table, indexed, cols, olds),
            QStringLiteral("CREATE TRIGGER %1_au AFTER UPDATE OF %4 ON %2 WHEN old.rowid <= %3%7 BEGIN "
                           "INSERT INTO %1(%1, rowid, %4) VALUES ('delete', old.rowid, %5); "
                           "INSERT INTO %1(rowid, %4) VALUES (new.rowid, %6); END")
                .arg(fts, table, indexed, cols, olds, news, changed),
        });
    }
    return execAll(db, statements);
}

// v12: a pulled ticket's row is the server's copy until it is changed here (SyncCache, ticket.server_seq);
// ticket_synced holds a copy only under changes still queued. A copy nothing sits on any more goes, and
// its row takes the mark: caches synced before keep one copy of each ticket, not two.
Status step12(Database& db)
{
    const QString unchanged = QStringLiteral(
        "id NOT IN (SELECT entity_id FROM outbox WHERE state <> 'rejected') AND id IN (SELECT id FROM ticket)");
    return execAll(db,
        {
            QStringLiteral("UPDATE ticket SET server_seq = (SELECT s.server_seq FROM ticket_synced s WHERE s.id = "
                           "ticket.id) WHERE id IN (SELECT id FROM ticket_synced WHERE %1)")
                .arg(unchanged),
            QStringLiteral("DELETE FROM ticket_synced WHERE %1").arg(unchanged),
        });
}

// v13: a first sync stores every ticket before their conversations; while those arrive, the range of
// ticket ids whose comments are still to come (SyncCache::setConversationsPending).
Status step13(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("ALTER TABLE sync_state ADD COLUMN talk_after TEXT"),
            QStringLiteral("ALTER TABLE sync_state ADD COLUMN talk_upto TEXT"),
        });
}

// v14: a first sync stores the user's own tickets without their conversations too; whether those are
// still to come (SyncCache::setOwnConversationsPending).
Status step14(Database& db)
{
    return execAll(db, {QStringLiteral("ALTER TABLE sync_state ADD COLUMN talk_own INTEGER NOT NULL DEFAULT 0")});
}

// v15: one set of ticket rules on both sides (domain/TicketRules). Who created a ticket (they keep seeing
// it) and its related tickets; the group a category's tickets go to; every group of an agent (an assignee
// must belong to the ticket's group), not only the first; and whose change each queued intent is, so that
// another user signing in on this store pushes only their own.
Status step15(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("ALTER TABLE ticket ADD COLUMN created_by TEXT"),
            QStringLiteral("ALTER TABLE ticket ADD COLUMN links TEXT"),
            QStringLiteral("ALTER TABLE category ADD COLUMN group_id TEXT"),
            QStringLiteral("ALTER TABLE agent ADD COLUMN groups TEXT NOT NULL DEFAULT '[]'"),
            QStringLiteral("UPDATE agent SET groups = json_array(group_id) WHERE group_id IS NOT NULL"),
            // What was queued before is the next user's to push, as it always was (user_id NULL).
            QStringLiteral("ALTER TABLE outbox ADD COLUMN user_id TEXT"),
        });
}

// v16: nothing an agent does is lost silently. A ticket that left this user's sight because of someone
// else's change stays, with a notice saying where it went and who moved it, until the agent has seen it
// (ticket_notice); and whose store this is (sync_state.user_id): another user signing in starts their own
// first sync, the first user's queued changes kept for them.
Status step16(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("CREATE TABLE ticket_notice(ticket_id TEXT PRIMARY KEY, kind TEXT NOT NULL, "
                           "data TEXT NOT NULL, at_ms INTEGER NOT NULL)"),
            QStringLiteral("ALTER TABLE sync_state ADD COLUMN user_id TEXT"),
        });
}

// v17: each user who signs in on this store is a sync client of their own (sync_identity): the server
// takes a client's intents in an unbroken sequence, so one user's queued changes, waiting for them to sign
// in again, cannot hold up another's. push_seq is an entry's number in its user's sequence; the store's
// first user keeps the device's client id and numbering (push_seq = seq for everything queued so far).
Status step17(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("CREATE TABLE sync_identity(user_id TEXT PRIMARY KEY, client_id TEXT NOT NULL UNIQUE, "
                           "next_seq INTEGER NOT NULL)"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN push_seq INTEGER"),
            QStringLiteral("UPDATE outbox SET push_seq = seq"),
        });
}

// v18: which queued change wrote each event of a ticket's log: a change the server refuses is marked so in
// the timeline, and one the agent discards leaves it.
Status step18(Database& db)
{
    return execAll(db, {QStringLiteral("ALTER TABLE ticket_event ADD COLUMN mutation_id TEXT")});
}

// v19: events sync (issue 16): each event has the id it has everywhere ("<mutation id>:<index>",
// TicketChange::identifyEvents), so the server's copy of an event made here replaces it instead of adding a
// second one. Unique in the table itself (not an index a bulk load drops: a first sync's events rely on it).
// The events of queued changes are found by their change (dropped when the server made none).
Status step19(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("CREATE TABLE ticket_event_new(rowid INTEGER PRIMARY KEY, ticket_rowid INTEGER NOT NULL "
                           "REFERENCES ticket(rowid) ON DELETE CASCADE, actor_id TEXT, at_ms INTEGER NOT NULL, "
                           "kind TEXT NOT NULL, field TEXT, old_value TEXT, new_value TEXT, mutation_id TEXT, "
                           "event_id TEXT UNIQUE)"),
            QStringLiteral("INSERT INTO ticket_event_new(rowid, ticket_rowid, actor_id, at_ms, kind, field, old_value, "
                           "new_value, mutation_id) SELECT rowid, ticket_rowid, actor_id, at_ms, kind, field, "
                           "old_value, new_value, mutation_id FROM ticket_event"),
            QStringLiteral("DROP TABLE ticket_event"),
            QStringLiteral("ALTER TABLE ticket_event_new RENAME TO ticket_event"),
            QStringLiteral("CREATE INDEX ticket_event_ticket ON ticket_event(ticket_rowid)"),
            QStringLiteral(
                "CREATE INDEX ticket_event_mutation ON ticket_event(mutation_id) WHERE mutation_id IS NOT NULL"),
        });
}

// v20: what the desk knows about each attachment beyond its bytes: uploaded to the server yet (the upload
// queue, oldest first, survives restarts), kept for offline use (a field worker's own tickets), refused by
// the server; and the largest file the server takes (told at sign-in). Bytes stored before are queued.
Status step20(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("CREATE TABLE attachment_state(sha256 TEXT PRIMARY KEY, file_name TEXT, mime TEXT, "
                           "size INTEGER NOT NULL, uploaded INTEGER NOT NULL DEFAULT 0, queued_ms INTEGER, "
                           "pinned INTEGER NOT NULL DEFAULT 0, refused TEXT)"),
            QStringLiteral("CREATE INDEX attachment_upload ON attachment_state(queued_ms) "
                           "WHERE uploaded = 0 AND refused IS NULL"),
            QStringLiteral("INSERT INTO attachment_state(sha256, mime, size, queued_ms) "
                           "SELECT sha256, mime, size, created_ms FROM attachment"),
            QStringLiteral("CREATE TABLE attachment_limit(id INTEGER PRIMARY KEY CHECK (id = 1), "
                           "bytes INTEGER NOT NULL)"),
        });
}

// v21: a merge moves the conversation (issue: merge and links): a comment moved onto the target keeps where
// it was written (origin_ticket_id, origin_number); the target lists the tickets merged into it.
Status step21(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("ALTER TABLE comment ADD COLUMN origin_ticket_id TEXT"),
            QStringLiteral("ALTER TABLE comment ADD COLUMN origin_number TEXT"),
            QStringLiteral("ALTER TABLE ticket ADD COLUMN merged_from TEXT"),
        });
}

// v22: a resync after a restore on the server: the comments this desk had that the rebuilt copy has not brought
// back yet (SyncCache::resetForResync fills it, each comment the server sends again leaves it; what is left when
// every conversation is in went with the restore, unless a change queued here holds it).
Status step22(Database& db)
{
    return execAll(db, {QStringLiteral("CREATE TABLE comment_unconfirmed(id TEXT PRIMARY KEY) WITHOUT ROWID")});
}

// v23: a bounded cache of downloaded files: which files this desk attached itself (`own`: kept, never
// evicted; those stored before are counted as its own), when each was last used (`used_ms`, for least
// recently used first), and the cap on the rest (`attachment_cache`, 500 MB unless set).
Status step23(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("ALTER TABLE attachment_state ADD COLUMN own INTEGER NOT NULL DEFAULT 1"),
            QStringLiteral("ALTER TABLE attachment_state ADD COLUMN used_ms INTEGER"),
            QStringLiteral("CREATE TABLE attachment_cache(id INTEGER PRIMARY KEY CHECK (id = 1), "
                           "cap_bytes INTEGER NOT NULL)"),
        });
}

// v24: a customer's sensitive attributes (domain/Masking.h): ID card and bank card, as the server sends them
// (masked), or as typed here until the server's masked copy replaces them.
Status step24(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("ALTER TABLE customer ADD COLUMN id_card TEXT"),
            QStringLiteral("ALTER TABLE customer ADD COLUMN bank_card TEXT"),
        });
}

// v25: automatic dispatch on the desk (storage/DeskDispatch): the presence this user chose in the status bar, kept
// to be sent when the desk is online.
Status step25(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("CREATE TABLE desk_presence(id INTEGER PRIMARY KEY CHECK (id = 1), presence TEXT NOT NULL)"),
        });
}

// v26: the event id's uniqueness as an index of its own instead of a constraint of the table, so a first sync's
// bulk load can drop it like the others: its events go straight into the table (appended, in the order they
// come) and the index is built by one sort at the load's end, where a row stored twice (a resync, the server's
// copy of an event made here) keeps its newest copy (BulkLoad). Before, they were set aside in `staged_event`
// and merged through the constraint, which cost as much as storing every conversation (docs/PERFORMANCE.md).
Status step26(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("CREATE TABLE ticket_event_new(rowid INTEGER PRIMARY KEY, ticket_rowid INTEGER NOT NULL "
                           "REFERENCES ticket(rowid) ON DELETE CASCADE, actor_id TEXT, at_ms INTEGER NOT NULL, "
                           "kind TEXT NOT NULL, field TEXT, old_value TEXT, new_value TEXT, mutation_id TEXT, "
                           "event_id TEXT)"),
            QStringLiteral(
                "INSERT INTO ticket_event_new(rowid, ticket_rowid, actor_id, at_ms, kind, field, old_value, "
                "new_value, mutation_id, event_id) SELECT rowid, ticket_rowid, actor_id, at_ms, kind, field, "
                "old_value, new_value, mutation_id, event_id FROM ticket_event"),
            QStringLiteral("DROP TABLE ticket_event"),
            QStringLiteral("ALTER TABLE ticket_event_new RENAME TO ticket_event"),
            QStringLiteral("CREATE INDEX ticket_event_ticket ON ticket_event(ticket_rowid)"),
            QStringLiteral(
                "CREATE INDEX ticket_event_mutation ON ticket_event(mutation_id) WHERE mutation_id IS NOT NULL"),
            QStringLiteral("CREATE UNIQUE INDEX ticket_event_event_id ON ticket_event(event_id)"),
            QStringLiteral("DROP TABLE IF EXISTS staged_event"),
        });
}

// The customer's satisfaction score and comment (满意度), recorded when closing or afterwards.
Status step27(Database& db)
{
    return execAll(db,
        {
            QStringLiteral("ALTER TABLE ticket ADD COLUMN satisfaction INTEGER"),
            QStringLiteral("ALTER TABLE ticket ADD COLUMN satisfaction_comment TEXT"),
            QStringLiteral("ALTER TABLE ticket ADD COLUMN rated_ms INTEGER"),
        });
}

const QList<std::function<Status(Database&)>>& steps()
{
    static const QList<std::function<Status(Database&)>> all {step1, step2, step3, step4, step5, step6, step7, step8,
        step9, step10, step11, step12, step13, step14, step15, step16, step17, step18, step19, step20, step21, step22,
        step23, step24, step25, step26, step27};
    return all;
}

} // namespace

int Migrations::latest()
{
    return static_cast<int>(steps().size());
}

Status Migrations::migrate(Database& db, int target)
{
    if (target < 0)
        target = latest();
    const int current = db.schemaVersion();
    if (current < 0)
        return Error {QStringLiteral("storage.corrupt"), QStringLiteral("PRAGMA user_version failed")};
    if (current > latest()) {
        return Error {QStringLiteral("storage.too_new"),
            QCoreApplication::translate("Migrations",
                "The local store was written by a newer Gongdan (schema %1; this version knows %2). Update Gongdan.")
                .arg(current)
                .arg(latest())};
    }
    for (int version = current; version < target; ++version) {
        SqlTransaction transaction(db);
        if (!transaction.started())
            return transaction.started();
        if (Status status = steps().at(version)(db); !status)
            return status;
        if (Status status = db.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1)); !status)
            return status;
        if (Status status = transaction.commit(); !status)
            return status;
    }
    return {};
}

} // namespace gongdan
