#include "ui/sync/SyncController.h"

#include "storage/AttachmentStore.h"
#include "storage/NeedsAttention.h"
#include "storage/Outbox.h"
#include "sync/AttachmentTransfer.h"
#include "ui/sync/SignInDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>

namespace gongdan {

namespace {

const QString kServerKey = QStringLiteral("sync/server");
const QString kLoginKey = QStringLiteral("sync/login");

} // namespace

SyncController::SyncController(
    Workstation& ws, SyncCache& cache, SyncEngine& engine, QLabel* statusLabel, QObject* parent)
    : QObject(parent)
    , m_ws(ws)
    , m_status(statusLabel)
    , m_cache(cache)
    , m_engine(engine)
    , m_banner(new QWidget)
    , m_bannerText(new QLabel(m_banner))
    , m_bannerButton(new QPushButton(m_banner))
    , m_progress(new QProgressBar)
    , m_attention(new QPushButton)
{
    m_attention->setObjectName(QStringLiteral("attentionButton"));
    m_attention->setFlat(true);
    m_attention->setStyleSheet(QStringLiteral("QPushButton { color: #b71c1c; font-weight: bold; }"));
    m_attention->hide();
    connect(m_attention, &QPushButton::clicked, this, &SyncController::attentionRequested);
    m_progress->setObjectName(QStringLiteral("firstSyncProgress"));
    m_progress->setMinimumWidth(280); // "正在载入工单：100000 / 100000" whole
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_banner->setObjectName(QStringLiteral("offlineBanner"));
    m_banner->setAutoFillBackground(true);
    m_banner->setStyleSheet(
        QStringLiteral("#offlineBanner { background: #fff4ce; border-bottom: 1px solid #e0c97a; }"));
    m_bannerText->setObjectName(QStringLiteral("offlineBannerText"));
    m_bannerButton->setObjectName(QStringLiteral("offlineBannerButton"));
    auto* layout = new QHBoxLayout(m_banner);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_bannerText, 1);
    layout->addWidget(m_bannerButton);
    m_banner->hide();
    connect(m_bannerButton, &QPushButton::clicked, this, [this] {
        if (m_engine.state() == SyncEngine::State::SignedOut || !m_configured)
            showSignIn(m_banner->window());
        else
            m_engine.syncNow();
    });
    connect(&m_engine, &SyncEngine::stateChanged, this, &SyncController::refresh);
    connect(&m_engine, &SyncEngine::waitingChanged, this, &SyncController::refresh);
    connect(&m_engine, &SyncEngine::signInRequired, this, &SyncController::refresh);
    connect(&m_engine, &SyncEngine::firstSyncProgress, this, &SyncController::showProgress);
    connect(&m_engine, &SyncEngine::conversationProgress, this,
        [this](qint64 done, qint64 total) { showStage(Bar::Conversations, done, total); });
    connect(&m_engine, &SyncEngine::searchIndexProgress, this,
        [this](qint64 done, qint64 total) { showStage(Bar::Search, done, total); });
    connect(&m_engine, &SyncEngine::synced, this, [this] {
        if (m_bar != Bar::Search)
            m_progress->hide();
    });
    retranslate();
}

SyncController::~SyncController()
{
    m_ws.transfer.stop();
    m_engine.stop();
}

QString SyncController::account(const QUrl& server, const QString& login)
{
    return login + QLatin1Char('@') + server.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

void SyncController::resume()
{
    QSettings settings;
    const QUrl server(settings.value(kServerKey).toString());
    const QString login = settings.value(kLoginKey).toString();
    if (!server.isValid() || login.isEmpty())
        return refresh();
    m_configured = true;
    const QString userId = settings.value(QStringLiteral("sync/userId")).toString();
    connect(
        &m_keychain, &TokenKeychain::loaded, this,
        [this, server, userId](const QString& token, const QString&) {
            if (token.isEmpty())
                return refresh(); // nothing remembered: the banner offers to sign in
            begin(server, token, userId);
        },
        Qt::SingleShotConnection);
    m_keychain.load(account(server, login));
}

void SyncController::showSignIn(QWidget* parent)
{
    QSettings settings;
    auto* dialog
        = new SignInDialog(settings.value(kServerKey).toString(), settings.value(kLoginKey).toString(), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SignInDialog::signedIn, this, [this, dialog](const SignedInUser& user) {
        QSettings remembered; // the address and login only: the token goes to the keychain
        remembered.setValue(kServerKey, dialog->server().toString());
        remembered.setValue(kLoginKey, user.login);
        remembered.setValue(QStringLiteral("sync/userId"), user.userId);
        remembered.setValue(QStringLiteral("sync/name"), user.name);
        remembered.setValue(QStringLiteral("sync/role"), user.role);
        remembered.setValue(QStringLiteral("sync/groups"), user.groups);
        m_configured = true;
        if (dialog->remember())
            m_keychain.store(account(dialog->server(), user.login), user.token);
        else
            m_keychain.forget(account(dialog->server(), user.login));
        m_ws.attachments.setLimit(user.attachmentLimitBytes); // what the server takes (kept for offline)
        Q_EMIT signedIn(user);
        begin(dialog->server(), user.token, user.userId);
    });
    dialog->open(); // window-modal, no nested event loop
}

void SyncController::addActions(QMenu* menu)
{
    QAction* signIn = menu->addAction(tr("&Sign in to the team server…"));
    signIn->setObjectName(QStringLiteral("signInAction"));
    signIn->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(signIn, &QAction::triggered, this, [this, menu] { showSignIn(menu->window()); });
    QAction* out = menu->addAction(tr("Sign &out"));
    out->setObjectName(QStringLiteral("signOutAction"));
    connect(out, &QAction::triggered, this, &SyncController::signOut);
    menu->addSeparator();
}

void SyncController::signOut()
{
    QSettings settings;
    m_keychain.forget(account(QUrl(settings.value(kServerKey).toString()), settings.value(kLoginKey).toString()));
    m_ws.transfer.stop();
    m_engine.stop();
    refresh();
}

void SyncController::begin(const QUrl& server, const QString& token, const QString& userId)
{
    m_ws.transfer.stop();
    m_engine.stop();
    // The store becomes this user's: another user's view of the team goes (their queue stays for them).
    bool switched = false;
    if (Status claimed = m_cache.claimFor(userId, &switched); !claimed) {
        m_status->setText(claimed.error().message);
        return;
    }
    if (switched)
        Q_EMIT storeChangedHands();
    m_engine.start(server, token);
    m_ws.transfer.start(server, token); // attachment bytes: same server, same token
    refresh();
}

void SyncController::retranslate()
{
    if (m_bar == Bar::Search) {
        m_progress->setAccessibleName(tr("Search indexing progress"));
        //: The queue is usable; search finds more as this goes on. %p is a percentage.
        m_progress->setFormat(tr("Preparing search: %p%"));
    } else if (m_bar == Bar::Conversations) {
        m_progress->setAccessibleName(tr("Conversation loading progress"));
        //: Every ticket is in the queue; their comments are still arriving. %p is a percentage.
        m_progress->setFormat(tr("Loading conversations: %p%"));
    } else {
        m_progress->setAccessibleName(tr("First sync progress"));
        //: %v and %m are numbers of tickets: "1,500 of 100,000"
        m_progress->setFormat(tr("Loading tickets: %v of %m"));
    }
    refresh();
}

void SyncController::showStage(Bar bar, qint64 done, qint64 total)
{
    if (const Bar shown = done < total ? bar : Bar::Tickets; m_bar != shown) {
        m_bar = shown;
        retranslate();
    }
    showProgress(done, total);
}

void SyncController::showProgress(qint64 done, qint64 total)
{
    // A QProgressBar counts in int: enough for any team's tickets.
    m_progress->setRange(0, static_cast<int>(std::max<qint64>(total, 1)));
    m_progress->setVisible(done < total);
    m_progress->setValue(static_cast<int>(std::min(done, total)));
}

QString SyncController::reason() const
{
    // Said inside brackets in the banner: without its own closing full stop ("…正在运行。）。").
    QString text = m_engine.lastError().trimmed();
    while (text.endsWith(QLatin1Char('.')) || text.endsWith(QChar(0x3002)))
        text.chop(1);
    return text;
}

void SyncController::refresh()
{
    const qint64 waiting = m_engine.waiting();
    const int n = static_cast<int>(waiting);
    QString status;
    QString banner;
    QString button;
    switch (m_engine.state()) {
    case SyncEngine::State::Stopped:
        status = tr("Not connected · %n change(s) waiting to sync", nullptr, n);
        banner = n == 0 ? tr("Working offline: not signed in to the team server. What you change stays on this "
                             "computer until you sign in.")
                        : tr("Working offline: not signed in to the team server. %n change(s) will be sent once you "
                             "sign in.",
                            nullptr, n);
        button = tr("Sign in…");
        break;
    case SyncEngine::State::Syncing:
        status = tr("Syncing · %n change(s) waiting", nullptr, n);
        break;
    case SyncEngine::State::Idle:
        status = tr("In step with the server · %1")
                     .arg(QLocale().toString(m_engine.lastSynced().toLocalTime(), QStringLiteral("HH:mm")));
        break;
    case SyncEngine::State::Offline:
        status = tr("Offline · %n change(s) waiting", nullptr, n);
        banner = (n == 0 ? tr("The team server cannot be reached (%1). You can keep working; changes will be sent "
                              "when it is back.")
                         : tr("The team server cannot be reached (%1). You can keep working; %n change(s) will be "
                              "sent when it is back.",
                             nullptr, n))
                     .arg(reason());
        button = tr("Retry now");
        break;
    case SyncEngine::State::SignedOut:
        status = tr("Signed out · %n change(s) waiting", nullptr, n);
        banner = tr("The server ended this sign-in (%1). Sign in again to send %n waiting change(s).", nullptr, n)
                     .arg(reason());
        button = tr("Sign in…");
        break;
    case SyncEngine::State::Failed:
        status = tr("Sync problem · %n change(s) waiting", nullptr, n);
        banner = tr("The server refused to sync (%1); retrying. Your %n change(s) are kept.", nullptr, n).arg(reason());
        button = tr("Retry now");
        break;
    }
    if (const qint64 others = Outbox(m_ws.db).waitingForOthers(); others > 0)
        status += QStringLiteral(" · ")
            + tr("%n change(s) of another user wait for them to sign in here", nullptr, static_cast<int>(others));
    if (m_status)
        m_status->setText(status);
    const qint64 attention = NeedsAttention(m_ws.db).count();
    m_attention->setText(tr("⚠ %n need(s) attention", nullptr, static_cast<int>(attention)));
    m_attention->setToolTip(tr("Changes the team server refused, and tickets that left your sight: show them"));
    m_attention->setVisible(attention > 0);
    m_bannerText->setText(banner);
    m_bannerButton->setText(button);
    m_banner->setVisible(!banner.isEmpty());
}

} // namespace gongdan
