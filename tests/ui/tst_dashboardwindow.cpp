// The supervisor dashboard window driven as a supervisor would, against a real gongdan-server, both backends
// (workflows.md §9.6): the menu entry and Ctrl+D only for supervisors and admins; the tiles fill from the server; a
// ticket created in 客服部 shows on the 待接单 tile within 2 s (T-DSH-01); red tiles over the thresholds (a 待接单 wait
// over 20 min, a breached 特急); the agent grid follows a presence change within 2 s; a minute without the server greys
// every tile with 数据已过期, and the next word from it (a heartbeat; after a reconnect, a full snapshot) brings them
// back (T-DSH-05); a tile's number opens the tickets behind it in the main window's queue. Screenshots in zh_CN and en
// go to $GONGDAN_SCREENSHOT_DIR (scripts/screenshots) or the temporary folder.
#include "models/DashboardAgentModel.h"
#include "models/DashboardModel.h"
#include "sync/DashboardFeed.h"
#include "tests/support/Desk.h"
#include "tests/support/ThrowawaySettings.h"
#include "ui/dashboard/DashboardWindow.h"
#include "ui/dashboard/StatusChart.h"
#include "ui/main/LanguageSwitcher.h"
#include "ui/main/MainWindow.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace gongdan;
using namespace gongdan::test;

class TestDashboardWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void agentsHaveNoDashboard_data() { addBackendRows(); }
    void agentsHaveNoDashboard();
    void aSupervisorWatchesTheFloor_data() { addBackendRows(); }
    void aSupervisorWatchesTheFloor();

private:
    HttpClient& as(const QString& login, const QString& password)
    {
        m_clients.push_back(std::make_unique<HttpClient>(m_fixture->baseUrl()));
        m_clients.back()->setToken(signIn(m_fixture->baseUrl(), login, password));
        return *m_clients.back();
    }
    void openWindow(const QString& login, const QString& password, const QString& name);
    QString tileText(const char* key)
    {
        return m_dashboard->findChild<QToolButton*>(QStringLiteral("tileValue_") + QLatin1String(key))->text();
    }
    QString shotPath(const QString& name) const
    {
        const QString dir = qEnvironmentVariable("GONGDAN_SCREENSHOT_DIR", QDir::tempPath());
        return QDir(dir).filePath(name);
    }

    QTemporaryDir m_settings;
    LanguageSwitcher m_languages;
    std::unique_ptr<SeededServer> m_fixture;
    std::vector<std::unique_ptr<HttpClient>> m_clients;
    std::unique_ptr<Desk> m_desk;
    AgentSession m_session;
    std::unique_ptr<MainWindow> m_window;
    DashboardWindow* m_dashboard = nullptr;
};

void TestDashboardWindow::initTestCase()
{
    useThrowawaySettings(m_settings.path(), QStringLiteral("GongdanTestDashboard"));
}

void TestDashboardWindow::init()
{
    QVERIFY(m_languages.switchTo(QLocale(QLocale::Chinese, QLocale::China)));
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
    HttpClient& boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const HttpResult chen = boss.post(QStringLiteral("/api/v1/users"),
        {{QStringLiteral("login"), QStringLiteral("chen")},
            {QStringLiteral("password"), QStringLiteral("chen-password")},
            {QStringLiteral("name"), QStringLiteral("陈主管")}, {QStringLiteral("role"), QStringLiteral("supervisor")},
            {QStringLiteral("groups"), QJsonArray {QStringLiteral("service"), QStringLiteral("field-ops")}}});
    QVERIFY2(chen.status == 201, chen.raw.constData());
}

void TestDashboardWindow::cleanup()
{
    m_dashboard = nullptr;
    m_window.reset();
    m_desk.reset();
    m_clients.clear();
    m_fixture.reset();
}

void TestDashboardWindow::openWindow(const QString& login, const QString& password, const QString& name)
{
    m_desk = std::make_unique<Desk>(m_fixture->baseUrl(), login, password);
    m_session = AgentSession {m_desk->userId, name, m_desk->me.role, m_desk->me.groupIds};
    m_window = std::make_unique<MainWindow>(*m_desk->store, m_session, m_languages);
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_desk->start();
    QVERIFY(m_desk->idle());
}

void TestDashboardWindow::agentsHaveNoDashboard()
{
    openWindow(QStringLiteral("li.na"), QStringLiteral("agent-password"), QStringLiteral("李娜"));
    auto* action = m_window->findChild<QAction*>(QStringLiteral("dashboardAction"));
    QVERIFY(action);
    QVERIFY(!action->isVisible());
    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier);
    QVERIFY(!m_window->findChild<DashboardWindow*>());
    QCOMPARE(m_window->openDashboard(), nullptr);
}

void TestDashboardWindow::aSupervisorWatchesTheFloor()
{
    HttpClient& boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    HttpClient& li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    HttpClient& zhang = as(QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    // The floor: 待接单 in both groups, some in progress, one waiting for the customer, one closed today, and a 特急
    // ticket a desk logged offline 3 hours ago, long past its due times.
    QStringList serviceIds;
    const HttpResult category = boss.post(QStringLiteral("/api/v1/categories"),
        {{QStringLiteral("name_zh"), QStringLiteral("空调维修")},
            {QStringLiteral("name_en"), QStringLiteral("AC repair")}});
    QCOMPARE(category.status, 201);
    const QString airCon = category.body.value(QStringLiteral("id")).toString();
    for (int i = 0; i < 7; ++i) {
        QJsonObject fields {{QStringLiteral("subject"), QStringLiteral("空调不制冷 %1").arg(i)},
            {QStringLiteral("group_id"), i < 5 ? QStringLiteral("service") : QStringLiteral("field-ops")},
            {QStringLiteral("priority"), i % 3 == 0 ? QStringLiteral("urgent") : QStringLiteral("normal")}};
        if (i < 4)
            fields.insert(QStringLiteral("category_id"), airCon); // 高频问题: the day's top category
        const HttpResult created = boss.post(QStringLiteral("/api/v1/tickets"), fields);
        QCOMPARE(created.status, 201);
        if (i < 5)
            serviceIds.append(created.body[QStringLiteral("ticket")][QStringLiteral("id")].toString());
    }
    const auto transition = [](HttpClient& who, const QString& id, const QJsonObject& body) {
        return who.post(QStringLiteral("/api/v1/tickets/") + id + QStringLiteral("/transitions"), body).status;
    };
    for (const QString& id : serviceIds.mid(0, 3))
        QCOMPARE(transition(li, id, {{QStringLiteral("action"), QStringLiteral("accept")}}), 200);
    QCOMPARE(transition(li, serviceIds.at(1),
                 {{QStringLiteral("action"), QStringLiteral("request_confirmation")},
                     {QStringLiteral("resolution"), QStringLiteral("已更换滤网")}}),
        200);
    QCOMPARE(transition(li, serviceIds.at(2),
                 {{QStringLiteral("action"), QStringLiteral("close")},
                     {QStringLiteral("resolution"), QStringLiteral("已修好")},
                     {QStringLiteral("answer"), QStringLiteral("satisfied")}}),
        200);
    SyncDevice desk(m_fixture->baseUrl(), boss.token());
    Ticket old = newTicket(QStringLiteral("整栋楼停电"), QStringLiteral("service"), QStringLiteral("D5W-0001"));
    old.priority = Priority::Critical;
    old.createdAt = old.updatedAt = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
    QCOMPARE(desk.push({desk.mutation(QStringLiteral("ticket.create"), old.id, createArgs(old))}).status, 200);
    for (auto [who, presence] : {std::pair {&li, QStringLiteral("online")}, std::pair {&zhang, QStringLiteral("busy")}})
        QCOMPARE(who->send("PUT", QStringLiteral("/api/v1/presence"),
                        HttpClient::jsonBytes({{QStringLiteral("presence"), presence}}))
                     .status,
            200);

    openWindow(QStringLiteral("chen"), QStringLiteral("chen-password"), QStringLiteral("陈主管"));
    auto* action = m_window->findChild<QAction*>(QStringLiteral("dashboardAction"));
    QVERIFY(action && action->isVisible());
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_D));
    QTest::keyClick(m_window.get(), Qt::Key_D, Qt::ControlModifier);
    m_dashboard = m_window->findChild<DashboardWindow*>();
    if (!m_dashboard) // a window of its own, not a child: found through the main window
        m_dashboard = m_window->openDashboard();
    QVERIFY(m_dashboard && m_dashboard->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(m_dashboard));

    // The tiles fill from the server: 7 open, 5 of them 待接单 (3 in 客服部 with the old 特急 one, 2 in 外勤组).
    QTRY_COMPARE_WITH_TIMEOUT(tileText("open"), QStringLiteral("7"), 5000);
    QCOMPARE(tileText("new"), QStringLiteral("5"));
    QCOMPARE(tileText("closed_today"), QStringLiteral("1"));
    QCOMPARE(tileText("breached"), QStringLiteral("1"));
    QVERIFY(!m_dashboard->findChild<QLabel*>(QStringLiteral("staleLabel"))->isVisible());
    // Red: the 特急 ticket is breached, and has waited 3 hours (over 20 min).
    QVERIFY(m_dashboard->findChild<QWidget*>(QStringLiteral("tile_breached"))->property("alert").toBool());
    QVERIFY(m_dashboard->findChild<QWidget*>(QStringLiteral("tile_longest_wait_s"))->property("alert").toBool());
    QVERIFY(!m_dashboard->findChild<QWidget*>(QStringLiteral("tile_open"))->property("alert").toBool());
    QCOMPARE(m_dashboard->findChild<QLabel*>(QStringLiteral("tileUpdated_open"))->text(), QStringLiteral("0 秒前更新"));
    auto* chart = m_dashboard->findChild<StatusChart*>(QStringLiteral("statusChart"));
    QCOMPARE(chart->count(QStringLiteral("service"), QStringLiteral("new")), 3);
    QCOMPARE(chart->count(QStringLiteral("service"), QStringLiteral("waiting_customer")), 1);
    QCOMPARE(chart->count(QStringLiteral("field-ops"), QStringLiteral("new")), 2);
    auto* grid = m_dashboard->findChild<QTableView*>(QStringLiteral("agentGrid"));
    QCOMPARE(grid->model()->rowCount(), 3); // li.na, zhang, wang (field staff)
    QTest::qWait(300); // the layout settles before the picture
    m_dashboard->grab().save(shotPath(QStringLiteral("dashboard-zh_CN.png")));

    // A ticket created in 客服部: 待接单 +1 within 2 s, no refresh.
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(boss.post(QStringLiteral("/api/v1/tickets"),
                     {{QStringLiteral("subject"), QStringLiteral("退货")},
                         {QStringLiteral("group_id"), QStringLiteral("service")}})
                 .status,
        201);
    QTRY_COMPARE_WITH_TIMEOUT(tileText("new"), QStringLiteral("6"), 2000);
    QVERIFY2(timer.elapsed() <= 2000, qPrintable(QString::number(timer.elapsed())));
    // The agent grid follows a presence change within 2 s.
    const auto presenceOf
        = [&](int row) { return grid->model()->index(row, DashboardAgentModel::PresenceColumn).data().toString(); };
    const auto rowOf = [&](const QString& name) {
        for (int r = 0; r < grid->model()->rowCount(); ++r)
            if (grid->model()->index(r, 0).data().toString() == name)
                return r;
        return -1;
    };
    const int liRow = rowOf(QStringLiteral("李娜"));
    QVERIFY(liRow >= 0);
    QCOMPARE(presenceOf(liRow), QStringLiteral("在线"));
    QCOMPARE(li.send("PUT", QStringLiteral("/api/v1/presence"),
                   HttpClient::jsonBytes({{QStringLiteral("presence"), QStringLiteral("away")}}))
                 .status,
        200);
    QTRY_COMPARE_WITH_TIMEOUT(presenceOf(liRow), QStringLiteral("离开"), 2000);

    // The group filter: only 外勤组's figures.
    auto* groups = m_dashboard->findChild<QComboBox*>(QStringLiteral("groupFilter"));
    QCOMPARE(groups->count(), 3);
    groups->setCurrentIndex(groups->findData(QStringLiteral("field-ops")));
    QCOMPARE(tileText("new"), QStringLiteral("2"));
    groups->setCurrentIndex(groups->findData(QStringLiteral("service")));
    QCOMPARE(tileText("new"), QStringLiteral("4"));

    // Drill-down: 待接单 of 客服部 opens those tickets in the queue.
    QVERIFY(m_desk->idle());
    QTest::mouseClick(m_dashboard->findChild<QToolButton*>(QStringLiteral("tileValue_new")), Qt::LeftButton);
    auto* queue = m_window->findChild<QTableView*>(QStringLiteral("queueTable"));
    QTRY_COMPARE_WITH_TIMEOUT(queue->model()->rowCount(), 4, 5000);
    QVERIFY2(m_window->windowTitle().contains(QStringLiteral("待接单")), qPrintable(m_window->windowTitle()));
    groups->setCurrentIndex(0);

    // 高频问题 TOP3: 空调维修 with its 4 tickets of today, by the name the desk knows; a click opens them.
    auto* top = m_dashboard->findChild<QToolButton*>(QStringLiteral("topCategory0"));
    QTRY_COMPARE_WITH_TIMEOUT(top->text(), QStringLiteral("1. 空调维修（4）"), 5000);
    QVERIFY(!m_dashboard->findChild<QToolButton*>(QStringLiteral("topCategory1"))->isEnabled());
    QTest::mouseClick(top, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(queue->model()->rowCount(), 4, 5000);
    QVERIFY2(m_window->windowTitle().contains(QStringLiteral("空调维修")), qPrintable(m_window->windowTitle()));

    // A minute without a word from the server: every tile greyed, 数据已过期; the next heartbeat brings them back.
    m_desk->clock.advanceSeconds(61);
    auto* stale = m_dashboard->findChild<QLabel*>(QStringLiteral("staleLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(stale->isVisible(), 3000);
    QCOMPARE(stale->text(), QStringLiteral("数据已过期"));
    QCOMPARE(m_dashboard->findChild<QLabel*>(QStringLiteral("tileUpdated_new"))->text(), QStringLiteral("数据已过期"));
    QVERIFY(m_dashboard->findChild<QWidget*>(QStringLiteral("tile_new"))->property("stale").toBool());
    QTRY_VERIFY_WITH_TIMEOUT(!stale->isVisible(), 15000);
    // The socket lost and back (the desk's engine stopped and started): a full snapshot again.
    QSignalSpy changed(&m_dashboard->feed(), &DashboardFeed::changed);
    m_desk->engine->stop();
    m_desk->start();
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(changed.begin(), changed.end(),
            [](const QList<QVariant>& args) { return args.at(0).toStringList().contains(QStringLiteral("groups")); }),
        10000);
    QCOMPARE(tileText("new"), QStringLiteral("6"));

    QVERIFY(m_languages.switchTo(QLocale(QLocale::English, QLocale::UnitedStates)));
    QTRY_COMPARE(m_dashboard->windowTitle(), QStringLiteral("Gongdan — Supervisor dashboard"));
    QTest::qWait(300);
    m_dashboard->grab().save(shotPath(QStringLiteral("dashboard-en.png")));
}

QTEST_MAIN(TestDashboardWindow)
#include "tst_dashboardwindow.moc"
