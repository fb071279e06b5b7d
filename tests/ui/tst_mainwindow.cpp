#include "models/TicketQueueModel.h"
#include "storage/DraftStore.h"
#include "sync/WorkstationCore.h"
#include "tests/support/DemoDesk.h"
#include "tests/support/InputMethod.h"
#include "tests/support/TempStore.h"
#include "ui/call/CallPanel.h"
#include "ui/customer/CustomerArchive.h"
#include "ui/main/LanguageSwitcher.h"
#include "ui/main/MainWindow.h"
#include "ui/main/WorkTabs.h"
#include "ui/ticket/TicketEditor.h"

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QSet>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTableView>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void viewsSwitchByClickAndKeyboard();
    void searchAsYouTypeFromTheKeyboard();
    void remembersTheOpenView();
    void bulkAssignsFiftyTickets();
    void jumpsToTheLastTicketAndFillsTheMiddle();
    void switchingTheLanguageChangesTheMenus();
    void reopensTheTabsOfTheLastSession();
    void anotherAgentsWorkIsNotRestored();

private:
    /// The first `count` tickets of the store.
    QStringList ticketIds(int count);

    DemoDesk m_desk;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_desk.prepare(QStringLiteral("GongdanTest"), 600));
}

void TestMainWindow::init()
{
    QVERIFY(m_desk.forgetOpenWork());
}

QStringList TestMainWindow::ticketIds(int count)
{
    QSqlQuery query(m_desk.store->db().sql());
    query.exec(QStringLiteral("SELECT id FROM ticket ORDER BY rowid LIMIT %1").arg(count));
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

void TestMainWindow::viewsSwitchByClickAndKeyboard()
{
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* views = window.findChild<QListView*>(QStringLiteral("viewList"));
    auto* table = window.findChild<QTableView*>(QStringLiteral("queueTable"));
    QVERIFY(views && table);
    QCOMPARE(views->model()->rowCount(), 7); // the six built-in views and 需要处理

    // Click 未分配 (unassigned): every row has no assignee.
    const QModelIndex unassigned = views->model()->index(1, 0);
    QTest::mouseClick(views->viewport(), Qt::LeftButton, {}, views->visualRect(unassigned).center());
    QCOMPARE(views->currentIndex().row(), 1);
    QVERIFY(table->model()->rowCount() > 0);
    for (int row = 0; row < table->model()->rowCount(); ++row)
        QVERIFY(table->model()->index(row, TicketQueueModel::Assignee).data().toString().isEmpty());
    QVERIFY(window.windowTitle().contains(QString::fromUtf8("未分配")));

    // Alt+6 opens the sixth view, 已关闭 (closed).
    QTest::keyClick(&window, Qt::Key_6, Qt::AltModifier);
    QCOMPARE(views->currentIndex().row(), 5);
    for (int row = 0; row < std::min(50, table->model()->rowCount()); ++row)
        QCOMPARE(table->model()->index(row, TicketQueueModel::Status).data(TicketQueueModel::RawValueRole).toString(),
            QStringLiteral("closed"));
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("agentLabel"))->text().contains(QString::fromUtf8("杨帆")));
}

void TestMainWindow::searchAsYouTypeFromTheKeyboard()
{
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openView(QStringLiteral("all_open"));
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("searchBox"));
    auto* table = window.findChild<QTableView*>(QStringLiteral("queueTable"));
    table->setFocus();
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), search);
    const int all = table->model()->rowCount();
    // Chinese arrives through the input method, as a committed string.
    commitText(search, QString::fromUtf8("维修"));
    QCOMPARE(search->text(), QString::fromUtf8("维修"));
    QVERIFY(table->model()->rowCount() > 0);
    QVERIFY(table->model()->rowCount() < all);
    QTest::keyClick(search, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(search, Qt::Key_Backspace);
    QCOMPARE(table->model()->rowCount(), all);
}

void TestMainWindow::remembersTheOpenView()
{
    {
        WorkstationCore core(m_desk.store->db());
        MainWindow window(core, DemoDesk::agent, m_desk.languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openView(QStringLiteral("follow_up"));
        window.close();
    }
    WorkstationCore againCore(m_desk.store->db());
    MainWindow again(againCore, DemoDesk::agent, m_desk.languages);
    auto* views = again.findChild<QListView*>(QStringLiteral("viewList"));
    QCOMPARE(views->currentIndex().data(Qt::UserRole + 2).toString(), QStringLiteral("follow_up"));
}

void TestMainWindow::jumpsToTheLastTicketAndFillsTheMiddle()
{
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.openView(QStringLiteral("closed")); // newest first
    auto* table = window.findChild<QTableView*>(QStringLiteral("queueTable"));
    auto* queue = qobject_cast<TicketQueueModel*>(table->model());
    QCOMPARE(queue->rowCount(), TicketQueueModel::kPageSize);
    QSqlQuery oldest(m_desk.store->db().sql());
    QVERIFY(oldest.exec(QStringLiteral("SELECT id FROM ticket WHERE status IN ('closed', 'spam', 'merged') "
                                       "ORDER BY created_ms ASC, rowid ASC LIMIT 1")));
    QVERIFY(oldest.next());

    table->setFocus();
    QTest::keyClick(table, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(table->currentIndex().row(), queue->rowCount() - 1);
    QCOMPARE(queue->ticketId(table->currentIndex().row()), oldest.value(0).toString());
    // Scrolling up into the gap (when this demo's view is long enough to have one) loads what is there.
    for (int step = 0; step < 100 && queue->gapRow() >= 0; ++step) {
        table->scrollTo(queue->index(queue->gapRow(), 0), QAbstractItemView::PositionAtTop);
        QCoreApplication::processEvents();
    }
    QCOMPARE(queue->gapRow(), -1);
    QStringList ids;
    for (int row = 0; row < queue->rowCount(); ++row)
        ids.append(queue->ticketId(row));
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size()); // no row twice
}

void TestMainWindow::bulkAssignsFiftyTickets()
{
    // A supervisor: every group's tickets are theirs to hand out.
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::supervisor, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openView(QStringLiteral("all_open"));
    auto* table = window.findChild<QTableView*>(QStringLiteral("queueTable"));
    QVERIFY(table->model()->rowCount() >= 50);
    // Shift-click selects the range, as an agent would.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(table->model()->index(0, 3)).center());
    table->scrollTo(table->model()->index(49, 3));
    QTest::mouseClick(
        table->viewport(), Qt::LeftButton, Qt::ShiftModifier, table->visualRect(table->model()->index(49, 3)).center());
    const QModelIndexList selected = table->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 50);
    QStringList ids;
    for (const QModelIndex& index : selected)
        ids.append(index.data(TicketQueueModel::TicketIdRole).toString());

    auto* assignToLiNa = window.findChild<QAction*>(QStringLiteral("assignTo_a-02"));
    QVERIFY(assignToLiNa);
    assignToLiNa->trigger();
    for (const QString& id : ids)
        QCOMPARE(m_desk.store->tickets().find(id)->assigneeId, QStringLiteral("a-02"));
    // The rows show the new assignee at once, and the selection is still there.
    QCOMPARE(table->selectionModel()->selectedRows().size(), 50);
    QCOMPARE(table->model()->index(selected.first().row(), TicketQueueModel::Assignee).data().toString(),
        QString::fromUtf8("李娜"));
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("50")));

    // Ctrl+Shift+A takes them for the signed-in agent.
    QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_desk.store->tickets().find(ids.first())->assigneeId, DemoDesk::supervisor.agentId);
}

void TestMainWindow::switchingTheLanguageChangesTheMenus()
{
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openView(QStringLiteral("all_open"));
    const auto menuTitles = [&window] {
        QStringList titles;
        for (QAction* action : window.menuBar()->actions())
            titles.append(action->text());
        return titles;
    };
    auto* table = window.findChild<QTableView*>(QStringLiteral("queueTable"));
    auto* views = window.findChild<QListView*>(QStringLiteral("viewList"));
    QVERIFY(menuTitles().contains(QString::fromUtf8("工单(&T)")));
    QCOMPARE(
        table->model()->headerData(TicketQueueModel::Subject, Qt::Horizontal).toString(), QString::fromUtf8("标题"));

    auto* english = window.findChild<QAction*>(QStringLiteral("language_en_US"));
    QVERIFY(english);
    english->trigger();
    QTRY_VERIFY(menuTitles().contains(QStringLiteral("&Tickets")));
    QVERIFY(menuTitles().contains(QStringLiteral("&View")));
    QCOMPARE(
        table->model()->headerData(TicketQueueModel::Subject, Qt::Horizontal).toString(), QStringLiteral("Subject"));
    QVERIFY(views->model()->index(2, 0).data().toString().startsWith(QStringLiteral("All open")));
    QVERIFY(window.windowTitle().contains(QStringLiteral("All open")));
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("en_US"));
    // The rebuilt menus still work: the shortcut opens a view.
    QTest::keyClick(&window, Qt::Key_4, Qt::AltModifier);
    QCOMPARE(views->currentIndex().row(), 3);

    window.findChild<QAction*>(QStringLiteral("language_zh_CN"))->trigger();
    QTRY_VERIFY(menuTitles().contains(QString::fromUtf8("工单(&T)")));
}

void TestMainWindow::reopensTheTabsOfTheLastSession()
{
    const QStringList ids = ticketIds(2);
    QCOMPARE(ids.size(), 2);
    const QString agentId = DemoDesk::agent.agentId;
    DraftStore drafts(m_desk.store->db());
    QString callKey;
    {
        WorkstationCore core(m_desk.store->db());
        MainWindow window(core, DemoDesk::agent, m_desk.languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WorkTabs* tabs = window.workTabs();
        QVERIFY(tabs->openTicket(ids.at(0)));
        QVERIFY(tabs->openCustomers());
        CallPanel* call = tabs->openCall(true);
        call->setCallerNumber(QStringLiteral("13800002222"));
        callKey = call->draftKey();
        QVERIFY(tabs->openTicket(ids.at(1)));
        tabs->tabBar()->moveTab(4, 1); // the agent drags the second ticket to the front
        tabs->setCurrentIndex(3); // and looks at the customer archive
        QTRY_VERIFY(drafts.load(DraftStore::agentKey(agentId, callKey)).has_value());
        // The workstation crashes: the window goes without being closed.
    }
    // Meanwhile the list names a ticket that is gone (the store was rebuilt without it, say) …
    auto list = drafts.load(DraftStore::tabsKey(agentId));
    QVERIFY(list);
    QJsonArray listed = list->body.value(QStringLiteral("tabs")).toArray();
    QCOMPARE(listed.size(), 4);
    listed.insert(0, QStringLiteral("ticket:no-such-ticket"));
    QJsonObject body = list->body;
    body.insert(QStringLiteral("tabs"), listed);
    body.insert(QStringLiteral("current"), body.value(QStringLiteral("current")).toInt() + 1);
    QVERIFY(drafts.save(DraftStore::tabsKey(agentId), body).ok());
    // … and a call's draft reached the store when the list did not (the crash fell in between).
    const QString lostKey = QStringLiteral("call:lost");
    QVERIFY(drafts
                .save(DraftStore::agentKey(agentId, lostKey),
                    QJsonObject {{QStringLiteral("mode"), QStringLiteral("call")},
                        {QStringLiteral("phone"), QStringLiteral("13800003333")},
                        {QStringLiteral("description"), QString::fromUtf8("断线前说到一半")},
                        {QStringLiteral("started_ms"), m_desk.store->clock.now().toMSecsSinceEpoch()},
                        {QStringLiteral("running"), true}})
                .ok());

    WorkstationCore core(m_desk.store->db());

    MainWindow window(core, DemoDesk::agent, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    WorkTabs* tabs = window.workTabs();
    QCOMPARE(tabs->count(), 6); // the queue, the four tabs in their order, the lost call
    auto* first = qobject_cast<TicketEditor*>(tabs->widget(1));
    auto* second = qobject_cast<TicketEditor*>(tabs->widget(2));
    QVERIFY(first && second);
    QCOMPARE(first->ticketId(), ids.at(1));
    QCOMPARE(second->ticketId(), ids.at(0));
    QVERIFY(qobject_cast<CustomerArchive*>(tabs->widget(3)));
    auto* call = qobject_cast<CallPanel*>(tabs->widget(4));
    QVERIFY(call);
    QCOMPARE(call->draftKey(), callKey);
    QCOMPARE(call->findChild<QLineEdit*>(QStringLiteral("callerPhone"))->text(), QStringLiteral("13800002222"));
    auto* lost = qobject_cast<CallPanel*>(tabs->widget(5));
    QVERIFY(lost);
    QCOMPARE(lost->draftKey(), lostKey);
    QCOMPARE(lost->findChild<QLineEdit*>(QStringLiteral("callerPhone"))->text(), QStringLiteral("13800003333"));
    QCOMPARE(tabs->currentIndex(), 3); // the customer archive, shown when it crashed
    QCOMPARE(tabs->tabText(1), first->title());

    // The list follows the tabs: the ticket that was gone is out, a closed tab goes.
    tabs->requestClose(2);
    QCOMPARE(tabs->count(), 5);
    list = drafts.load(DraftStore::tabsKey(agentId));
    QVERIFY(list);
    QCOMPARE(list->body.value(QStringLiteral("tabs")).toArray(),
        QJsonArray::fromStringList(
            {QStringLiteral("ticket:") + ids.at(1), QStringLiteral("customers"), callKey, lostKey}));
    QCOMPARE(list->body.value(QStringLiteral("current")).toInt(), 1);
}

void TestMainWindow::anotherAgentsWorkIsNotRestored()
{
    const QString ticketId = ticketIds(1).value(0);
    DraftStore drafts(m_desk.store->db());
    const QString subject = m_desk.store->tickets().find(ticketId)->subject;
    {
        WorkstationCore core(m_desk.store->db());
        MainWindow window(core, DemoDesk::agent, m_desk.languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        TicketEditor* editor = window.workTabs()->openTicket(ticketId);
        QVERIFY(editor);
        auto* field = editor->findChild<QLineEdit*>(QStringLiteral("field_subject"));
        field->setFocus();
        QTest::keyClick(field, Qt::Key_End);
        commitText(field, QString::fromUtf8("（杨帆改）"));
        window.workTabs()->openCall(true)->setCallerNumber(QStringLiteral("13800004444"));
        QTRY_VERIFY(drafts.load(DraftStore::ticketKey(DemoDesk::agent.agentId, ticketId)).has_value());
        QTRY_COMPARE(drafts.keys(DraftStore::agentKey(DemoDesk::agent.agentId, QStringLiteral("call:"))).size(), 1);
    }
    // Someone else signs in on the same workstation: none of it is theirs.
    const AgentSession other {
        QStringLiteral("a-07"), QStringLiteral("other"), Role::Agent, {QStringLiteral("g-logistics")}};
    {
        WorkstationCore core(m_desk.store->db());
        MainWindow window(core, other, m_desk.languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.workTabs()->count(), 1);
        TicketEditor* editor = window.workTabs()->openTicket(ticketId);
        QVERIFY(editor);
        QCOMPARE(editor->findChild<QLineEdit*>(QStringLiteral("field_subject"))->text(), subject);
        QVERIFY(editor->findChild<QLabel*>(QStringLiteral("draftBanner"))->isHidden());
        QVERIFY(!editor->hasUnsavedChanges());
    }
    // Back to the first agent: everything is there again.
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
    QCOMPARE(window.workTabs()->count(), 3);
    auto* editor = qobject_cast<TicketEditor*>(window.workTabs()->widget(1));
    QVERIFY(editor);
    QCOMPARE(editor->findChild<QLineEdit*>(QStringLiteral("field_subject"))->text(),
        subject + QString::fromUtf8("（杨帆改）"));
    QVERIFY(qobject_cast<CallPanel*>(window.workTabs()->widget(2)));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
