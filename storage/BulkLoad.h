#pragma once

#include "storage/Database.h"

namespace gongdan {

/// Bulk loading (the demo seeder, a first sync): while it is active, the secondary indexes and full-text
/// triggers of the ticket tables are dropped, so each row costs one B-tree append; finish() re-creates
/// them from their saved definitions and either rebuilds the full-text indexes in one pass (Now) or
/// leaves that to a SearchIndexer in the background (Later: the queue is usable sooner; measured in
/// docs/PERFORMANCE.md). Crash-safe: the definitions are parked in the bulk_load_pending table in the same
/// transaction that drops them, and Database::open() restores any that a killed process left behind (or
/// that a SearchIndexer had not built yet).
class BulkLoad {
public:
    enum class FullText { Now, Later };
    /// Whether the load's commits wait for the disk. Unsynced (a first sync into a cache that holds no
    /// queued change: everything in it can be fetched again): no fsync at the write-ahead log's
    /// checkpoints until finish(), which restores the connection's setting and checkpoints; a crash of
    /// the process loses nothing committed, a power cut during the load may cost the cache (rebuilt by
    /// CacheRecovery and a new first sync).
    enum class Durability { Synced, Unsynced };

    explicit BulkLoad(Database& db, Durability durability = Durability::Synced);
    ~BulkLoad();
    BulkLoad(const BulkLoad&) = delete;
    BulkLoad& operator=(const BulkLoad&) = delete;

    const Status& started() const { return m_started; }
    /// Re-creates indexes and triggers; full-text search rebuilt now, or marked for SearchIndexer.
    Status finish(FullText fullText = FullText::Now);
    /// The first stage of a load in two (a first sync: every ticket, then their comments): re-creates
    /// what the queue reads. The comment table's indexes and triggers and customer history's index stay
    /// dropped until finish(), and so do the parked ones and search (FullText::Later).
    Status finishQueue();

    /// Restores what an interrupted bulk load left dropped; a no-op when nothing is pending. Later:
    /// besides full-text search, the queue's sort-by-column indexes (migration 6) stay parked too — a
    /// queue sorted by such a column is read in full until they are back — for restoreNextParked().
    static Status restorePending(Database& db, FullText fullText = FullText::Now);
    /// True while indexes restorePending(…, Later) left parked wait (and no load is running).
    static Result<bool> parkedLeft(Database& db);
    /// Creates one index that restorePending(…, Later) left parked; false when none is left.
    static Result<bool> restoreNextParked(Database& db);

private:
    static Status restore(Database& db, FullText fullText, bool queueOnly);

    Database& m_db;
    Status m_started;
    bool m_active = false;
    int m_synchronous = -1; ///< the connection's PRAGMA synchronous to restore (Unsynced), else -1
};

} // namespace gongdan
