#include "ui/sync/SignInDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

namespace gongdan {

SignInDialog::SignInDialog(const QString& server, const QString& login, QWidget* parent)
    : QDialog(parent)
    , m_server(new QLineEdit(server, this))
    , m_login(new QLineEdit(login, this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember me on this computer"), this))
    , m_message(new QLabel(this))
    , m_signIn(new QPushButton(tr("&Sign in"), this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to the team server"));
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_server->setPlaceholderText(QStringLiteral("http://gongdan.example:8734"));
    m_login->setObjectName(QStringLiteral("loginEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setChecked(true);
    m_remember->setToolTip(tr("Keeps the sign-in in the system keychain, never in a file."));
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->hide();
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Se&rver:"), m_server);
    form->addRow(tr("&Login:"), m_login);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    m_server->setAccessibleName(tr("Server"));
    m_login->setAccessibleName(tr("Login"));
    m_password->setAccessibleName(tr("Password"));
    setMinimumWidth(420);

    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_client, &SignInClient::failed, this, [this](const QString& message) {
        m_message->setText(message);
        m_message->show();
        m_signIn->setEnabled(true);
        m_password->setFocus();
        m_password->selectAll();
    });
    connect(&m_client, &SignInClient::succeeded, this, [this](const SignedInUser& user) {
        Q_EMIT signedIn(user);
        accept();
    });
    (m_login->text().isEmpty() ? m_login : m_password)->setFocus();
}

bool SignInDialog::remember() const
{
    return m_remember->isChecked();
}

QUrl SignInDialog::server() const
{
    QString text = m_server->text().trimmed();
    if (!text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("http://"));
    return QUrl(text);
}

void SignInDialog::submit()
{
    const QUrl url = server();
    if (!url.isValid() || url.host().isEmpty()) {
        m_message->setText(tr("Enter the server's address, such as http://gongdan.example:8734."));
        m_message->show();
        m_server->setFocus();
        return;
    }
    m_message->hide();
    m_signIn->setEnabled(false);
    m_client.signIn(url, m_login->text().trimmed(), m_password->text(), QSysInfo::machineHostName());
}

} // namespace gongdan
