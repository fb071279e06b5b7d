#include "sync/SyncTransport.h"

#include "sync/SignInClient.h"

#include <QJsonDocument>
#include <QNetworkReply>

namespace gongdan {

SyncFailure SyncFailure::of(int status, const QByteArray& body, const QString& networkError)
{
    if (status >= 200 && status < 300)
        return {};
    if (status == 0)
        return {Kind::Unreachable, 0, Error {QStringLiteral("sync.unreachable"), networkError}};
    // The server's errors are {code, message, field}; some proxies and older routes wrap them in "error".
    QJsonObject error = QJsonDocument::fromJson(body).object();
    if (error.contains(QStringLiteral("error")))
        error = error.value(QStringLiteral("error")).toObject();
    const Kind kind = status == 401 ? Kind::SignInRequired : status >= 500 ? Kind::ServerError : Kind::Refused;
    return {kind, status,
        Error {error.value(QStringLiteral("code")).toString(), error.value(QStringLiteral("message")).toString(),
            error.value(QStringLiteral("field")).toString()}};
}

QJsonObject SyncReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

SyncTransport::SyncTransport(QObject* parent) : QObject(parent) { }

void SyncTransport::setServer(const QUrl& server, const QString& token)
{
    m_server = server;
    m_token = token;
}

void SyncTransport::send(const QByteArray& verb, const QString& path, const QJsonObject& body, QObject* context,
    std::function<void(const SyncReply&)> done)
{
    QUrl url = m_server;
    const qsizetype mark = path.indexOf(QLatin1Char('?'));
    url.setPath(mark < 0 ? path : path.left(mark));
    if (mark >= 0)
        url.setQuery(path.mid(mark + 1));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply* reply = nullptr;
    if (verb == "GET") {
        reply = m_network.get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
        reply = verb == "POST" ? m_network.post(request, json) : m_network.sendCustomRequest(request, verb, json);
    }
    // Freed once it is done, whether or not anyone still wants the answer.
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    connect(reply, &QNetworkReply::finished, context,
        [reply, done = std::move(done), server = m_server, timeout = m_timeoutMs] {
            SyncReply answer;
            answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            answer.body = reply->isOpen() ? reply->readAll() : QByteArray(); // (a timed-out reply is closed)
            const QString networkError = answer.status == 0 ? SignInClient::networkMessage(reply->error(), server,
                                             std::chrono::milliseconds(timeout), reply->errorString())
                                                            : reply->errorString();
            answer.failure = SyncFailure::of(answer.status, answer.body, networkError);
            done(answer);
        });
}

} // namespace gongdan
