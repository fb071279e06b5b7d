#pragma once

#include "domain/Clock.h"
#include "domain/Failpoints.h"
#include "domain/Result.h"
#include "storage/SyncCache.h"
#include "sync/SnapshotFetcher.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <memory>

namespace gongdan {

class BulkLoad;
class Database;
class FieldDefinitionRepository;
class Outbox;
class SearchIndexer;
class TicketNumberAllocator;
class TicketRepository;

/// How new tickets are numbered before the server gives them their number.
enum class CoreNumbering {
    Local, ///< GYYYYMMDDNNN from the store's counter until registered, then provisional references
    DeviceRefs, ///< always provisional references ("NEW-…" until registered)
};

/// The allocator `numbering` names, over `db`.
std::unique_ptr<TicketNumberAllocator> makeNumberAllocator(Database& db, CoreNumbering numbering);

/// What a store write tells the engine: whether the store took it, the tickets whose visible rows
/// changed, whether users, groups, definitions or categories changed.
struct StoreOutcome {
    Status status;
    QStringList tickets;
    bool teamChanged = false;
};

/// A push batch read from the outbox: the request's mutations and, by the user's sequence number, the
/// entry's seq in this store.
struct PushBatch {
    QJsonArray mutations;
    QHash<qint64, qint64> localSeq;
};

/// A pull page (or a first sync's team page) stored.
struct PageOutcome {
    StoreOutcome stored;
    bool more = false;
    qint64 nextCursor = 0;
    QString epoch;
};

/// Where a first sync's snapshot page belongs.
enum class SnapshotPart { Mine, Rest, OwnConversations, Conversations };

/// The sync engine's hands in the local store (docs/ARCHITECTURE.md, "Sync"): its own connection to the
/// store, on its own thread, so that no page the engine stores keeps the window from its event loop.
/// The engine (on the window's thread) decides what happens next; every store write and the reads that
/// go with it happen here, one task at a time, in the order asked. SQLite serialises these writes with
/// the window's own (BEGIN IMMEDIATE on both connections), so neither ever sees half of the other's.
class SyncWriter : public QObject {
    Q_OBJECT

public:
    SyncWriter(QString path, const Clock& clock, CoreNumbering numbering, Failpoints failpoints);
    ~SyncWriter() override;

    /// Opens the connection (on the writer's thread, first of all) and resumes a search build a closed
    /// workstation left unfinished. A store that cannot be opened fails every task with the reason.
    void open();
    Status opened() const { return m_opened; }

    /// The user signed in (Database::signedInUser on this connection): whose changes are pushed.
    void setSignedInUser(const QString& userId);

    Status setDeviceCode(const QString& code);
    PushBatch nextPush(int limit);
    /// Records a push's answer (`answer`, its "results"), each result's seq mapped back through `localSeq`.
    StoreOutcome recordPush(const QJsonObject& answer, const QHash<qint64, qint64>& localSeq);
    qint64 cursor();
    QString epoch();

    /// A first sync into an empty cache begins: indexes dropped for the load (storage/BulkLoad), search
    /// stopped, the user's own tickets marked as waiting for their conversations.
    Status beginFirstSync();
    /// A pull page: stored, and when it is the last one of a first sync's pull, the load ended and search
    /// started behind it.
    PageOutcome applyPull(const QByteArray& body);
    /// A first sync's page of team-wide records.
    PageOutcome applyTeam(const QByteArray& body);
    /// A first sync's snapshot page of `part`: stored, and the tickets still waiting for their
    /// conversations marked (`restLast`: the last ticket of the rest part). The page goes back to `fetcher`.
    StoreOutcome applySnapshot(
        SnapshotPagePtr page, SnapshotPart part, const QString& restLast, SnapshotFetcher* fetcher);
    /// Every ticket is here: the queue's indexes back, what the server no longer has dropped (a resync
    /// after a restore; its ids in the outcome), the rest's conversations pending.
    StoreOutcome queueStored(const QString& restLast);
    /// A conversation part is stored; `more`: another part follows (at the last, what a resync did not get
    /// back goes).
    Status conversationsStored(bool more);
    Status startFrom(qint64 cursor, const QString& epoch);
    /// A cycle failed: a first sync's load ends (search resumes); the retry goes on row by row.
    void failed();
    Status resetForResync();
    /// Ends a load still running (quitting during a first sync: search is built the next time).
    void close();

    void startSearch();
    bool searching() const;

Q_SIGNALS:
    /// After a first sync, `done` of `total` rows are searchable; done == total when search is complete.
    void searchIndexProgress(qint64 done, qint64 total);
    /// The search build started or ended.
    void searchingChanged(bool searching);

private:
    StoreOutcome apply(const QList<PulledChange>& changes, qint64 cursor, const QString& epoch, qint64 seenUpTo);
    Status finishBulkLoad();

    QString m_path;
    const Clock& m_clock;
    CoreNumbering m_numbering;
    Failpoints m_failpoints;
    Status m_opened;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<TicketNumberAllocator> m_numbers;
    std::unique_ptr<FieldDefinitionRepository> m_fields;
    std::unique_ptr<TicketRepository> m_tickets;
    std::unique_ptr<SyncCache> m_cache;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<SearchIndexer> m_indexer;
    /// While a first pull (or a resync) fills an empty cache: indexes and full-text search are built once
    /// at the end instead of row by row.
    std::unique_ptr<BulkLoad> m_bootstrap;
    QStringList m_touchedLater; ///< tickets changed outside a page (comments a resync dropped): told with the next
};

} // namespace gongdan
