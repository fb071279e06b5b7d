#pragma once

#include "storage/Outbox.h"
#include "storage/SyncCache.h"
#include "sync/Backoff.h"
#include "sync/PokeSocket.h"
#include "sync/SnapshotFetcher.h"
#include "sync/SyncTransport.h"
#include "sync/SyncWriter.h"
#include "sync/WriterQueue.h"

#include <QDateTime>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <memory>

namespace gongdan {

class FirstSyncJob;
class SyncJob;

/// The workstation's sync loop (docs/ARCHITECTURE.md, "Sync"): register the device, push the outbox in
/// batches, pull pages into the cache, then wait — for a local change, a WebSocket poke, or the periodic
/// pull (60 s while the socket is down, 5 min while it is up). A failure never loses anything: it is
/// retried by a timer with backoff (0.5 s doubling to 60 s, ±30 %), never only by the next write. Lives on
/// the window's thread and only decides — the state machine, the backoff, which job runs next, the pokes:
/// each step is a job (RegisterJob, PushJob, PullJob, FirstSyncJob) speaking through the SyncTransport,
/// snapshot pages are read and decoded on a worker thread (SnapshotFetcher), and every store write happens
/// on the store's own thread and connection (SyncWriter behind the WriterQueue), so the window never waits
/// for a page to be stored. No nested event loops.
class SyncEngine : public QObject {
    Q_OBJECT

public:
    enum class State {
        Stopped, ///< not started (no server configured)
        Syncing, ///< a cycle is running
        Idle, ///< in step with the server
        Offline, ///< the server cannot be reached; retrying
        SignedOut, ///< the server refused the token; sign in again
        Failed ///< the server refused a request for another reason; retrying
    };
    Q_ENUM(State)

    /// `db` and `cache`: the window's connection, for the few reads the engine makes itself. The engine's
    /// writes go through its own connection to the same store, numbering and failpoints as given.
    SyncEngine(Database& db, SyncCache& cache, CoreNumbering numbering = CoreNumbering::Local,
        const Failpoints& failpoints = {}, QObject* parent = nullptr);
    ~SyncEngine() override;

    void start(const QUrl& server, const QString& token);
    void stop();
    /// Something was queued locally: push at the next turn of the event loop (writes of one turn together).
    void changesQueued();
    /// Runs a cycle now (F5, a poke).
    void syncNow();

    State state() const { return m_state; }
    /// The server and token the engine was started with; empty while stopped (sync/Unmasker asks with them).
    QUrl server() const { return m_running ? m_transport.server() : QUrl(); }
    QString token() const { return m_running ? m_transport.token() : QString(); }
    qint64 waiting();
    QDateTime lastSynced() const { return m_lastSynced; }
    QString lastError() const { return m_lastError; }
    bool socketReady() const { return m_pokes.ready(); }
    /// The engine's WebSocket, for subscriptions that share it (sync/DashboardFeed).
    PokeSocket& socket() { return m_pokes; }
    /// A first sync is storing the queue's tickets (from the own ones until queueReady): the cache's
    /// ticket indexes wait for the end meanwhile, so what scans the ticket table waits for it too.
    bool storingQueue() const;
    /// True while full-text search is being built after a first sync, behind the usable queue (an
    /// unfinished build resumes when the engine is created).
    bool searching() const { return m_searching; }

Q_SIGNALS:
    void stateChanged(gongdan::SyncEngine::State state);
    /// Visible rows changed by a pull or a rejection: models refresh just these.
    void ticketsChanged(const QStringList& ticketIds);
    void waitingChanged(qint64 count);
    /// Users or groups changed on the server (names, roles, departments).
    void teamChanged();
    void signInRequired(const QString& reason);
    /// A cycle finished in step with the server.
    void synced();
    /// The first sync has brought the user's own tickets (the rest follows): the queue is usable. Their
    /// conversations come first once every ticket is in (queueReady).
    void ownQueueReady();
    /// The first sync (or a rebuild) has `done` of `total` tickets; done == total when every ticket is
    /// stored (their conversations follow).
    void firstSyncProgress(qint64 done, qint64 total);
    /// The first sync has brought every ticket the user may see: the whole queue is usable. The comments
    /// follow, the user's own tickets' first (conversationProgress), then the pull goes on.
    void queueReady();
    /// After the tickets, the first sync has brought the conversations of `done` of `total` of them;
    /// done == total when every comment is stored.
    void conversationProgress(qint64 done, qint64 total);
    /// After a first sync, `done` of `total` rows are searchable; done == total when search is complete.
    void searchIndexProgress(qint64 done, qint64 total);

private:
    void cycle();
    /// The jobs of a cycle, in order: register the device (once per start), push the outbox batch by batch,
    /// pull until caught up — after a first sync when the cache is empty — then finish().
    void registerDevice();
    void pushNext();
    void pullNext();
    void firstSync();
    /// Makes `job` the current one (the one before it is done with) and passes on what it says.
    void adopt(SyncJob* job);
    /// The current job's results are not wanted any more (a failure, stop()).
    void abandonJob();
    void finish();
    /// Ends the cycle after a failure: signed out on 401, rebuild on sync.resync_required, else a retry —
    /// within seconds when the server could not be reached, by the backoff timer otherwise.
    void fail(const SyncFailure& failure);
    void setState(State state);
    /// The socket is ready: pokes arrive, the periodic pull slows down, and whatever happened while it was
    /// down is pulled.
    void pokesReady();
    /// The socket closed, or stopped answering (it reconnects soon): find out at once whether the server
    /// still answers (the window says so within seconds).
    void pokesLost(bool wasReady);
    /// The server answered a request: an offline window is syncing again.
    void answered();

    Database& m_db;
    SyncCache& m_cache;
    Outbox m_outbox;
    /// The store's thread and the writer that lives on it (its own connection); its generation counts
    /// failures and stops: what a job asked for before one is dropped.
    std::unique_ptr<WriterQueue> m_queue;
    SyncTransport m_transport;
    QString m_clientId;
    State m_state = State::Stopped;
    bool m_running = false;
    bool m_inCycle = false;
    bool m_again = false;
    bool m_registered = false;
    QDateTime m_lastSynced;
    QString m_lastError;
    Backoff m_backoff;
    QTimer m_retry;
    QTimer m_periodic;
    QTimer m_debounce;
    PokeSocket m_pokes;
    bool m_searching = false; ///< the writer's search build, as it last said
    /// Reads and decodes snapshot pages ahead on m_worker while the writer stores the current one.
    QThread m_worker;
    SnapshotFetcher* m_fetcher = nullptr; ///< lives on m_worker
    SyncJob* m_job = nullptr; ///< the cycle's current job (a child of the engine)
    FirstSyncJob* m_firstSync = nullptr; ///< m_job while it is a first sync
};

} // namespace gongdan
