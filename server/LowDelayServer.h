#pragma once

#include <QTcpServer>
#include <QTcpSocket>
#include <functional>

namespace gongdan {

/// A listening socket (QTcpServer, or QSslServer for HTTPS) whose connections send small writes at
/// once (TCP_NODELAY). Without it a WebSocket poke sent right after another waited for the peer's
/// delayed acknowledgement (Nagle's algorithm): an edit made within 40 ms of the previous one reached
/// the other desks 35–40 ms late.
template<typename Server>
class LowDelayServer : public Server {
public:
    using Server::Server;

    /// Called with each new connection before the HTTP server sees it (server/UploadGate).
    std::function<void(QTcpSocket*)> onConnection;

    QTcpSocket* nextPendingConnection() override
    {
        QTcpSocket* socket = Server::nextPendingConnection();
        if (socket) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            if (onConnection)
                onConnection(socket);
        }
        return socket;
    }
};

} // namespace gongdan
