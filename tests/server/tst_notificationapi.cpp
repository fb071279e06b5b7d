// Notifications and escalation rules over REST on a real gongdan-server (both backends): a ticket given to li.na by
// her admin tells her (and nobody else: GET /api/v1/notifications is one's own), POST /api/v1/notifications/read
// marks them read; escalation rules are admins' and refused with the field named. On PostgreSQL two server processes
// on one database run the scheduler over the same due level: one notification, one firing.
#include "tests/support/OpenApiContract.h"
#include "tests/support/ServerHarness.h"
#include "tests/support/SyncDevice.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <tuple>

using namespace gongdan::test;

class TestNotificationApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void assignmentTellsTheAssigneeOnly_data() { addBackendRows(); }
    void assignmentTellsTheAssigneeOnly();
    void mentionTellsWhoMayRead_data() { addBackendRows(); }
    void mentionTellsWhoMayRead();
    void rulesAreAdminsAndNamedFields_data() { addBackendRows(); }
    void rulesAreAdminsAndNamedFields();
    void twoServersFireALevelOnce();

private:
    HttpClient* as(const QString& baseUrl, const QString& login, const QString& password);
    /// The admin, 李娜 of 客服部 (and her id) and 张伟 of 外勤组, each signed in.
    std::tuple<HttpClient*, HttpClient*, HttpClient*, QString> signInThree(const QString& baseUrl);
    std::optional<OpenApiContract> m_contract = OpenApiContract::load();
    std::vector<std::unique_ptr<HttpClient>> m_clients;
};

void TestNotificationApi::cleanup()
{
    QStringList violations;
    for (const auto& client : m_clients)
        violations += client->contractViolations();
    m_clients.clear();
    QVERIFY2(m_contract, "docs/api/openapi.yaml could not be read");
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

HttpClient* TestNotificationApi::as(const QString& baseUrl, const QString& login, const QString& password)
{
    auto http = std::make_unique<HttpClient>(baseUrl);
    http->setToken(signIn(baseUrl, login, password));
    http->holdTo(m_contract ? &*m_contract : nullptr);
    m_clients.push_back(std::move(http));
    return m_clients.back().get();
}

std::tuple<HttpClient*, HttpClient*, HttpClient*, QString> TestNotificationApi::signInThree(const QString& baseUrl)
{
    HttpClient* boss = as(baseUrl, QStringLiteral("boss"), QStringLiteral("boss-password"));
    HttpClient* li = as(baseUrl, QStringLiteral("li.na"), QStringLiteral("agent-password"));
    HttpClient* zhang = as(baseUrl, QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    return {boss, li, zhang, li->get(QStringLiteral("/api/v1/me")).body.value(QStringLiteral("id")).toString()};
}

void TestNotificationApi::assignmentTellsTheAssigneeOnly()
{
    QFETCH(QString, backend);
    SeededServer fixture(backend);
    if (const QString why = fixture.skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(fixture.start(), qPrintable(fixture.server().lastLog()));
    const auto [boss, li, zhang, liId] = signInThree(fixture.baseUrl());
    QVERIFY(!liId.isEmpty());

    // li.na takes a ticket herself: nothing to tell her.
    HttpResult own = li->post(QStringLiteral("/api/v1/tickets"),
        {{QStringLiteral("subject"), QStringLiteral("自己的工单")},
            {QStringLiteral("group_id"), QStringLiteral("service")}, {QStringLiteral("assignee_id"), liId}});
    QCOMPARE(own.status, 201);
    QCOMPARE(
        li->get(QStringLiteral("/api/v1/notifications")).body.value(QStringLiteral("notifications")).toArray().size(),
        0);

    const HttpResult created = boss->post(QStringLiteral("/api/v1/tickets"),
        {{QStringLiteral("subject"), QStringLiteral("打印机卡纸")},
            {QStringLiteral("group_id"), QStringLiteral("service")}, {QStringLiteral("assignee_id"), liId}});
    QCOMPARE(created.status, 201);
    const QJsonObject ticket = created.body.value(QStringLiteral("ticket")).toObject();
    const HttpResult mine = li->get(QStringLiteral("/api/v1/notifications"));
    QCOMPARE(mine.status, 200);
    const QJsonArray list = mine.body.value(QStringLiteral("notifications")).toArray();
    QCOMPARE(list.size(), 1);
    const QJsonObject n = list.first().toObject();
    QCOMPARE(n.value(QStringLiteral("type")).toString(), QStringLiteral("assigned"));
    QCOMPARE(n.value(QStringLiteral("ticket_id")).toString(), ticket.value(QStringLiteral("id")).toString());
    QCOMPARE(n.value(QStringLiteral("ticket_number")).toString(), ticket.value(QStringLiteral("number")).toString());
    QVERIFY(n.value(QStringLiteral("read_at")).isNull());
    QCOMPARE(zhang->get(QStringLiteral("/api/v1/notifications"))
                 .body.value(QStringLiteral("notifications"))
                 .toArray()
                 .size(),
        0); // one's own only
    QCOMPARE(
        boss->get(QStringLiteral("/api/v1/notifications")).body.value(QStringLiteral("notifications")).toArray().size(),
        0);

    // Marking read: another user's ids change nothing; one's own "all" does.
    QCOMPARE(zhang
                 ->post(QStringLiteral("/api/v1/notifications/read"),
                     {{QStringLiteral("ids"), QJsonArray {n.value(QStringLiteral("id"))}}})
                 .body.value(QStringLiteral("read"))
                 .toArray()
                 .size(),
        0);
    QCOMPARE(li->post(QStringLiteral("/api/v1/notifications/read"), {}).status, 400); // name what to mark
    QCOMPARE(
        li->post(QStringLiteral("/api/v1/notifications/read"), {{QStringLiteral("everything"), true}}).status, 400);
    const HttpResult read = li->post(QStringLiteral("/api/v1/notifications/read"), {{QStringLiteral("all"), true}});
    QCOMPARE(read.status, 200);
    QCOMPARE(read.body.value(QStringLiteral("read")).toArray(), QJsonArray {n.value(QStringLiteral("id"))});
    QCOMPARE(li->get(QStringLiteral("/api/v1/notifications?unread=true"))
                 .body.value(QStringLiteral("notifications"))
                 .toArray()
                 .size(),
        0);
    QVERIFY(!li->get(QStringLiteral("/api/v1/notifications"))
                 .body.value(QStringLiteral("notifications"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("read_at"))
                 .isNull());
}

void TestNotificationApi::mentionTellsWhoMayRead()
{
    // §9.7: an @mention tells the person named if they may read the ticket (张伟 of 外勤组 may not; the author is
    // not told of their own mention); opening the ticket reads its other notifications but never the mention.
    QFETCH(QString, backend);
    SeededServer fixture(backend);
    if (const QString why = fixture.skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(fixture.start(), qPrintable(fixture.server().lastLog()));
    const auto [boss, li, zhang, liId] = signInThree(fixture.baseUrl());
    const HttpResult created = boss->post(QStringLiteral("/api/v1/tickets"),
        {{QStringLiteral("subject"), QStringLiteral("空调不制冷")},
            {QStringLiteral("group_id"), QStringLiteral("service")}, {QStringLiteral("assignee_id"), liId}});
    QCOMPARE(created.status, 201);
    const QJsonObject ticket = created.body.value(QStringLiteral("ticket")).toObject();
    const QString ticketId = ticket.value(QStringLiteral("id")).toString();
    const HttpResult comment = boss->post(
        QStringLiteral("/api/v1/tickets/%1/comments").arg(ticket.value(QStringLiteral("number")).toString()),
        {{QStringLiteral("body"), QString::fromUtf8("@李娜请今天回电客户，@zhang 也看看，@王经理 备忘")},
            {QStringLiteral("visibility"), QStringLiteral("internal")}});
    QCOMPARE(comment.status, 201);
    const auto listOf = [](HttpClient* who) {
        return who->get(QStringLiteral("/api/v1/notifications")).body.value(QStringLiteral("notifications")).toArray();
    };
    const QJsonArray lis = listOf(li);
    QCOMPARE(lis.size(), 2); // assigned, then the mention
    QJsonObject mention;
    for (const QJsonValue& n : lis) {
        if (n.toObject().value(QStringLiteral("type")).toString() == QLatin1String("mention"))
            mention = n.toObject();
    }
    QCOMPARE(mention.value(QStringLiteral("ticket_id")).toString(), ticketId);
    QVERIFY(mention.value(QStringLiteral("text")).toString().contains(QString::fromUtf8("请今天回电客户")));
    QCOMPARE(listOf(zhang).size(), 0);
    QCOMPARE(listOf(boss).size(), 0);
    // Opening the ticket: the assignment is read, the mention stays unread until it is read where it is shown.
    const HttpResult opened
        = li->post(QStringLiteral("/api/v1/notifications/read"), {{QStringLiteral("ticket_id"), ticketId}});
    QCOMPARE(opened.status, 200);
    QCOMPARE(opened.body.value(QStringLiteral("read")).toArray().size(), 1);
    const QJsonArray unread = li->get(QStringLiteral("/api/v1/notifications?unread=true"))
                                  .body.value(QStringLiteral("notifications"))
                                  .toArray();
    QCOMPARE(unread.size(), 1);
    QCOMPARE(unread.first().toObject().value(QStringLiteral("type")).toString(), QStringLiteral("mention"));
    const HttpResult byId = li->post(QStringLiteral("/api/v1/notifications/read"),
        {{QStringLiteral("ids"), QJsonArray {mention.value(QStringLiteral("id"))}}});
    QCOMPARE(byId.body.value(QStringLiteral("read")).toArray().size(), 1);
}

void TestNotificationApi::rulesAreAdminsAndNamedFields()
{
    QFETCH(QString, backend);
    SeededServer fixture(backend);
    if (const QString why = fixture.skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(fixture.start(), qPrintable(fixture.server().lastLog()));
    HttpClient* boss = as(fixture.baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    HttpClient* li = as(fixture.baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const auto rule = [](const QJsonValue& audience, const QJsonObject& actions = {}) {
        return QJsonObject {{QStringLiteral("name"), QStringLiteral("首次响应超时")},
            {QStringLiteral("metric"), QStringLiteral("first_response")},
            {QStringLiteral("levels"),
                QJsonArray {QJsonObject {{QStringLiteral("level"), 1}, {QStringLiteral("offset_min"), 0},
                    {QStringLiteral("audience"), audience}, {QStringLiteral("actions"), actions}}}}};
    };
    const QJsonArray supervisor {QStringLiteral("supervisor")};
    QCOMPARE(li->post(QStringLiteral("/api/v1/escalation-rules"), rule(supervisor)).status, 403);
    const HttpResult badAudience
        = boss->post(QStringLiteral("/api/v1/escalation-rules"), rule(QJsonArray {QStringLiteral("everyone")}));
    QCOMPARE(badAudience.status, 400);
    QCOMPARE(badAudience.body.value(QStringLiteral("field")).toString(), QStringLiteral("levels[0].audience"));
    const HttpResult badAction = boss->post(QStringLiteral("/api/v1/escalation-rules"),
        rule(supervisor, {{QStringLiteral("group_id"), QStringLiteral("")}}));
    QCOMPARE(badAction.status, 400);
    QCOMPARE(badAction.body.value(QStringLiteral("field")).toString(), QStringLiteral("levels[0].actions.group_id"));
    const HttpResult made = boss->post(QStringLiteral("/api/v1/escalation-rules"),
        rule(supervisor, {{QStringLiteral("priority"), QStringLiteral("urgent")}}));
    QCOMPARE(made.status, 201);
    const QString id = made.body.value(QStringLiteral("id")).toString();
    QCOMPARE(li->get(QStringLiteral("/api/v1/escalation-rules"))
                 .body.value(QStringLiteral("escalation_rules"))
                 .toArray()
                 .size(),
        1);
    const HttpResult changed = boss->patch(
        QStringLiteral("/api/v1/escalation-rules/") + id, {{QStringLiteral("metric"), QStringLiteral("resolution")}});
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.body.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(changed.body.value(QStringLiteral("metric")).toString(), QStringLiteral("resolution"));
}

void TestNotificationApi::twoServersFireALevelOnce()
{
    auto team = seededTeam(QStringLiteral("postgresql"));
    if (!team->available())
        QFAIL(qPrintable(team->why()));
    QString baseUrl;
    {
        ServerProcess setup;
        QVERIFY2(setup.start(team->location()), qPrintable(setup.lastLog()));
        HttpClient* boss = as(setup.baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
        HttpClient* li = as(setup.baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
        QCOMPARE(boss->post(QStringLiteral("/api/v1/sla-policies"),
                         {{QStringLiteral("name"), QStringLiteral("std")},
                             {QStringLiteral("targets"),
                                 QJsonObject {{QStringLiteral("normal"),
                                     QJsonObject {{QStringLiteral("first_response"), 60},
                                         {QStringLiteral("resolution"), 480}}}}}})
                     .status,
            201);
        // A warning 60 minutes before a 60-minute first response: due the moment a ticket is made.
        QCOMPARE(
            boss->post(QStringLiteral("/api/v1/escalation-rules"),
                    {{QStringLiteral("metric"), QStringLiteral("first_response")},
                        {QStringLiteral("levels"),
                            QJsonArray {QJsonObject {{QStringLiteral("level"), 1}, {QStringLiteral("offset_min"), -60},
                                {QStringLiteral("audience"), QJsonArray {QStringLiteral("manager")}}}}}})
                .status,
            201);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(li->post(QStringLiteral("/api/v1/tickets"),
                           {{QStringLiteral("subject"), QStringLiteral("工单 %1").arg(i)},
                               {QStringLiteral("group_id"), QStringLiteral("service")}})
                         .status,
                201);
        m_clients.clear();
        QCOMPARE(setup.terminate(), 0);
    }
    // Both start at once: each ticks at start-up over the same five due levels.
    ServerProcess first;
    ServerProcess second;
    QVERIFY2(first.start(team->location()), qPrintable(first.lastLog()));
    QVERIFY2(second.start(team->location()), qPrintable(second.lastLog()));
    HttpClient* boss = as(first.baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    QTRY_COMPARE_WITH_TIMEOUT(
        boss->get(QStringLiteral("/api/v1/notifications")).body.value(QStringLiteral("notifications")).toArray().size(),
        5, 20000);
    QTest::qWait(2000); // the slower process has ticked too by now
    QCOMPARE(
        boss->get(QStringLiteral("/api/v1/notifications")).body.value(QStringLiteral("notifications")).toArray().size(),
        5);
    HttpClient* again = as(second.baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    QCOMPARE(again->get(QStringLiteral("/api/v1/notifications"))
                 .body.value(QStringLiteral("notifications"))
                 .toArray()
                 .size(),
        5);
    first.terminate();
    second.terminate();
}

QTEST_GUILESS_MAIN(TestNotificationApi)
#include "tst_notificationapi.moc"
