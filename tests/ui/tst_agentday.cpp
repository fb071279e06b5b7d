// An agent's day, driving the real window against a real gongdan-server (SQLite and PostgreSQL): a call
// becomes a ticket with no group chosen, is accepted, answered, noted and transferred with a note that the
// receiving group reads, and is closed there; a ticket the server refuses is shown and sent again; a
// supervisor signs in on the same workstation after her, then a field worker who works offline; then she
// again. Each step checks what the window shows and what the server holds.
#include "storage/LocalTicketWorld.h"
#include "storage/NeedsAttention.h"
#include "sync/WorkstationCore.h"
#include "tests/support/Desk.h"
#include "tests/support/InputMethod.h"
#include "tests/support/TempStore.h"
#include "ui/call/CallPanel.h"
#include "ui/main/LanguageSwitcher.h"
#include "ui/main/MainWindow.h"
#include "ui/main/WorkTabs.h"
#include "ui/sync/SyncController.h"
#include "ui/ticket/AttentionPanel.h"
#include "ui/ticket/TicketEditor.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

namespace {

template<typename T>
T* child(QWidget* root, const char* name)
{
    return root->findChild<T*>(QLatin1String(name));
}

} // namespace

class TestAgentDay : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void anAgentsDay_data() { addBackendRows(); }
    void anAgentsDay();

private:
    void signIn(MainWindow& window, const QString& login, const QString& password);
    void signOut(MainWindow& window);
    bool idle(MainWindow& window, int ms = 20000);
    /// What the server holds for the ticket ({ticket, aliases}); empty when the boss cannot see it.
    QJsonObject onServer(const QString& ticketId);
    QJsonArray commentsOnServer(const QString& ticketId);
    void restartServer();

    QTemporaryDir m_settings;
    LanguageSwitcher m_languages;
    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<ServerProcess> m_server;
    quint16 m_port = 0;
    std::unique_ptr<HttpClient> m_boss;
};

void TestAgentDay::initTestCase()
{
    if (!qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS")) {
        if (qEnvironmentVariableIsSet("GONGDAN_REQUIRE_KEYRING")) // scripts/test: the keyring must be there
            QFAIL("no D-Bus session for the keyring");
        QSKIP("no D-Bus session with a keyring (scripts/test starts one)");
    }
    QVERIFY(m_languages.switchTo(QLocale(QLocale::Chinese, QLocale::China)));
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("tst_agentday"));
}

void TestAgentDay::init()
{
    QFETCH(QString, backend);
    m_team = seededTeam(backend);
    if (!m_team->available())
        QSKIP(qPrintable(m_team->why()));
    // A supervisor of the service group besides the seeded team.
    QString output;
    QCOMPARE(runServerCommand({QStringLiteral("admin"), QStringLiteral("--database"), m_team->location(),
                                  QStringLiteral("add-user"), QStringLiteral("chen"), QStringLiteral("--name"),
                                  QStringLiteral("陈主管"), QStringLiteral("--role"), QStringLiteral("supervisor"),
                                  QStringLiteral("--groups"), QStringLiteral("service")},
                 "chen-password\n", &output),
        0);
    m_port = freePort();
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start(m_team->location(), {QStringLiteral("--port"), QString::number(m_port)}));
    m_boss = std::make_unique<HttpClient>(m_server->baseUrl());
    m_boss->setToken(
        gongdan::test::signIn(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    QSettings().clear();
}

void TestAgentDay::cleanup()
{
    if (m_server && m_server->running())
        m_server->terminate();
    m_server.reset();
    m_team.reset();
}

void TestAgentDay::restartServer()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->start(m_team->location(), {QStringLiteral("--port"), QString::number(m_port)}));
}

QJsonObject TestAgentDay::onServer(const QString& ticketId)
{
    const HttpResult found = m_boss->get(QStringLiteral("/api/v1/tickets/") + ticketId);
    return found.status == 200 ? found.body : QJsonObject();
}

QJsonArray TestAgentDay::commentsOnServer(const QString& ticketId)
{
    return m_boss->get(QStringLiteral("/api/v1/tickets/%1/comments").arg(ticketId))
        .body.value(QStringLiteral("comments"))
        .toArray();
}

bool TestAgentDay::idle(MainWindow& window, int ms)
{
    SyncEngine& engine = window.syncController().engine();
    return QTest::qWaitFor(
        [&] { return engine.state() == SyncEngine::State::Idle && engine.waiting() == 0 && !engine.storingQueue(); },
        ms);
}

void TestAgentDay::signIn(MainWindow& window, const QString& login, const QString& password)
{
    window.findChild<QAction*>(QStringLiteral("signInAction"))->trigger();
    QWidget* dialog = nullptr;
    QVERIFY(QTest::qWaitFor([&] {
        dialog = window.findChild<QWidget*>(QStringLiteral("signInDialog"));
        return dialog && dialog->isVisible();
    }));
    auto* server = child<QLineEdit>(dialog, "serverEdit");
    server->clear();
    QTest::keyClicks(server, m_server->baseUrl());
    auto* loginEdit = child<QLineEdit>(dialog, "loginEdit");
    loginEdit->clear();
    QTest::keyClicks(loginEdit, login);
    QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), password);
    QTest::keyClick(child<QLineEdit>(dialog, "passwordEdit"), Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([&] { return !window.findChild<QWidget*>(QStringLiteral("signInDialog")); }, 15000));
}

void TestAgentDay::signOut(MainWindow& window)
{
    window.findChild<QAction*>(QStringLiteral("signOutAction"))->trigger();
    QCOMPARE(window.syncController().engine().state(), SyncEngine::State::Stopped);
}

void TestAgentDay::anAgentsDay()
{
    TempStore store(QDateTime::currentDateTimeUtc());
    store.clock.set(QDateTime::currentDateTimeUtc());
    const AgentSession nobody {QStringLiteral("local"), QStringLiteral("本地"), Role::Agent, {}};
    WorkstationCore core(store.db());
    MainWindow window(core, nobody, m_languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    WorkTabs* tabs = window.workTabs();
    Desk zhang(m_server->baseUrl(), QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    zhang.start();

    // 1. li.na signs in; a call becomes a ticket, no group chosen.
    signIn(window, QStringLiteral("li.na"), QStringLiteral("agent-password"));
    QVERIFY(idle(window));
    window.findChild<QAction*>(QStringLiteral("newCallAction"))->trigger();
    auto* call = qobject_cast<CallPanel*>(tabs->currentWidget());
    QVERIFY(call);
    QTest::keyClicks(child<QLineEdit>(call, "callerPhone"), QStringLiteral("13900001111"));
    commitText(child<QPlainTextEdit>(call, "callDescription"), QStringLiteral("宽带断线，客户要求上门检查"));
    QTest::mouseClick(child<QPushButton>(call, "createTicket"), Qt::LeftButton);
    TicketEditor* editor = nullptr;
    QVERIFY(QTest::qWaitFor([&] { return (editor = qobject_cast<TicketEditor*>(tabs->currentWidget())); }, 5000));
    const QString id = editor->ticketId();
    auto* number = child<QLabel>(editor, "ticketNumber");
    QVERIFY(QTest::qWaitFor([&] { return isFinalNumber(number->text()); }, 10000)); // the final number
    QJsonObject held = onServer(id).value(QStringLiteral("ticket")).toObject();
    QCOMPARE(held.value(QStringLiteral("number")).toString(), number->text());
    QCOMPARE(held.value(QStringLiteral("group_id")).toString(), QStringLiteral("service")); // in her scope
    QCOMPARE(held.value(QStringLiteral("created_by")).toString(), window.syncController().cache().owner());

    // 2. Accepted: hers, in progress, on both sides.
    QTest::mouseClick(child<QPushButton>(editor, "action_accept"), Qt::LeftButton);
    QVERIFY(idle(window));
    held = onServer(id).value(QStringLiteral("ticket")).toObject();
    QCOMPARE(held.value(QStringLiteral("status")).toString(), QStringLiteral("in_progress"));
    QCOMPARE(held.value(QStringLiteral("assignee_id")).toString(), window.syncController().cache().owner());
    QCOMPARE(store.tickets().find(id)->assigneeId, window.syncController().cache().owner());

    // 3. A reply to the customer, then an internal note.
    auto* text = child<QPlainTextEdit>(editor, "composerText");
    commitText(text, QStringLiteral("您好，已为您安排上门检查"));
    QTest::mouseClick(child<QPushButton>(editor, "composerSend"), Qt::LeftButton);
    child<QRadioButton>(editor, "composerInternal")->setChecked(true);
    commitText(text, QStringLiteral("客户周六上午在家"));
    QTest::mouseClick(child<QPushButton>(editor, "composerSend"), Qt::LeftButton);
    QVERIFY(idle(window));
    QJsonArray talk = commentsOnServer(id);
    QCOMPARE(talk.size(), 2);
    QCOMPARE(talk.at(0).toObject().value(QStringLiteral("visibility")).toString(), QStringLiteral("public"));
    QCOMPARE(talk.at(1).toObject().value(QStringLiteral("visibility")).toString(), QStringLiteral("internal"));
    QVERIFY(
        !onServer(id).value(QStringLiteral("ticket")).toObject().value(QStringLiteral("first_response_at")).isNull());

    // 4. Transferred to field-ops with a note: zhang's desk gets the ticket and reads the note.
    QTest::mouseClick(child<QPushButton>(editor, "action_transfer"), Qt::LeftButton);
    auto* group = child<QComboBox>(editor, "transitionGroup");
    group->setCurrentIndex(group->findData(QStringLiteral("field-ops")));
    commitText(child<QPlainTextEdit>(editor, "transitionNote"), QStringLiteral("需要上门，请外勤组处理"));
    QTest::mouseClick(child<QPushButton>(editor, "transitionConfirm"), Qt::LeftButton);
    QVERIFY(idle(window));
    QVERIFY(QTest::qWaitFor([&] { return zhang.ticketIds().contains(id); }, 10000));
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QList<Comment> seen = zhang.tickets->comments(id);
            return std::any_of(seen.begin(), seen.end(),
                [](const Comment& c) { return c.body == QStringLiteral("需要上门，请外勤组处理"); });
        },
        10000));
    QCOMPARE(store.tickets().find(id)->groupId, QStringLiteral("field-ops")); // she created it: still in sight

    // 5. zhang takes it and closes it; her window shows it closed.
    QVERIFY(zhang.tickets->transition(id, {TicketAction::Accept, {}, {}, {}, {}, {}}, zhang.me));
    QVERIFY(zhang.tickets->transition(
        id, {TicketAction::Close, QStringLiteral("已上门修复"), CustomerAnswer::Satisfied, {}, {}, {}}, zhang.me));
    zhang.engine->changesQueued();
    QVERIFY(QTest::qWaitFor([&] { return store.tickets().find(id)->status == TicketStatus::Closed; }, 15000));
    // The store's own thread stored the page; the window hears of it at its next turn.
    QVERIFY(QTest::qWaitFor(
        [&] { return child<QLabel>(editor, "ticketStatus")->text().contains(QStringLiteral("已关闭")); }, 5000));
    QCOMPARE(onServer(id).value(QStringLiteral("ticket")).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("closed"));

    // 6. A refusal shown and resent: offline, she logs a call in a category the admin then switches off.
    const HttpResult category = m_boss->post(QStringLiteral("/api/v1/categories"),
        {{QStringLiteral("name_zh"), QStringLiteral("宽带")},
            {QStringLiteral("name_en"), QStringLiteral("Broadband")}});
    QCOMPARE(category.status, 201);
    const QString categoryId = category.body.value(QStringLiteral("id")).toString();
    QVERIFY(QTest::qWaitFor([&] { return store.fields().categories().value().find(categoryId); }, 10000));
    QCOMPARE(m_server->terminate(), 0);
    QVERIFY2(QTest::qWaitFor([&] { return child<QWidget>(&window, "offlineBanner")->isVisible(); }, 5000),
        qPrintable(child<QLabel>(&window, "syncLabel")->text()
            + QString::number(int(window.syncController().engine().state()))));
    window.findChild<QAction*>(QStringLiteral("newTicketAction"))->trigger();
    auto* newTicket = qobject_cast<CallPanel*>(tabs->currentWidget());
    QVERIFY(newTicket);
    auto* categories = child<QComboBox>(newTicket, "callCategory");
    categories->setCurrentIndex(categories->findData(categoryId));
    QTest::keyClicks(child<QLineEdit>(newTicket, "callerPhone"), QStringLiteral("13900002222"));
    commitText(child<QPlainTextEdit>(newTicket, "callDescription"), QStringLiteral("光猫指示灯不亮"));
    QTest::mouseClick(child<QPushButton>(newTicket, "createTicket"), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return (editor = qobject_cast<TicketEditor*>(tabs->currentWidget())); }, 5000));
    const QString refusedId = editor->ticketId();
    restartServer();
    QCOMPARE(
        m_boss->patch(QStringLiteral("/api/v1/categories/") + categoryId, {{QStringLiteral("active"), false}}).status,
        200);
    auto* attention = child<AttentionPanel>(editor, "attentionPanel");
    QVERIFY(QTest::qWaitFor([&] { return attention->isVisible(); }, 15000)); // refused: said, not deleted
    QVERIFY(store.tickets().find(refusedId));
    QVERIFY(child<QPushButton>(&window, "attentionButton")->isVisible()); // the status bar counts it
    QVERIFY(onServer(refusedId).isEmpty());
    auto* fieldCategory = child<QComboBox>(editor, "field_category_id");
    fieldCategory->setCurrentIndex(fieldCategory->findData(QString()));
    QVERIFY(editor->save());
    QTest::mouseClick(child<QPushButton>(attention, "attentionResend"), Qt::LeftButton);
    QVERIFY(idle(window));
    QVERIFY(!attention->isVisible());
    QVERIFY(!child<QPushButton>(&window, "attentionButton")->isVisible());
    QVERIFY(isFinalNumber(
        onServer(refusedId).value(QStringLiteral("ticket")).toObject().value(QStringLiteral("number")).toString()));

    // 7. Before she leaves, a note she writes offline waits for her.
    const Principal liNa = LocalTicketWorld::principalOf(store.db(), window.syncController().cache().owner());
    m_server->kill();
    QVERIFY(QTest::qWaitFor([&] { return child<QWidget>(&window, "offlineBanner")->isVisible(); }, 5000));
    QVERIFY(store.tickets().addComment(refusedId, CommentVisibility::Internal, QStringLiteral("明天再联系"), {}, liNa));
    signOut(window);
    restartServer();

    // 8. The supervisor signs in on the same workstation: her own first sync, all of the service group.
    signIn(window, QStringLiteral("chen"), QStringLiteral("chen-password"));
    QVERIFY(idle(window));
    QVERIFY(store.tickets().find(refusedId)); // the service group's, so hers to see too
    QCOMPARE(store.tickets().comments(refusedId).size(), 0); // li.na's unsent note is not hers
    QCOMPARE(Outbox(store.db()).waitingForOthers(), 1);
    QVERIFY(store.tickets().find(id)); // supervisors see every group
    signOut(window);

    // 9. The field worker, offline: creates and edits a ticket, and it is his once he is back.
    signIn(window, QStringLiteral("wang"), QStringLiteral("field-password"));
    QVERIFY(idle(window));
    QVERIFY(!store.tickets().find(refusedId)); // not assigned to him: not his to see
    m_server->kill();
    QVERIFY(QTest::qWaitFor([&] { return child<QWidget>(&window, "offlineBanner")->isVisible(); }, 5000));
    window.findChild<QAction*>(QStringLiteral("newTicketAction"))->trigger();
    auto* fieldTicket = qobject_cast<CallPanel*>(tabs->currentWidget());
    QTest::keyClicks(child<QLineEdit>(fieldTicket, "callerPhone"), QStringLiteral("13900003333"));
    commitText(child<QPlainTextEdit>(fieldTicket, "callDescription"), QStringLiteral("现场发现线路老化"));
    QTest::mouseClick(child<QPushButton>(fieldTicket, "createTicket"), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return (editor = qobject_cast<TicketEditor*>(tabs->currentWidget())); }, 5000));
    const QString fieldId = editor->ticketId();
    auto* subject = child<QLineEdit>(editor, "field_subject");
    subject->selectAll();
    commitText(subject, QStringLiteral("线路老化，需更换"));
    QVERIFY(editor->save());
    restartServer();
    QVERIFY(idle(window, 30000));
    held = onServer(fieldId).value(QStringLiteral("ticket")).toObject();
    QCOMPARE(held.value(QStringLiteral("subject")).toString(), QStringLiteral("线路老化，需更换"));
    QCOMPARE(held.value(QStringLiteral("assignee_id")).toString(), window.syncController().cache().owner());
    QVERIFY(isFinalNumber(held.value(QStringLiteral("number")).toString()));
    signOut(window);

    // 10. li.na again: her note waited for her and reaches the server.
    signIn(window, QStringLiteral("li.na"), QStringLiteral("agent-password"));
    QVERIFY(idle(window, 30000));
    QCOMPARE(Outbox(store.db()).waitingForOthers(), 0);
    talk = commentsOnServer(refusedId);
    QVERIFY(std::any_of(talk.begin(), talk.end(), [](const QJsonValue& c) {
        return c.toObject().value(QStringLiteral("body")).toString() == QStringLiteral("明天再联系");
    }));
}

QTEST_MAIN(TestAgentDay)
#include "tst_agentday.moc"
