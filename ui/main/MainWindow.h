#pragma once

#include "ui/common/Workstation.h"

#include <QMainWindow>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QSplitter;
class QTableView;
class QTimer;
class QToolBar;
class QToolButton;

namespace gongdan {

class QueueSearch;
class BulkTicketActions;
class LanguageSwitcher;
class NotificationCentre;
class NotificationListModel;
class WorkTabs;
class Clock;
class SyncController;
class TicketQueueModel;
class ViewListModel;
class WorkstationCore;
struct StoreChange;

/// The agent's main window: views with live counts on the left; in the centre the queue of the chosen
/// view with search as you type, and a tab per open ticket or call being logged; a status bar with the
/// agent, the connection, changes waiting to sync and the time. Splitter, columns and sort are
/// remembered between sessions.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    /// Works through `core` (the store, its repositories, the sync engine, the change stream), which
    /// outlives the window.
    MainWindow(WorkstationCore& core, AgentSession session, LanguageSwitcher& languages, QWidget* parent = nullptr);
    ~MainWindow() override;

    void openView(const QString& viewId);
    void search(const QString& text);
    WorkTabs* workTabs() const { return m_tabs; }
    /// Opens the ticket with this number in a tab; false when the store has none.
    bool openTicketNumber(const QString& number);
    /// Starts logging a call from this number, as the telephony link will.
    void startCall(const QString& phone);
    /// Shows the customer archive, searching for `text` when given.
    void openCustomers(const QString& text);
    /// Shows settings and administration (language, custom fields, categories).
    void openSettings(const QString& tab = QString());
    /// Opens the sign-in dialog for the team server.
    void showSignIn();
    /// Opens (or raises) the supervisor dashboard; nullptr for someone who is not a supervisor or admin.
    class DashboardWindow* openDashboard();
    /// Opens (or raises) the Reports window; nullptr for someone who is not a supervisor or admin.
    class ReportWindow* openReports();
    /// Shows the tickets of `view` in the queue without saving it as a view (the dashboard's drill-down).
    void showTickets(const struct TicketView& view);
    /// Sync as this window shows it (the engine's state, the changes waiting).
    SyncController& syncController() { return *m_sync; }
    /// The notification centre: the bell in the status bar and its panel.
    NotificationCentre& notificationCentre() { return *m_notifyCentre; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    /// Sets every user-visible text and rebuilds the menus: at start and whenever the language changes.
    void retranslate();
    void buildMenus();
    void buildTicketMenu();
    void buildWorkMenu();
    void buildLanguageMenu(class QMenu* viewMenu);
    /// Runs a bulk action on the selected tickets, refreshes what it touched and reports in the status bar.
    void runOnSelection(const std::function<struct BulkOutcome(BulkTicketActions&, const QStringList&)>& action);
    void showView(int row);
    void fillVisibleGap();
    /// Opens the view editor on a new view, or on the current one (a copy when it is not the agent's).
    void editView(bool asNew);
    void reloadViews(const QString& selectViewId);
    /// Field definitions or categories changed: forms, views and names follow without a restart.
    void definitionsChanged();
    /// What the change stream told: the queue and open tabs show changed tickets, the team's names follow.
    void storeChanged(const StoreChange& change);
    void refreshStatus();

    WorkstationCore& m_core;
    const Clock& m_clock;
    AgentSession m_session;
    LanguageSwitcher& m_languages;
    std::unique_ptr<Workstation> m_ws;
    std::unique_ptr<SyncController> m_sync;
    ViewListModel* m_views;
    TicketQueueModel* m_queue;
    QListView* m_viewList;
    QLineEdit* m_search;
    QueueSearch* m_queueSearch = nullptr;
    QLineEdit* m_tagEdit;
    QToolButton* m_addTagButton;
    QToolBar* m_bulkToolbar;
    QTableView* m_table;
    WorkTabs* m_tabs = nullptr;
    class OfferBanner* m_offerBanner = nullptr;
    QSplitter* m_splitter;
    QLabel* m_agentLabel;
    QLabel* m_syncLabel;
    QLabel* m_clockLabel;
    NotificationListModel* m_notifications = nullptr;
    NotificationCentre* m_notifyCentre = nullptr;
    QTimer* m_clockTimer;
    QAction* m_dashboardAction = nullptr;
    std::unique_ptr<class DashboardWindow> m_dashboard;
    QAction* m_reportsAction = nullptr;
    std::unique_ptr<class ReportWindow> m_reports;
    bool m_fillingGap = false;
};

} // namespace gongdan
