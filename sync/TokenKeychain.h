#pragma once

#include <QObject>

namespace gongdan {

/// Keeps the sign-in token in the operating system's keychain through QtKeychain (Secret Service on
/// Linux, Credential Manager on Windows, Keychain on macOS) — never in a settings file. Every call is
/// asynchronous and answers with a signal.
class TokenKeychain : public QObject {
    Q_OBJECT

public:
    explicit TokenKeychain(QString service = QStringLiteral("gongdan"), QObject* parent = nullptr);

    /// `account` names the sign-in: "login@server".
    void store(const QString& account, const QString& token);
    void load(const QString& account);
    void forget(const QString& account);

Q_SIGNALS:
    void stored(bool ok, const QString& error);
    /// `token` is empty when there is none (or the keychain failed: then `error` says why).
    void loaded(const QString& token, const QString& error);
    void forgotten();

private:
    QString m_service;
};

} // namespace gongdan
