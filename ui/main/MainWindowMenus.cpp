// The main window's menus and toolbar actions (File, View, Ticket, Work), rebuilt on language changes.
#include "domain/Clock.h"
#include "domain/TicketView.h"
#include "models/BulkTicketActions.h"
#include "models/TicketQueueModel.h"
#include "models/ViewListModel.h"
#include "storage/AttachmentStore.h"
#include "storage/ChangeStream.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"
#include "storage/DraftStore.h"
#include "storage/FieldDefinitionRepository.h"
#include "storage/LocalNumberAllocator.h"
#include "storage/Outbox.h"
#include "storage/TeamDirectory.h"
#include "storage/TicketRepository.h"
#include "storage/ViewRepository.h"
#include "sync/SyncEngine.h"
#include "sync/WorkstationCore.h"
#include "ui/call/CallPanel.h"
#include "ui/customer/CustomerArchive.h"
#include "ui/dashboard/DashboardWindow.h"
#include "ui/main/LanguageSwitcher.h"
#include "ui/main/LayoutMemory.h"
#include "ui/main/MainWindow.h"
#include "ui/main/QueueSearch.h"
#include "ui/main/WorkTabs.h"
#include "ui/reports/ReportWindow.h"
#include "ui/settings/SettingsPage.h"
#include "ui/sync/SyncController.h"
#include "ui/views/ViewEditorDialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace gongdan {

void MainWindow::buildMenus()
{
    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    m_sync->addActions(fileMenu);
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* find = viewMenu->addAction(tr("&Find tickets"));
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcut(QKeySequence::Find);
    find->setToolTip(tr("Find tickets (%1)").arg(find->shortcut().toString(QKeySequence::NativeText)));
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    QAction* refresh = viewMenu->addAction(tr("&Refresh"));
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, [this] {
        m_queue->reload();
        m_views->refreshCounts();
        refreshStatus();
    });
    QAction* newView = viewMenu->addAction(tr("&New view…"));
    newView->setObjectName(QStringLiteral("newViewAction"));
    newView->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    connect(newView, &QAction::triggered, this, [this] { editView(true); });
    QAction* editViewAction = viewMenu->addAction(tr("&Edit view…"));
    editViewAction->setObjectName(QStringLiteral("editViewAction"));
    editViewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(editViewAction, &QAction::triggered, this, [this] { editView(false); });
    QAction* last = viewMenu->addAction(tr("&Last ticket"));
    last->setObjectName(QStringLiteral("lastTicketAction"));
    last->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_End));
    connect(last, &QAction::triggered, this, [this] {
        // The last page is read from the end; the middle fills in when it comes into sight.
        m_queue->jumpToEnd();
        const QModelIndex bottom = m_queue->index(m_queue->rowCount() - 1, TicketQueueModel::Number);
        m_table->setCurrentIndex(bottom);
        m_table->scrollTo(bottom, QAbstractItemView::PositionAtBottom);
        m_table->setFocus();
    });
    // The supervisor dashboard: for supervisors and admins (who the session is may change at sign-in).
    m_dashboardAction = viewMenu->addAction(tr("Supervisor &dashboard"));
    m_dashboardAction->setObjectName(QStringLiteral("dashboardAction"));
    m_dashboardAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_dashboardAction->setVisible(access::maySuperviseFloor(m_session.principal()));
    connect(m_dashboardAction, &QAction::triggered, this, &MainWindow::openDashboard);
    m_reportsAction = viewMenu->addAction(tr("&Reports"));
    m_reportsAction->setObjectName(QStringLiteral("reportsAction"));
    m_reportsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_reportsAction->setVisible(access::maySuperviseFloor(m_session.principal()));
    connect(m_reportsAction, &QAction::triggered, this, &MainWindow::openReports);
    viewMenu->addSeparator();
    // Alt+1 … Alt+9 open the first nine views.
    for (int i = 0; i < std::min(9, m_views->rowCount() > 0 ? m_views->rowCount() : 9); ++i) {
        QAction* open = viewMenu->addAction(tr("Open view %1").arg(i + 1));
        open->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(open, &QAction::triggered, this, [this, i] { m_viewList->setCurrentIndex(m_views->index(i)); });
    }
    viewMenu->addSeparator();
    buildLanguageMenu(viewMenu);
}

void MainWindow::buildLanguageMenu(QMenu* viewMenu)
{
    QMenu* language = viewMenu->addMenu(tr("&Language"));
    for (const QLocale& locale : LanguageSwitcher::available()) {
        // Each language is named in itself, so it can be found whatever the current one is.
        QAction* choose = language->addAction(locale.nativeLanguageName());
        choose->setObjectName(QStringLiteral("language_") + locale.name());
        choose->setCheckable(true);
        choose->setChecked(locale.language() == m_languages.current().language());
        connect(choose, &QAction::triggered, this, [this, locale] {
            if (m_languages.switchTo(locale))
                QSettings().setValue(QStringLiteral("language"), locale.name());
        });
    }
}

void MainWindow::buildWorkMenu()
{
    // The Tickets menu starts with the actions on one ticket or call; the bulk actions follow.
    QMenu* menu = menuBar()->findChild<QMenu*>(QStringLiteral("ticketsMenu"), Qt::FindDirectChildrenOnly);
    QAction* first = menu->actions().value(0);
    const auto add = [&](const QString& name, const QString& text, const QKeySequence& keys) {
        auto* action = new QAction(text, menu);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setToolTip(
            QString(text + QStringLiteral(" (") + keys.toString(QKeySequence::NativeText) + QLatin1Char(')'))
                .remove(QLatin1Char('&')));
        menu->insertAction(first, action);
        return action;
    };
    QAction* call = add(QStringLiteral("newCallAction"), tr("New &call"), QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(call, &QAction::triggered, this, [this] { m_tabs->openCall(true); });
    QAction* ticket
        = add(QStringLiteral("newTicketAction"), tr("&New ticket"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(ticket, &QAction::triggered, this, [this] { m_tabs->openCall(false); });
    QAction* open = add(QStringLiteral("openTicketAction"), tr("&Open ticket"), QKeySequence(Qt::CTRL | Qt::Key_O));
    connect(open, &QAction::triggered, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            Q_EMIT m_table->activated(current);
    });
    QAction* customers = add(
        QStringLiteral("customersAction"), tr("C&ustomer archive"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(customers, &QAction::triggered, this, [this] { m_tabs->openCustomers(); });
    QAction* settings
        = add(QStringLiteral("settingsAction"), tr("&Settings and fields"), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(settings, &QAction::triggered, this, [this] { openSettings(); });
    QAction* closeTab = add(QStringLiteral("closeTabAction"), tr("Close &tab"), QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(closeTab, &QAction::triggered, this, [this] { m_tabs->requestClose(m_tabs->currentIndex()); });
    QAction* queue = add(QStringLiteral("showQueueAction"), tr("Back to the &queue"), QKeySequence(Qt::Key_F2));
    connect(queue, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_table->setFocus();
    });
    menu->insertSeparator(first);
    m_bulkToolbar->insertAction(m_bulkToolbar->actions().value(0), ticket);
    m_bulkToolbar->insertAction(ticket, call);
    m_bulkToolbar->insertSeparator(m_bulkToolbar->actions().value(2));
}

void MainWindow::buildTicketMenu()
{
    auto* menu = menuBar()->addMenu(tr("&Tickets"));
    menu->setObjectName(QStringLiteral("ticketsMenu"));
    QToolBar* toolbar = m_bulkToolbar;

    QAction* mine = menu->addAction(tr("Assign to &me"));
    mine->setObjectName(QStringLiteral("assignToMeAction"));
    mine->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(mine, &QAction::triggered, this, [this] {
        runOnSelection([this](BulkTicketActions& bulk, const QStringList& ids) {
            return bulk.assign(ids, m_session.agentId, m_core.directory().groupOfAgent(m_session.agentId));
        });
    });
    toolbar->addAction(mine);
    QMenu* assign = menu->addMenu(tr("&Assign to"));
    for (const AgentEntry& agent : m_core.directory().agents()) {
        QAction* to = assign->addAction(agent.name);
        to->setObjectName(QStringLiteral("assignTo_") + agent.id);
        connect(to, &QAction::triggered, this, [this, agent] {
            runOnSelection([agent](BulkTicketActions& bulk, const QStringList& ids) {
                return bulk.assign(ids, agent.id, agent.groupId);
            });
        });
    }
    QMenu* priority = menu->addMenu(tr("Set &priority"));
    for (Priority p : EnumText<Priority>::all()) {
        QAction* set = priority->addAction(EnumText<Priority>::displayName(p));
        set->setObjectName(QStringLiteral("priority_") + EnumText<Priority>::key(p));
        connect(set, &QAction::triggered, this, [this, p] {
            runOnSelection([p](BulkTicketActions& bulk, const QStringList& ids) { return bulk.setPriority(ids, p); });
        });
    }
    QMenu* status = menu->addMenu(tr("Change &status"));
    for (TicketAction a :
        {TicketAction::Accept, TicketAction::MarkSpam, TicketAction::RestoreFromSpam, TicketAction::Reopen}) {
        QAction* act = status->addAction(Lifecycle::actionTitle(a));
        act->setObjectName(QStringLiteral("status_") + Lifecycle::actionKey(a));
        connect(act, &QAction::triggered, this, [this, a] {
            runOnSelection([a](BulkTicketActions& bulk, const QStringList& ids) { return bulk.transition(ids, a); });
        });
    }
    QAction* tag = menu->addAction(tr("Add tag"));
    tag->setObjectName(QStringLiteral("addTagAction"));
    m_addTagButton->setDefaultAction(tag);
    connect(tag, &QAction::triggered, this, [this] {
        runOnSelection(
            [this](BulkTicketActions& bulk, const QStringList& ids) { return bulk.addTag(ids, m_tagEdit->text()); });
    });
    disconnect(m_tagEdit, &QLineEdit::returnPressed, nullptr, nullptr);
    connect(m_tagEdit, &QLineEdit::returnPressed, tag, &QAction::trigger);
}

DashboardWindow* MainWindow::openDashboard()
{
    if (!access::maySuperviseFloor(m_session.principal()))
        return nullptr;
    if (!m_dashboard)
        m_dashboard = std::make_unique<DashboardWindow>(
            m_core.engine().socket(), m_clock, [this](const TicketView& view) { showTickets(view); },
            [this](const QString& categoryId) {
                return m_ws->directory.categoryPath(categoryId, QLocale().language() == QLocale::Chinese);
            });
    m_dashboard->show();
    m_dashboard->raise();
    m_dashboard->activateWindow();
    return m_dashboard.get();
}

ReportWindow* MainWindow::openReports()
{
    if (!access::maySuperviseFloor(m_session.principal()))
        return nullptr;
    if (!m_reports)
        m_reports = std::make_unique<ReportWindow>(m_core.db(), m_core.reports(), m_clock);
    m_reports->reloadDefinitions();
    m_reports->show();
    m_reports->raise();
    m_reports->activateWindow();
    return m_reports.get();
}

void MainWindow::showTickets(const TicketView& view)
{
    {
        const QSignalBlocker blocker(m_viewList->selectionModel()); // no saved view is chosen
        m_viewList->clearSelection();
        m_viewList->setCurrentIndex(QModelIndex());
    }
    for (int c = 0; c < TicketQueueModel::ColumnCount; ++c)
        m_table->setColumnHidden(c, false);
    const ViewContext context {m_session.agentId, m_clock.now(), m_core.fields().definitions()};
    m_queue->setView(view, context);
    const QString name = view.name(QLocale().language() == QLocale::Chinese);
    m_queueSearch->setViewName(name);
    setWindowTitle(tr("Gongdan — %1").arg(name));
    m_tabs->setCurrentIndex(0);
    raise();
    activateWindow();
}

} // namespace gongdan
