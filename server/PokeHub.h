#pragma once

#include "server/AuthService.h"
#include "teamdb/SyncStore.h"

#include <QObject>
#include <QTimer>
#include <QWebSocket>
#include <memory>
#include <vector>

class QHttpServer;

namespace gongdan {

/// The WebSocket side of sync, on the HTTP port: a device opens a socket, says who it is
/// ({"token": …}) within 10 s, and from then on gets {"poke": server_seq} whenever a push commits a
/// change it may see, so it pulls at once instead of waiting for its timer. The server pings every
/// 25 s; a socket that does not answer for 60 s is closed. Pokes carry no data: the pull does.
/// A socket lives only as long as its sign-in: when the sign-in ends (sign-out, new password, the user
/// switched off) the socket is told why and closed at once; when the user's role or groups change, what
/// it is poked for follows. Every heartbeat checks all sign-ins again (an admin tool run beside the server,
/// a token that expired).
class PokeHub : public QObject {
    Q_OBJECT

public:
    PokeHub(AuthService& auth, QObject* parent = nullptr);
    /// Closes the sockets without hearing them close (drop() would erase peers while they are destroyed).
    ~PokeHub() override;
    /// Takes WebSocket upgrades on GET /v1/sync/ws of `http`.
    void attach(QHttpServer& http);
    /// Tells every signed-in socket that may see one of `scopes` that changes up to `serverSeq` exist.
    void poke(qint64 serverSeq, const QList<ChangeScope>& scopes);
    /// How many sockets have said who they are (for tests and logs).
    int signedInCount() const;
    /// Does `userId` have a socket that said who it is?
    bool connected(const QString& userId) const;
    /// Who a signed-in socket is now (nullopt: not signed in, ending or gone).
    std::optional<Principal> principalOf(QWebSocket* socket);

Q_SIGNALS:
    /// A user's first socket said who it is (a desk came online).
    void userArrived(const QString& userId);
    /// A user's last socket closed (signed out, the desk quit or lost the network).
    void userLeft(const QString& userId);
    /// A signed-in socket sent a message after its hello (server/DashboardStream subscribes this way).
    void message(QWebSocket* socket, const gongdan::Principal& who, const QString& text);
    /// A socket is going away: forget it.
    void socketClosed(QWebSocket* socket);

private:
    struct Peer {
        std::unique_ptr<QWebSocket> socket;
        std::optional<Principal> who;
        qint64 connectedMs = 0;
        qint64 lastPongMs = 0;
        QString tokenHash; ///< the sign-in the socket lives by
        bool ended = false; ///< refused or its sign-in ended: closing, hears nothing more
        QString userId {}; ///< who it said it is (kept while it closes)
    };
    void accept(std::unique_ptr<QWebSocket> socket);
    void received(QWebSocket* socket, const QString& message);
    void heartbeat();
    /// Checks the sign-ins of `userId`'s sockets again (every socket's when empty): closes those that
    /// ended, re-scopes the rest.
    void recheck(const QString& userId);
    /// Tells the socket why and closes it.
    void refuse(QWebSocket* socket, const Error& error);
    void drop(QWebSocket* socket);
    Peer* peerOf(QWebSocket* socket);

    AuthService& m_auth;
    std::vector<Peer> m_peers;
    QTimer m_heartbeat;
};

} // namespace gongdan
