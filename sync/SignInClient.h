#pragma once

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QObject>
#include <QStringList>
#include <QUrl>

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
};

/// Signs in to gongdan-server (POST /api/v1/session), asynchronously. Refusals come back as a
/// translated sentence for the sign-in dialog, by the server's error code.
class SignInClient : public QObject {
    Q_OBJECT

public:
    explicit SignInClient(QObject* parent = nullptr);
    void signIn(const QUrl& server, const QString& login, const QString& password, const QString& device);

    /// The text the dialog shows for a server error code (or a network failure when `code` is empty).
    static QString messageFor(const QString& code, const QString& serverMessage, const QString& retryAfter);

Q_SIGNALS:
    void succeeded(const gongdan::SignedInUser& user);
    void failed(const QString& message);

private:
    QNetworkAccessManager m_network;
};

} // namespace gongdan
