// SLA policies and calendars as team records on a real gongdan-server with both backends: admins create them over
// REST (others are refused, a policy's calendar must exist), and from then on the server stamps every ticket it
// changes with the due times of its clocks — the first matching policy by position (T-SLA-16: a VIP tag, then
// without it the next policy from the same start), paused while 待客户确认 (no due time), resumed after it with the
// paused span added, the first response fulfilled by the first public reply. Desks receive the policies and
// calendars in their pulls.
#include "tests/support/OpenApiContract.h"
#include "tests/support/ServerHarness.h"
#include "tests/support/SyncDevice.h"

#include <QJsonArray>
#include <QTest>

using namespace gongdan::test;

namespace {

QDateTime timeOf(const QJsonObject& ticket, const char* key)
{
    return QDateTime::fromString(ticket.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
}

QJsonObject allDayCalendar()
{
    const QJsonArray day {QJsonArray {QStringLiteral("00:00"), QStringLiteral("24:00")}};
    QJsonObject week;
    for (const char* name : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        week.insert(QLatin1String(name), day);
    return {{QStringLiteral("name"), QStringLiteral("7×24 热线")},
        {QStringLiteral("timezone"), QStringLiteral("Asia/Shanghai")}, {QStringLiteral("weekly"), week}};
}

QJsonObject targets(int firstResponse, int resolution)
{
    return {{QStringLiteral("normal"),
        QJsonObject {{QStringLiteral("first_response"), firstResponse}, {QStringLiteral("resolution"), resolution}}}};
}

} // namespace

class TestSlaApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void onlyAdminsSetPolicies_data() { addBackendRows(); }
    void onlyAdminsSetPolicies();
    void theServerStampsDueTimesFromTheClocks_data() { addBackendRows(); }
    void theServerStampsDueTimesFromTheClocks();
    void aPolicyChangeRecountsOpenTickets_data() { addBackendRows(); }
    void aPolicyChangeRecountsOpenTickets();
    void anOfflinePauseCountsFromWhenItWasMade_data() { addBackendRows(); }
    void anOfflinePauseCountsFromWhenItWasMade();

private:
    /// A client signed in as `login`, kept (and its answers checked) until the test function's cleanup.
    HttpClient* as(const QString& login, const QString& password);
    /// Boss creates the 24/7 calendar and two policies: "VIP" (tag VIP, position 1: FR 30, resolution 240) and
    /// "标准" (position 2: FR 60, resolution 480). The calendar's id.
    QString configure();
    std::unique_ptr<SeededServer> m_fixture;
    std::optional<OpenApiContract> m_contract = OpenApiContract::load();
    std::vector<std::unique_ptr<HttpClient>>
        m_clients; ///< every client made, held to the document; checked in cleanup()
};

void TestSlaApi::init()
{
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
}

void TestSlaApi::cleanup()
{
    m_fixture.reset();
    QStringList violations;
    for (const auto& client : m_clients)
        violations += client->contractViolations();
    m_clients.clear();
    QVERIFY2(m_contract, "docs/api/openapi.yaml could not be read");
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

HttpClient* TestSlaApi::as(const QString& login, const QString& password)
{
    auto http = std::make_unique<HttpClient>(m_fixture->baseUrl());
    http->setToken(signIn(m_fixture->baseUrl(), login, password));
    http->holdTo(m_contract ? &*m_contract : nullptr); // every answer as docs/api/openapi.yaml says
    m_clients.push_back(std::move(http));
    return m_clients.back().get();
}

QString TestSlaApi::configure()
{
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const HttpResult calendar = boss->post(QStringLiteral("/api/v1/calendars"), allDayCalendar());
    if (calendar.status != 201)
        qFatal("calendar: %d %s", calendar.status, calendar.raw.constData());
    const QString calendarId = calendar.body.value(QStringLiteral("id")).toString();
    const HttpResult vip = boss->post(QStringLiteral("/api/v1/sla-policies"),
        {{QStringLiteral("name"), QStringLiteral("VIP")}, {QStringLiteral("position"), 1},
            {QStringLiteral("calendar_id"), calendarId},
            {QStringLiteral("match"),
                QJsonObject {{QStringLiteral("all"),
                    QJsonArray {QJsonObject {{QStringLiteral("field"), QStringLiteral("tags")},
                        {QStringLiteral("op"), QStringLiteral("contains")},
                        {QStringLiteral("value"), QStringLiteral("VIP")}}}}}},
            {QStringLiteral("targets"), targets(30, 240)}});
    const HttpResult standard = boss->post(QStringLiteral("/api/v1/sla-policies"),
        {{QStringLiteral("name"), QString::fromUtf8("标准")}, {QStringLiteral("position"), 2},
            {QStringLiteral("calendar_id"), calendarId}, {QStringLiteral("targets"), targets(60, 480)}});
    if (vip.status != 201 || standard.status != 201)
        qFatal("policies: %d %d %s", vip.status, standard.status, standard.raw.constData());
    return calendarId;
}

void TestSlaApi::onlyAdminsSetPolicies()
{
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    QCOMPARE(li->post(QStringLiteral("/api/v1/calendars"), allDayCalendar()).status, 403);
    QCOMPARE(li->post(QStringLiteral("/api/v1/sla-policies"),
                   {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("targets"), targets(1, 1)}})
                 .status,
        403);
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    HttpResult refused = boss->post(QStringLiteral("/api/v1/sla-policies"),
        {{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("calendar_id"), QStringLiteral("nowhere")},
            {QStringLiteral("targets"), targets(1, 1)}});
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.body.value(QStringLiteral("field")).toString(), QStringLiteral("calendar_id"));
    QJsonObject badCalendar = allDayCalendar();
    badCalendar.insert(QStringLiteral("timezone"), QStringLiteral("Mars/Olympus"));
    refused = boss->post(QStringLiteral("/api/v1/calendars"), badCalendar);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.body.value(QStringLiteral("field")).toString(), QStringLiteral("timezone"));
    const QString calendarId = configure();
    // A new policy without a position comes after the others (never silently first).
    const HttpResult later = boss->post(QStringLiteral("/api/v1/sla-policies"),
        {{QStringLiteral("name"), QStringLiteral("later")}, {QStringLiteral("enabled"), false},
            {QStringLiteral("targets"), targets(5, 5)}});
    QCOMPARE(later.status, 201);
    QCOMPARE(later.body.value(QStringLiteral("position")).toInt(), 3);
    // Misspelt targets and unknown condition fields are refused, naming them.
    refused = boss->post(QStringLiteral("/api/v1/sla-policies"),
        {{QStringLiteral("name"), QStringLiteral("typo")},
            {QStringLiteral("targets"),
                QJsonObject {{QStringLiteral("normal"), QJsonObject {{QStringLiteral("first_responce"), 5}}}}}});
    QCOMPARE(refused.body.value(QStringLiteral("field")).toString(), QStringLiteral("targets.normal.first_responce"));
    // Everyone reads them; desks pull them like the other team records.
    QCOMPARE(
        li->get(QStringLiteral("/api/v1/sla-policies")).body.value(QStringLiteral("sla_policies")).toArray().size(), 3);
    QCOMPARE(li->get(QStringLiteral("/api/v1/calendars/") + calendarId).status, 200);
    SyncDevice desk(m_fixture->baseUrl(), li->token());
    QSet<QString> kinds;
    for (const QJsonValue& change : desk.pullAll(1000))
        kinds.insert(change[QStringLiteral("entity")].toString());
    QVERIFY(kinds.contains(QStringLiteral("calendar")));
    QVERIFY(kinds.contains(QStringLiteral("sla_policy")));
}

void TestSlaApi::theServerStampsDueTimesFromTheClocks()
{
    configure();
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const HttpResult created = li->post(QStringLiteral("/api/v1/tickets"),
        {{QStringLiteral("subject"), QStringLiteral("VIP 客户：空调不制冷")},
            {QStringLiteral("group_id"), QStringLiteral("service")},
            {QStringLiteral("tags"), QJsonArray {QStringLiteral("VIP")}}});
    QCOMPARE(created.status, 201);
    QJsonObject ticket = created.body.value(QStringLiteral("ticket")).toObject();
    const QDateTime start = timeOf(ticket, "created_at");
    // VIP: first response 30 min, resolution 240 min around the clock.
    QCOMPARE(timeOf(ticket, "response_due_at").toSecsSinceEpoch(), start.addSecs(30 * 60).toSecsSinceEpoch());
    QCOMPARE(timeOf(ticket, "resolution_due_at").toSecsSinceEpoch(), start.addSecs(240 * 60).toSecsSinceEpoch());
    const QString path = QStringLiteral("/api/v1/tickets/") + ticket.value(QStringLiteral("number")).toString();

    // T-SLA-16: without the tag the next policy applies, from the same start.
    HttpResult patched = li->patch(path, {{QStringLiteral("tags"), QJsonArray {}}});
    QCOMPARE(patched.status, 200);
    ticket = patched.body.value(QStringLiteral("ticket")).toObject();
    QCOMPARE(timeOf(ticket, "response_due_at").toSecsSinceEpoch(), start.addSecs(60 * 60).toSecsSinceEpoch());
    QCOMPARE(timeOf(ticket, "resolution_due_at").toSecsSinceEpoch(), start.addSecs(480 * 60).toSecsSinceEpoch());

    // Waiting for the customer: every clock paused, no due time.
    const QString transitions = path + QStringLiteral("/transitions");
    QCOMPARE(li->post(transitions, {{QStringLiteral("action"), QStringLiteral("accept")}}).status, 200);
    HttpResult waiting = li->post(transitions,
        {{QStringLiteral("action"), QStringLiteral("request_confirmation")},
            {QStringLiteral("resolution"), QStringLiteral("已远程指导重启")}});
    QCOMPARE(waiting.status, 200);
    ticket = waiting.body.value(QStringLiteral("ticket")).toObject();
    QCOMPARE(ticket.value(QStringLiteral("status")).toString(), QStringLiteral("waiting_customer"));
    QVERIFY(timeOf(ticket, "response_due_at").isNull() || !timeOf(ticket, "response_due_at").isValid());
    QVERIFY(!timeOf(ticket, "resolution_due_at").isValid());
    const QDateTime pausedAt = QDateTime::currentDateTimeUtc();
    QTest::qWait(2100);

    // Resumed: the due times move on by the paused span (whole seconds).
    const HttpResult resumed = li->post(transitions, {{QStringLiteral("action"), QStringLiteral("resume")}});
    QCOMPARE(resumed.status, 200);
    ticket = resumed.body.value(QStringLiteral("ticket")).toObject();
    const qint64 moved
        = timeOf(ticket, "resolution_due_at").toSecsSinceEpoch() - start.addSecs(480 * 60).toSecsSinceEpoch();
    QVERIFY2(moved >= 1 && moved <= 2 + pausedAt.secsTo(QDateTime::currentDateTimeUtc()),
        qPrintable(QString::number(moved)));

    // The first public reply fulfils the first response: no response due time any more; the resolution stays.
    const HttpResult replied = li->post(path + QStringLiteral("/comments"),
        {{QStringLiteral("body"), QStringLiteral("您好，工程师今天下午上门。")},
            {QStringLiteral("visibility"), QStringLiteral("public")}});
    QCOMPARE(replied.status, 201);
    ticket = li->get(path).body.value(QStringLiteral("ticket")).toObject();
    QVERIFY(!timeOf(ticket, "response_due_at").isValid());
    QVERIFY(timeOf(ticket, "resolution_due_at").isValid());
}

void TestSlaApi::aPolicyChangeRecountsOpenTickets()
{
    configure();
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    QStringList paths;
    QDateTime start;
    for (int i = 0; i < 3; ++i) {
        const HttpResult created = li->post(QStringLiteral("/api/v1/tickets"),
            {{QStringLiteral("subject"), QStringLiteral("标准工单 %1").arg(i)},
                {QStringLiteral("group_id"), QStringLiteral("service")}});
        QCOMPARE(created.status, 201);
        const QJsonObject ticket = created.body.value(QStringLiteral("ticket")).toObject();
        paths.append(QStringLiteral("/api/v1/tickets/") + ticket.value(QStringLiteral("number")).toString());
        if (i == 0)
            start = timeOf(ticket, "created_at");
    }
    SyncDevice desk(m_fixture->baseUrl(), li->token());
    desk.pullAll(1000);
    // The standard policy's first response goes from 60 to 20 minutes: every open ticket is counted again.
    const QJsonArray policies
        = boss->get(QStringLiteral("/api/v1/sla-policies")).body.value(QStringLiteral("sla_policies")).toArray();
    QString standardId;
    for (const QJsonValue& policy : policies) {
        if (policy[QStringLiteral("position")].toInt() == 2)
            standardId = policy[QStringLiteral("id")].toString();
    }
    QVERIFY(!standardId.isEmpty());
    QCOMPARE(boss->patch(QStringLiteral("/api/v1/sla-policies/") + standardId,
                     {{QStringLiteral("targets"), targets(20, 480)}})
                 .status,
        200);
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QJsonObject progress = boss->get(QStringLiteral("/api/v1/sla/recompute")).body;
            return !progress.value(QStringLiteral("running")).toBool()
                && progress.value(QStringLiteral("tickets")).toInt() >= 3;
        },
        20000));
    const QJsonObject progress = boss->get(QStringLiteral("/api/v1/sla/recompute")).body;
    QCOMPARE(progress.value(QStringLiteral("moved")).toInt(), 3);
    const QJsonObject first = li->get(paths.first()).body.value(QStringLiteral("ticket")).toObject();
    QCOMPARE(timeOf(first, "response_due_at").toSecsSinceEpoch(), start.addSecs(20 * 60).toSecsSinceEpoch());
    // … and the desks hear of it in their pulls.
    int heard = 0;
    for (const QJsonValue& change : desk.pullAll(1000)) {
        if (change[QStringLiteral("entity")].toString() == QLatin1String("ticket"))
            ++heard;
    }
    QCOMPARE(heard, 3);
    QCOMPARE(li->get(QStringLiteral("/api/v1/sla/recompute")).status, 403); // progress is for admins
}

void TestSlaApi::anOfflinePauseCountsFromWhenItWasMade()
{
    // A desk offline asked the customer (待客户确认) at T and resumed at T+2 s; it pushes both later. The server
    // counts the pause from when the agent made it, not from when it arrived, so the paused span moves the due time.
    configure();
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const HttpResult created = li->post(QStringLiteral("/api/v1/tickets"),
        {{QStringLiteral("subject"), QStringLiteral("离线暂停")},
            {QStringLiteral("group_id"), QStringLiteral("service")}});
    QCOMPARE(created.status, 201);
    const QJsonObject ticket = created.body.value(QStringLiteral("ticket")).toObject();
    const QString id = ticket.value(QStringLiteral("id")).toString();
    const QDateTime start = timeOf(ticket, "created_at");
    const QString path = QStringLiteral("/api/v1/tickets/") + ticket.value(QStringLiteral("number")).toString();
    QCOMPARE(
        li->post(path + QStringLiteral("/transitions"), {{QStringLiteral("action"), QStringLiteral("accept")}}).status,
        200);
    const QDateTime accepted = timeOf(li->get(path).body.value(QStringLiteral("ticket")).toObject(), "updated_at");
    QTest::qWait(6000); // the desk is offline; the server's clock runs on
    SyncDevice desk(m_fixture->baseUrl(), li->token());
    const QDateTime askedAt = accepted.addSecs(1);
    const QDateTime resumedAt = accepted.addSecs(4);
    const auto transition = [&](const char* action, const char* from, const char* to, const QDateTime& at) {
        QJsonObject args {{QStringLiteral("action"), QLatin1String(action)}, {QStringLiteral("actor_id"), QString()},
            {QStringLiteral("at"), at.toString(Qt::ISODateWithMs)}, {QStringLiteral("from"), QLatin1String(from)},
            {QStringLiteral("to"), QLatin1String(to)}};
        if (QLatin1String(action) == QLatin1String("request_confirmation"))
            args.insert(QStringLiteral("resolution"), QStringLiteral("已远程指导"));
        return desk.mutation(QStringLiteral("ticket.transition"), id, args);
    };
    const HttpResult pushed = desk.push({transition("request_confirmation", "in_progress", "waiting_customer", askedAt),
        transition("resume", "waiting_customer", "in_progress", resumedAt)});
    QCOMPARE(pushed.status, 200);
    for (const QJsonValue& result : pushed.body.value(QStringLiteral("results")).toArray())
        QCOMPARE(result[QStringLiteral("status")].toString(), QStringLiteral("applied"));
    const QJsonObject after = li->get(path).body.value(QStringLiteral("ticket")).toObject();
    // Resolution 480 minutes on 24/7, with the 3 s the agent paused (whole seconds) added.
    const qint64 moved
        = timeOf(after, "resolution_due_at").toSecsSinceEpoch() - start.addSecs(480 * 60).toSecsSinceEpoch();
    QVERIFY2(moved >= 2 && moved <= 4, qPrintable(QString::number(moved)));
}

QTEST_GUILESS_MAIN(TestSlaApi)
#include "tst_slaapi.moc"
