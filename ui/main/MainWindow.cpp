#include "ui/main/MainWindow.h"

#include "domain/Clock.h"
#include "models/BulkTicketActions.h"
#include "models/NotificationListModel.h"
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
#include "sync/AttachmentTransfer.h"
#include "sync/WorkstationCore.h"
#include "ui/call/CallPanel.h"
#include "ui/customer/CustomerArchive.h"
#include "ui/dashboard/DashboardWindow.h"
#include "ui/dispatch/OfferBanner.h"
#include "ui/dispatch/PresenceCombo.h"
#include "ui/main/LanguageSwitcher.h"
#include "ui/main/LayoutMemory.h"
#include "ui/main/QueueSearch.h"
#include "ui/main/WorkTabs.h"
#include "ui/notify/NotificationCentre.h"
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

MainWindow::MainWindow(WorkstationCore& core, AgentSession session, LanguageSwitcher& languages, QWidget* parent)
    : QMainWindow(parent)
    , m_core(core)
    , m_clock(core.clock())
    , m_session(std::move(session))
    , m_languages(languages)
    , m_ws(std::make_unique<Workstation>(
          Workstation {core.db(), core.clock(), core.changes(), m_session, core.tickets(), core.fields(),
              core.customers(), core.directory(), core.drafts(), core.attachments(), core.transfer(), core.unmasker()}))
    , m_views(new ViewListModel(core.db(), ViewListModel::Counting::Background, this))
    , m_queue(new TicketQueueModel(core.db(), core.clock(), core.directory(), this))
    , m_viewList(new QListView(this))
    , m_search(new QLineEdit(this))
    , m_tagEdit(new QLineEdit(this))
    , m_addTagButton(new QToolButton(this))
    , m_bulkToolbar(addToolBar(QString()))
    , m_table(new QTableView(this))
    , m_splitter(new QSplitter(this))
    , m_agentLabel(new QLabel(this))
    , m_syncLabel(new QLabel(this))
    , m_clockLabel(new QLabel(this))
    , m_clockTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));

    m_viewList->setObjectName(QStringLiteral("viewList"));
    m_viewList->setModel(m_views);
    m_viewList->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_queue, &TicketQueueModel::setSearchText);

    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setModel(m_queue);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TicketQueueModel::Created, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(TicketQueueModel::Subject, QHeaderView::Stretch);
    // The subject takes what is left; the others get what their usual content needs.
    const QList<QPair<int, int>> widths {{TicketQueueModel::Number, 116}, {TicketQueueModel::Priority, 52},
        {TicketQueueModel::Status, 90}, {TicketQueueModel::Customer, 64}, {TicketQueueModel::Category, 128},
        {TicketQueueModel::Assignee, 60}, {TicketQueueModel::Group, 84}, {TicketQueueModel::Created, 88},
        {TicketQueueModel::TimeLeft, 104}};
    for (const auto& [column, width] : widths)
        m_table->setColumnWidth(column, width);

    auto* centre = new QWidget(this);
    auto* layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* searchRow = new QHBoxLayout;
    m_queueSearch = new QueueSearch(*m_queue, m_search, centre); // says where it looks, and when nothing matches
    searchRow->addWidget(m_queueSearch, 1);
    searchRow->addWidget(m_tagEdit);
    searchRow->addWidget(m_addTagButton);
    m_sync = std::make_unique<SyncController>(*m_ws, core.cache(), core.engine(), m_syncLabel);
    // One path for every change, whoever made it (this window, a pull, a refusal dealt with): the view
    // counts follow it, the queue and the open tabs show it, names and forms follow the team.
    m_views->follow(core.changes());
    connect(&core.changes(), &ChangeStream::changed, this, &MainWindow::storeChanged);
    connect(m_sync.get(), &SyncController::signedIn, this, [this](const SignedInUser& user) {
        const QString owner = m_sync->cache().owner();
        if (!owner.isEmpty() && owner != user.userId)
            m_tabs->putAway(); // another person's store until now: their open work stays theirs
        // Everyone holds a reference to the session: "my" views and the rules follow.
        m_session = {user.userId, user.name, roleFromName(user.role).value_or(Role::Agent), user.groups};
        m_offerBanner->refresh();
        m_dashboardAction->setVisible(access::maySuperviseFloor(m_session.principal()));
        if (m_dashboard && !access::maySuperviseFloor(m_session.principal()))
            m_dashboard.reset();
        m_reportsAction->setVisible(access::maySuperviseFloor(m_session.principal()));
        if (m_reports && !access::maySuperviseFloor(m_session.principal()))
            m_reports.reset();
        reloadViews(QString());
        refreshStatus();
    });
    connect(m_sync.get(), &SyncController::storeChangedHands, this, [this] {
        // Everything from the server went with the previous person; this person's first sync follows.
        m_core.directory().reload();
        reloadViews(QString());
        m_tabs->restoreTabs();
        refreshStatus();
    });
    connect(m_sync.get(), &SyncController::attentionRequested, this, [this] {
        openView(QStringLiteral("needs_attention"));
        m_tabs->setCurrentIndex(0);
        m_table->setFocus();
    });
    // Automatic dispatch: the offers waiting for 确认接收 above the queue (and marked in it), presence in the status
    // bar.
    m_offerBanner = new OfferBanner(core.dispatch(), *m_ws, centre);
    connect(m_offerBanner, &OfferBanner::offersChanged, m_queue, &TicketQueueModel::setOffers);
    connect(m_offerBanner, &OfferBanner::arrived, this,
        [this](const QString&, const QString& text) { statusBar()->showMessage(text, 15000); });
    connect(m_offerBanner, &OfferBanner::failed, this,
        [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    connect(&core.changes(), &ChangeStream::changed, m_offerBanner, &OfferBanner::refresh);
    layout->addLayout(searchRow);
    layout->addWidget(m_offerBanner);
    layout->addWidget(m_queueSearch->emptyState());
    layout->addWidget(m_table);
    m_tagEdit->setObjectName(QStringLiteral("tagEdit"));
    m_tagEdit->setMaximumWidth(160);
    m_addTagButton->setObjectName(QStringLiteral("addTagButton"));
    m_bulkToolbar->setObjectName(QStringLiteral("bulkToolbar"));
    m_bulkToolbar->setMovable(false);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_tabs = new WorkTabs(*m_ws, centre, this);
    connect(m_offerBanner, &OfferBanner::openTicket, m_tabs, &WorkTabs::openTicket);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        const QStringList ids = m_queue->ticketIds({index});
        if (!ids.isEmpty())
            m_tabs->openTicket(ids.first());
    });
    m_splitter->addWidget(m_viewList);
    // The connection banner sits above every tab: whatever the agent is doing, they see when the
    // workstation works offline and how many changes wait.
    auto* work = new QWidget(this);
    auto* workLayout = new QVBoxLayout(work);
    workLayout->setContentsMargins(0, 0, 0, 0);
    workLayout->setSpacing(0);
    workLayout->addWidget(m_sync->banner());
    workLayout->addWidget(m_tabs, 1);
    m_splitter->addWidget(work);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({170, 1070});
    setCentralWidget(m_splitter);

    m_agentLabel->setObjectName(QStringLiteral("agentLabel"));
    m_syncLabel->setObjectName(QStringLiteral("syncLabel"));
    m_clockLabel->setObjectName(QStringLiteral("clockLabel"));
    // Notifications: the bell in the status bar; opening a ticket anywhere reads its notifications.
    m_notifications = new NotificationListModel(core.notifications(), core.changes(), this);
    m_notifyCentre = new NotificationCentre(*m_notifications, m_clock, this);
    connect(m_notifyCentre, &NotificationCentre::openTicketRequested, m_tabs, &WorkTabs::openTicket);
    connect(m_tabs, &WorkTabs::ticketOpened, m_notifications, &NotificationListModel::markTicketRead);
    connect(m_notifications, &NotificationListModel::failed, this,
        [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    statusBar()->addPermanentWidget(m_notifyCentre->bell());
    statusBar()->addPermanentWidget(m_agentLabel);
    statusBar()->addPermanentWidget(new PresenceCombo(core.dispatch(), core.presence(), core.engine(), this));
    statusBar()->addPermanentWidget(m_syncLabel);
    statusBar()->addPermanentWidget(m_sync->attentionButton());
    statusBar()->addPermanentWidget(m_sync->progressBar());
    statusBar()->addPermanentWidget(m_clockLabel);
    // The clock shows the minute it is (checked every second); the rest of the status bar every 30 s.
    connect(m_clockTimer, &QTimer::timeout, this, [this] {
        const QString now = QLocale().toString(m_clock.now().toLocalTime(), QStringLiteral("HH:mm"));
        if (m_clockLabel->text() != now)
            m_clockLabel->setText(now);
    });
    m_clockTimer->start(1000);
    auto* statusTimer = new QTimer(this);
    connect(statusTimer, &QTimer::timeout, this, &MainWindow::refreshStatus);
    statusTimer->start(30 * 1000);
    // Counts follow every change; views on "now" (已超时) drift with time alone: recount now and then.
    auto* recount = new QTimer(this);
    connect(recount, &QTimer::timeout, m_views, &ViewListModel::refreshCounts);
    recount->start(5 * 60 * 1000);
    connect(m_queue, &TicketQueueModel::loadFailed, this,
        [this](const QString& message) { statusBar()->showMessage(message); });
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, &MainWindow::fillVisibleGap);
    connect(m_viewList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) { showView(current.row()); });

    retranslate();
    const ViewContext context {m_session.agentId, m_clock.now(), m_core.fields().definitions()};
    m_views->setViews(ViewRepository(m_core.db()).visibleTo(m_session.agentId, true), context);
    if (const QString viewId = LayoutMemory::restore(*this, *m_splitter, *m_table->horizontalHeader());
        !viewId.isEmpty())
        openView(viewId);
    if (!m_viewList->currentIndex().isValid())
        m_viewList->setCurrentIndex(m_views->index(0));
    refreshStatus();
    m_sync->resume();
    m_tabs->restoreTabs(); // what was open when the workstation last stopped, or crashed
}

MainWindow::~MainWindow() = default;

void MainWindow::showSignIn()
{
    m_sync->showSignIn(this);
}

void MainWindow::retranslate()
{
    m_viewList->setAccessibleName(tr("Views"));
    m_search->setPlaceholderText(tr("Search number, subject, customer, phone or comment (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search tickets"));
    if (m_viewList->currentIndex().isValid()) // a built-in view's name is in the interface language too
        m_queueSearch->setViewName(m_viewList->currentIndex().data(ViewListModel::NameRole).toString());
    m_queueSearch->retranslate();
    m_table->setAccessibleName(tr("Tickets"));
    m_tagEdit->setPlaceholderText(tr("Tag"));
    m_tagEdit->setAccessibleName(tr("Tag to add to the selected tickets"));
    m_bulkToolbar->setWindowTitle(tr("Bulk actions"));
    // Priority and status fit their header and longest label in the interface language.
    const auto widest = [this](const QStringList& labels) {
        int width = 0;
        for (const QString& label : labels)
            width = std::max(width, m_table->fontMetrics().horizontalAdvance(label));
        return width + 24; // padding and the sort indicator
    };
    QStringList priorities {m_queue->headerData(TicketQueueModel::Priority, Qt::Horizontal).toString()};
    QStringList statuses {m_queue->headerData(TicketQueueModel::Status, Qt::Horizontal).toString()};
    for (Priority p : EnumText<Priority>::all())
        priorities.append(EnumText<Priority>::displayName(p));
    for (TicketStatus s : EnumText<TicketStatus>::all())
        statuses.append(EnumText<TicketStatus>::displayName(s));
    m_table->setColumnWidth(TicketQueueModel::Priority, widest(priorities));
    m_table->setColumnWidth(TicketQueueModel::Status, widest(statuses));
    // Menus are rebuilt: deleting a menu deletes its actions, which also leave the toolbar.
    qDeleteAll(menuBar()->findChildren<QMenu*>(QString(), Qt::FindDirectChildrenOnly));
    menuBar()->clear();
    m_bulkToolbar->clear();
    buildMenus();
    buildTicketMenu();
    buildWorkMenu();
    m_tabs->retranslate();
    setWindowTitle(m_viewList->currentIndex().isValid()
            ? tr("Gongdan — %1").arg(m_viewList->currentIndex().data(ViewListModel::NameRole).toString())
            : tr("Gongdan"));
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_queue->languageChanged();
        m_views->languageChanged();
        retranslate();
        refreshStatus();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::runOnSelection(const std::function<BulkOutcome(BulkTicketActions&, const QStringList&)>& action)
{
    const QStringList ids = m_queue->ticketIds(m_table->selectionModel()->selectedRows());
    if (ids.isEmpty()) {
        statusBar()->showMessage(tr("Select one or more tickets first."), 5000);
        return;
    }
    BulkTicketActions bulk(m_core.tickets(), m_session.principal());
    const BulkOutcome outcome = action(bulk, ids); // each change reaches the stream
    statusBar()->showMessage(BulkTicketActions::summary(outcome), 10000);
}

void MainWindow::openView(const QString& viewId)
{
    const int row = m_views->rowOf(viewId);
    if (row >= 0)
        m_viewList->setCurrentIndex(m_views->index(row));
}

void MainWindow::search(const QString& text)
{
    m_search->setText(text);
}

void MainWindow::storeChanged(const StoreChange& change)
{
    if (change.has(StoreChange::Kind::Team))
        definitionsChanged();
    if (change.has(StoreChange::Kind::Tickets)) {
        m_queue->refreshTickets(change.ticketIds);
        m_tabs->ticketsChanged(change.ticketIds);
    }
    if (change.kinds & (StoreChange::Kind::Tickets | StoreChange::Kind::Queued | StoreChange::Kind::Attention))
        refreshStatus();
}

bool MainWindow::openTicketNumber(const QString& number)
{
    const auto ticket = m_core.tickets().findByNumber(number);
    return ticket && m_tabs->openTicket(ticket->id);
}

void MainWindow::startCall(const QString& phone)
{
    m_tabs->openCall(true)->setCallerNumber(phone);
}

void MainWindow::editView(bool asNew)
{
    TicketView view;
    const bool mayShare = access::maySuperviseFloor(m_session.principal());
    if (!asNew && m_viewList->currentIndex().isValid()) {
        view = m_views->view(m_viewList->currentIndex().row());
        // Built-in views, and shared ones for agents, are not theirs to change: they start a copy.
        if (view.builtIn || (view.ownerId.isEmpty() && !mayShare)) {
            view.id.clear();
            view.builtIn = false;
            view.nameZh = tr("%1 (copy)").arg(view.nameZh);
            view.nameEn = view.nameEn.isEmpty() ? QString() : tr("%1 (copy)").arg(view.nameEn);
        }
    }
    QList<ViewEditorDialog::Column> columns;
    for (int c = 0; c < TicketQueueModel::ColumnCount; ++c)
        columns.append({TicketQueueModel::sortFieldOf(c), m_queue->headerData(c, Qt::Horizontal).toString()});
    auto* editor = new ViewEditorDialog(*m_ws, view, columns, this);
    connect(editor, &ViewEditorDialog::viewSaved, this, &MainWindow::reloadViews);
    connect(editor, &ViewEditorDialog::viewDeleted, this, [this] { reloadViews(QString()); });
    editor->open();
}

void MainWindow::reloadViews(const QString& selectViewId)
{
    const QString current = m_viewList->currentIndex().data(ViewListModel::ViewIdRole).toString();
    const ViewContext context {m_session.agentId, m_clock.now(), m_core.fields().definitions()};
    m_views->setViews(ViewRepository(m_core.db()).visibleTo(m_session.agentId, true), context);
    const int row = m_views->rowOf(selectViewId.isEmpty() ? current : selectViewId);
    m_viewList->setCurrentIndex(m_views->index(std::max(0, row)));
    showView(std::max(0, row)); // the same row may hold a changed view
}

void MainWindow::openCustomers(const QString& text)
{
    CustomerArchive* archive = m_tabs->openCustomers();
    if (!text.isEmpty())
        archive->search(text);
}

void MainWindow::openSettings(const QString& tab)
{
    if (auto* page = m_tabs->findChild<SettingsPage*>()) {
        m_tabs->setCurrentWidget(page);
        if (!tab.isEmpty())
            page->showTab(tab);
        return;
    }
    auto* page = new SettingsPage(*m_ws, QSettings().value(QStringLiteral("language")).toString(), m_tabs);
    connect(page, &SettingsPage::definitionsEdited, this, &MainWindow::definitionsChanged);
    connect(page, &SettingsPage::languageChosen, this, [this](const QString& name) {
        QSettings settings;
        if (name.isEmpty())
            settings.remove(QStringLiteral("language"));
        else
            settings.setValue(QStringLiteral("language"), name);
        m_languages.switchTo(name.isEmpty() ? QLocale::system() : QLocale(name));
    });
    m_tabs->addPage(page);
    if (!tab.isEmpty())
        page->showTab(tab);
}

void MainWindow::definitionsChanged()
{
    m_core.directory().reload();
    m_tabs->definitionsChanged();
    reloadViews(QString());
}

void MainWindow::fillVisibleGap()
{
    // After a jump to the end, rows not loaded yet sit at the gap; load them as they come into sight.
    if (m_fillingGap)
        return;
    const QScopedValueRollback filling(m_fillingGap, true);
    for (int guard = 0; guard < 50 && m_queue->gapRow() >= 0; ++guard) {
        const int first = m_table->rowAt(0);
        const int lastVisible = m_table->rowAt(m_table->viewport()->height() - 1);
        const int gap = m_queue->gapRow();
        const int margin = 50;
        if (first >= 0 && gap > lastVisible + margin)
            return; // the gap is well below what is shown
        if (lastVisible >= 0 && gap < first - margin)
            return; // well above
        // Keep the rows on screen where they are: filling above them shifts them down.
        const QModelIndex anchor = m_table->indexAt(QPoint(0, 0));
        const bool fromAbove = first < 0 || gap > first;
        const int before = m_queue->rowCount();
        if (!m_queue->fillGap(fromAbove))
            return;
        if (!fromAbove && anchor.isValid())
            m_table->scrollTo(
                m_queue->index(anchor.row() + m_queue->rowCount() - before, 0), QAbstractItemView::PositionAtTop);
    }
}

void MainWindow::showView(int row)
{
    if (row < 0)
        return;
    TicketView view = m_views->view(row);
    for (int c = 0; c < TicketQueueModel::ColumnCount; ++c)
        m_table->setColumnHidden(
            c, !view.columns.isEmpty() && !view.columns.contains(TicketQueueModel::sortFieldOf(c)));
    if (!view.enabled) // still listed (greyed, not counted) so that it can be edited and enabled again
        statusBar()->showMessage(tr("This view is disabled: it is not counted; edit it (Ctrl+E) to enable it."), 10000);
    const ViewContext context {m_session.agentId, m_clock.now(), m_core.fields().definitions()};
    m_queue->setView(view, context);
    m_queueSearch->setViewName(m_views->data(m_views->index(row), ViewListModel::NameRole).toString());
    const int column = [&] {
        for (int c = 0; c < TicketQueueModel::ColumnCount; ++c) {
            if (TicketQueueModel::sortFieldOf(c) == view.sortField)
                return c;
        }
        return int(TicketQueueModel::Created);
    }();
    const QSignalBlocker blocker(m_table->horizontalHeader()); // the model already sorts as the view says
    m_table->horizontalHeader()->setSortIndicator(
        column, view.sortDescending ? Qt::DescendingOrder : Qt::AscendingOrder);
    setWindowTitle(tr("Gongdan — %1").arg(m_views->data(m_views->index(row), ViewListModel::NameRole).toString()));
}

void MainWindow::refreshStatus()
{
    m_agentLabel->setText(tr("Agent: %1").arg(m_session.name));
    m_sync->retranslate(); // the sync part of the status bar
    m_clockLabel->setText(QLocale().toString(m_clock.now().toLocalTime(), QStringLiteral("HH:mm")));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_tabs->hasUnsavedWork()) {
        // Asks without a nested event loop; closes again once everything is saved or discarded.
        event->ignore();
        m_tabs->settleUnsavedWork([this] { QTimer::singleShot(0, this, &QWidget::close); });
        return;
    }
    LayoutMemory::save(*this, *m_splitter, *m_table->horizontalHeader(),
        m_viewList->currentIndex().data(ViewListModel::ViewIdRole).toString());
    event->accept();
}

} // namespace gongdan
