#include "sync/PokeSocket.h"

#include "sync/ConnectionTiming.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopedValueRollback>

namespace gongdan {

using namespace connection;

PokeSocket::PokeSocket(QObject* parent) : QObject(parent)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &PokeSocket::connectNow);
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_socket.sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject {{QStringLiteral("token"), m_token}}).toJson(QJsonDocument::Compact)));
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &PokeSocket::message);
    connect(&m_socket, &QWebSocket::disconnected, this, &PokeSocket::drop);
    // A connection that fails before it is made reports an error, not a disconnect.
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        if (!m_ready && m_socket.state() == QAbstractSocket::UnconnectedState && m_open && !m_retry.isActive())
            drop();
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
        if (!m_ready) // connected but never answered (a server that hangs), or no connection at all
            drop();
    });
}

PokeSocket::~PokeSocket()
{
    // The socket says it closed while it is destroyed: nothing here may answer that any more.
    m_open = false;
    disconnect(&m_socket, nullptr, this, nullptr);
}

void PokeSocket::open(const QUrl& server, const QString& token)
{
    m_url = server;
    m_url.setScheme(server.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    m_url.setPath(QStringLiteral("/v1/sync/ws"));
    m_token = token;
    m_open = true;
    connectNow();
}

void PokeSocket::close()
{
    m_open = false;
    m_retry.stop();
    m_heartbeat.stop();
    m_handshake.stop();
    m_ready = false;
    const QScopedValueRollback dropping(m_dropping, true); // abort() reports the disconnect: nothing is lost
    m_socket.abort();
}

void PokeSocket::connectNow()
{
    if (!m_open)
        return;
    {
        const QScopedValueRollback dropping(m_dropping, true);
        m_socket.abort();
    }
    m_pongPending = false;
    m_socket.open(m_url);
    m_handshake.start();
}

void PokeSocket::message(const QString& text)
{
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    if (object.value(QStringLiteral("ready")).toBool()) {
        m_ready = true;
        m_handshake.stop();
        m_heartbeat.start();
        Q_EMIT becameReady();
    } else if (object.contains(QStringLiteral("poke"))) {
        Q_EMIT poked(object.value(QStringLiteral("poke")).toInteger());
    } else if (object.contains(QStringLiteral("type"))) {
        Q_EMIT typedMessage(object);
    }
}

bool PokeSocket::send(const QJsonObject& message)
{
    if (!m_ready)
        return false;
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    return true;
}

void PokeSocket::drop()
{
    if (m_dropping)
        return; // abort() below reports the disconnect again
    const QScopedValueRollback dropping(m_dropping, true);
    const bool wasReady = std::exchange(m_ready, false);
    m_heartbeat.stop();
    m_handshake.stop();
    m_socket.abort();
    if (!m_open)
        return;
    m_retry.start(reconnectDelay());
    Q_EMIT lost(wasReady);
}

} // namespace gongdan
