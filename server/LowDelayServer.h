#pragma once

#include <QTcpServer>
#include <QTcpSocket>
#include <functional>

namespace gongdan {

/// A listening socket (QTcpServer, or QSslServer for HTTPS) whose connections send small writes at
/// once (TCP_NODELAY). Without it a WebSocket poke sent right after another waited for the peer's
/// delayed acknowledgement (Nagle's algorithm): an edit made within 40 ms of the previous one reached
/// the other desks 35–40 ms late. `watch` sees each connection before QHttpServer does (ConnectionGuard).
template<typename Server>
class LowDelayServer : public Server {
public:
    using Server::Server;

    std::function<void(QTcpSocket*)> watch;

    QTcpSocket* nextPendingConnection() override
    {
        QTcpSocket* socket = Server::nextPendingConnection();
        if (socket) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            if (watch)
                watch(socket);
        }
        return socket;
    }
};

} // namespace gongdan
