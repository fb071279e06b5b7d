#pragma once

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace gongdan {

/// The sync engine's WebSocket to the team server (`/v1/sync/ws`): says hello with the token, then
/// passes on the server's pokes. Watched closely: a ping every 2 s whose answer must come before the next,
/// and a handshake that must finish in 4 s (sync/ConnectionTiming.h); a socket that closes, fails or
/// stops answering is reported lost and opened again after about 1.5 s, until close().
class PokeSocket : public QObject {
    Q_OBJECT

public:
    explicit PokeSocket(QObject* parent = nullptr);
    ~PokeSocket() override;

    /// Connects to `server` (http → ws, https → wss) with `token`, and keeps reconnecting.
    void open(const QUrl& server, const QString& token);
    /// Closes the socket and stops reconnecting.
    void close();
    /// The server said hello back: pokes arrive.
    bool ready() const { return m_ready; }
    /// Sends a message on the socket once it is ready (a subscription such as sync/DashboardFeed's); false when
    /// it is not ready (send again after becameReady).
    bool send(const QJsonObject& message);

Q_SIGNALS:
    /// The server accepted the token: from now on every change in sight is poked.
    void becameReady();
    /// The server's change log reached `seq` (a change in sight of this user).
    void poked(qint64 seq);
    /// A message with a "type" (a subscription's: "dashboard.snapshot", …).
    void typedMessage(const QJsonObject& message);
    /// The socket closed or stopped answering; `wasReady`: it had been ready. A reconnect is scheduled.
    void lost(bool wasReady);

private:
    void connectNow();
    void message(const QString& text);
    void drop();

    QUrl m_url;
    QString m_token;
    bool m_open = false;
    bool m_ready = false;
    bool m_pongPending = false;
    bool m_dropping = false;
    QWebSocket m_socket;
    QTimer m_retry;
    QTimer m_heartbeat; ///< pings the server; an unanswered ping means it is gone
    QTimer m_handshake; ///< a socket that is not ready in time is a server that does not answer
};

} // namespace gongdan
