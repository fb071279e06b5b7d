// Dispatch over REST on a real gongdan-server, both backends: presence (one's own; another's only by supervisors and
// admins, audited), dispatch settings as team records (admins and supervisors; one per group), and the whole loop on
// the server's own clock and triggers: an agent online, a ticket pushed into the group → offered to them within 2 s
// with the explanation in its events, accepted with 确认接收. Every answer is held to docs/api/openapi.yaml.
#include "tests/support/OpenApiContract.h"
#include "tests/support/ServerHarness.h"
#include "tests/support/SyncDevice.h"

#include <QJsonArray>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

class TestDispatchApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void presenceAndSettings_data() { addBackendRows(); }
    void presenceAndSettings();
    void pushedTicketIsOfferedAndAccepted_data() { addBackendRows(); }
    void pushedTicketIsOfferedAndAccepted();

private:
    std::unique_ptr<HttpClient> as(const QString& login, const QString& password);
    HttpResult put(HttpClient& client, const QJsonObject& body)
    {
        return client.send("PUT", QStringLiteral("/api/v1/presence"), HttpClient::jsonBytes(body));
    }

    std::unique_ptr<SeededServer> m_fixture;
    std::optional<OpenApiContract> m_contract = OpenApiContract::load();
};

void TestDispatchApi::init()
{
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
}

void TestDispatchApi::cleanup()
{
    m_fixture.reset();
}

std::unique_ptr<HttpClient> TestDispatchApi::as(const QString& login, const QString& password)
{
    auto http = std::make_unique<HttpClient>(m_fixture->baseUrl());
    http->setToken(signIn(m_fixture->baseUrl(), login, password));
    http->holdTo(m_contract ? &*m_contract : nullptr);
    return http;
}

void TestDispatchApi::presenceAndSettings()
{
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    auto zhang = as(QStringLiteral("zhang"), QStringLiteral("zhang-password"));

    HttpResult answer = put(*li, {{QStringLiteral("presence"), QStringLiteral("online")}});
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(QStringLiteral("presence")).toString(), QStringLiteral("online"));
    const QString liId = answer.body.value(QStringLiteral("user_id")).toString();
    QCOMPARE(answer.body.value(QStringLiteral("changed_by")).toString(), liId);
    QCOMPARE(
        put(*li, {{QStringLiteral("presence"), QStringLiteral("asleep")}}).code(), QStringLiteral("presence.invalid"));
    // Another person's presence: not for an agent; a supervisor or admin may, and it is audited.
    const QString zhangId = put(*zhang, {{QStringLiteral("presence"), QStringLiteral("away")}})
                                .body.value(QStringLiteral("user_id"))
                                .toString();
    answer = put(*li, {{QStringLiteral("presence"), QStringLiteral("online")}, {QStringLiteral("user_id"), zhangId}});
    QCOMPARE(answer.status, 403);
    answer = put(*boss, {{QStringLiteral("presence"), QStringLiteral("busy")}, {QStringLiteral("user_id"), liId}});
    QCOMPARE(answer.status, 200);
    QCOMPARE(put(*boss,
                 {{QStringLiteral("presence"), QStringLiteral("busy")},
                     {QStringLiteral("user_id"), QStringLiteral("nobody")}})
                 .status,
        404);
    const QJsonArray all = li->get(QStringLiteral("/api/v1/presence")).body.value(QStringLiteral("presence")).toArray();
    QCOMPARE(all.size(), 2);
    bool seen = false;
    for (const QJsonValue& v : all) {
        if (v.toObject().value(QStringLiteral("user_id")).toString() == liId) {
            QCOMPARE(v.toObject().value(QStringLiteral("presence")).toString(), QStringLiteral("busy"));
            seen = true;
        }
    }
    QVERIFY(seen);
    const QJsonArray audited = boss->get(QStringLiteral("/api/v1/audit?kind=presence_change"))
                                   .body.value(QStringLiteral("entries"))
                                   .toArray();
    QCOMPARE(audited.size(), 1);
    QCOMPARE(audited.at(0).toObject().value(QStringLiteral("detail")).toObject().value(QStringLiteral("to")).toString(),
        QStringLiteral("busy"));

    // Dispatch settings: admins and supervisors only, one record per group, each field checked.
    const QJsonObject setting {{QStringLiteral("group_id"), QStringLiteral("service")}, {QStringLiteral("capacity"), 2},
        {QStringLiteral("strategy"), QStringLiteral("round_robin")}};
    QCOMPARE(li->post(QStringLiteral("/api/v1/dispatch-settings"), setting).status, 403);
    answer = boss->post(QStringLiteral("/api/v1/dispatch-settings"), setting);
    QCOMPARE(answer.status, 201);
    const QString id = answer.body.value(QStringLiteral("id")).toString();
    QCOMPARE(answer.body.value(QStringLiteral("accept_timeout_min")).toInt(), 5); // the defaults filled in
    QCOMPARE(boss->post(QStringLiteral("/api/v1/dispatch-settings"), setting).status, 409);
    answer = boss->patch(QStringLiteral("/api/v1/dispatch-settings/") + id, {{QStringLiteral("capacity"), 0}});
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.body.value(QStringLiteral("field")).toString(), QStringLiteral("capacity"));
    answer = boss->patch(QStringLiteral("/api/v1/dispatch-settings/") + id, {{QStringLiteral("capacity"), 3}});
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(li->get(QStringLiteral("/api/v1/dispatch-settings"))
                 .body.value(QStringLiteral("dispatch_settings"))
                 .toArray()
                 .size(),
        1);
    // A supervisor runs the dispatch of their own groups only: not another group's, nor theirs moved to another.
    QCOMPARE(
        boss->post(QStringLiteral("/api/v1/users"),
                {{QStringLiteral("login"), QStringLiteral("chen")}, {QStringLiteral("name"), QStringLiteral("陈主管")},
                    {QStringLiteral("role"), QStringLiteral("supervisor")},
                    {QStringLiteral("password"), QStringLiteral("supervisor-password")},
                    {QStringLiteral("groups"), QJsonArray {QStringLiteral("service")}}})
            .status,
        201);
    auto chen = as(QStringLiteral("chen"), QStringLiteral("supervisor-password"));
    answer = chen->post(QStringLiteral("/api/v1/dispatch-settings"),
        {{QStringLiteral("group_id"), QStringLiteral("field-ops")}, {QStringLiteral("capacity"), 4}});
    QCOMPARE(answer.status, 403);
    QCOMPARE(answer.body.value(QStringLiteral("field")).toString(), QStringLiteral("group_id"));
    answer = boss->post(QStringLiteral("/api/v1/dispatch-settings"),
        {{QStringLiteral("group_id"), QStringLiteral("field-ops")}, {QStringLiteral("capacity"), 4}});
    QCOMPARE(answer.status, 201);
    const QString fieldOps = answer.body.value(QStringLiteral("id")).toString();
    QCOMPARE(
        chen->patch(QStringLiteral("/api/v1/dispatch-settings/") + fieldOps, {{QStringLiteral("capacity"), 9}}).status,
        403);
    QCOMPARE(chen->patch(QStringLiteral("/api/v1/dispatch-settings/") + id,
                     {{QStringLiteral("group_id"), QStringLiteral("field-ops")}})
                 .status,
        403);
    answer = chen->patch(QStringLiteral("/api/v1/dispatch-settings/") + id, {{QStringLiteral("capacity"), 4}});
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(QStringLiteral("capacity")).toInt(), 4);
    QVERIFY(m_contract);
    for (HttpClient* client : {li.get(), boss.get(), zhang.get(), chen.get()})
        QVERIFY2(
            client->contractViolations().isEmpty(), qPrintable(client->contractViolations().join(QLatin1Char('\n'))));
}

void TestDispatchApi::pushedTicketIsOfferedAndAccepted()
{
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    QCOMPARE(boss->post(QStringLiteral("/api/v1/dispatch-settings"),
                     {{QStringLiteral("group_id"), QStringLiteral("service")}, {QStringLiteral("capacity"), 2}})
                 .status,
        201);
    QCOMPARE(put(*li, {{QStringLiteral("presence"), QStringLiteral("online")}}).status, 200);

    SyncDevice bossDesk(
        m_fixture->baseUrl(), signIn(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    const Ticket ticket = newTicket(QStringLiteral("退货"), QStringLiteral("service"), QStringLiteral("B0S-0001"));
    QCOMPARE(
        bossDesk.push({bossDesk.mutation(QStringLiteral("ticket.create"), ticket.id, createArgs(ticket))}).status, 200);
    const QString path = QStringLiteral("/api/v1/tickets/") + ticket.id;
    QTRY_COMPARE_WITH_TIMEOUT(li->get(path)
                                  .body.value(QStringLiteral("ticket"))
                                  .toObject()
                                  .value(QStringLiteral("assignee_id"))
                                  .toString()
                                  .isEmpty(),
        false, 2000);
    QCOMPARE(li->get(path).body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("new"));
    const QJsonArray events = li->get(path + QStringLiteral("/events")).body.value(QStringLiteral("events")).toArray();
    QStringList dispatch;
    for (const QJsonValue& e : events) {
        if (e.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("dispatch"))
            dispatch.append(e.toObject().value(QStringLiteral("new_value")).toString());
    }
    QCOMPARE(dispatch, QStringList {QStringLiteral("assigned to 李娜: least loaded 0/2 in 客服部")});
    const HttpResult accepted
        = li->post(path + QStringLiteral("/transitions"), {{QStringLiteral("action"), QStringLiteral("accept")}});
    QCOMPARE(accepted.status, 200);
    QCOMPARE(li->get(path).body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("in_progress"));
    QVERIFY2(li->contractViolations().isEmpty(), qPrintable(li->contractViolations().join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestDispatchApi)
#include "tst_dispatchapi.moc"
