#pragma once

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QStringList>
#include <QUrl>
#include <chrono>

namespace gongdan {

/// Who signed in, as the server answered.
struct SignedInUser {
    QString token;
    qint64 expiresMs = 0;
    QString userId;
    QString login;
    QString name;
    QString role;
    QStringList groups;
    qint64 attachmentLimitBytes = 0; ///< the largest attachment the server takes; 0 when it did not say
};

/// Signs in to gongdan-server (POST /api/v1/session), asynchronously. Refusals come back as a
/// translated sentence for the sign-in dialog, by the server's error code; so do network failures (a server
/// that does not answer within the timeout, a refused connection, an unknown host).
class SignInClient : public QObject {
    Q_OBJECT

public:
    explicit SignInClient(QObject* parent = nullptr);
    void signIn(const QUrl& server, const QString& login, const QString& password, const QString& device);
    /// How long the server may stay silent before the sign-in fails (15 s unless set).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    /// The text the dialog shows for a server error code (or a network failure when `code` is empty).
    static QString messageFor(const QString& code, const QString& serverMessage, const QString& retryAfter);
    /// The text the dialog shows when the request to `server` failed on the network, with Qt's own
    /// `errorString` only where nothing plainer fits.
    static QString networkMessage(QNetworkReply::NetworkError error, const QUrl& server,
        std::chrono::milliseconds timeout, const QString& errorString);

Q_SIGNALS:
    void succeeded(const gongdan::SignedInUser& user);
    void failed(const QString& message);

private:
    QNetworkAccessManager m_network;
    std::chrono::milliseconds m_timeout {15000};
};

} // namespace gongdan
