#include "CallPanel.h"
#include "DemoDesk.h"
#include "InputMethod.h"
#include "LanguageSwitcher.h"
#include "MainWindow.h"
#include "TempStore.h"
#include "TicketEditor.h"
#include "WorkTabs.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

/// The phone flow through the real main window: New call, the caller's number, the screen pop, and a
/// ticket created (or the call added to an open ticket) without touching the mouse.
class TestCallPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void keyboardOnlyCallCreatesTicketWithDuration();
    void unknownCallerIsAddedToTheArchive();
    void callIsAddedToAnOpenTicketInstead();
    void missingDescriptionIsShownNextToTheField();

private:
    struct Caller {
        QString customerId, name, phone;
        int tickets = 0;
    };
    /// A seeded customer with at least one open ticket.
    Caller callerWithOpenTicket();
    CallPanel* startCall(MainWindow& window);

    DemoDesk m_desk;
};

void TestCallPanel::initTestCase()
{
    QVERIFY(m_desk.prepare(QStringLiteral("GongdanTestCall"), 300));
}

void TestCallPanel::init()
{
    m_desk.store->clock.set(DemoDesk::end);
}

TestCallPanel::Caller TestCallPanel::callerWithOpenTicket()
{
    QSqlQuery query(m_desk.store->db().sql());
    query.exec(QStringLiteral(
        "SELECT c.id, c.name, (SELECT count(*) FROM ticket t2 WHERE t2.customer_id = c.id) FROM customer c "
        "WHERE c.phones <> '' AND EXISTS (SELECT 1 FROM ticket t WHERE t.customer_id = c.id "
        "AND t.status IN ('new', 'processing')) ORDER BY c.rowid LIMIT 1"));
    if (!query.next())
        return {};
    Caller caller {query.value(0).toString(), query.value(1).toString(), {}, query.value(2).toInt()};
    caller.phone = m_desk.store->customers().find(caller.customerId)->phones.value(0);
    return caller;
}

CallPanel* TestCallPanel::startCall(MainWindow& window)
{
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    return qobject_cast<CallPanel*>(window.workTabs()->currentWidget());
}

void TestCallPanel::keyboardOnlyCallCreatesTicketWithDuration()
{
    const Caller caller = callerWithOpenTicket();
    QVERIFY(!caller.phone.isEmpty());
    const QDateTime started = m_desk.store->clock.now();
    MainWindow window(m_desk.store->db(), m_desk.store->clock, DemoDesk::agent, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    CallPanel* panel = startCall(window);
    QVERIFY(panel);
    QCOMPARE(panel->objectName(), QStringLiteral("callPanel"));
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("callerPhone"));
    QTest::keyClicks(QApplication::focusWidget(), caller.phone);

    // Screen pop: the customer's card and their tickets, open ones first.
    auto* card = panel->findChild<QLabel*>(QStringLiteral("customerCard"));
    QVERIFY(card->isVisible());
    QVERIFY2(card->text().contains(caller.name), qPrintable(card->text()));
    auto* tickets = panel->findChild<QListWidget*>(QStringLiteral("customerTickets"));
    QCOMPARE(tickets->count(), std::min(30, caller.tickets));
    QVERIFY(tickets->item(0)->text().contains(QString::fromUtf8("待接单"))
        || tickets->item(0)->text().contains(QString::fromUtf8("处理中")));
    QVERIFY(!panel->findChild<QLineEdit*>(QStringLiteral("newCustomerName"))->isVisible());

    // Need type, category and urgency, then the description: Tab and arrow keys only.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("callNeedType"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("callCategory"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("callPriority"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down); // 一般 → 紧急
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("callDescription"));
    commitText(QApplication::focusWidget(), QString::fromUtf8("冰箱不制冷，要求上门"));
    const QString category = panel->findChild<QComboBox*>(QStringLiteral("callCategory"))->currentData().toString();
    QVERIFY(!category.isEmpty());

    m_desk.store->clock.advanceSeconds(95); // the call lasted 1 min 35 s
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);

    // The call's tab became the new ticket's editor.
    auto* editor = qobject_cast<TicketEditor*>(window.workTabs()->currentWidget());
    QVERIFY(editor);
    const auto ticket = m_desk.store->tickets().find(editor->ticketId());
    QVERIFY(ticket);
    QCOMPARE(ticket->customerId, caller.customerId);
    QCOMPARE(ticket->channel, Channel::Phone);
    QCOMPARE(ticket->callStartedAt, started);
    QCOMPARE(ticket->callSeconds, 95);
    QCOMPARE(ticket->description, QString::fromUtf8("冰箱不制冷，要求上门"));
    QCOMPARE(ticket->subject, QString::fromUtf8("冰箱不制冷，要求上门"));
    QCOMPARE(ticket->categoryId, category);
    QCOMPARE(ticket->priority, Priority::Urgent);
    QCOMPARE(ticket->needType, EnumText<NeedType>::all().value(1));
    QCOMPARE(window.workTabs()->count(), 2);
}

void TestCallPanel::unknownCallerIsAddedToTheArchive()
{
    MainWindow window(m_desk.store->db(), m_desk.store->clock, DemoDesk::agent, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    CallPanel* panel = startCall(window);
    QVERIFY(panel);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("139 0000 1234"));
    auto* name = panel->findChild<QLineEdit*>(QStringLiteral("newCustomerName"));
    QVERIFY(name->isVisible());
    QVERIFY(panel->findChild<QLabel*>(QStringLiteral("customerCard"))->isVisible());
    QCOMPARE(panel->findChild<QListWidget*>(QStringLiteral("customerTickets"))->count(), 0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), name);
    commitText(name, QString::fromUtf8("新客户甲"));
    panel->findChild<QPlainTextEdit*>(QStringLiteral("callDescription"))->setPlainText(QStringLiteral("问安装"));
    QTest::keyClick(name, Qt::Key_Return, Qt::ControlModifier);

    auto* editor = qobject_cast<TicketEditor*>(window.workTabs()->currentWidget());
    QVERIFY(editor);
    const auto found = m_desk.store->customers().findByPhone(QStringLiteral("13900001234"));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().name, QString::fromUtf8("新客户甲"));
    QCOMPARE(m_desk.store->tickets().find(editor->ticketId())->customerId, found.first().id);
}

void TestCallPanel::callIsAddedToAnOpenTicketInstead()
{
    const Caller caller = callerWithOpenTicket();
    MainWindow window(m_desk.store->db(), m_desk.store->clock, DemoDesk::agent, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    CallPanel* panel = startCall(window);
    QTest::keyClicks(QApplication::focusWidget(), caller.phone);
    auto* tickets = panel->findChild<QListWidget*>(QStringLiteral("customerTickets"));
    QVERIFY(tickets->count() > 0);
    tickets->setFocus();
    QTest::keyClick(tickets, Qt::Key_Home);
    QCOMPARE(tickets->currentRow(), 0);
    const QString number = tickets->item(0)->text().section(QLatin1Char(' '), 0, 0);
    const auto target = m_desk.store->tickets().findByNumber(number);
    QVERIFY(target);
    const int commentsBefore = m_desk.store->tickets().comments(target->id).size();
    m_desk.store->clock.advanceSeconds(42);
    QTest::keyClick(tickets, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);

    auto* editor = qobject_cast<TicketEditor*>(window.workTabs()->currentWidget());
    QVERIFY(editor);
    QCOMPARE(editor->ticketId(), target->id);
    const auto comments = m_desk.store->tickets().comments(target->id);
    QCOMPARE(comments.size(), commentsBefore + 1);
    QCOMPARE(comments.last().visibility, CommentVisibility::Internal);
    QVERIFY2(comments.last().body.contains(caller.phone), qPrintable(comments.last().body));
    QVERIFY(comments.last().body.contains(QStringLiteral("42")));
}

void TestCallPanel::missingDescriptionIsShownNextToTheField()
{
    MainWindow window(m_desk.store->db(), m_desk.store->clock, DemoDesk::agent, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const qint64 before = scalar(m_desk.store->db(), QStringLiteral("SELECT count(*) FROM ticket"));
    CallPanel* panel = startCall(window);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("13800000000"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    auto* error = panel->findChild<QLabel*>(QStringLiteral("callError_description"));
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("callDescription"));
    QCOMPARE(window.workTabs()->currentWidget(), panel); // nothing lost: the call stays open
    QCOMPARE(scalar(m_desk.store->db(), QStringLiteral("SELECT count(*) FROM ticket")), before);
    // Typing the description clears the message.
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("x"));
    QVERIFY(!error->isVisible());
}

QTEST_MAIN(TestCallPanel)
#include "tst_callpanel.moc"
