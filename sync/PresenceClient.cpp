#include "sync/PresenceClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace gongdan {

namespace {

constexpr int kTimeoutMs = 15000;

} // namespace

PresenceClient::PresenceClient(std::function<Connection()> connection, QObject* parent)
    : QObject(parent), m_connection(std::move(connection))
{
}

bool PresenceClient::send(Presence presence)
{
    const Connection connection = m_connection();
    if (connection.token.isEmpty() || !connection.server.isValid())
        return false;
    QUrl url = connection.server;
    url.setPath(QStringLiteral("/api/v1/presence"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + connection.token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(kTimeoutMs);
    const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("presence"), presenceKey(presence)}})
                                .toJson(QJsonDocument::Compact);
    QNetworkReply* reply = m_network.put(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        const auto value = presenceFromKey(answer.value(QStringLiteral("presence")).toString());
        if (status == 200 && value) {
            Q_EMIT confirmed(*value);
            return;
        }
        Q_EMIT failed(status == 0 ? tr("The server cannot be reached: your status is sent when you are online again.")
                                  : tr("The server did not take your status (%1).")
                                        .arg(answer.value(QStringLiteral("code")).toString(QString::number(status))));
    });
    return true;
}

} // namespace gongdan
