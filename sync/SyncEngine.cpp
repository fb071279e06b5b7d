#include "sync/SyncEngine.h"

#include "sync/ConnectionTiming.h"
#include "sync/SignInClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
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

} // namespace

SyncEngine::SyncEngine(
    Database& db, SyncCache& cache, CoreNumbering numbering, const Failpoints& failpoints, QObject* parent)
    : QObject(parent), m_db(db), m_cache(cache), m_outbox(db)
{
    m_writer = new SyncWriter(db.path(), db.clock(), numbering, failpoints);
    m_writer->moveToThread(&m_storeThread);
    connect(m_writer, &SyncWriter::searchIndexProgress, this, &SyncEngine::searchIndexProgress);
    connect(m_writer, &SyncWriter::searchingChanged, this, [this](bool searching) { m_searching = searching; });
    m_storeThread.setObjectName(QStringLiteral("gongdan-sync-store"));
    m_storeThread.start();
    // Opened on its thread (a connection is used only where it was made); a store write never comes
    // before this, since the writer takes its tasks in order.
    QMetaObject::invokeMethod(m_writer, &SyncWriter::open);
    m_fetcher = new SnapshotFetcher;
    m_fetcher->moveToThread(&m_worker);
    connect(m_fetcher, &SnapshotFetcher::pageReady, this, &SyncEngine::snapshotPage); // queued: across threads
    m_worker.setObjectName(QStringLiteral("gongdan-snapshot"));
    m_worker.start();
    m_clientId = m_outbox.clientId();
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncEngine::cycle);
    connect(&m_periodic, &QTimer::timeout, this, &SyncEngine::cycle);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(0); // writes of one event-loop turn go together; nothing waits longer
    connect(&m_debounce, &QTimer::timeout, this, &SyncEngine::cycle);
    connect(&m_pokes, &PokeSocket::becameReady, this, &SyncEngine::pokesReady);
    connect(&m_pokes, &PokeSocket::lost, this, &SyncEngine::pokesLost);
    connect(&m_pokes, &PokeSocket::poked, this, [this](qint64 seq) {
        if (seq > m_cache.cursor())
            cycle();
    });
}

SyncEngine::~SyncEngine()
{
    m_running = false;
    disconnect(&m_pokes, nullptr, this, nullptr);
    // The writer ends a load still running and closes its connection on its own thread, after the tasks
    // already asked for; what it would report back is dropped with this object.
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer] { delete writer; }, Qt::BlockingQueuedConnection);
    m_storeThread.quit();
    m_storeThread.wait();
    // The fetcher (and its network access) is deleted on its own thread, then the thread ends.
    QMetaObject::invokeMethod(
        m_fetcher, [fetcher = m_fetcher] { delete fetcher; }, Qt::BlockingQueuedConnection);
    m_worker.quit();
    m_worker.wait();
}

void SyncEngine::start(const QUrl& server, const QString& token)
{
    m_server = server;
    m_token = token;
    // The signed-in user's own client on this store (SyncCache::claimFor made the store theirs).
    if (auto mine = m_db.signedInUser().isEmpty() ? Result<SyncIdentity>(SyncIdentity {{}, m_outbox.clientId(), 1})
                                                  : m_outbox.identity(m_db.signedInUser()))
        m_clientId = mine.value().clientId;
    post([user = m_db.signedInUser()](SyncWriter& writer) { writer.setSignedInUser(user); });
    m_running = true;
    m_registered = false;
    m_phase = Phase::None;
    m_backoff.reset();
    m_periodic.start(kPullWhileSocketDownMs);
    m_pokes.open(server, token);
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
    post([](SyncWriter& writer) { writer.stopped(); });
    m_retry.stop();
    m_periodic.stop();
    m_debounce.stop();
    m_pokes.close();
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
        const QString code = QJsonDocument::fromJson(body).object().value(QStringLiteral("device_code")).toString();
        answered();
        store([code](SyncWriter& writer) { return writer.setDeviceCode(code); },
            [this](const Status& set) {
                m_registered = set.ok();
                then(set, &SyncEngine::pushNext);
            });
    });
}

void SyncEngine::answered()
{
    if (m_state == State::Offline)
        setState(State::Syncing);
}

void SyncEngine::pushNext()
{
    store([](SyncWriter& writer) { return writer.nextPush(kPushBatch); },
        [this](const PushBatch& batch) {
            if (batch.mutations.isEmpty())
                return pullNext();
            QNetworkReply* reply = send("POST", QStringLiteral("/v1/sync/push"),
                {{QStringLiteral("client_id"), m_clientId}, {QStringLiteral("mutations"), batch.mutations}});
            connect(reply, &QNetworkReply::finished, this,
                [this, reply, localSeq = batch.localSeq, generation = m_generation] {
                    reply->deleteLater();
                    if (generation != m_generation)
                        return; // asked for before a failure or stop() (another token, maybe): not wanted any more
                    const QByteArray body = reply->readAll();
                    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    QJsonObject answer = QJsonDocument::fromJson(body).object();
                    if (status != 200 && !(status == 409 && answer.contains(QStringLiteral("results"))))
                        return fail(reply, body);
                    answered();
                    const QString networkError = reply->errorString();
                    store([answer, localSeq](SyncWriter& writer) { return writer.recordPush(answer, localSeq); },
                        [this, status, body, networkError](const StoreOutcome& outcome) {
                            if (!stored(outcome))
                                return;
                            Q_EMIT waitingChanged(waiting());
                            if (status == 409) // a seq is missing on the server: nothing more until it is resolved
                                return fail(status, body, networkError);
                            pushNext();
                        });
                });
        });
}

void SyncEngine::pullNext()
{
    if (m_phase != Phase::None)
        return bootstrapNext();
    store([](SyncWriter& writer) { return std::make_pair(writer.cursor(), writer.epoch()); },
        [this](const std::pair<qint64, QString>& at) {
            const auto [cursor, epoch] = at;
            if (cursor == 0) { // an empty cache (or a rebuild): the snapshot
                m_phase = Phase::Mine;
                m_teamCursor = 0;
                m_startCursor = -1;
                m_done = m_total = 0;
                m_epoch = epoch;
                m_restLast.clear();
                return store([](SyncWriter& writer) { return writer.beginFirstSync(); },
                    [this](const Status& begun) { then(begun, &SyncEngine::bootstrapNext); });
            }
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("client_id"), m_clientId);
            query.addQueryItem(QStringLiteral("cursor"), QString::number(cursor));
            query.addQueryItem(QStringLiteral("limit"), QString::number(kPullPage));
            if (!epoch.isEmpty())
                query.addQueryItem(QStringLiteral("epoch"), epoch);
            QNetworkReply* reply = send("GET", QStringLiteral("/v1/sync/pull?") + query.toString(QUrl::FullyEncoded));
            connect(reply, &QNetworkReply::finished, this, [this, reply, generation = m_generation] {
                reply->deleteLater();
                if (generation != m_generation)
                    return; // asked for before a failure or stop() (another token, maybe): not wanted any more
                const QByteArray body = reply->readAll();
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                    return fail(reply, body);
                answered();
                // Decoded and stored on the store's thread; a first sync's last pull ends its load there.
                store([body](SyncWriter& writer) { return writer.applyPull(body); },
                    [this](const PageOutcome& page) {
                        if (!stored(page.stored))
                            return;
                        if (page.more)
                            return pullNext();
                        finish();
                    });
            });
        });
}

bool SyncEngine::stored(const StoreOutcome& outcome)
{
    if (!outcome.status) {
        failStored(outcome.status);
        return false;
    }
    if (!outcome.tickets.isEmpty())
        Q_EMIT ticketsChanged(outcome.tickets);
    if (outcome.teamChanged)
        Q_EMIT teamChanged();
    return true;
}

void SyncEngine::then(const Status& status, void (SyncEngine::*next)())
{
    if (!status)
        return failStored(status);
    (this->*next)();
}

void SyncEngine::failStored(const Status& status)
{
    m_lastError = status.error().message;
    fail(200, {}); // the store refused it: retried by the backoff timer
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
    if (m_phase == Phase::Rest && page.tickets > 0)
        m_restLast = page.nextAfter; // the last ticket whose conversation follows the queue
    const SnapshotPart part = m_phase == Phase::Mine ? SnapshotPart::Mine
        : m_phase == Phase::Rest                     ? SnapshotPart::Rest
        : m_phase == Phase::OwnConversations         ? SnapshotPart::OwnConversations
                                                     : SnapshotPart::Conversations;
    // What the engine goes on with; the page itself goes to the store's thread, and from there back to the
    // fetcher, which frees it.
    SnapshotPage summary;
    summary.tickets = page.tickets;
    summary.more = page.more;
    store([pagePtr = std::move(pagePtr), part, restLast = m_restLast, fetcher = m_fetcher](
              SyncWriter& writer) mutable { return writer.applySnapshot(std::move(pagePtr), part, restLast, fetcher); },
        [this, summary = std::move(summary)](const StoreOutcome& outcome) { snapshotStored(summary, outcome); });
}

void SyncEngine::snapshotStored(const SnapshotPage& page, const StoreOutcome& outcome)
{
    if (!stored(outcome))
        return;
    const bool conversations = m_phase == Phase::OwnConversations || m_phase == Phase::Conversations;
    qint64& done = conversations ? m_talkDone : m_done;
    done += page.tickets;
    if (conversations)
        Q_EMIT conversationProgress(m_talkDone, std::max(m_talkTotal, m_talkDone));
    else
        Q_EMIT firstSyncProgress(m_done, std::max(m_total, m_done));
    if (page.more)
        return; // the fetcher is reading the next page already
    if (m_phase == Phase::Mine) {
        m_phase = Phase::Team;
        Q_EMIT ownQueueReady();
        return bootstrapNext();
    }
    if (m_phase == Phase::Rest) {
        return store([restLast = m_restLast](SyncWriter& writer) { return writer.queueStored(restLast); },
            [this](const StoreOutcome& queued) {
                if (!stored(queued)) // (the tickets a resync found gone from the server leave the desk)
                    return;
                Q_EMIT firstSyncProgress(m_total, m_total);
                Q_EMIT queueReady();
                m_phase = Phase::OwnConversations; // an agent opens their own tickets first
                m_talkDone = 0;
                m_talkTotal = m_total;
                bootstrapNext();
            });
    }
    const bool more = m_phase == Phase::OwnConversations;
    store([more](SyncWriter& writer) { return writer.conversationsStored(more); },
        [this, more](const Status& merged) {
            if (!merged)
                return failStored(merged);
            if (more) {
                m_phase = Phase::Conversations;
                return bootstrapNext();
            }
            Q_EMIT conversationProgress(m_talkTotal, m_talkTotal);
            // Every part read: go on pulling from the oldest point a page was read at (re-applying what
            // came after it is harmless: upserts in server order, comments and conflicts once by id).
            m_phase = Phase::None;
            store([cursor = std::max<qint64>(m_startCursor, 0), epoch = m_epoch](
                      SyncWriter& writer) { return writer.startFrom(cursor, epoch); },
                [this](const Status& started) { then(started, &SyncEngine::pullNext); });
        });
}

void SyncEngine::teamPage(QNetworkReply* reply)
{
    const QByteArray body = reply->readAll();
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return fail(reply, body);
    store([body](SyncWriter& writer) { return writer.applyTeam(body); },
        [this](const PageOutcome& page) {
            if (!stored(page.stored))
                return;
            m_epoch = page.epoch;
            m_teamCursor = page.nextCursor;
            if (page.more)
                return bootstrapNext();
            m_startCursor = m_startCursor < 0 ? m_teamCursor : std::min(m_startCursor, m_teamCursor);
            m_phase = Phase::Rest;
            bootstrapNext();
        });
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
    // A first sync's load ends (indexes back; the retry carries on row by row from the cursor reached),
    // and its events set aside are dropped (they come again).
    post([](SyncWriter& writer) { writer.failed(); });
    m_phase = Phase::None; // an unfinished first sync starts over (what it stored is overwritten in place)
    ++m_generation;
    m_again = false;
    const QJsonObject error = errorOf(body);
    const QString code = error.value(QStringLiteral("code")).toString();
    if (status == 401) {
        m_lastError = error.value(QStringLiteral("message")).toString();
        m_pokes.close();
        setState(State::SignedOut);
        Q_EMIT signInRequired(m_lastError);
        return;
    }
    if (code == QLatin1String("sync.resync_required")) {
        // Another history on the server: rebuild the server copies from scratch; queued changes stay.
        setState(State::Syncing);
        store([](SyncWriter& writer) { return writer.resetForResync(); },
            [this](const Status& reset) {
                if (reset) {
                    m_registered = false;
                    m_retry.start(0);
                    return;
                }
                m_lastError = reset.error().message;
                setState(State::Failed);
                m_retry.start(m_backoff.next());
            });
        return;
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
