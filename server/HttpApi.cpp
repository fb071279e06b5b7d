#include "server/HttpApi.h"

#include "server/ApiSupport.h"
#include "server/LowDelayServer.h"
#include "server/PendingReply.h"
#include "server/ServerLog.h"
#include "teamdb/ServerDatabase.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QUuid>

namespace gongdan {

HttpApi::HttpApi(ServerDatabase& database, ServerLog& log, QObject* parent)
    : QObject(parent), m_database(database), m_log(log)
{
    m_limits->bodyLimit = [this](const QByteArray& method, const QByteArray& path) {
        for (const RouteLimit& limit : m_bodyLimits) {
            if (limit.method == method && path.startsWith(limit.pathPrefix))
                return BodyLimit {limit.bytes, limit.refusal};
        }
        return BodyLimit {api::kMaxBodyBytes, {}};
    };
    m_limits->refused = [this](const QString& code, const QHostAddress& peer, int status) {
        m_log.warning(QStringLiteral("refused"),
            {{QStringLiteral("code"), code}, {QStringLiteral("peer"), peer.toString()},
                {QStringLiteral("status"), status}});
    };
    m_http.route(QStringLiteral("/health"), QHttpServerRequest::Method::Get, [this] { return health(); });
    m_http.setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        const RequestLine line = RequestLine::of(request);
        const QJsonObject body {{QStringLiteral("code"), QStringLiteral("not_found")},
            {QStringLiteral("message"), QStringLiteral("There is no %1 %2 here.").arg(line.method, line.path)},
            {QStringLiteral("field"), QString()}};
        responder.write(QJsonDocument(body).toJson(QJsonDocument::Compact), QByteArrayLiteral("application/json"),
            QHttpServerResponder::StatusCode::NotFound);
        logRequest(line, 404);
    });
    m_http.afterRequest([this](QHttpServerResponse&& response, const QHttpServerRequest& request) {
        return finish(std::move(response), RequestLine::of(request));
    });
}

QHttpServerResponse HttpApi::finish(QHttpServerResponse&& response, const RequestLine& line)
{
    const int status = static_cast<int>(response.statusCode());
    logRequest(line, status);
    if (status < 500)
        return std::move(response);
    const QString code = QJsonDocument::fromJson(response.data()).object().value(QStringLiteral("code")).toString();
    if (status == 503 && code.startsWith(QLatin1String("auth."))) // busy: our own words, nothing failed
        return std::move(response);
    // What failed (database text, internal names) goes to the log only; the client gets the code and
    // an incident id to quote.
    const QString incident = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    m_log.error(QStringLiteral("server_error"),
        {{QStringLiteral("path"), line.path}, {QStringLiteral("incident"), incident},
            {QStringLiteral("body"), QString::fromUtf8(response.data())}});
    QHttpServerResponse answer = api::jsonResponse(
        {{QStringLiteral("code"), code.isEmpty() ? QStringLiteral("server.error") : code},
            {QStringLiteral("message"),
                QStringLiteral("The server could not do this; it is logged as incident %1.").arg(incident)},
            {QStringLiteral("field"), QString()}},
        response.statusCode());
    for (const QByteArray& retry : response.headers(QByteArrayLiteral("Retry-After"))) // a 503's wait stays
        answer.addHeader(QByteArrayLiteral("Retry-After"), retry);
    return answer;
}

void HttpApi::setBodyLimit(
    const QByteArray& method, const QByteArray& pathPrefix, qint64 bytes, const QByteArray& refusal)
{
    m_bodyLimits.append({method, pathPrefix, bytes, refusal});
}

void HttpApi::logRequest(const RequestLine& line, int status)
{
    m_log.info(QStringLiteral("request"),
        {{QStringLiteral("method"), line.method}, {QStringLiteral("path"), line.path},
            {QStringLiteral("status"), status}, {QStringLiteral("peer"), line.peer.toString()}});
}

Status HttpApi::useTls(const QString& certificatePath, const QString& keyPath)
{
    QFile certificateFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return Error {QStringLiteral("server.tls_certificate"),
            QStringLiteral("Cannot read the certificate %1: %2").arg(certificatePath, certificateFile.errorString())};
    if (!keyFile.open(QIODevice::ReadOnly))
        return Error {QStringLiteral("server.tls_key"),
            QStringLiteral("Cannot read the private key %1: %2").arg(keyPath, keyFile.errorString())};
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
    const QByteArray keyPem = keyFile.readAll();
    const QSslKey rsaKey(keyPem, QSsl::Rsa, QSsl::Pem);
    const QSslKey key = rsaKey.isNull() ? QSslKey(keyPem, QSsl::Ec, QSsl::Pem) : rsaKey;
    if (chain.isEmpty())
        return Error {QStringLiteral("server.tls_certificate"),
            QStringLiteral("%1 holds no PEM certificate.").arg(certificatePath)};
    if (key.isNull())
        return Error {QStringLiteral("server.tls_key"),
            QStringLiteral("%1 holds no unencrypted PEM RSA or EC private key.").arg(keyPath)};
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::SecureProtocols);
    m_tls = configuration;
    return {};
}

quint16 HttpApi::listen(const QHostAddress& address, quint16 port)
{
    // Our own listening socket rather than QHttpServer::listen()'s: its connections set TCP_NODELAY.
    QTcpServer* server = nullptr;
    const auto watch = [this](QTcpSocket* socket) { ConnectionGuard::watch(socket, m_limits, m_connections); };
    if (m_tls) {
        auto* tls = new LowDelayServer<QSslServer>(this);
        tls->setSslConfiguration(*m_tls);
        tls->watch = watch;
        server = tls;
    } else {
        auto* plain = new LowDelayServer<QTcpServer>(this);
        plain->watch = watch;
        server = plain;
    }
    if (!server->listen(address, port)) {
        delete server;
        return 0;
    }
    m_http.bind(server);
    return server->serverPort();
}

QHttpServerResponse HttpApi::health() const
{
    if (Status alive = m_database.ping(); !alive) {
        m_log.error(QStringLiteral("health"), {{QStringLiteral("message"), alive.error().message}});
        return api::errorResponse(
            Error {QStringLiteral("server.database_unavailable"), alive.error().message, QString()});
    }
    return api::jsonResponse(QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")},
        {QStringLiteral("backend"), m_database.backendName()},
        {QStringLiteral("schema_version"), m_database.schemaVersion()}});
}

} // namespace gongdan
