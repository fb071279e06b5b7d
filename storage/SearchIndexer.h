#pragma once

#include "storage/Database.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace gongdan {

/// Builds what a first sync leaves for after the queue is usable: first the queue's sort-by-column
/// indexes (BulkLoad::restoreNextParked, one per turn), then the full-text indexes. BulkLoad leaves these empty
/// (FullText::Later) and marks every row as still to index (fts_progress, migration 11); the indexer then
/// adds the rows in rowid order, one small transaction per turn of the event loop, so the workstation
/// stays responsive and a search finds more with every chunk. The triggers index every write to a row
/// already covered; a row not yet covered is indexed with its current text when its chunk comes. A
/// killed process resumes where the last committed chunk ended.
class SearchIndexer : public QObject {
    Q_OBJECT

public:
    explicit SearchIndexer(Database& db, QObject* parent = nullptr);

    /// Empties the full-text indexes and marks every row to be indexed again (inside the caller's
    /// transaction).
    static Status restart(Database& db);
    /// Marks every index complete (after a one-pass rebuild; inside the caller's transaction).
    static Status markComplete(Database& db);
    /// True while some row is not indexed yet, or a sort index not built.
    bool pending();

    /// Indexes chunk by chunk until done; a no-op when nothing is pending.
    void start();
    void stop() { m_timer.stop(); }
    bool running() const { return m_timer.isActive(); }
    /// Indexes one chunk (or, once all rows are in, merges a step of what it wrote); false when done.
    Result<bool> step();

Q_SIGNALS:
    /// `done` of `total` rows (tickets, comments and customers) are searchable.
    void progress(qint64 done, qint64 total);
    /// Everything indexed and merged.
    void finished();
    void failed(const QString& message);

private:
    void tick();
    Result<bool> mergeStep();
    Result<qint64> indexChunk(const char* table, const char* fts, const char* columns, qint64 upto);

    Database& m_db;
    QTimer m_timer;
    qint64 m_done = 0;
    qint64 m_total = 0;
    int m_chunk = 1000; ///< rows per transaction, adjusted so that one takes about kChunkMs
    QList<int> m_merge; ///< kFullTextTables this indexer wrote to and has not merged yet
    bool m_mergeStarted = false;
    bool m_merging = false; ///< every row is searchable; only merging what was written is left
    bool m_indexesLeft = true; ///< parked sort indexes may still wait (BulkLoad): checked until none does
};

} // namespace gongdan
