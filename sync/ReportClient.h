#pragma once

#include "domain/ReportEngine.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>

class QNetworkReply;

namespace gongdan {

/// Runs reports on the team server (POST /api/v1/reports/run, server/ReportRoutes): reads the answer's JSON lines as
/// they arrive into a ReportResult, then `finished`; or `failed` with a translated reason. Reports need the server:
/// offline, a run fails at once. A new run abandons the one before.
class ReportClient : public QObject {
    Q_OBJECT

public:
    struct Connection {
        QUrl server;
        QString token; ///< empty: not signed in
    };
    explicit ReportClient(std::function<Connection()> connection, QObject* parent = nullptr);

    void run(const ReportDefinition& definition);
    bool running() const { return !m_reply.isNull(); }

Q_SIGNALS:
    void finished(const gongdan::ReportResult& result);
    void failed(const QString& message);

private:
    void readLines(QNetworkReply* reply, bool all);

    std::function<Connection()> m_connection;
    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_pending;
    ReportResult m_result;
    QString m_error;
};

} // namespace gongdan
