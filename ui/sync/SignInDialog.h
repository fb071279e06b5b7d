#pragma once

#include "sync/SignInClient.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gongdan {

/// Sign in to the team server: address, login, password and "remember me" (the token then goes to the
/// OS keychain). The server's answer is awaited without blocking the window; a refusal shows inline
/// under the fields, the dialog stays open and nothing typed is lost.
class SignInDialog : public QDialog {
    Q_OBJECT

public:
    SignInDialog(const QString& server, const QString& login, QWidget* parent = nullptr);

    bool remember() const;
    QUrl server() const;

Q_SIGNALS:
    void signedIn(const gongdan::SignedInUser& user);

private:
    void submit();

    SignInClient m_client;
    QLineEdit* m_server;
    QLineEdit* m_login;
    QLineEdit* m_password;
    QCheckBox* m_remember;
    QLabel* m_message;
    QPushButton* m_signIn;
};

} // namespace gongdan
