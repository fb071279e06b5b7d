#pragma once

#include "storage/Outbox.h"
#include "storage/SyncCache.h"
#include "sync/Backoff.h"
#include "sync/PokeSocket.h"
#include "sync/SnapshotFetcher.h"
#include "sync/SyncWriter.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <QUrl>

class QNetworkReply;

namespace gongdan {

/// The workstation's sync loop (docs/ARCHITECTURE.md, "Sync"): register the device, push the outbox in
/// batches, pull pages into the cache, then wait — for a local change, a WebSocket poke, or the periodic
/// pull (60 s while the socket is down, 5 min while it is up). A failure never loses anything: it is
/// retried by a timer with backoff (0.5 s doubling to 60 s, ±30 %), never only by the next write. Lives on
/// the window's thread and only decides: the network is asynchronous, snapshot pages are read and decoded
/// on a worker thread (SnapshotFetcher), and every store write happens on the store's own thread and
/// connection (SyncWriter), so the window never waits for a page to be stored. No nested event loops.
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
    QUrl server() const { return m_running ? m_server : QUrl(); }
    QString token() const { return m_running ? m_token : QString(); }
    qint64 waiting();
    QDateTime lastSynced() const { return m_lastSynced; }
    QString lastError() const { return m_lastError; }
    bool socketReady() const { return m_pokes.ready(); }
    /// A first sync is storing the queue's tickets (from the own ones until queueReady): the cache's
    /// ticket indexes wait for the end meanwhile, so what scans the ticket table waits for it too.
    bool storingQueue() const { return m_phase == Phase::Mine || m_phase == Phase::Team || m_phase == Phase::Rest; }
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
    void registerDevice();
    void pushNext();
    void pullNext();
    /// The first sync into an empty cache: snapshot pages of the user's own tickets, the team-wide
    /// records (users, groups, customers, definitions, categories) from the change log, snapshot pages of
    /// the rest of their tickets without comments (then the queue is usable) and of those tickets'
    /// comments; then pulls from the smallest cursor any of those pages was read at.
    void bootstrapNext();
    void snapshotPage(quint64 generation, gongdan::SnapshotPagePtr pagePtr);
    void snapshotStored(const SnapshotPage& page, const StoreOutcome& stored);
    void teamPage(QNetworkReply* reply);
    /// Tells the window what a store write changed; false (after fail()) when the store refused it.
    bool stored(const StoreOutcome& outcome);
    /// Ends a store step: fail() when it failed, else `next`.
    void then(const Status& status, void (SyncEngine::*next)());
    void finish();
    /// Ends the cycle after a failed reply: signed out on 401, rebuild on resync_required, else a retry
    /// by the backoff timer.
    void fail(QNetworkReply* reply, const QByteArray& body);
    /// `status` 0: the server could not be reached (`networkError` says why).
    void fail(int status, const QByteArray& body, const QString& networkError = {});
    /// The store refused a write: retried by the backoff timer.
    void failStored(const Status& status);
    void setState(State state);
    QNetworkReply* send(const QByteArray& verb, const QString& path, const QJsonObject& body = {});
    /// The socket is ready: pokes arrive, the periodic pull slows down, and whatever happened while it was
    /// down is pulled.
    void pokesReady();
    /// The socket closed, or stopped answering (it reconnects soon): find out at once whether the server
    /// still answers (the window says so within seconds).
    void pokesLost(bool wasReady);
    /// The server answered a request: an offline window is syncing again.
    void answered();
    /// Runs `work(SyncWriter&)` on the store's thread, then `done(result)` here, unless a failure or
    /// stop() came in between (the generation moved on): what was asked for before is not wanted any more.
    template<typename Work, typename Done>
    void store(Work work, Done done);
    /// Runs `work(SyncWriter&)` on the store's thread; nothing comes back.
    template<typename Work>
    void post(Work work);

    Database& m_db;
    SyncCache& m_cache;
    Outbox m_outbox;
    QNetworkAccessManager m_network;
    QUrl m_server;
    QString m_token;
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
    /// The store's thread and the writer that lives on it (its own connection).
    QThread m_storeThread;
    SyncWriter* m_writer = nullptr;
    /// Reads and decodes snapshot pages ahead on m_worker while the writer stores the current one.
    QThread m_worker;
    SnapshotFetcher* m_fetcher = nullptr; ///< lives on m_worker
    /// Where the first sync is (bootstrapNext()); None once the cache has a cursor. Tickets come before
    /// comments: the user's own, the team-wide rows, the rest; then the own tickets' conversations, then
    /// the others'.
    enum class Phase { None, Mine, Team, Rest, OwnConversations, Conversations } m_phase = Phase::None;
    qint64 m_teamCursor = 0;
    qint64 m_startCursor = -1; ///< the smallest cursor a page was read at: the pull goes on from there
    qint64 m_done = 0;
    qint64 m_total = 0;
    QString m_restLast; ///< the last ticket of the rest part: conversations are fetched up to it
    qint64 m_talkDone = 0; ///< tickets whose conversations are stored (the two conversation phases)
    qint64 m_talkTotal = 0;
    QString m_epoch;
    /// Counts failures and stops: a reply asked for before one (a prefetched snapshot page) is dropped.
    quint64 m_generation = 0;
};

template<typename Work, typename Done>
void SyncEngine::store(Work work, Done done)
{
    QMetaObject::invokeMethod(m_writer,
        [this, writer = m_writer, work = std::move(work), done = std::move(done), generation = m_generation]() mutable {
            auto result = work(*writer);
            QMetaObject::invokeMethod(this, [this, result = std::move(result), done = std::move(done), generation]() {
                if (generation == m_generation)
                    done(result);
            });
        });
}

template<typename Work>
void SyncEngine::post(Work work)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, work = std::move(work)] { work(*writer); });
}

} // namespace gongdan
