#pragma once

#include "domain/Result.h"

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
    /// POSTs to `path` announcing a body over `limitBytes` are refused with 413 and `refusal` (a JSON body)
    /// before their body is read (server/UploadGate); call before listen().
    void gateUploads(const QByteArray& path, qint64 limitBytes, const QByteArray& refusal);
    /// For the route groups (AccountRoutes, …) to install themselves.
    QHttpServer& http() { return m_http; }

private:
    QHttpServerResponse health() const;
    void logRequest(const QHttpServerRequest& request, int status);
    static QString methodName(const QHttpServerRequest& request);

    ServerDatabase& m_database;
    ServerLog& m_log;
    QHttpServer m_http;
    std::optional<QSslConfiguration> m_tls; ///< set by useTls()
    std::function<void(QTcpSocket*)> m_onConnection; ///< set by gateUploads()
};

} // namespace gongdan
