#include "server/PokeHub.h"

#include <QDateTime>
#include <QHttpServer>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace gongdan {

namespace {

constexpr qint64 kHelloWithinMs = 10 * 1000;
constexpr qint64 kSilentForMs = 60 * 1000;
constexpr quint64 kMaxMessageBytes = 4096;

bool sees(const Principal& who, const ChangeScope& scope)
{
    return scope.reaches(who);
}

} // namespace

PokeHub::PokeHub(AuthService& auth, QObject* parent) : QObject(parent), m_auth(auth)
{
    m_heartbeat.setInterval(25 * 1000);
    connect(&m_heartbeat, &QTimer::timeout, this, &PokeHub::heartbeat);
    m_heartbeat.start();
    connect(&m_auth, &AuthService::accountChanged, this, &PokeHub::recheck);
}

PokeHub::~PokeHub()
{
    for (Peer& peer : m_peers)
        peer.socket->disconnect(this);
    m_peers.clear();
}

void PokeHub::attach(QHttpServer& http)
{
    // Qt 6.4 upgrades a request only when a route handles its path and writes no response: the
    // responder form of a route with an empty body leaves the socket to the WebSocket handshake.
    http.route(QStringLiteral("/v1/sync/ws"), QHttpServerRequest::Method::Get,
        [](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            if (request.value(QByteArrayLiteral("Upgrade")).compare("websocket", Qt::CaseInsensitive) == 0)
                return;
            responder.write(QByteArrayLiteral("{\"code\":\"request.websocket\",\"message\":\"Open this path as a "
                                              "WebSocket.\",\"field\":\"\"}"),
                QByteArrayLiteral("application/json"), QHttpServerResponder::StatusCode::BadRequest);
        });
    connect(&http, &QAbstractHttpServer::newWebSocketConnection, this, [this, &http] {
        while (http.hasPendingWebSocketConnections())
            accept(http.nextPendingWebSocketConnection());
    });
}

void PokeHub::accept(std::unique_ptr<QWebSocket> socket)
{
    QWebSocket* raw = socket.get();
    // A device sends one short hello; anything larger is refused by the socket before it is buffered.
    raw->setMaxAllowedIncomingFrameSize(kMaxMessageBytes);
    raw->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    connect(
        raw, &QWebSocket::textMessageReceived, this, [this, raw](const QString& message) { received(raw, message); });
    connect(raw, &QWebSocket::pong, this, [this, raw] {
        if (Peer* peer = peerOf(raw))
            peer->lastPongMs = m_auth.clock().nowMs();
    });
    connect(raw, &QWebSocket::disconnected, this, [this, raw] { drop(raw); });
    m_peers.push_back(
        Peer {std::move(socket), std::nullopt, m_auth.clock().nowMs(), m_auth.clock().nowMs(), QString(), false, {}});
}

void PokeHub::received(QWebSocket* socket, const QString& message)
{
    Peer* peer = peerOf(socket);
    if (!peer || peer->ended)
        return;
    if (peer->who) { // after the hello: a subscription (DashboardStream), or nothing
        Q_EMIT this->message(socket, *peer->who, message);
        return;
    }
    const QString token = QJsonDocument::fromJson(message.toUtf8()).object().value(QStringLiteral("token")).toString();
    auto who = m_auth.authenticate(token);
    if (!who) {
        peer->ended = true;
        refuse(socket, who.error());
        return;
    }
    const bool first = !connected(who.value().user.id);
    peer->who = who.value().user.principal();
    peer->tokenHash = who.value().tokenHash;
    peer->userId = who.value().user.id;
    socket->sendTextMessage(QStringLiteral("{\"ready\":true}"));
    if (first)
        Q_EMIT userArrived(peer->userId);
}

void PokeHub::refuse(QWebSocket* socket, const Error& error)
{
    socket->sendTextMessage(QString::fromUtf8(
        QJsonDocument(QJsonObject {{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message}})
            .toJson(QJsonDocument::Compact)));
    socket->close(QWebSocketProtocol::CloseCodePolicyViolated, error.code);
}

void PokeHub::recheck(const QString& userId)
{
    std::vector<std::pair<QWebSocket*, Error>> ended;
    for (Peer& peer : m_peers) {
        if (!peer.who || (!userId.isEmpty() && peer.who->userId != userId))
            continue;
        auto still = m_auth.authenticateHash(peer.tokenHash);
        if (still)
            peer.who = still.value().user.principal(); // a new role or other groups: pokes follow
        else
            ended.emplace_back(peer.socket.get(), still.error());
    }
    for (const auto& [socket, error] : ended) {
        if (Peer* peer = peerOf(socket)) {
            peer->who.reset(); // nothing more reaches it while it closes
            peer->ended = true;
        }
        refuse(socket, error);
    }
}

int PokeHub::signedInCount() const
{
    return static_cast<int>(
        std::count_if(m_peers.begin(), m_peers.end(), [](const Peer& p) { return p.who.has_value(); }));
}

void PokeHub::poke(qint64 serverSeq, const QList<ChangeScope>& scopes)
{
    const QString message = QStringLiteral("{\"poke\":%1}").arg(serverSeq);
    for (Peer& peer : m_peers) {
        if (!peer.who)
            continue;
        if (std::any_of(scopes.begin(), scopes.end(), [&](const ChangeScope& scope) { return sees(*peer.who, scope); }))
            peer.socket->sendTextMessage(message);
    }
}

void PokeHub::heartbeat()
{
    const qint64 now = m_auth.clock().nowMs();
    std::vector<QWebSocket*> stale;
    for (Peer& peer : m_peers) {
        if ((!peer.who && now - peer.connectedMs > kHelloWithinMs) || now - peer.lastPongMs > kSilentForMs)
            stale.push_back(peer.socket.get());
        else
            peer.socket->ping();
    }
    for (QWebSocket* socket : stale)
        socket->abort(); // disconnected → drop()
    recheck({});
}

void PokeHub::drop(QWebSocket* socket)
{
    auto it
        = std::find_if(m_peers.begin(), m_peers.end(), [socket](const Peer& p) { return p.socket.get() == socket; });
    if (it == m_peers.end())
        return;
    Q_EMIT socketClosed(socket);
    it->socket.release()->deleteLater(); // still inside its own signal
    const QString userId = it->userId;
    m_peers.erase(it);
    if (!userId.isEmpty() && !connected(userId))
        Q_EMIT userLeft(userId);
}

bool PokeHub::connected(const QString& userId) const
{
    return std::any_of(
        m_peers.begin(), m_peers.end(), [&userId](const Peer& p) { return p.who && p.who->userId == userId; });
}

std::optional<Principal> PokeHub::principalOf(QWebSocket* socket)
{
    const Peer* peer = peerOf(socket);
    return peer && !peer->ended ? peer->who : std::nullopt;
}

PokeHub::Peer* PokeHub::peerOf(QWebSocket* socket)
{
    auto it
        = std::find_if(m_peers.begin(), m_peers.end(), [socket](const Peer& p) { return p.socket.get() == socket; });
    return it == m_peers.end() ? nullptr : &*it;
}

} // namespace gongdan
