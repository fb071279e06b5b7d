// The supervisor dashboard on a real gongdan-server, both backends (workflows.md §9.6): GET /api/v1/dashboard and the
// dashboard.subscribe stream on the sync socket. Scope: a supervisor sees only their groups, an admin all, agents and
// field staff are refused (403 over REST, dashboard.refused on the socket). The aggregates the server keeps in memory
// from its change log are checked against a full recount of the team database's ticket table after a random stream of
// changes made through the REST API (creates, accepts, replies, waits, closes, reopens, transfers, priority changes),
// both as they were moved change by change and as the recount at a restart rebuilds them; the socket's snapshot with
// its deltas applied ends equal to the REST snapshot. Every REST answer is held to docs/api/openapi.yaml.
#include "teamdb/ServerDatabase.h"
#include "tests/support/ContractServer.h"
#include "tests/support/PokeListener.h"
#include "tests/support/ServerHarness.h"
#include "tests/support/SyncDevice.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace gongdan;
using namespace gongdan::test;

namespace {

const QString kDashboard = QStringLiteral("/api/v1/dashboard");

qint64 msOf(const QJsonObject& object, const char* key)
{
    const QDateTime t = QDateTime::fromString(object.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

QJsonObject allDayCalendar()
{
    const QJsonArray day {QJsonArray {QStringLiteral("00:00"), QStringLiteral("24:00")}};
    QJsonObject week;
    for (const char* name : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        week.insert(QLatin1String(name), day);
    return {{QStringLiteral("name"), QStringLiteral("7×24")},
        {QStringLiteral("timezone"), QStringLiteral("Asia/Shanghai")}, {QStringLiteral("weekly"), week}};
}

/// The socket of a dashboard: subscribes once ready, keeps the snapshot with the deltas applied.
struct DashboardListener : PokeListener {
    DashboardListener(quint16 port, const QString& token) : PokeListener(port, token)
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket, [this](const QString& message) {
            const QJsonObject m = QJsonDocument::fromJson(message.toUtf8()).object();
            const QString type = m.value(QStringLiteral("type")).toString();
            if (type == QLatin1String("dashboard.snapshot")) {
                state = m.value(QStringLiteral("snapshot")).toObject();
                ++snapshots;
            } else if (type == QLatin1String("dashboard.delta")) {
                const QJsonObject delta = m.value(QStringLiteral("delta")).toObject();
                for (auto it = delta.begin(); it != delta.end(); ++it)
                    state.insert(it.key(), it.value());
                ++deltas;
            } else if (type == QLatin1String("dashboard.refused")) {
                refused = m.value(QStringLiteral("code")).toString();
            } else if (type == QLatin1String("dashboard.heartbeat")) {
                ++heartbeats;
            }
        });
    }
    bool subscribe()
    {
        if (!ready())
            return false;
        socket.sendTextMessage(QStringLiteral("{\"type\":\"dashboard.subscribe\"}"));
        return QTest::qWaitFor([this] { return snapshots > 0 || !refused.isEmpty(); }, 5000);
    }
    QJsonObject state;
    int snapshots = 0;
    int deltas = 0;
    int heartbeats = 0;
    QString refused;
};

QJsonObject groupRow(const QJsonObject& snapshot, const QString& groupId)
{
    for (const QJsonValue& row : snapshot.value(QStringLiteral("by_group")).toArray())
        if (row[QStringLiteral("group_id")].toString() == groupId)
            return row.toObject();
    return {};
}

} // namespace

class TestDashboardApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void scopedToTheSupervisorsGroups_data() { addBackendRows(); }
    void scopedToTheSupervisorsGroups();
    void aggregatesMatchAFullRecount_data() { addBackendRows(); }
    void aggregatesMatchAFullRecount();

private:
    HttpClient* as(const QString& login, const QString& password) { return m_fixture.as(login, password); }
    /// The dashboard as a full recount of the ticket table says it should be at `snapshot`'s as_of.
    QJsonObject recount(const QJsonObject& snapshot);
    void compareWithRecount(const QJsonObject& snapshot);

    ContractServer m_fixture;
    ServerProcess& m_server = m_fixture.server();
};

void TestDashboardApi::init()
{
    QFETCH(QString, backend);
    if (const QString why = m_fixture.start(backend); !why.isEmpty())
        QFAIL(qPrintable(why));
    QCOMPARE(m_fixture.addServiceSupervisor(), 201);
}

void TestDashboardApi::cleanup()
{
    const QStringList violations = m_fixture.stop();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TestDashboardApi::scopedToTheSupervisorsGroups()
{
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    auto chen = as(QStringLiteral("chen"), QStringLiteral("chen-password"));
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto wang = as(QStringLiteral("wang"), QStringLiteral("field-password"));
    for (const char* group : {"service", "service", "field-ops"})
        QCOMPARE(boss->post(QStringLiteral("/api/v1/tickets"),
                         {{QStringLiteral("subject"), QStringLiteral("空调不制冷")},
                             {QStringLiteral("group_id"), QLatin1String(group)}})
                     .status,
            201);

    QCOMPARE(li->get(kDashboard).status, 403);
    QCOMPARE(li->get(kDashboard).code(), QStringLiteral("access.denied"));
    QCOMPARE(wang->get(kDashboard).status, 403);
    const HttpResult mine = chen->get(kDashboard);
    QCOMPARE(mine.status, 200);
    QVERIFY(!mine.body.value(QStringLiteral("as_of")).toString().isEmpty());
    const QJsonArray groups = mine.body.value(QStringLiteral("groups")).toArray();
    QCOMPARE(groups.size(), 1);
    QCOMPARE(groups.at(0)[QStringLiteral("id")].toString(), QStringLiteral("service"));
    QCOMPARE(mine.body.value(QStringLiteral("totals"))[QStringLiteral("new")].toInt(), 2);
    QVERIFY(groupRow(mine.body, QStringLiteral("field-ops")).isEmpty());
    for (const QJsonValue& row : mine.body.value(QStringLiteral("open")).toArray())
        QCOMPARE(row[QStringLiteral("group_id")].toString(), QStringLiteral("service"));
    QStringList agents;
    for (const QJsonValue& a : mine.body.value(QStringLiteral("agents")).toArray())
        agents.append(a[QStringLiteral("login")].toString());
    QCOMPARE(agents, QStringList {QStringLiteral("li.na")});
    const HttpResult all = boss->get(kDashboard);
    QCOMPARE(all.body.value(QStringLiteral("totals"))[QStringLiteral("new")].toInt(), 3);
    QCOMPARE(groupRow(all.body, QStringLiteral("field-ops"))[QStringLiteral("new")].toInt(), 1);

    // The socket: refused for an agent; a supervisor gets the snapshot, then a new ticket within 2 s (T-DSH-01).
    DashboardListener agentSocket(m_server.port(), li->token());
    QVERIFY(agentSocket.subscribe());
    QCOMPARE(agentSocket.refused, QStringLiteral("access.denied"));
    DashboardListener socket(m_server.port(), chen->token());
    QVERIFY(socket.subscribe());
    QCOMPARE(socket.state.value(QStringLiteral("totals"))[QStringLiteral("new")].toInt(), 2);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(boss->post(QStringLiteral("/api/v1/tickets"),
                     {{QStringLiteral("subject"), QStringLiteral("售后: 退货")},
                         {QStringLiteral("group_id"), QStringLiteral("service")}})
                 .status,
        201);
    QVERIFY(QTest::qWaitFor(
        [&] { return socket.state.value(QStringLiteral("totals"))[QStringLiteral("new")].toInt() == 3; }, 2000));
    QVERIFY2(timer.elapsed() <= 2000, qPrintable(QString::number(timer.elapsed())));
    // A ticket of another group moves nothing the supervisor sees (deltas still come for the rolling figures).
    QCOMPARE(boss->post(QStringLiteral("/api/v1/tickets"),
                     {{QStringLiteral("subject"), QStringLiteral("外勤")},
                         {QStringLiteral("group_id"), QStringLiteral("field-ops")}})
                 .status,
        201);
    QTest::qWait(1000);
    QCOMPARE(socket.state.value(QStringLiteral("totals"))[QStringLiteral("new")].toInt(), 3);
    QCOMPARE(socket.state.value(QStringLiteral("totals"))[QStringLiteral("open")].toInt(), 3);
    QVERIFY(groupRow(socket.state, QStringLiteral("field-ops")).isEmpty());
    // A presence change reaches the agent grid.
    QCOMPARE(li->send("PUT", QStringLiteral("/api/v1/presence"),
                   HttpClient::jsonBytes({{QStringLiteral("presence"), QStringLiteral("away")}}))
                 .status,
        200);
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QJsonArray grid = socket.state.value(QStringLiteral("agents")).toArray();
            return !grid.isEmpty() && grid.at(0)[QStringLiteral("presence")].toString() == QLatin1String("away");
        },
        2000));
    // Heartbeats keep coming while nothing changes.
    QVERIFY(QTest::qWaitFor([&] { return socket.heartbeats > 0; }, 12000));
}

QJsonObject TestDashboardApi::recount(const QJsonObject& snapshot)
{
    auto database = ServerDatabase::open(m_fixture.team().location());
    if (!database)
        qFatal("open: %s", qPrintable(database.error().message));
    const qint64 now = msOf(snapshot, "as_of");
    const QTimeZone zone(QByteArrayLiteral("Asia/Shanghai"));
    const qint64 day
        = QDateTime(QDateTime::fromMSecsSinceEpoch(now, zone).date(), QTime(0, 0), zone).toMSecsSinceEpoch();
    QMap<QString, QJsonObject> byGroup;
    const QString kAll = QStringLiteral("\u0001"); // no group's id
    QMap<QString, QMap<QString, int>> categories; ///< per group (kAll: all) the categories of today's tickets
    const auto top = [&categories](const QString& group) { // the most first, ties by id: at most three
        QList<std::pair<QString, int>> all;
        for (auto it = categories[group].cbegin(); it != categories[group].cend(); ++it)
            all.append({it.key(), it.value()});
        std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        QJsonArray three;
        for (const auto& [id, count] : all.mid(0, 3))
            three.append(QJsonObject {{QStringLiteral("category_id"), id}, {QStringLiteral("count"), count}});
        return three;
    };
    QMap<QString, int> open;
    QHash<QString, int> load, handled;
    const auto bump = [](QJsonObject& o, const char* key, qint64 by = 1) {
        o.insert(QLatin1String(key), o.value(QLatin1String(key)).toInteger() + by);
    };
    QSqlQuery q(database.value()->sql());
    if (!q.exec(QStringLiteral("SELECT status, group_id, assignee_id, data FROM ticket")))
        qFatal("recount query failed");
    const QStringList openStatuses {QStringLiteral("new"), QStringLiteral("in_progress"),
        QStringLiteral("waiting_customer"), QStringLiteral("follow_up")};
    while (q.next()) {
        const QString status = q.value(0).toString();
        const QString group = q.value(1).toString();
        const QString assignee = q.value(2).toString();
        const QJsonObject t = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        const bool isOpen = openStatuses.contains(status);
        const qint64 closed = status == QLatin1String("closed") ? msOf(t, "closed_at") : 0;
        if (!assignee.isEmpty() && isOpen && status != QLatin1String("waiting_customer"))
            ++load[assignee];
        if (!assignee.isEmpty() && closed >= day)
            ++handled[assignee];
        QJsonObject& g = byGroup[group];
        if (msOf(t, "created_at") >= day) {
            bump(g, "created_today");
            if (const QString category = t.value(QStringLiteral("category_id")).toString(); !category.isEmpty()) {
                ++categories[group][category];
                ++categories[kAll][category];
            }
        }
        if (closed >= day)
            bump(g, "closed_today");
        if (const int score = t.value(QStringLiteral("satisfaction")).toInt();
            score > 0 && msOf(t, "rated_at") >= day) {
            bump(g, "csat_count");
            bump(g, "csat_sum", score);
            if (score >= 4)
                bump(g, "csat_good");
        }
        if (!isOpen)
            continue;
        bump(g, "open");
        ++open[group + QLatin1Char('|') + status + QLatin1Char('|') + t.value(QStringLiteral("priority")).toString()];
        if (status == QLatin1String("new")) {
            g.insert(QStringLiteral("longest_wait_s"),
                std::max(g.value(QStringLiteral("longest_wait_s")).toInteger(), (now - msOf(t, "created_at")) / 1000));
            bump(g, "new");
        }
        // The policy's targets: 1 minute to respond, 2 to resolve, at risk from 75 % used (all day, wall time).
        const qint64 response = msOf(t, "response_due_at");
        const qint64 resolution = msOf(t, "resolution_due_at");
        const bool breached = (response > 0 && response <= now) || (resolution > 0 && resolution <= now);
        if (breached) {
            bump(g, "breached");
            if (t.value(QStringLiteral("priority")).toString() == QLatin1String("critical"))
                bump(g, "breached_critical");
        } else if ((response > 0 && response - 15000 <= now) || (resolution > 0 && resolution - 30000 <= now)) {
            bump(g, "at_risk");
        }
    }
    QJsonObject totals;
    QJsonArray groups;
    for (auto it = byGroup.begin(); it != byGroup.end(); ++it) {
        QJsonObject row = it.value();
        for (const char* key : {"open", "new", "longest_wait_s", "at_risk", "breached", "breached_critical",
                 "created_today", "closed_today", "csat_count", "csat_sum", "csat_good"}) {
            if (!row.contains(QLatin1String(key)))
                row.insert(QLatin1String(key), 0);
            if (QLatin1String(key) == QLatin1String("longest_wait_s"))
                totals.insert(QLatin1String(key),
                    std::max(totals.value(QLatin1String(key)).toInteger(), row.value(QLatin1String(key)).toInteger()));
            else
                bump(totals, key, row.value(QLatin1String(key)).toInteger());
        }
        row.insert(QStringLiteral("group_id"), it.key());
        row.insert(QStringLiteral("top_categories"), top(it.key()));
        groups.append(row);
    }
    totals.insert(QStringLiteral("top_categories"), top(kAll));
    QJsonObject openRows;
    for (auto it = open.begin(); it != open.end(); ++it)
        openRows.insert(it.key(), it.value());
    QJsonObject agents;
    for (const QJsonValue& a : snapshot.value(QStringLiteral("agents")).toArray()) {
        const QString id = a[QStringLiteral("user_id")].toString();
        agents.insert(id,
            QJsonObject {
                {QStringLiteral("load"), load.value(id)}, {QStringLiteral("handled_today"), handled.value(id)}});
    }
    return {{QStringLiteral("totals"), totals}, {QStringLiteral("by_group"), groups},
        {QStringLiteral("open"), openRows}, {QStringLiteral("agents"), agents}};
}

void TestDashboardApi::compareWithRecount(const QJsonObject& snapshot)
{
    const QJsonObject expected = recount(snapshot);
    QCOMPARE(snapshot.value(QStringLiteral("totals")).toObject(), expected.value(QStringLiteral("totals")).toObject());
    for (const QJsonValue& row : expected.value(QStringLiteral("by_group")).toArray()) {
        const QString group = row[QStringLiteral("group_id")].toString();
        QCOMPARE(groupRow(snapshot, group), row.toObject());
    }
    QJsonObject openRows;
    for (const QJsonValue& row : snapshot.value(QStringLiteral("open")).toArray())
        openRows.insert(row[QStringLiteral("group_id")].toString() + QLatin1Char('|')
                + row[QStringLiteral("status")].toString() + QLatin1Char('|')
                + row[QStringLiteral("priority")].toString(),
            row[QStringLiteral("count")].toInt());
    QCOMPARE(openRows, expected.value(QStringLiteral("open")).toObject());
    const QJsonObject agents = expected.value(QStringLiteral("agents")).toObject();
    for (const QJsonValue& a : snapshot.value(QStringLiteral("agents")).toArray()) {
        const QJsonObject want = agents.value(a[QStringLiteral("user_id")].toString()).toObject();
        QCOMPARE(a[QStringLiteral("load")].toInt(), want.value(QStringLiteral("load")).toInt());
        QCOMPARE(a[QStringLiteral("handled_today")].toInt(), want.value(QStringLiteral("handled_today")).toInt());
    }
}

void TestDashboardApi::aggregatesMatchAFullRecount()
{
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const HttpResult calendar = boss->post(QStringLiteral("/api/v1/calendars"), allDayCalendar());
    QCOMPARE(calendar.status, 201);
    const QJsonObject minutes {
        {QStringLiteral("first_response"), 1}, {QStringLiteral("next_response"), 1}, {QStringLiteral("resolution"), 2}};
    QCOMPARE(boss->post(QStringLiteral("/api/v1/sla-policies"),
                     {{QStringLiteral("name"), QStringLiteral("fast")},
                         {QStringLiteral("calendar_id"), calendar.body.value(QStringLiteral("id")).toString()},
                         {QStringLiteral("targets"),
                             QJsonObject {{QStringLiteral("normal"), minutes}, {QStringLiteral("urgent"), minutes},
                                 {QStringLiteral("critical"), minutes}}}})
                 .status,
        201);
    HttpClient* li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    HttpClient* zhang = as(QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    DashboardListener socket(m_server.port(), boss->token());
    QVERIFY(socket.subscribe());
    SyncDevice desk(m_server.baseUrl(), boss->token());

    QStringList categories; // 高频问题: today's tickets per category, the top three
    for (const char* name : {"报修·空调", "咨询·账单", "投诉·上门"}) {
        const HttpResult made
            = boss->post(QStringLiteral("/api/v1/categories"), {{QStringLiteral("name_zh"), QString::fromUtf8(name)}});
        QCOMPARE(made.status, 201);
        categories.append(made.body.value(QStringLiteral("id")).toString());
    }
    categories.append(QString()); // and tickets of none

    const int changes = qEnvironmentVariableIntValue("GONGDAN_DASHBOARD_CHANGES") > 0
        ? qEnvironmentVariableIntValue("GONGDAN_DASHBOARD_CHANGES")
        : 2000; // GONGDAN_DASHBOARD_CHANGES=5000: the figure (some 3 minutes a backend on a quiet host)
    QRandomGenerator random(19);
    struct Known {
        QString id;
        QString group;
    };
    QList<Known> tickets;
    const QStringList groups {QStringLiteral("service"), QStringLiteral("field-ops")};
    const QStringList priorities {QStringLiteral("normal"), QStringLiteral("urgent"), QStringLiteral("critical")};
    int applied = 0;
    for (int i = 0; i < changes; ++i) {
        const int kind = tickets.size() < 20 ? 0 : int(random.bounded(10));
        if (kind <= 2) { // a new ticket: over REST, or pushed by a desk that made it offline up to 3 minutes ago
            const QString group = groups.at(int(random.bounded(2)));
            const QString priority = priorities.at(int(random.bounded(3)));
            if (random.bounded(2) == 0) {
                QJsonObject fields {{QStringLiteral("subject"), QStringLiteral("报修 %1").arg(i)},
                    {QStringLiteral("group_id"), group}, {QStringLiteral("priority"), priority}};
                if (const QString category = categories.at(int(random.bounded(4))); !category.isEmpty())
                    fields.insert(QStringLiteral("category_id"), category);
                const HttpResult created = boss->post(QStringLiteral("/api/v1/tickets"), fields);
                QCOMPARE(created.status, 201);
                tickets.append({created.body[QStringLiteral("ticket")][QStringLiteral("id")].toString(), group});
            } else {
                Ticket offline = newTicket(QStringLiteral("离线报修 %1").arg(i), group,
                    QStringLiteral("D5H-%1").arg(i, 4, 10, QLatin1Char('0')));
                offline.priority = EnumText<Priority>::fromKey(priority).value_or(Priority::Normal);
                offline.createdAt = offline.updatedAt
                    = QDateTime::currentDateTimeUtc().addSecs(-qint64(random.bounded(180)));
                const HttpResult pushed
                    = desk.push({desk.mutation(QStringLiteral("ticket.create"), offline.id, createArgs(offline))});
                QVERIFY2(pushed.status == 200, pushed.raw.constData());
                tickets.append({offline.id, group});
            }
            ++applied;
            continue;
        }
        Known& t = tickets[int(random.bounded(qsizetype(tickets.size())))];
        HttpClient* agent = t.group == QLatin1String("service") ? li : zhang;
        const QString path = QStringLiteral("/api/v1/tickets/") + t.id;
        QJsonObject body;
        HttpClient* who = agent;
        switch (kind) {
        case 3:
            body = {{QStringLiteral("action"), QStringLiteral("accept")}};
            break;
        case 4:
            if (agent
                    ->post(path + QStringLiteral("/comments"),
                        {{QStringLiteral("body"), QStringLiteral("已联系客户")},
                            {QStringLiteral("visibility"), QStringLiteral("public")}})
                    .status
                == 201)
                ++applied;
            continue;
        case 5:
            body = {{QStringLiteral("action"), QStringLiteral("request_confirmation")},
                {QStringLiteral("resolution"), QStringLiteral("已更换滤网")}};
            break;
        case 6:
            body = {{QStringLiteral("action"), QStringLiteral("close")},
                {QStringLiteral("resolution"), QStringLiteral("已修好")},
                {QStringLiteral("answer"),
                    random.bounded(4) == 0 ? QStringLiteral("not_satisfied") : QStringLiteral("satisfied")}};
            if (random.bounded(2) == 0) // scored on the phone (a score of 1-2 would contradict "satisfied")
                body.insert(QStringLiteral("satisfaction"), 3 + int(random.bounded(3)));
            break;
        case 7:
            if (random.bounded(3) == 0) { // the customer's answer to a survey, afterwards (满意度)
                if (agent
                        ->post(path + QStringLiteral("/satisfaction"),
                            {{QStringLiteral("score"), 1 + int(random.bounded(5))},
                                {QStringLiteral("comment"), QStringLiteral("回访")}})
                        .status
                    == 200)
                    ++applied;
                continue;
            }
            body
                = {{QStringLiteral("action"), random.bounded(2) ? QStringLiteral("reopen") : QStringLiteral("resume")}};
            break;
        case 8: {
            const QString to = t.group == QLatin1String("service") ? groups.at(1) : groups.at(0);
            body = {{QStringLiteral("action"), QStringLiteral("transfer")}, {QStringLiteral("target_group"), to},
                {QStringLiteral("note"), QStringLiteral("转交")}};
            who = boss;
            if (boss->post(path + QStringLiteral("/transitions"), body).status == 200) {
                t.group = to;
                ++applied;
            }
            continue;
        }
        default:
            if (boss->patch(path, {{QStringLiteral("priority"), priorities.at(int(random.bounded(3)))}}).status == 200)
                ++applied;
            continue;
        }
        if (who->post(path + QStringLiteral("/transitions"), body).status == 200)
            ++applied;
    }
    qInfo("%d of %d changes applied", applied, changes);
    QVERIFY2(applied > changes / 2, qPrintable(QString::number(applied)));

    const HttpResult live = boss->get(kDashboard);
    QCOMPARE(live.status, 200);
    QVERIFY(live.body.value(QStringLiteral("totals"))[QStringLiteral("open")].toInt() > 0);
    compareWithRecount(live.body);
    // The stream moved every figure: nothing here is compared as zero against zero.
    const QJsonObject totals = live.body.value(QStringLiteral("totals")).toObject();
    qInfo("totals %s", QJsonDocument(totals).toJson(QJsonDocument::Compact).constData());
    for (const char* key : {"open", "new", "longest_wait_s", "at_risk", "breached", "breached_critical",
             "created_today", "closed_today", "csat_count", "csat_sum", "csat_good"})
        QVERIFY2(totals.value(QLatin1String(key)).toInt() > 0, key);
    QCOMPARE(totals.value(QStringLiteral("top_categories")).toArray().size(), 3);
    // The socket's snapshot, moved by its deltas, ends where the REST snapshot is (what does not depend on the
    // instant: at-risk and waits do).
    QVERIFY(QTest::qWaitFor(
        [&] {
            return socket.state.value(QStringLiteral("server_seq")).toInteger()
                >= live.body.value(QStringLiteral("server_seq")).toInteger();
        },
        3000));
    QVERIFY(socket.deltas > 0);
    QCOMPARE(socket.state.value(QStringLiteral("open")), live.body.value(QStringLiteral("open")));
    QCOMPARE(socket.state.value(QStringLiteral("totals"))[QStringLiteral("created_today")],
        live.body.value(QStringLiteral("totals"))[QStringLiteral("created_today")]);
    QCOMPARE(socket.state.value(QStringLiteral("totals"))[QStringLiteral("closed_today")],
        live.body.value(QStringLiteral("totals"))[QStringLiteral("closed_today")]);
    QCOMPARE(socket.state.value(QStringLiteral("agents")), live.body.value(QStringLiteral("agents")));

    // A restart counts again from the database: the same figures.
    QCOMPARE(m_server.terminate(), 0);
    QVERIFY2(m_server.start(m_fixture.team().location()), qPrintable(m_server.lastLog()));
    HttpClient* again = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const HttpResult recounted = again->get(kDashboard);
    QCOMPARE(recounted.status, 200);
    compareWithRecount(recounted.body);
    QCOMPARE(recounted.body.value(QStringLiteral("open")), live.body.value(QStringLiteral("open")));
}

QTEST_GUILESS_MAIN(TestDashboardApi)
#include "tst_dashboardapi.moc"
