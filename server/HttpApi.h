#pragma once

#include "domain/Result.h"
#include "server/ConnectionGuard.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QSslConfiguration>
#include <functional>
#include <optional>

class QTcpSocket;

namespace gongdan {

class ServerDatabase;
class ServerLog;
struct RequestLine;

/// The HTTP side of gongdan-server. Every answer is JSON; every refusal is a 4xx or 5xx with
/// {"code", "message", "field"}. Owns GET /health, the answer for unknown paths and the request log;
/// the API's route groups install themselves on http().
class HttpApi : public QObject {
    Q_OBJECT

public:
    HttpApi(ServerDatabase& database, ServerLog& log, QObject* parent = nullptr);

    /// Serves HTTPS (and WSS) with this certificate and private key (PEM files); call before listen().
    Status useTls(const QString& certificatePath, const QString& keyPath);
    /// Listens on `address`:`port` (0: any free port); the port taken, or 0 when it could not listen.
    quint16 listen(const QHostAddress& address, quint16 port);
    /// For the route groups (AccountRoutes, …) to install themselves.
    QHttpServer& http() { return m_http; }
    /// What each connection may send (ConnectionGuard); set before listen(). Bodies take at most
    /// api::kMaxBodyBytes unless a route says otherwise (setBodyLimit).
    ConnectionLimits& limits() { return *m_limits; }
    /// Requests of `method` to paths starting with `pathPrefix` may declare bodies up to `bytes`; over it
    /// they are refused with 413 before the body is read, with `refusal` as the JSON body when given.
    void setBodyLimit(
        const QByteArray& method, const QByteArray& pathPrefix, qint64 bytes, const QByteArray& refusal = {});

    /// What every answer goes through: the request log line, and a 5xx's body replaced by a code and an incident
    /// number (what failed goes to the log only). Routes that answer later (PendingReply) call it themselves.
    QHttpServerResponse finish(QHttpServerResponse&& response, const RequestLine& line);

private:
    QHttpServerResponse health() const;
    void logRequest(const RequestLine& line, int status);

    ServerDatabase& m_database;
    ServerLog& m_log;
    struct RouteLimit {
        QByteArray method;
        QByteArray pathPrefix;
        qint64 bytes = 0;
        QByteArray refusal;
    };
    QList<RouteLimit> m_bodyLimits;
    // Shared with each connection's guard, which may outlive this (the listening sockets are children).
    std::shared_ptr<ConnectionLimits> m_limits = std::make_shared<ConnectionLimits>();
    std::shared_ptr<AddressCounter> m_connections = std::make_shared<AddressCounter>();
    QHttpServer m_http;
    std::optional<QSslConfiguration> m_tls; ///< set by useTls()
};

} // namespace gongdan
