#include "SyncEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrlQuery>

namespace gongdan {

namespace {

constexpr int kPushBatch = 500;
constexpr int kPullPage = 1000;
constexpr int kPullWhileSocketDownMs = 60 * 1000;
constexpr int kPullWhileSocketUpMs = 5 * 60 * 1000;

QJsonObject errorOf(const QByteArray& body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    return object.contains(QStringLiteral("error")) ? object.value(QStringLiteral("error")).toObject() : object;
}

} // namespace

SyncEngine::SyncEngine(Database& db, SyncCache& cache, QObject* parent)
    : QObject(parent), m_db(db), m_cache(cache), m_outbox(db)
{
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
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_socketReady = false;
        m_periodic.setInterval(kPullWhileSocketDownMs);
        if (m_running && m_state != State::SignedOut)
            m_socketRetry.start(m_socketBackoff.next());
    });
}

void SyncEngine::start(const QUrl& server, const QString& token)
{
    m_server = server;
    m_token = token;
    m_running = true;
    m_registered = false;
    m_ownPassDone = false;
    m_ownCursor = 0;
    m_backoff.reset();
    m_periodic.start(kPullWhileSocketDownMs);
    openSocket();
    cycle();
}

void SyncEngine::stop()
{
    m_running = false;
    m_retry.stop();
    m_periodic.stop();
    m_debounce.stop();
    m_socketRetry.stop();
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
    request.setTransferTimeout(30000);
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
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QByteArray body = reply->readAll();
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            return fail(reply, body);
        const QJsonObject answer = QJsonDocument::fromJson(body).object();
        if (Status s = m_cache.setDeviceCode(answer.value(QStringLiteral("device_code")).toString()); !s) {
            m_lastError = s.error().message;
            return fail(reply, {});
        }
        m_registered = true;
        pushNext();
    });
}

void SyncEngine::pushNext()
{
    const QList<OutboxEntry> batch = m_outbox.pending(kPushBatch);
    if (batch.isEmpty())
        return pullNext();
    QJsonArray mutations;
    for (const OutboxEntry& entry : batch)
        mutations.append(QJsonObject {{QStringLiteral("seq"), entry.seq},
            {QStringLiteral("mutation_id"), entry.mutationId}, {QStringLiteral("name"), entry.name},
            {QStringLiteral("entity_id"), entry.entityId}, {QStringLiteral("args"), entry.args}});
    QNetworkReply* reply = send("POST", QStringLiteral("/v1/sync/push"),
        {{QStringLiteral("client_id"), m_clientId}, {QStringLiteral("mutations"), mutations}});
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QByteArray body = reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(body).object();
        if (status != 200 && !(status == 409 && answer.contains(QStringLiteral("results"))))
            return fail(reply, body);
        auto recomputed = m_cache.recordResults(answer.value(QStringLiteral("results")).toArray());
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
    if (m_cache.cursor() == 0 && !m_bootstrap) {
        m_bootstrap = std::make_unique<BulkLoad>(m_db);
        if (!m_bootstrap->started())
            m_bootstrap.reset(); // row by row then: slower, just as correct
    }
    // An empty cache fills the user's own queue first, so work can start while the rest arrives.
    const bool ownPass = m_cache.cursor() == 0 && !m_ownPassDone;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), m_clientId);
    query.addQueryItem(QStringLiteral("cursor"), QString::number(ownPass ? m_ownCursor : m_cache.cursor()));
    query.addQueryItem(QStringLiteral("limit"), QString::number(kPullPage));
    if (ownPass)
        query.addQueryItem(QStringLiteral("mine"), QStringLiteral("1"));
    if (const QString epoch = m_cache.epoch(); !epoch.isEmpty())
        query.addQueryItem(QStringLiteral("epoch"), epoch);
    QNetworkReply* reply = send("GET", QStringLiteral("/v1/sync/pull?") + query.toString(QUrl::FullyEncoded));
    connect(reply, &QNetworkReply::finished, this, [this, reply, ownPass] {
        reply->deleteLater();
        const QByteArray body = reply->readAll();
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
            return fail(reply, body);
        const QJsonObject page = QJsonDocument::fromJson(body).object();
        QList<PulledChange> changes;
        for (const QJsonValue& value : page.value(QStringLiteral("changes")).toArray()) {
            const QJsonObject c = value.toObject();
            changes.append({c.value(QStringLiteral("server_seq")).toInteger(),
                c.value(QStringLiteral("entity")).toString(), c.value(QStringLiteral("id")).toString(),
                c.value(QStringLiteral("op")).toString(), c.value(QStringLiteral("data")).toObject()});
        }
        const qint64 next = page.value(QStringLiteral("next_cursor")).toInteger();
        if (ownPass)
            m_ownCursor = next; // the main cursor stays at 0: the full pass re-reads these rows, harmlessly
        auto touched = m_cache.applyPage(changes, ownPass ? 0 : next, page.value(QStringLiteral("epoch")).toString());
        if (!touched) {
            m_lastError = touched.error().message;
            return fail(reply, {});
        }
        if (!touched.value().isEmpty())
            Q_EMIT ticketsChanged(touched.value());
        if (m_cache.takeTeamChanged())
            Q_EMIT teamChanged();
        if (page.value(QStringLiteral("has_more")).toBool())
            return pullNext();
        if (ownPass) {
            m_ownPassDone = true;
            Q_EMIT ownQueueReady();
            return pullNext();
        }
        if (m_bootstrap) {
            const Status built = m_bootstrap->finish();
            m_bootstrap.reset();
            if (!built) {
                m_lastError = built.error().message;
                return fail(reply, {});
            }
        }
        finish();
    });
}

void SyncEngine::finish()
{
    m_inCycle = false;
    m_backoff.reset();
    m_lastError.clear();
    m_lastSynced = QDateTime::currentDateTimeUtc();
    setState(State::Idle);
    Q_EMIT waitingChanged(waiting());
    Q_EMIT synced();
    if (std::exchange(m_again, false))
        cycle();
}

void SyncEngine::fail(QNetworkReply* reply, const QByteArray& body)
{
    m_inCycle = false;
    m_bootstrap.reset(); // indexes back now; the retry carries on row by row from the cursor reached
    m_again = false;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
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
        m_lastError = reply->errorString();
    else if (!code.isEmpty())
        m_lastError = error.value(QStringLiteral("message")).toString();
    setState(status == 0 ? State::Offline : State::Failed);
    m_retry.start(m_backoff.next());
}

void SyncEngine::openSocket()
{
    if (!m_running)
        return;
    QUrl url = m_server;
    url.setScheme(m_server.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/v1/sync/ws"));
    m_socket.abort();
    m_socket.open(url);
}

void SyncEngine::socketMessage(const QString& message)
{
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    if (object.value(QStringLiteral("ready")).toBool()) {
        m_socketReady = true;
        m_socketBackoff.reset();
        m_periodic.setInterval(kPullWhileSocketUpMs);
        cycle(); // whatever happened while the socket was down
    } else if (object.contains(QStringLiteral("poke"))) {
        if (object.value(QStringLiteral("poke")).toInteger() > m_cache.cursor())
            cycle();
    }
}

} // namespace gongdan
