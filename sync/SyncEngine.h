#pragma once

#include "storage/BulkLoad.h"
#include "storage/Outbox.h"
#include "storage/SearchIndexer.h"
#include "storage/SyncCache.h"
#include "sync/Backoff.h"
#include "sync/SnapshotFetcher.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

class QNetworkReply;

namespace gongdan {

/// The workstation's sync loop (docs/ARCHITECTURE.md, "Sync"): register the device, push the outbox in
/// batches, pull pages into the cache, then wait — for a local change, a WebSocket poke, or the periodic
/// pull (60 s while the socket is down, 5 min while it is up). A failure never loses anything: it is
/// retried by a timer with backoff (0.5 s doubling to 60 s, ±30 %), never only by the next write. Runs
/// on the thread that owns the store's connection; every step is asynchronous, no nested event loops.
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

    SyncEngine(Database& db, SyncCache& cache, QObject* parent = nullptr);
    ~SyncEngine() override;

    void start(const QUrl& server, const QString& token);
    void stop();
    /// Something was queued locally: push at the next turn of the event loop (writes of one turn together).
    void changesQueued();
    /// Runs a cycle now (F5, a poke).
    void syncNow();

    State state() const { return m_state; }
    qint64 waiting();
    QDateTime lastSynced() const { return m_lastSynced; }
    QString lastError() const { return m_lastError; }
    bool socketReady() const { return m_socketReady; }
    /// A first sync is storing the queue's tickets (from the own ones until queueReady): the cache's
    /// ticket indexes wait for the end meanwhile, so what scans the ticket table waits for it too.
    bool storingQueue() const { return m_phase == Phase::Mine || m_phase == Phase::Team || m_phase == Phase::Rest; }
    /// Builds full-text search after a first sync, behind the usable queue (and resumes an unfinished
    /// build when the engine is created).
    SearchIndexer& indexer() { return m_indexer; }

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
    void teamPage(QNetworkReply* reply);
    /// Applies a page; false (after fail()) when the store refused it.
    bool apply(const QList<PulledChange>& changes, qint64 cursor, const QString& epoch, qint64 seenUpTo = -1);
    void finish();
    /// Ends a first sync's bulk load: indexes back, search left to the indexer (which the caller starts).
    Status finishBulkLoad();
    /// Ends the cycle after a failed reply: signed out on 401, rebuild on resync_required, else a retry
    /// by the backoff timer.
    void fail(QNetworkReply* reply, const QByteArray& body);
    /// `status` 0: the server could not be reached (`networkError` says why).
    void fail(int status, const QByteArray& body, const QString& networkError = {});
    void setState(State state);
    QNetworkReply* send(const QByteArray& verb, const QString& path, const QJsonObject& body = {});
    void openSocket();
    void socketMessage(const QString& message);
    /// The socket closed, or stopped answering: reconnect soon, and find out at once whether the server
    /// still answers (the window says so within seconds).
    void socketLost();
    /// The server answered a request: an offline window is syncing again.
    void answered();

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
    QTimer m_socketRetry;
    QTimer m_heartbeat; ///< pings the server over the socket; an unanswered ping means it is gone
    QTimer m_handshake; ///< a socket that is not ready in time is a server that does not answer
    QWebSocket m_socket;
    bool m_socketReady = false;
    bool m_pongPending = false;
    bool m_losingSocket = false;
    /// While the first pull (or a resync) fills an empty cache: indexes and full-text search are built
    /// once at the end instead of row by row (storage/BulkLoad).
    std::unique_ptr<BulkLoad> m_bootstrap;
    SearchIndexer m_indexer;
    /// Reads and decodes snapshot pages ahead on m_worker while this thread stores the current one.
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

} // namespace gongdan
