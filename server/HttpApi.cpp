#include "HttpApi.h"

#include "ServerDatabase.h"
#include "ServerLog.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>

namespace gongdan {

HttpApi::HttpApi(ServerDatabase& database, ServerLog& log, QObject* parent)
    : QObject(parent), m_database(database), m_log(log)
{
    m_http.route(QStringLiteral("/health"), QHttpServerRequest::Method::Get, [this] { return health(); });
    m_http.setMissingHandler([](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        const QJsonObject body {{QStringLiteral("code"), QStringLiteral("not_found")},
            {QStringLiteral("message"), QStringLiteral("There is no %1 here.").arg(request.url().path())},
            {QStringLiteral("field"), QString()}};
        responder.write(QJsonDocument(body), QHttpServerResponder::StatusCode::NotFound);
    });
    m_http.afterRequest([this](QHttpServerResponse&& response, const QHttpServerRequest& request) {
        m_log.info(QStringLiteral("request"),
            {{QStringLiteral("method"),
                 request.method() == QHttpServerRequest::Method::Get ? QStringLiteral("GET") : QStringLiteral("other")},
                {QStringLiteral("path"), request.url().path()},
                {QStringLiteral("status"), static_cast<int>(response.statusCode())},
                {QStringLiteral("peer"), request.remoteAddress().toString()}});
        return std::move(response);
    });
}

quint16 HttpApi::listen(const QHostAddress& address, quint16 port)
{
    return m_http.listen(address, port);
}

QHttpServerResponse HttpApi::error(
    QHttpServerResponse::StatusCode status, const QString& code, const QString& message, const QString& field)
{
    return QHttpServerResponse(QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message},
                                   {QStringLiteral("field"), field}},
        status);
}

QHttpServerResponse HttpApi::health() const
{
    if (Status alive = m_database.ping(); !alive) {
        m_log.error(QStringLiteral("health"), {{QStringLiteral("message"), alive.error().message}});
        return error(QHttpServerResponse::StatusCode::ServiceUnavailable, alive.error().code, alive.error().message);
    }
    return QHttpServerResponse(QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")},
        {QStringLiteral("backend"), m_database.backendName()},
        {QStringLiteral("schema_version"), m_database.schemaVersion()}});
}

} // namespace gongdan
