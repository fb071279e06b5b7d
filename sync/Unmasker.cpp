#include "sync/Unmasker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace gongdan {

namespace {

constexpr int kTimeoutMs = 15000;

} // namespace

Unmasker::Unmasker(std::function<Connection()> connection, QObject* parent)
    : QObject(parent), m_connection(std::move(connection))
{
}

void Unmasker::reveal(const QString& entity, const QString& id, const QStringList& fields)
{
    const Connection connection = m_connection();
    if (connection.token.isEmpty() || !connection.server.isValid()) {
        Q_EMIT refused(entity, id, tr("Not connected to the server: the value can only be shown online."));
        return;
    }
    QUrl url = connection.server;
    url.setPath(QStringLiteral("/api/v1/%1/%2/unmask")
                    .arg(entity == QLatin1String("ticket") ? QStringLiteral("tickets") : QStringLiteral("customers"),
                        QString::fromUtf8(QUrl::toPercentEncoding(id))),
        QUrl::TolerantMode);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + connection.token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(kTimeoutMs);
    const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("fields"), QJsonArray::fromStringList(fields)}})
                                .toJson(QJsonDocument::Compact);
    QNetworkReply* reply = m_network.post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, entity, id] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        if (status == 200) {
            QHash<QString, QString> values;
            const QJsonObject shown = answer.value(QStringLiteral("values")).toObject();
            for (auto it = shown.begin(); it != shown.end(); ++it)
                values.insert(it.key(), it.value().toString());
            Q_EMIT revealed(entity, id, values);
            return;
        }
        const QString code = answer.value(QStringLiteral("code")).toString();
        QString message;
        if (status == 0)
            message = tr("The server cannot be reached: the value can only be shown online.");
        else if (code == QLatin1String("access.denied"))
            message = tr("Your role may not see this value in clear.");
        else if (status == 401)
            message = tr("Sign in again to see this value.");
        else if (code.endsWith(QLatin1String(".not_found")))
            message = tr("The server does not have this record yet; try again after the next sync.");
        else
            message
                = tr("The server did not show the value (%1).").arg(code.isEmpty() ? QString::number(status) : code);
        Q_EMIT refused(entity, id, message);
    });
}

} // namespace gongdan
