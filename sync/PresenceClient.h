#pragma once

#include "domain/Dispatch.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>
#include <functional>

namespace gongdan {

/// This user's presence on the team server (在线 / 忙碌 / 离开 / 离线: who gets automatic offers), over
/// PUT /api/v1/presence. Asynchronous: each send ends in `confirmed` with the server's value, or `failed`.
class PresenceClient : public QObject {
    Q_OBJECT

public:
    struct Connection {
        QUrl server;
        QString token; ///< empty: not signed in (not connected)
    };
    explicit PresenceClient(std::function<Connection()> connection, QObject* parent = nullptr);

    /// Tells the server; false (nothing sent) while not connected.
    bool send(Presence presence);

Q_SIGNALS:
    /// The server's value after a send.
    void confirmed(gongdan::Presence presence);
    /// Not sent: why, translated.
    void failed(const QString& message);

private:
    std::function<Connection()> m_connection;
    QNetworkAccessManager m_network;
};

} // namespace gongdan
