#include "storage/DraftStore.h"
#include "sync/WorkstationCore.h"
#include "tests/support/DemoDesk.h"
#include "tests/support/InputMethod.h"
#include "tests/support/TempStore.h"
#include "ui/call/CallPanel.h"
#include "ui/main/LanguageSwitcher.h"
#include "ui/main/MainWindow.h"
#include "ui/main/WorkTabs.h"
#include "ui/ticket/TicketEditor.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

/// The phone flow through the real main window: New call, the caller's number, the screen pop, and a
/// ticket created (or the call added to an open ticket) without touching the mouse; what was typed survives
/// a crash and comes back with the call timer running on.
class TestCallPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void keyboardOnlyCallCreatesTicketWithDuration();
    void unknownCallerIsAddedToTheArchive();
    void callIsAddedToAnOpenTicketInstead();
    void missingDescriptionIsShownNextToTheField();
    void lettersInTheNumberAreSaidAndNothingJumps();
    void callNotesSurviveACrash();
    void discardingACallForgetsItsDraft();

private:
    struct Caller {
        QString customerId, name, phone;
        int tickets = 0;
    };
    /// A seeded customer with at least one open ticket.
    Caller callerWithOpenTicket();
    CallPanel* startCall(MainWindow& window);
    /// The keys of the agent's call drafts in the store.
    QStringList callDrafts();

    DemoDesk m_desk;
};

void TestCallPanel::initTestCase()
{
    QVERIFY(m_desk.prepare(QStringLiteral("GongdanTestCall"), 300));
}

void TestCallPanel::init()
{
    m_desk.store->clock.set(DemoDesk::end);
    QVERIFY(m_desk.forgetOpenWork());
}

QStringList TestCallPanel::callDrafts()
{
    return DraftStore(m_desk.store->db()).keys(DraftStore::agentKey(DemoDesk::agent.agentId, QStringLiteral("call:")));
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
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
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
    QCOMPARE(ticket->firstResponseAt, ticket->createdAt); // the answered call was the first response
    QCOMPARE(ticket->description, QString::fromUtf8("冰箱不制冷，要求上门"));
    QCOMPARE(ticket->subject, QString::fromUtf8("冰箱不制冷，要求上门"));
    QCOMPARE(ticket->categoryId, category);
    QCOMPARE(ticket->priority, Priority::Urgent);
    QCOMPARE(ticket->needType, EnumText<NeedType>::all().value(1));
    QCOMPARE(window.workTabs()->count(), 2);
    QVERIFY(callDrafts().isEmpty()); // the call's notes are the ticket now
}

void TestCallPanel::unknownCallerIsAddedToTheArchive()
{
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
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
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
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
    QVERIFY(callDrafts().isEmpty());
}

void TestCallPanel::missingDescriptionIsShownNextToTheField()
{
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
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

void TestCallPanel::lettersInTheNumberAreSaidAndNothingJumps()
{
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const qint64 before = scalar(m_desk.store->db(), QStringLiteral("SELECT count(*) FROM ticket"));
    CallPanel* panel = startCall(window);
    auto* description = panel->findChild<QPlainTextEdit*>(QStringLiteral("callDescription"));
    auto* card = panel->findChild<QLabel*>(QStringLiteral("customerCard"));
    // The card keeps its place from the start: typing the number moves none of the fields below it.
    QVERIFY(card->isVisible());
    QVERIFY(!card->text().isEmpty());
    const int descriptionTop = description->mapTo(panel, QPoint(0, 0)).y();
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("139 0000"));
    QTest::qWait(20);
    QCOMPARE(description->mapTo(panel, QPoint(0, 0)).y(), descriptionTop);

    // A letter in the number is said at once, next to the number; creating is refused and nothing is lost.
    auto* error = panel->findChild<QLabel*>(QStringLiteral("callError_phone"));
    QVERIFY(!error->isVisible());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("12a4"));
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    description->setFocus();
    QTest::keyClicks(description, QStringLiteral("printer jams"));
    QTest::keyClick(description, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("callerPhone"));
    QCOMPARE(scalar(m_desk.store->db(), QStringLiteral("SELECT count(*) FROM ticket")), before);
    QCOMPARE(description->toPlainText(), QStringLiteral("printer jams"));
    // Corrected, the message goes.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backspace); // the 4
    QVERIFY(error->isVisible());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backspace); // the a
    QVERIFY(!error->isVisible());
}

void TestCallPanel::callNotesSurviveACrash()
{
    // Two customers share a number: the agent picks the second.
    Customer first, second;
    first.name = QString::fromUtf8("周大伟");
    second.name = QString::fromUtf8("周小伟");
    first.phones = second.phones = QStringList {QStringLiteral("139 7777 0001")};
    QVERIFY(m_desk.store->customers().save(first).ok());
    const auto saved = m_desk.store->customers().save(second);
    QVERIFY(saved.ok());
    const QString secondId = saved.value().id;

    auto window = std::make_unique<MainWindow>(m_desk.core(), DemoDesk::agent, m_desk.languages);
    window->show();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));

    // A call that is hung up after 40 s, the second customer chosen.
    CallPanel* hungUp = startCall(*window);
    QVERIFY(hungUp);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("13977770001"));
    auto* choice = hungUp->findChild<QComboBox*>(QStringLiteral("customerChoice"));
    QCOMPARE(choice->count(), 2);
    choice->setCurrentIndex(choice->findData(secondId));
    hungUp->findChild<QPlainTextEdit*>(QStringLiteral("callDescription"))->setPlainText(QString::fromUtf8("问保修期"));
    m_desk.store->clock.advanceSeconds(40);
    QTest::mouseClick(hungUp->findChild<QPushButton*>(QStringLiteral("callHangUp")), Qt::LeftButton);
    QCOMPARE(hungUp->callSeconds(), 40);

    // A call still running from an unknown number, every field filled in.
    const QDateTime runningStart = m_desk.store->clock.now();
    CallPanel* running = startCall(*window);
    QVERIFY(running);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("139 0000 5678"));
    commitText(running->findChild<QLineEdit*>(QStringLiteral("newCustomerName")), QString::fromUtf8("新客户乙"));
    struct Choice {
        const char* name;
        int index;
        QString key;
    };
    QList<Choice> choices {{"callNeedType", 2, {}}, {"callCategory", 3, {}}, {"callPriority", 2, {}}};
    for (Choice& c : choices) {
        auto* combo = running->findChild<QComboBox*>(QLatin1String(c.name));
        combo->setCurrentIndex(c.index);
        c.key = combo->currentData().toString();
        QVERIFY(!c.key.isEmpty());
    }
    commitText(running->findChild<QLineEdit*>(QStringLiteral("callSubject")), QString::fromUtf8("洗碗机报错 E4"));
    commitText(running->findChild<QPlainTextEdit*>(QStringLiteral("callDescription")), QString::fromUtf8("开机即报错"));

    // A ticket without a call, from another channel.
    QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    auto* noCall = qobject_cast<CallPanel*>(window->workTabs()->currentWidget());
    QVERIFY(noCall && noCall->mode() == CallPanel::Mode::Ticket);
    auto* channel = noCall->findChild<QComboBox*>(QStringLiteral("callChannel"));
    channel->setCurrentIndex(2);
    const QString channelKey = channel->currentData().toString();
    noCall->findChild<QPlainTextEdit*>(QStringLiteral("callDescription"))->setPlainText(QStringLiteral("via e-mail"));

    const QStringList keys {hungUp->draftKey(), running->draftKey(), noCall->draftKey()};
    QTRY_COMPARE(callDrafts().size(), 3); // kept 500 ms after the last edit
    // The workstation dies without asking anything; 100 s later it starts again.
    window.reset();
    m_desk.store->clock.advanceSeconds(100);
    window = std::make_unique<MainWindow>(m_desk.core(), DemoDesk::agent, m_desk.languages);
    window->show();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));

    QHash<QString, CallPanel*> restored;
    for (int i = 0; i < window->workTabs()->count(); ++i) {
        if (auto* panel = qobject_cast<CallPanel*>(window->workTabs()->widget(i)))
            restored.insert(panel->draftKey(), panel);
    }
    QCOMPARE(restored.size(), 3);
    for (CallPanel* panel : std::as_const(restored)) {
        auto* banner = panel->findChild<QLabel*>(QStringLiteral("callDraftBanner"));
        QVERIFY(banner && !banner->isHidden());
        QVERIFY(!banner->text().isEmpty());
        QVERIFY(panel->hasUnsavedChanges());
    }

    CallPanel* again = restored.value(keys.at(0));
    QVERIFY(again && again->mode() == CallPanel::Mode::PhoneCall);
    QCOMPARE(again->findChild<QLineEdit*>(QStringLiteral("callerPhone"))->text(), QStringLiteral("13977770001"));
    QCOMPARE(again->findChild<QComboBox*>(QStringLiteral("customerChoice"))->currentData().toString(), secondId);
    QCOMPARE(again->callSeconds(), 40); // hung up: the duration stays
    QVERIFY(!again->isCallRunning());
    QVERIFY(!again->findChild<QPushButton*>(QStringLiteral("callHangUp"))->isEnabled());

    again = restored.value(keys.at(1));
    QVERIFY(again && again->mode() == CallPanel::Mode::PhoneCall);
    QCOMPARE(again->findChild<QLineEdit*>(QStringLiteral("callerPhone"))->text(), QStringLiteral("139 0000 5678"));
    QCOMPARE(again->findChild<QLineEdit*>(QStringLiteral("newCustomerName"))->text(), QString::fromUtf8("新客户乙"));
    for (const Choice& c : std::as_const(choices))
        QCOMPARE(again->findChild<QComboBox*>(QLatin1String(c.name))->currentData().toString(), c.key);
    QCOMPARE(again->findChild<QLineEdit*>(QStringLiteral("callSubject"))->text(), QString::fromUtf8("洗碗机报错 E4"));
    QCOMPARE(again->findChild<QPlainTextEdit*>(QStringLiteral("callDescription"))->toPlainText(),
        QString::fromUtf8("开机即报错"));
    QVERIFY(again->isCallRunning());
    QCOMPARE(again->callSeconds(), 100); // the timer runs on from the call's start, crash included
    m_desk.store->clock.advanceSeconds(5);
    window->workTabs()->setCurrentWidget(again);
    auto* timer = again->findChild<QLabel*>(QStringLiteral("callTimer"));
    QTRY_VERIFY2(timer->text().contains(QStringLiteral("01:45")), qPrintable(timer->text()));

    CallPanel* ticket = restored.value(keys.at(2));
    QVERIFY(ticket && ticket->mode() == CallPanel::Mode::Ticket);
    QCOMPARE(ticket->findChild<QComboBox*>(QStringLiteral("callChannel"))->currentData().toString(), channelKey);
    QCOMPARE(ticket->findChild<QPlainTextEdit*>(QStringLiteral("callDescription"))->toPlainText(),
        QStringLiteral("via e-mail"));

    // The restored call becomes a ticket with its real start and duration; its draft goes.
    again->findChild<QPlainTextEdit*>(QStringLiteral("callDescription"))->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    auto* editor = qobject_cast<TicketEditor*>(window->workTabs()->currentWidget());
    QVERIFY(editor);
    const auto created = m_desk.store->tickets().find(editor->ticketId());
    QVERIFY(created);
    QCOMPARE(created->callStartedAt, runningStart);
    QCOMPARE(created->callSeconds, 105);
    QCOMPARE(created->subject, QString::fromUtf8("洗碗机报错 E4"));
    QCOMPARE(created->contactName, QString::fromUtf8("新客户乙"));
    QCOMPARE(created->priority, EnumText<Priority>::fromKey(choices.at(2).key).value());
    QVERIFY(!callDrafts().contains(DraftStore::agentKey(DemoDesk::agent.agentId, keys.at(1))));
    QCOMPARE(callDrafts().size(), 2);
}

void TestCallPanel::discardingACallForgetsItsDraft()
{
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    CallPanel* panel = startCall(window);
    QVERIFY(panel);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("13800001111"));
    QTRY_COMPARE(callDrafts().size(), 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_W, Qt::ControlModifier);
    QMessageBox* question = nullptr;
    QTRY_VERIFY(
        (question = window.findChild<QMessageBox*>(QStringLiteral("unsavedQuestion"))) && question->isVisible());
    QTest::mouseClick(question->button(QMessageBox::Discard), Qt::LeftButton);
    QTRY_COMPARE(window.workTabs()->count(), 1);
    QVERIFY(callDrafts().isEmpty());

    // A call with nothing typed keeps no draft, and closes without asking.
    panel = startCall(window);
    QVERIFY(!panel->hasUnsavedChanges());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_W, Qt::ControlModifier);
    QTRY_COMPARE(window.workTabs()->count(), 1);
    QVERIFY(callDrafts().isEmpty());
}

QTEST_MAIN(TestCallPanel)
#include "tst_callpanel.moc"
