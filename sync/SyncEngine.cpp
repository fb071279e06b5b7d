#include "sync/SyncEngine.h"

#include "sync/ConnectionTiming.h"
#include "sync/SignInClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QScopedValueRollback>
#include <QUrlQuery>

namespace gongdan {

using namespace connection;

namespace {

constexpr int kPushBatch = 500;
constexpr int kPullPage = 1000;
// Tickets on a snapshot part's first page, and what its pages may grow to (SnapshotFetcher::grownLimit()).
constexpr int kSnapshotPage = 500;
constexpr int kLargestSnapshotPage = 2000;
constexpr int kRequestTimeoutMs = 20000;

QJsonObject errorOf(const QByteArray& body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    return object.contains(QStringLiteral("error")) ? object.value(QStringLiteral("error")).toObject() : object;
}

/// The changes of a pull page.
QList<PulledChange> changesOf(const QJsonObject& page)
{
    QList<PulledChange> changes;
    for (const QJsonValue& value : page.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject c = value.toObject();
        changes.append({c.value(QStringLiteral("server_seq")).toInteger(), c.value(QStringLiteral("entity")).toString(),
            c.value(QStringLiteral("id")).toString(), c.value(QStringLiteral("op")).toString(),
            c.value(QStringLiteral("data")).toObject()});
    }
    return changes;
}

} // namespace

SyncEngine::SyncEngine(Database& db, SyncCache& cache, QObject* parent)
    : QObject(parent), m_db(db), m_cache(cache), m_outbox(db), m_indexer(db)
{
    connect(&m_indexer, &SearchIndexer::progress, this, &SyncEngine::searchIndexProgress);
    m_fetcher = new SnapshotFetcher;
    m_fetcher->moveToThread(&m_worker);
    connect(m_fetcher, &SnapshotFetcher::pageReady, this, &SyncEngine::snapshotPage); // queued: across threads
    m_worker.setObjectName(QStringLiteral("gongdan-snapshot"));
    m_worker.start();
    QTimer::singleShot(0, &m_indexer, &SearchIndexer::start); // a build a closed workstation left unfinished
    m_clientId = m_outbox.clientId();
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncEngine::cycle);
    connect(&m_periodic, &QTimer::timeout, this, &SyncEngine::cycle);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(0); // writes of one event-loop turn go together; nothing waits longer
    connect(&m_debounce, &QTimer::timeout, this, &SyncEngine::cycle);
    m_socketRetry.setSingleShot(true);
    connect(&m_socketRetry, &QTimer::timeout, this, &SyncEngine::openSocket);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_socket.sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject {{QStringLiteral("token"), m_token}}).toJson(QJsonDocument::Compact)));
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &SyncEngine::socketMessage);
    connect(&m_socket, &QWebSocket::disconnected, this, &SyncEngine::socketLost);
    // A connection that fails before it is made reports an error, not a disconnect.
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        if (!m_socketReady && m_socket.state() == QAbstractSocket::UnconnectedState && m_running
            && !m_socketRetry.isActive())
            socketLost();
    });
    connect(&m_socket, &QWebSocket::pong, this, [this] { m_pongPending = false; });
    m_heartbeat.setInterval(kHeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        if (std::exchange(m_pongPending, true)) {
            m_socket.abort(); // no answer since the last ping: the server is gone (disconnected follows)
            return;
        }
        m_socket.ping();
    });
    m_handshake.setSingleShot(true);
    m_handshake.setInterval(kHandshakeMs);
    connect(&m_handshake, &QTimer::timeout, this, [this] {
        if (!m_socketReady) // connected but never answered (a server that hangs), or no connection at all
            socketLost();
    });
}

SyncEngine::~SyncEngine()
{
    // The socket says it closed while it is destroyed: nothing here may answer that any more.
    m_running = false;
    disconnect(&m_socket, nullptr, this, nullptr);
    finishBulkLoad(); // quitting during a first sync: search is built the next time
    // The fetcher (and its network access) is deleted on its own thread, then the thread ends.
    QMetaObject::invokeMethod(
        m_fetcher, [fetcher = m_fetcher] { delete fetcher; }, Qt::BlockingQueuedConnection);
    m_worker.quit();
    m_worker.wait();
}

Status SyncEngine::finishBulkLoad()
{
    if (!m_bootstrap)
        return {};
    // Search is built behind the queue (SearchIndexer), so the queue is usable this much sooner. A
    // failure leaves the load pending for Database::open().
    const Status built = m_bootstrap->finish(BulkLoad::FullText::Later);
    m_bootstrap.reset();
    return built;
}

void SyncEngine::start(const QUrl& server, const QString& token)
{
    m_server = server;
    m_token = token;
    // The signed-in user's own client on this store (SyncCache::claimFor made the store theirs).
    if (auto mine = m_db.signedInUser().isEmpty() ? Result<SyncIdentity>(SyncIdentity {{}, m_outbox.clientId(), 1})
                                                  : m_outbox.identity(m_db.signedInUser()))
        m_clientId = mine.value().clientId;
    m_running = true;
    m_registered = false;
    m_phase = Phase::None;
    m_backoff.reset();
    m_periodic.start(kPullWhileSocketDownMs);
    openSocket();
    cycle();
}

void SyncEngine::stop()
{
    QMetaObject::invokeMethod(m_fetcher, [fetcher = m_fetcher] { fetcher->cancel(); });
    m_running = false;
    ++m_generation; // what was asked for before is not wanted any more: the cycle ends here
    m_inCycle = false;
    m_again = false;
    m_phase = Phase::None;
    m_cache.dropStagedEvents();
    m_retry.stop();
    m_periodic.stop();
    m_debounce.stop();
    m_socketRetry.stop();
    m_heartbeat.stop();
    m_handshake.stop();
    m_socket.abort();
    m_socketReady = false;
    setState(State::Stopped);
}

void SyncEngine::changesQueued()
{
    Q_EMIT waitingChanged(waiting());
    if (m_running)
        m_debounce.start();
}

void SyncEngine::syncNow()
{
    if (m_running)
        cycle();
}

qint64 SyncEngine::waiting()
{
    return m_outbox.waiting();
}

void SyncEngine::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QNetworkReply* SyncEngine::send(const QByteArray& verb, const QString& path, const QJsonObject& body)
{
    QUrl url = m_server;
    const qsizetype mark = path.indexOf(QLatin1Char('?'));
    url.setPath(mark < 0 ? path : path.left(mark));
    if (mark >= 0)
        url.setQuery(path.mid(mark + 1));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(kRequestTimeoutMs);
    if (verb == "GET")
        return m_network.get(request);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void SyncEngine::cycle()
{
    if (!m_running || m_state == State::SignedOut)
        return;
    if (m_inCycle) {
        m_again = true; // one more cycle when this one ends: the change may have missed it
        return;
    }
    m_inCycle = true;
    m_retry.stop();
    if (m_state != State::Offline) // while offline the window keeps saying so until the server answers
        setState(State::Syncing);
    if (m_registered)
        pushNext();
    else
        registerDevice();
}

void SyncEngine::registerDevice()
{
    QNetworkReply* reply
        = send("POST", QStringLiteral("/v1/sync/register"), {{QStringLiteral("client_id"), m_clientId}});
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation = m_generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return; // asked for before a failure or stop() (with another token, maybe): not wanted any more
        const QByteArray body = reply->readAll();
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            return fail(reply, body);
        const QJsonObject answer = QJsonDocument::fromJson(body).object();
        if (Status s = m_cache.setDeviceCode(answer.value(QStringLiteral("device_code")).toString()); !s) {
            m_lastError = s.error().message;
            return fail(reply, {});
        }
        m_registered = true;
        answered();
        pushNext();
    });
}

void SyncEngine::answered()
{
    if (m_state == State::Offline)
        setState(State::Syncing);
}

void SyncEngine::pushNext()
{
    const QList<OutboxEntry> batch = m_outbox.pending(kPushBatch);
    if (batch.isEmpty())
        return pullNext();
    QJsonArray mutations;
    QHash<qint64, qint64> localSeq; // the user's sequence number → the entry's seq in this store
    for (const OutboxEntry& entry : batch) {
        localSeq.insert(entry.pushSeq, entry.seq);
        mutations.append(QJsonObject {{QStringLiteral("seq"), entry.pushSeq},
            {QStringLiteral("mutation_id"), entry.mutationId}, {QStringLiteral("name"), entry.name},
            {QStringLiteral("entity_id"), entry.entityId}, {QStringLiteral("args"), entry.args}});
    }
    QNetworkReply* reply = send("POST", QStringLiteral("/v1/sync/push"),
        {{QStringLiteral("client_id"), m_clientId}, {QStringLiteral("mutations"), mutations}});
    connect(reply, &QNetworkReply::finished, this, [this, reply, localSeq, generation = m_generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return; // asked for before a failure or stop() (with another token, maybe): not wanted any more
        const QByteArray body = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(body).object();
        if (status != 200 && !(status == 409 && answer.contains(QStringLiteral("results"))))
            return fail(reply, body);
        answered();
        QJsonArray results;
        for (const QJsonValue& value : answer.value(QStringLiteral("results")).toArray()) {
            QJsonObject result = value.toObject();
            result.insert(QStringLiteral("seq"),
                localSeq.value(
                    result.value(QStringLiteral("seq")).toInteger(), result.value(QStringLiteral("seq")).toInteger()));
            results.append(result);
        }
        auto recomputed = m_cache.recordResults(results);
        if (!recomputed) {
            m_lastError = recomputed.error().message;
            return fail(reply, {});
        }
        if (!recomputed.value().isEmpty())
            Q_EMIT ticketsChanged(recomputed.value());
        if (m_cache.takeTeamChanged()) // a refused definition or category went back to the server's
            Q_EMIT teamChanged();
        Q_EMIT waitingChanged(waiting());
        if (status == 409) // a seq is missing on the server: nothing more can be pushed until it is resolved
            return fail(reply, body);
        pushNext();
    });
}

void SyncEngine::pullNext()
{
    if (m_cache.cursor() == 0 && m_phase == Phase::None) { // an empty cache (or a rebuild): the snapshot
        m_phase = Phase::Mine;
        m_teamCursor = 0;
        m_startCursor = -1;
        m_done = m_total = 0;
        m_epoch = m_cache.epoch();
        m_restLast.clear();
        m_indexer.stop(); // the bulk load empties search and starts it again at its end
        // Nothing queued: everything the load writes can be fetched again, so its commits need not wait
        // for the disk (queued changes, kept through a resync, are never risked that way).
        m_bootstrap = std::make_unique<BulkLoad>(
            m_db, m_outbox.count() == 0 ? BulkLoad::Durability::Unsynced : BulkLoad::Durability::Synced);
        if (!m_bootstrap->started())
            m_bootstrap.reset(); // row by row then: slower, just as correct
        // The own tickets arrive without their conversations: the ticket view says so until they come.
        if (Status pending = m_cache.setOwnConversationsPending(true); !pending) {
            m_lastError = pending.error().message;
            return fail(200, {});
        }
    }
    if (m_phase != Phase::None)
        return bootstrapNext();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), m_clientId);
    query.addQueryItem(QStringLiteral("cursor"), QString::number(m_cache.cursor()));
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPullPage));
    if (const QString epoch = m_cache.epoch(); !epoch.isEmpty())
        query.addQueryItem(QStringLiteral("epoch"), epoch);
    QNetworkReply* reply = send("GET", QStringLiteral("/v1/sync/pull?") + query.toString(QUrl::FullyEncoded));
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation = m_generation] {
        reply->deleteLater();
        if (generation != m_generation)
            return; // asked for before a failure or stop() (with another token, maybe): not wanted any more
        const QByteArray body = reply->readAll();
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            return fail(reply, body);
        answered();
        const QJsonObject page = QJsonDocument::fromJson(body).object();
        if (!apply(changesOf(page), page.value(QStringLiteral("next_cursor")).toInteger(),
                page.value(QStringLiteral("epoch")).toString()))
            return;
        if (page.value(QStringLiteral("has_more")).toBool())
            return pullNext();
        if (m_bootstrap) {
            if (const Status built = finishBulkLoad(); !built) {
                m_lastError = built.error().message;
                return fail(reply, {});
            }
            m_indexer.start(); // after the first sync's bars have ended: the same bar shows search next
        }
        finish();
    });
}

bool SyncEngine::apply(const QList<PulledChange>& changes, qint64 cursor, const QString& epoch, qint64 seenUpTo)
{
    auto touched = m_cache.applyPage(changes, cursor, epoch, seenUpTo);
    if (!touched) {
        m_lastError = touched.error().message;
        fail(200, {}); // the store refused it: retried by the backoff timer
        return false;
    }
    if (!touched.value().isEmpty())
        Q_EMIT ticketsChanged(touched.value());
    if (m_cache.takeTeamChanged())
        Q_EMIT teamChanged();
    return true;
}

void SyncEngine::bootstrapNext()
{
    if (m_phase != Phase::Team) {
        // A snapshot part: fetched and decoded on the worker thread, stored here page by page. The tickets
        // come without their comments (a queue usable sooner), which follow once the whole queue is.
        const bool mine = m_phase == Phase::Mine || m_phase == Phase::OwnConversations;
        const bool tickets = m_phase == Phase::Mine || m_phase == Phase::Rest;
        const SnapshotFetcher::Part part {m_server, m_token, m_clientId, m_epoch,
            mine ? QStringLiteral("mine") : QStringLiteral("rest"),
            tickets ? QStringLiteral("none") : QStringLiteral("only"), kSnapshotPage, kLargestSnapshotPage,
            m_generation};
        QMetaObject::invokeMethod(m_fetcher, [fetcher = m_fetcher, part] { fetcher->fetch(part); });
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), m_clientId);
    if (!m_epoch.isEmpty())
        query.addQueryItem(QStringLiteral("epoch"), m_epoch);
    query.addQueryItem(QStringLiteral("team"), QStringLiteral("1"));
    query.addQueryItem(QStringLiteral("cursor"), QString::number(m_teamCursor));
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPullPage));
    QNetworkReply* reply = send("GET", QStringLiteral("/v1/sync/pull?") + query.toString(QUrl::FullyEncoded));
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation = m_generation] {
        reply->deleteLater();
        if (generation == m_generation) // else: asked for before a failure or stop(): not wanted any more
            teamPage(reply);
    });
}

void SyncEngine::snapshotPage(quint64 generation, SnapshotPagePtr pagePtr)
{
    if (generation != m_generation)
        return; // read ahead of a page that then failed, or before stop(): not wanted any more
    const SnapshotPage& page = *pagePtr;
    if (page.status != 200)
        return fail(page.status, page.errorBody, page.networkError);
    m_startCursor = m_startCursor < 0 ? page.cursor : std::min(m_startCursor, page.cursor);
    m_epoch = page.epoch;
    const bool conversations = m_phase == Phase::OwnConversations || m_phase == Phase::Conversations;
    if (!conversations)
        m_total += page.total; // on a part's first page only (the conversations are of the same tickets)
    // The cursor stays 0 until the end; the page holds everything up to its own cursor.
    if (!page.changes.isEmpty() && !apply(page.changes, 0, m_epoch, page.cursor))
        return;
    qint64& done = conversations ? m_talkDone : m_done;
    done += page.tickets;
    const bool more = page.more;
    if (m_phase == Phase::Rest && page.tickets > 0)
        m_restLast = page.nextAfter; // the last ticket whose conversation follows the queue
    // The ticket view says which tickets still wait for their comments (nothing waits after the last page).
    const Status marked = m_phase == Phase::Conversations
        ? m_cache.setConversationsPending(page.nextAfter, more ? m_restLast : QString())
        : m_phase == Phase::OwnConversations && !more ? m_cache.setOwnConversationsPending(false)
                                                      : Status();
    // Back to the fetcher, which frees it: `page` is not to be read after this.
    QMetaObject::invokeMethod(
        m_fetcher, [fetcher = m_fetcher, spent = std::move(pagePtr)]() mutable { fetcher->taken(std::move(spent)); });
    if (conversations)
        Q_EMIT conversationProgress(m_talkDone, std::max(m_talkTotal, m_talkDone));
    else
        Q_EMIT firstSyncProgress(m_done, std::max(m_total, m_done));
    if (!marked) {
        m_lastError = marked.error().message;
        return fail(200, {});
    }
    if (more)
        return; // the fetcher is reading the next page already
    if (m_phase == Phase::Mine) {
        m_phase = Phase::Team;
        Q_EMIT ownQueueReady();
        return bootstrapNext();
    }
    if (m_phase == Phase::Rest) {
        // Every ticket is here: the queue's indexes back (BulkLoad::finishQueue()), and the queue is usable.
        if (m_bootstrap) {
            if (const Status built = m_bootstrap->finishQueue(); !built) {
                m_lastError = built.error().message;
                return fail(200, {});
            }
        }
        // A resync: what the server no longer has (a restore rewound it) leaves the desk too.
        const Result<QStringList> vanished = m_cache.dropVanished();
        if (!vanished) {
            m_lastError = vanished.error().message;
            return fail(200, {});
        }
        if (!vanished.value().isEmpty())
            Q_EMIT ticketsChanged(vanished.value());
        if (Status pending = m_cache.setConversationsPending(QString(), m_restLast); !pending) {
            m_lastError = pending.error().message;
            return fail(200, {});
        }
        Q_EMIT firstSyncProgress(m_total, m_total);
        Q_EMIT queueReady();
        m_phase = Phase::OwnConversations; // an agent opens their own tickets first
        m_talkDone = 0;
        m_talkTotal = m_total;
        if (Status staged = m_cache.stageEvents(); !staged) { // the conversations' events go in at their end
            m_lastError = staged.error().message;
            return fail(200, {});
        }
        return bootstrapNext();
    }
    // The events of the conversations just stored, into their table in one pass.
    if (Status merged = m_cache.mergeStagedEvents(); !merged) {
        m_lastError = merged.error().message;
        return fail(200, {});
    }
    if (m_phase == Phase::OwnConversations) {
        m_phase = Phase::Conversations;
        if (Status staged = m_cache.stageEvents(); !staged) {
            m_lastError = staged.error().message;
            return fail(200, {});
        }
        return bootstrapNext();
    }
    Q_EMIT conversationProgress(m_talkTotal, m_talkTotal);
    // Every part read: go on pulling from the oldest point a page was read at (re-applying what came
    // after it is harmless: upserts in server order, comments and conflicts once by id).
    m_phase = Phase::None;
    if (Status started = m_cache.startFrom(std::max<qint64>(m_startCursor, 0), m_epoch); !started) {
        m_lastError = started.error().message;
        return fail(200, {});
    }
    pullNext();
}

void SyncEngine::teamPage(QNetworkReply* reply)
{
    const QByteArray body = reply->readAll();
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return fail(reply, body);
    const QJsonObject page = QJsonDocument::fromJson(body).object();
    const QList<PulledChange> changes = changesOf(page);
    m_epoch = page.value(QStringLiteral("epoch")).toString();
    m_teamCursor = page.value(QStringLiteral("next_cursor")).toInteger();
    if (!changes.isEmpty() && !apply(changes, 0, m_epoch, m_teamCursor))
        return;
    if (page.value(QStringLiteral("has_more")).toBool())
        return bootstrapNext();
    m_startCursor = m_startCursor < 0 ? m_teamCursor : std::min(m_startCursor, m_teamCursor);
    m_phase = Phase::Rest;
    bootstrapNext();
}

void SyncEngine::finish()
{
    m_inCycle = false;
    m_backoff.reset();
    m_lastError.clear();
    m_lastSynced = m_db.clock().now();
    setState(State::Idle);
    Q_EMIT waitingChanged(waiting());
    Q_EMIT synced();
    if (std::exchange(m_again, false))
        cycle();
}

void SyncEngine::fail(QNetworkReply* reply, const QByteArray& body)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    fail(status, body,
        status == 0 ? SignInClient::networkMessage(
            reply->error(), m_server, std::chrono::milliseconds(kRequestTimeoutMs), reply->errorString())
                    : reply->errorString());
}

void SyncEngine::fail(int status, const QByteArray& body, const QString& networkError)
{
    QMetaObject::invokeMethod(m_fetcher, [fetcher = m_fetcher] { fetcher->cancel(); });
    m_inCycle = false;
    if (m_bootstrap) { // indexes back now; the retry carries on row by row from the cursor reached
        finishBulkLoad();
        m_indexer.start();
    }
    m_phase = Phase::None; // an unfinished first sync starts over (what it stored is overwritten in place)
    m_cache.dropStagedEvents(); // (and its events come again)
    ++m_generation;
    m_again = false;
    const QJsonObject error = errorOf(body);
    const QString code = error.value(QStringLiteral("code")).toString();
    if (status == 401) {
        m_lastError = error.value(QStringLiteral("message")).toString();
        m_socket.abort();
        setState(State::SignedOut);
        Q_EMIT signInRequired(m_lastError);
        return;
    }
    if (code == QLatin1String("sync.resync_required")) {
        // Another history on the server: rebuild the server copies from scratch; queued changes stay.
        if (Status reset = m_cache.resetForResync(); reset) {
            m_registered = false;
            m_retry.start(0);
            return;
        }
    }
    if (status == 0)
        m_lastError = networkError;
    else if (!code.isEmpty())
        m_lastError = error.value(QStringLiteral("message")).toString();
    setState(status == 0 ? State::Offline : State::Failed);
    // Not reachable: try again soon (the window is back in step within seconds of the server); a server
    // that answers with errors is given the slow backoff.
    m_retry.start(status == 0 ? reconnectDelay() : m_backoff.next());
}

} // namespace gongdan
