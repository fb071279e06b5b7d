#pragma once

#include "sync/SignInClient.h"
#include "sync/SyncEngine.h"
#include "sync/TokenKeychain.h"
#include "ui/common/Workstation.h"

#include <QObject>
#include <memory>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QWidget;

namespace gongdan {

/// Sync as the workstation shows it: sign-in (the dialog, the token in the keychain, the server and
/// login remembered in settings), the engine started with them, the status bar text ("In step · 12:04",
/// "Offline · 3 changes waiting"), and the offline banner above the queue. The engine and its cache are
/// the WorkstationCore's (which also starts a push for every queued change).
class SyncController : public QObject {
    Q_OBJECT

public:
    SyncController(
        Workstation& ws, SyncCache& cache, SyncEngine& engine, QLabel* statusLabel, QObject* parent = nullptr);
    ~SyncController() override;

    /// The banner shown above the queue while offline or signed out (objectName "offlineBanner").
    QWidget* banner() const { return m_banner; }
    /// For the status bar: how many changes need the agent's attention (refused by the server, or tickets
    /// that left their sight); hidden when none (objectName "attentionButton").
    QPushButton* attentionButton() const { return m_attention; }
    /// The first sync's progress for the status bar — its tickets, then their conversations behind the
    /// usable queue — then how far search is built; shown only while one of them runs (objectName
    /// "firstSyncProgress").
    QProgressBar* progressBar() const { return m_progress; }
    SyncEngine& engine() { return m_engine; }
    SyncCache& cache() { return m_cache; }
    /// Signs in again with the remembered server, login and keychain token, if there are any.
    void resume();
    void showSignIn(QWidget* parent);
    void signOut();
    /// "Sign in to the team server…" and "Sign out" for the File menu (rebuilt on language changes).
    void addActions(QMenu* menu);
    void retranslate();

Q_SIGNALS:
    void signedIn(const gongdan::SignedInUser& user);
    /// Another user signed in on this store: everything from the server went (their first sync follows);
    /// what the window shows must be built again for them.
    void storeChangedHands();
    /// The agent clicked the attention count: show them what needs it.
    void attentionRequested();

private:
    void begin(const QUrl& server, const QString& token, const QString& userId);
    void refresh();
    /// Why the engine is offline or failing, to say in brackets.
    QString reason() const;
    void showProgress(qint64 done, qint64 total);
    /// What the bar counts: the first sync's tickets, their conversations, or search being built.
    enum class Bar { Tickets, Conversations, Search };
    /// After the tickets: the same bar says how far `bar` is, until it is done.
    void showStage(Bar bar, qint64 done, qint64 total);
    static QString account(const QUrl& server, const QString& login);

    Workstation& m_ws;
    QLabel* m_status;
    SyncCache& m_cache;
    SyncEngine& m_engine;
    TokenKeychain m_keychain;
    QWidget* m_banner;
    QLabel* m_bannerText;
    QPushButton* m_bannerButton;
    QProgressBar* m_progress;
    QPushButton* m_attention;
    Bar m_bar = Bar::Tickets;
    bool m_configured = false;
};

} // namespace gongdan
