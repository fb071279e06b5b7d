#include "storage/BulkLoad.h"

#include "storage/FullText.h"
#include "storage/SearchIndexer.h"

#include <QScopeGuard>
#include <QSqlQuery>
#include <algorithm>
#include <iterator>

namespace gongdan {

namespace {

const char* const kTables = "('ticket', 'comment', 'ticket_event', 'customer')";
// Left for after a first sync (FullText::Later): the default queues, counts, customer history and a
// ticket's comments read the other indexes; these serve sorting a queue by one more column.
const char* const kParked = "('ticket_status_number', 'ticket_status_priority', 'ticket_status_subject', "
                            "'ticket_status_contact_name', 'ticket_status_category_id', 'ticket_status_assignee_id')";
// Left for the second stage of a first sync (finishQueue(), then finish()): what the comments and events
// stored after the queue need, and customer history's index (a customer's tickets are read in full meanwhile).
const char* const kAfterQueue = "COALESCE(tbl_name, '') IN ('comment', 'ticket_event') OR name = 'ticket_customer'";
constexpr qint64 kMapWhileIndexing = qint64(1) << 30;
// Unique indexes a load drops whose table may meanwhile get a row twice: a resync fetches every event again, and
// the server's copy of an event made here comes with the id it had here. The newest copy (the server's) stays.
struct Deduplication {
    const char* index;
    const char* statement;
};
const Deduplication kDeduplications[] = {
    {"ticket_event_event_id",
        "DELETE FROM ticket_event WHERE event_id IS NOT NULL AND rowid NOT IN "
        "(SELECT max(rowid) FROM ticket_event WHERE event_id IS NOT NULL GROUP BY event_id)"},
};

/// Creates one pending index or trigger. A unique index that meets a row stored twice (see kDeduplications)
/// is created again once the older copies are gone; the search for them costs a sort, paid only then.
Status createPending(Database& db, const QString& name, const QString& sql)
{
    const auto deduplication = std::find_if(std::begin(kDeduplications), std::end(kDeduplications),
        [&name](const Deduplication& d) { return name == QLatin1String(d.index); });
    if (deduplication == std::end(kDeduplications))
        return db.exec(sql);
    if (Status saved = db.exec(QStringLiteral("SAVEPOINT unique_index")); !saved)
        return saved;
    Status created = db.exec(sql);
    if (!created) {
        if (Status back = db.exec(QStringLiteral("ROLLBACK TO unique_index")); !back)
            return back;
        if (Status deduplicated = db.exec(QLatin1String(deduplication->statement)); !deduplicated)
            return deduplicated;
        created = db.exec(sql);
    }
    const Status released = db.exec(QStringLiteral("RELEASE unique_index"));
    return created ? released : created;
}

Result<bool> pendingTableExists(Database& db)
{
    QSqlQuery exists(db.sql());
    if (!exists.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = 'bulk_load_pending'")))
        return Database::errorOf(exists);
    return exists.next();
}

/// True while definitions other than the parked sort indexes are pending: a load runs, or was killed.
Result<bool> loadUnfinished(Database& db)
{
    QSqlQuery unfinished(db.sql());
    if (!unfinished.exec(QStringLiteral("SELECT EXISTS(SELECT 1 FROM bulk_load_pending WHERE name NOT IN %1)")
                             .arg(QLatin1String(kParked)))
        || !unfinished.next())
        return Database::errorOf(unfinished);
    return unfinished.value(0).toInt() != 0;
}

/// Each index is built by a scan of its whole table: read through a memory map the pages come straight
/// from the file cache, without a copy each (at 100,000 tickets 1.1 → 0.8 s for the twelve). Until the
/// returned guard ends.
auto mappedWhileIndexing(Database& db)
{
    db.exec(QStringLiteral("PRAGMA mmap_size = %1").arg(kMapWhileIndexing)); // (only faster, or not)
    return qScopeGuard([&db] { db.exec(QStringLiteral("PRAGMA mmap_size = 0")); });
}

Status ensureTableColumn(Database& db)
{
    QSqlQuery column(db.sql());
    if (!column.exec(QStringLiteral("SELECT 1 FROM pragma_table_info('bulk_load_pending') WHERE name = 'tbl_name'")))
        return Database::errorOf(column);
    const bool present = column.next();
    column.finish();
    return present ? Status() : db.exec(QStringLiteral("ALTER TABLE bulk_load_pending ADD COLUMN tbl_name TEXT"));
}

Status dropWhenEmpty(Database& db)
{
    QSqlQuery left(db.sql());
    if (!left.exec(QStringLiteral("SELECT EXISTS(SELECT 1 FROM bulk_load_pending)")) || !left.next())
        return Database::errorOf(left);
    const bool empty = left.value(0).toInt() == 0;
    left.finish();
    return empty ? db.exec(QStringLiteral("DROP TABLE bulk_load_pending")) : Status();
}

} // namespace

BulkLoad::BulkLoad(Database& db, Durability durability) : m_db(db)
{
    SqlTransaction transaction(db);
    m_started = transaction.started();
    if (!m_started)
        return;
    m_started
        = db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS bulk_load_pending(name TEXT PRIMARY KEY, type TEXT NOT "
                                 "NULL, sql TEXT NOT NULL, tbl_name TEXT)"));
    if (m_started) // left by a killed load of a version without the column (NULL: restored in the first stage)
        m_started = ensureTableColumn(db);
    if (m_started)
        m_started = db.exec(
            QStringLiteral("INSERT OR IGNORE INTO bulk_load_pending(name, type, sql, tbl_name) SELECT name, type, sql, "
                           "tbl_name FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL "
                           "AND tbl_name IN %1")
                .arg(QLatin1String(kTables)));
    QStringList drops;
    if (m_started) {
        QSqlQuery pending(db.sql());
        pending.exec(QStringLiteral("SELECT name, type FROM bulk_load_pending"));
        while (pending.next())
            drops.append(
                QStringLiteral("DROP %1 IF EXISTS %2").arg(pending.value(1).toString(), pending.value(0).toString()));
    }
    for (const QString& drop : drops) {
        if (m_started)
            m_started = db.exec(drop);
    }
    if (m_started)
        m_started = transaction.commit();
    m_active = m_started.ok();
    if (m_active && durability == Durability::Unsynced) {
        QSqlQuery mode(db.sql());
        if (mode.exec(QStringLiteral("PRAGMA synchronous")) && mode.next()) {
            m_synchronous = mode.value(0).toInt();
            mode.finish();
            if (!db.exec(QStringLiteral("PRAGMA synchronous = OFF")))
                m_synchronous = -1; // (only faster, or not)
        }
    }
}

BulkLoad::~BulkLoad()
{
    if (m_active)
        finish();
}

Status BulkLoad::finish(FullText fullText)
{
    m_active = false;
    const Status restored = restore(m_db, fullText, false);
    if (m_synchronous >= 0) {
        // Durable from here on: the setting back, and what the load wrote checkpointed with it.
        const Status synced = m_db.exec(QStringLiteral("PRAGMA synchronous = %1").arg(m_synchronous));
        m_synchronous = -1;
        if (!synced)
            return synced;
        if (Status checkpointed = m_db.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")); !checkpointed)
            return checkpointed;
    }
    return restored;
}

Status BulkLoad::finishQueue()
{
    return restore(m_db, FullText::Later, true);
}

Status BulkLoad::restorePending(Database& db, FullText fullText)
{
    return restore(db, fullText, false);
}

Status BulkLoad::restore(Database& db, FullText fullText, bool queueOnly)
{
    auto exists = pendingTableExists(db);
    if (!exists || !exists.value())
        return exists ? Status() : Status(exists.error());
    // Only parked sort indexes left: no load was interrupted, and search is the indexer's as it was.
    auto unfinished = loadUnfinished(db);
    if (!unfinished)
        return unfinished.error();
    const bool interrupted = unfinished.value();
    if (!interrupted && fullText == FullText::Later)
        return {};
    QList<std::pair<QString, QString>> statements; // name, sql
    QSqlQuery pending(db.sql());
    QString parked
        = fullText == FullText::Later ? QStringLiteral("name IN %1").arg(QLatin1String(kParked)) : QStringLiteral("0");
    if (queueOnly)
        parked = QStringLiteral("%1 OR %2").arg(parked, QLatin1String(kAfterQueue));
    // Indexes first, then triggers (a trigger never depends on an index, but order keeps it readable).
    if (!pending.exec(
            QStringLiteral("SELECT name, sql FROM bulk_load_pending WHERE NOT (%1) ORDER BY type = 'trigger', name")
                .arg(parked)))
        return Database::errorOf(pending);
    while (pending.next())
        statements.append({pending.value(0).toString(), pending.value(1).toString()});
    pending.finish();
    const auto mapped = mappedWhileIndexing(db);
    SqlTransaction transaction(db);
    if (!transaction.started())
        return transaction.started();
    for (const auto& [name, sql] : statements) {
        if (Status status = createPending(db, name, sql); !status)
            return status;
    }
    if (interrupted && fullText == FullText::Later) {
        if (Status status = SearchIndexer::restart(db); !status)
            return status;
    } else if (interrupted) { // else search is as it was
        for (const FullTextTable& t : kFullTextTables) {
            if (Status status
                = db.exec(QStringLiteral("INSERT INTO %1(%1) VALUES ('rebuild')").arg(QLatin1String(t.fts)));
                !status)
                return status;
        }
        if (Status status = SearchIndexer::markComplete(db); !status)
            return status;
    }
    if (Status status = db.exec(QStringLiteral("DELETE FROM bulk_load_pending WHERE NOT (%1)").arg(parked)); !status)
        return status;
    if (Status status = dropWhenEmpty(db); !status)
        return status;
    // Fresh statistics for the queue's planner: the ticket table only (see migration 5), sampled
    // (analysis_limit) so the cost does not grow with the store.
    if (Status status = db.exec(QStringLiteral("PRAGMA analysis_limit = 2000")); !status)
        return status;
    if (Status status = db.exec(QStringLiteral("ANALYZE ticket")); !status)
        return status;
    return transaction.commit();
}

Result<bool> BulkLoad::parkedLeft(Database& db)
{
    auto exists = pendingTableExists(db);
    if (!exists || !exists.value())
        return exists;
    auto unfinished = loadUnfinished(db); // a load running now re-creates them itself at its end
    if (!unfinished || unfinished.value())
        return unfinished ? Result<bool>(false) : Result<bool>(unfinished.error());
    return true; // (the table goes once the last of them is built)
}

Result<bool> BulkLoad::restoreNextParked(Database& db)
{
    auto left = parkedLeft(db);
    if (!left || !left.value())
        return left;
    QSqlQuery next(db.sql());
    if (!next.exec(QStringLiteral("SELECT name, sql FROM bulk_load_pending ORDER BY name LIMIT 1")))
        return Database::errorOf(next);
    if (!next.next())
        return false;
    const QString name = next.value(0).toString();
    const QString sql = next.value(1).toString();
    next.finish();
    const auto mapped = mappedWhileIndexing(db);
    SqlTransaction transaction(db);
    if (!transaction.started())
        return transaction.started().error();
    if (Status created = createPending(db, name, sql); !created)
        return created.error();
    for (const QString& statement : {QStringLiteral("DELETE FROM bulk_load_pending WHERE name = '%1'").arg(name),
             QStringLiteral("PRAGMA analysis_limit = 2000"), QStringLiteral("ANALYZE %1").arg(name)}) {
        if (Status status = db.exec(statement); !status)
            return status.error();
    }
    if (Status status = dropWhenEmpty(db); !status)
        return status.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return true;
}

} // namespace gongdan
