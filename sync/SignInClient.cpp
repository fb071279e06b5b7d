#include "sync/SignInClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkReply>

namespace gongdan {

SignInClient::SignInClient(QObject* parent) : QObject(parent) { }

QString SignInClient::messageFor(const QString& code, const QString& serverMessage, const QString& retryAfter)
{
    if (code == QLatin1String("auth.invalid"))
        return tr("The login or password is wrong.");
    if (code == QLatin1String("auth.throttled"))
        return tr("Too many failed sign-ins; try again in %1 s.")
            .arg(retryAfter.isEmpty() ? QStringLiteral("?") : retryAfter);
    if (code == QLatin1String("auth.address_throttled"))
        return tr("Too many sign-in attempts from this computer's address; try again in %1 s.")
            .arg(retryAfter.isEmpty() ? QStringLiteral("?") : retryAfter);
    if (code == QLatin1String("auth.server_throttled"))
        return tr("The team server takes no more sign-in attempts just now; try again in %1 s.")
            .arg(retryAfter.isEmpty() ? QStringLiteral("?") : retryAfter);
    if (code == QLatin1String("auth.busy"))
        return tr("The team server is busy checking other sign-ins; try again in a moment.");
    if (code == QLatin1String("auth.inactive"))
        return tr("This account is switched off; ask an admin.");
    if (code == QLatin1String("request.missing_field"))
        return tr("Enter your login and password.");
    if (code.isEmpty())
        return tr("Cannot reach the server: %1").arg(serverMessage);
    return tr("The server refused: %1").arg(serverMessage);
}

QString SignInClient::networkMessage(QNetworkReply::NetworkError error, const QUrl& server,
    std::chrono::milliseconds timeout, const QString& errorString)
{
    const QString host
        = server.port() > 0 ? QStringLiteral("%1:%2").arg(server.host()).arg(server.port()) : server.host();
    switch (error) {
    case QNetworkReply::OperationCanceledError: // the transfer timeout aborts the request
    case QNetworkReply::TimeoutError:
        return tr("The team server at %1 did not answer within %2 s.")
            .arg(host, QLocale().toString(static_cast<double>(timeout.count()) / 1000.0));
    case QNetworkReply::ConnectionRefusedError:
        return tr("The team server at %1 refused the connection: check the address and port, and that the server "
                  "is running.")
            .arg(host);
    case QNetworkReply::HostNotFoundError:
        return tr("No server called %1 was found: check the address.").arg(server.host());
    case QNetworkReply::RemoteHostClosedError:
        return tr("The team server at %1 closed the connection without answering.").arg(host);
    case QNetworkReply::SslHandshakeFailedError:
        return tr("No secure connection to the team server at %1: %2").arg(host, errorString);
    default:
        return messageFor(QString(), errorString, QString());
    }
}

void SignInClient::signIn(const QUrl& server, const QString& login, const QString& password, const QString& device)
{
    QUrl url = server;
    url.setPath(QStringLiteral("/api/v1/session"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(static_cast<int>(m_timeout.count()));
    const QJsonObject body {
        {QStringLiteral("login"), login}, {QStringLiteral("password"), password}, {QStringLiteral("device"), device}};
    QNetworkReply* reply = m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply, login, server] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) { // no answer at all
            Q_EMIT failed(networkMessage(reply->error(), server, m_timeout, reply->errorString()));
            return;
        }
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        if (status != 201) {
            Q_EMIT failed(messageFor(answer.value(QStringLiteral("code")).toString(),
                answer.value(QStringLiteral("message")).toString(),
                QString::fromLatin1(reply->rawHeader("Retry-After"))));
            return;
        }
        const QJsonObject user = answer.value(QStringLiteral("user")).toObject();
        SignedInUser signedIn;
        signedIn.token = answer.value(QStringLiteral("token")).toString();
        signedIn.expiresMs = answer.value(QStringLiteral("expires_ms")).toInteger();
        signedIn.userId = user.value(QStringLiteral("id")).toString();
        signedIn.login = user.value(QStringLiteral("login")).toString(login);
        signedIn.name = user.value(QStringLiteral("name")).toString();
        signedIn.role = user.value(QStringLiteral("role")).toString();
        for (const QJsonValue& group : user.value(QStringLiteral("groups")).toArray())
            signedIn.groups.append(group.toString());
        signedIn.attachmentLimitBytes = answer.value(QStringLiteral("attachment_limit_bytes")).toInteger();
        Q_EMIT succeeded(signedIn);
    });
}

} // namespace gongdan
