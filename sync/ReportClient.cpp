#include "sync/ReportClient.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace gongdan {

ReportClient::ReportClient(std::function<Connection()> connection, QObject* parent)
    : QObject(parent), m_connection(std::move(connection))
{
}

void ReportClient::run(const ReportDefinition& definition)
{
    if (m_reply) {
        QNetworkReply* old = m_reply;
        m_reply = nullptr;
        old->disconnect(this);
        old->abort();
        old->deleteLater();
    }
    const Connection connection = m_connection();
    if (connection.token.isEmpty() || !connection.server.isValid()) {
        Q_EMIT failed(tr("Not connected to the server: reports are run on the server."));
        return;
    }
    QUrl url = connection.server;
    url.setPath(QStringLiteral("/api/v1/reports/run"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + connection.token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QJsonObject body = definition.toJson();
    body.remove(QStringLiteral("version"));
    m_pending.clear();
    m_result = ReportResult {};
    m_error.clear();
    QNetworkReply* reply = m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    m_reply = reply;
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
            readLines(reply, false);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_reply != reply)
            return;
        m_reply = nullptr;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            readLines(reply, true);
            if (m_error.isEmpty() && m_result.complete)
                return Q_EMIT finished(m_result);
            return Q_EMIT failed(
                m_error.isEmpty() ? tr("The server's answer broke off; run the report again.") : m_error);
        }
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        const QString code = answer.value(QStringLiteral("code")).toString();
        if (status == 0)
            Q_EMIT failed(tr("The server cannot be reached: reports are run on the server."));
        else if (code == QLatin1String("access.denied"))
            Q_EMIT failed(tr("Reports are for supervisors and admins."));
        else if (status == 401)
            Q_EMIT failed(tr("Sign in again to run reports."));
        else if (status == 400)
            Q_EMIT failed(tr("The server refused the report: %1 (%2)")
                              .arg(answer.value(QStringLiteral("message")).toString(),
                                  answer.value(QStringLiteral("field")).toString()));
        else
            Q_EMIT failed(
                tr("The server did not run the report (%1).").arg(code.isEmpty() ? QString::number(status) : code));
    });
}

void ReportClient::readLines(QNetworkReply* reply, bool all)
{
    m_pending.append(reply->readAll());
    qsizetype start = 0;
    for (qsizetype end = m_pending.indexOf('\n'); end >= 0; end = m_pending.indexOf('\n', start)) {
        const QByteArray line = m_pending.mid(start, end - start);
        start = end + 1;
        if (line.trimmed().isEmpty() || !m_error.isEmpty())
            continue;
        if (Status read = m_result.addLine(line); !read)
            m_error = read.error().message;
    }
    m_pending.remove(0, start);
    if (all && !m_pending.trimmed().isEmpty() && m_error.isEmpty()) {
        if (Status read = m_result.addLine(m_pending); !read)
            m_error = read.error().message;
        m_pending.clear();
    }
}

} // namespace gongdan
