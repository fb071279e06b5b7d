// The sync engine's WebSocket: pokes from the server, and what a lost socket means.
#include "sync/ConnectionTiming.h"
#include "sync/SignInClient.h"
#include "sync/SyncEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QScopedValueRollback>
#include <QUrlQuery>

namespace gongdan {

using namespace connection;

void SyncEngine::socketLost()
{
    if (m_losingSocket)
        return; // abort() below reports the disconnect again
    const QScopedValueRollback losing(m_losingSocket, true);
    const bool wasReady = std::exchange(m_socketReady, false);
    m_heartbeat.stop();
    m_handshake.stop();
    m_socket.abort();
    m_periodic.setInterval(kPullWhileSocketDownMs);
    if (!m_running || m_state == State::SignedOut)
        return;
    m_socketRetry.start(reconnectDelay());
    if (m_inCycle && wasReady) // a request may wait on a server that no longer answers: give it up now
        fail(0, {}, tr("The team server does not answer."));
    else if (!m_inCycle && m_state != State::Offline)
        cycle(); // find out at once: the window says so within a second when the server is gone
}

void SyncEngine::openSocket()
{
    if (!m_running)
        return;
    QUrl url = m_server;
    url.setScheme(m_server.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/v1/sync/ws"));
    m_socket.abort();
    m_pongPending = false;
    m_socket.open(url);
    m_handshake.start();
}

void SyncEngine::socketMessage(const QString& message)
{
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    if (object.value(QStringLiteral("ready")).toBool()) {
        m_socketReady = true;
        m_handshake.stop();
        m_heartbeat.start();
        m_periodic.setInterval(kPullWhileSocketUpMs);
        cycle(); // whatever happened while the socket was down
    } else if (object.contains(QStringLiteral("poke"))) {
        if (object.value(QStringLiteral("poke")).toInteger() > m_cache.cursor())
            cycle();
    }
}

} // namespace gongdan
