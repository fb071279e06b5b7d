#pragma once

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

namespace gongdan {

class ServerDatabase;
class ServerLog;

/// The HTTP side of gongdan-server. Every answer is JSON; every refusal is a 4xx or 5xx with
/// {"code", "message", "field"}. Routes so far: GET /health. The REST API (/api/v1) and the sync
/// protocol (/v1/sync) come with the sync issue.
class HttpApi : public QObject {
    Q_OBJECT

public:
    HttpApi(ServerDatabase& database, ServerLog& log, QObject* parent = nullptr);

    /// Listens on `address`:`port` (0: any free port); the port taken, or 0 when it could not listen.
    quint16 listen(const QHostAddress& address, quint16 port);

    static QHttpServerResponse error(
        QHttpServerResponse::StatusCode status, const QString& code, const QString& message, const QString& field = {});

private:
    QHttpServerResponse health() const;

    ServerDatabase& m_database;
    ServerLog& m_log;
    QHttpServer m_http;
};

} // namespace gongdan
