// Reports on a real gongdan-server, both backends (workflows.md §9.6 measures, §9.7 reports): POST /api/v1/reports/run
// and GET /api/v1/reports/<id>/rows answer JSON lines, scoped (a supervisor's groups, an admin's all; agents and field
// staff refused); saved definitions are team records (report.upsert) every desk pulls; the built-in examples run by
// their ids; a report over more tickets than one page counts every ticket. Every answer is held to
// docs/api/openapi.yaml.
#include "tests/support/ContractServer.h"
#include "tests/support/SyncDevice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

namespace {

const QString kRun = QStringLiteral("/api/v1/reports/run");

/// The JSON lines of an answer.
QList<QJsonObject> linesOf(const HttpResult& result)
{
    QList<QJsonObject> lines;
    for (const QByteArray& line : result.raw.split('\n')) {
        if (!line.isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

/// The row lines by key.
QMap<QString, QJsonObject> rowsOf(const QList<QJsonObject>& lines)
{
    QMap<QString, QJsonObject> rows;
    for (const QJsonObject& line : lines) {
        if (line.value(QStringLiteral("type")).toString() == QLatin1String("row"))
            rows.insert(line.value(QStringLiteral("key")).toString(), line);
    }
    return rows;
}

QJsonObject definition(const char* grouping, const QStringList& measures)
{
    return {{QStringLiteral("name"), QStringLiteral("效率")}, {QStringLiteral("grouping"), QLatin1String(grouping)},
        {QStringLiteral("period"),
            QJsonObject {{QStringLiteral("kind"), QStringLiteral("last_days")}, {QStringLiteral("days"), 7}}},
        {QStringLiteral("measures"), QJsonArray::fromStringList(measures)}};
}

} // namespace

class TestReportApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void measuresAndScope_data() { addBackendRows(); }
    void measuresAndScope();
    void savedDefinitionsAreSyncedRecords_data() { addBackendRows(); }
    void savedDefinitionsAreSyncedRecords();
    void everyTicketCountsAcrossPages_data() { addBackendRows(); }
    void everyTicketCountsAcrossPages();

private:
    HttpClient* as(const QString& login, const QString& password) { return m_fixture.as(login, password); }
    /// A ticket of `group` taken by li.na (service) or boss (field-ops), with `replies` public replies, closed
    /// (satisfied) when `close`; reopened and closed again when `reopen`.
    void ticket(const QString& group, int replies, bool close, bool reopen = false);

    ContractServer m_fixture;
    ServerProcess& m_server = m_fixture.server();
    HttpClient* m_boss = nullptr;
    HttpClient* m_li = nullptr; ///< works the service group's tickets
};

void TestReportApi::init()
{
    QFETCH(QString, backend);
    if (const QString why = m_fixture.start(backend); !why.isEmpty())
        QFAIL(qPrintable(why));
    m_boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    QCOMPARE(m_fixture.addServiceSupervisor(), 201);
    m_li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
}

void TestReportApi::cleanup()
{
    const QStringList violations = m_fixture.stop();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TestReportApi::ticket(const QString& group, int replies, bool close, bool reopen)
{
    HttpClient* boss = m_boss;
    HttpClient* agent = group == QLatin1String("service") ? m_li : boss; // li.na: a member
    const HttpResult created = boss->post(QStringLiteral("/api/v1/tickets"),
        {{QStringLiteral("subject"), QStringLiteral("空调不制冷")}, {QStringLiteral("group_id"), group}});
    QCOMPARE(created.status, 201);
    const QString path
        = QStringLiteral("/api/v1/tickets/") + created.body[QStringLiteral("ticket")][QStringLiteral("id")].toString();
    const auto act = [&](QJsonObject body) {
        const HttpResult moved = agent->post(path + QStringLiteral("/transitions"), body);
        QVERIFY2(moved.status == 200, moved.raw.constData());
    };
    if (replies > 0 || close)
        act({{QStringLiteral("action"), QStringLiteral("accept")}});
    for (int i = 0; i < replies; ++i)
        QCOMPARE(agent
                     ->post(path + QStringLiteral("/comments"),
                         {{QStringLiteral("body"), QStringLiteral("已联系客户")},
                             {QStringLiteral("visibility"), QStringLiteral("public")}})
                     .status,
            201);
    const QJsonObject closing {{QStringLiteral("action"), QStringLiteral("close")},
        {QStringLiteral("resolution"), QStringLiteral("已修好")},
        {QStringLiteral("answer"), QStringLiteral("satisfied")}};
    if (close)
        act(closing);
    if (reopen) {
        act({{QStringLiteral("action"), QStringLiteral("reopen")}});
        act(closing);
    }
}

void TestReportApi::measuresAndScope()
{
    auto boss = m_boss;
    auto chen = as(QStringLiteral("chen"), QStringLiteral("chen-password"));
    auto li = m_li;
    auto wang = as(QStringLiteral("wang"), QStringLiteral("field-password"));
    ticket(QStringLiteral("service"), 1, true); // one touch
    ticket(QStringLiteral("service"), 2, true, true); // two replies, reopened within 7 days
    ticket(QStringLiteral("service"), 0, false); // open
    ticket(QStringLiteral("field-ops"), 0, false);
    const QJsonObject report = definition("group",
        {QStringLiteral("tickets"), QStringLiteral("closed"), QStringLiteral("one_touch_rate"),
            QStringLiteral("reopen_rate"), QStringLiteral("hours_to_close_avg")});

    // Agents and field staff are refused, over both routes.
    for (HttpClient* who : {li, wang}) {
        const HttpResult refused = who->post(kRun, report);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.code(), QStringLiteral("access.denied"));
        QCOMPARE(who->get(QStringLiteral("/api/v1/reports/builtin-department-efficiency/rows")).status, 403);
    }

    // A supervisor: their group alone.
    const HttpResult mine = chen->post(kRun, report);
    QCOMPARE(mine.status, 200);
    QVERIFY(mine.header("Content-Type").startsWith("application/x-ndjson"));
    const QList<QJsonObject> lines = linesOf(mine);
    QCOMPARE(lines.first().value(QStringLiteral("type")).toString(), QStringLiteral("report"));
    QCOMPARE(lines.first().value(QStringLiteral("columns")).toArray().size(), 5);
    QCOMPARE(lines.last().value(QStringLiteral("type")).toString(), QStringLiteral("total"));
    const QMap<QString, QJsonObject> rows = rowsOf(lines);
    QCOMPARE(rows.keys(), QStringList {QStringLiteral("service")});
    const QJsonObject service = rows.value(QStringLiteral("service")).value(QStringLiteral("values")).toObject();
    QCOMPARE(service.value(QStringLiteral("tickets")).toInt(), 3);
    QCOMPARE(service.value(QStringLiteral("closed")).toInt(), 2);
    QCOMPARE(service.value(QStringLiteral("one_touch_rate")).toDouble(), 0.5);
    QCOMPARE(service.value(QStringLiteral("reopen_rate")).toDouble(), 0.5);
    QVERIFY(service.value(QStringLiteral("hours_to_close_avg")).toDouble() >= 0);
    QCOMPARE(rows.value(QStringLiteral("service")).value(QStringLiteral("label")).toString(), QStringLiteral("客服部"));
    QCOMPARE(rows.value(QStringLiteral("service")).value(QStringLiteral("label_en")).toString(),
        QStringLiteral("Customer service"));
    QCOMPARE(lines.last().value(QStringLiteral("tickets")).toInt(), 3);

    // An admin: every group.
    const QList<QJsonObject> all = linesOf(boss->post(kRun, report));
    QCOMPARE(rowsOf(all).keys(), (QStringList {QStringLiteral("field-ops"), QStringLiteral("service")}));
    QCOMPARE(all.last().value(QStringLiteral("tickets")).toInt(), 4);
    QCOMPARE(all.last()[QStringLiteral("values")][QStringLiteral("one_touch_rate")].toDouble(), 0.5);
    // No closed ticket in field-ops: no rate (null), not 0.
    QVERIFY(rowsOf(all)
                .value(QStringLiteral("field-ops"))[QStringLiteral("values")][QStringLiteral("one_touch_rate")]
                .isNull());

    // A condition in the view condition language narrows the tickets.
    QJsonObject closedOnly = report;
    closedOnly.insert(QStringLiteral("match"),
        QJsonObject {{QStringLiteral("all"),
            QJsonArray {QJsonObject {{QStringLiteral("field"), QStringLiteral("status")},
                {QStringLiteral("op"), QStringLiteral("is")}, {QStringLiteral("value"), QStringLiteral("closed")}}}}});
    QCOMPARE(linesOf(boss->post(kRun, closedOnly)).last().value(QStringLiteral("tickets")).toInt(), 2);

    // The built-in example by its id.
    const HttpResult example = chen->get(QStringLiteral("/api/v1/reports/builtin-department-efficiency/rows"));
    QCOMPARE(example.status, 200);
    QCOMPARE(rowsOf(linesOf(example)).keys(), QStringList {QStringLiteral("service")});

    // A definition that breaks a rule, an unknown report.
    const HttpResult invalid = chen->post(kRun, definition("group", {}));
    QCOMPARE(invalid.status, 400);
    QCOMPARE(invalid.body.value(QStringLiteral("field")).toString(), QStringLiteral("measures"));
    QCOMPARE(chen->post(kRun, definition("year", {QStringLiteral("tickets")})).status, 400);
    QCOMPARE(chen->get(QStringLiteral("/api/v1/reports/nope/rows")).status, 404);
}

void TestReportApi::savedDefinitionsAreSyncedRecords()
{
    auto boss = m_boss;
    auto chen = as(QStringLiteral("chen"), QStringLiteral("chen-password"));
    auto li = m_li;
    ticket(QStringLiteral("service"), 1, true);
    SyncDevice desk(m_server.baseUrl(), li->token());
    desk.pullAll(1000);

    QCOMPARE(li->post(QStringLiteral("/api/v1/reports"), definition("group", {QStringLiteral("tickets")})).status, 403);
    const HttpResult saved
        = chen->post(QStringLiteral("/api/v1/reports"), definition("group", {QStringLiteral("tickets")}));
    QCOMPARE(saved.status, 201);
    const QString id = saved.body.value(QStringLiteral("id")).toString();
    QCOMPARE(saved.body.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(chen->get(QStringLiteral("/api/v1/reports/") + id).status, 200);
    QCOMPARE(chen->get(QStringLiteral("/api/v1/reports")).body.value(QStringLiteral("reports")).toArray().size(), 1);

    // Every desk pulls it (a team record).
    bool pulled = false;
    for (const QJsonValue& change : desk.pullAll(1000)) {
        if (change[QStringLiteral("entity")].toString() == QLatin1String("report")
            && change[QStringLiteral("data")][QStringLiteral("id")].toString() == id)
            pulled = true;
    }
    QVERIFY(pulled);

    // Run by its id; changed, it runs as changed.
    QCOMPARE(rowsOf(linesOf(chen->get(QStringLiteral("/api/v1/reports/%1/rows").arg(id)))).keys(),
        QStringList {QStringLiteral("service")});
    const HttpResult changed = chen->patch(QStringLiteral("/api/v1/reports/") + id,
        {{QStringLiteral("grouping"), QStringLiteral("need_type")},
            {QStringLiteral("measures"), QJsonArray {QStringLiteral("tickets"), QStringLiteral("satisfaction_avg")}}});
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.body.value(QStringLiteral("version")).toInt(), 2);
    const QList<QJsonObject> byType = linesOf(boss->get(QStringLiteral("/api/v1/reports/%1/rows").arg(id)));
    QCOMPARE(rowsOf(byType).keys(), QStringList {QStringLiteral("consultation")});
    // No ticket has a satisfaction score yet: the average is null, not 0.
    QVERIFY(byType.last()[QStringLiteral("values")][QStringLiteral("satisfaction_avg")].isNull());
    // The customer scores the closed ticket 4 (满意度): the average is that score.
    QString closedNumber;
    for (const QJsonValue& t :
        boss->get(QStringLiteral("/api/v1/tickets")).body.value(QStringLiteral("tickets")).toArray())
        if (t[QStringLiteral("status")].toString() == QLatin1String("closed"))
            closedNumber = t[QStringLiteral("number")].toString();
    QVERIFY(!closedNumber.isEmpty());
    QCOMPARE(
        boss->post(QStringLiteral("/api/v1/tickets/%1/satisfaction").arg(closedNumber), {{QStringLiteral("score"), 4}})
            .status,
        200);
    QCOMPARE(linesOf(boss->get(QStringLiteral("/api/v1/reports/%1/rows").arg(id)))
                 .last()[QStringLiteral("values")][QStringLiteral("satisfaction_avg")]
                 .toDouble(),
        4.0);
    const HttpResult broken
        = chen->patch(QStringLiteral("/api/v1/reports/") + id, {{QStringLiteral("measures"), QJsonArray {}}});
    QCOMPARE(broken.status, 400);
}

void TestReportApi::everyTicketCountsAcrossPages()
{
    // More tickets than one page (ReportRunner::kPage = 500), pushed by a desk in batches.
    auto boss = m_boss;
    SyncDevice desk(m_server.baseUrl(), boss->token());
    const int count = 1100;
    for (int start = 0; start < count; start += 250) {
        QJsonArray mutations;
        for (int i = start; i < std::min(count, start + 250); ++i) {
            const Ticket t = newTicket(QStringLiteral("批量 %1").arg(i),
                i % 3 == 0 ? QStringLiteral("field-ops") : QStringLiteral("service"),
                QStringLiteral("D5H-%1").arg(i, 4, 10, QLatin1Char('0')));
            mutations.append(desk.mutation(QStringLiteral("ticket.create"), t.id, createArgs(t)));
        }
        const HttpResult pushed = desk.push(mutations);
        QVERIFY2(pushed.status == 200, pushed.raw.constData());
    }
    const QList<QJsonObject> lines = linesOf(boss->post(kRun, definition("day", {QStringLiteral("tickets")})));
    QCOMPARE(lines.last().value(QStringLiteral("tickets")).toInt(), count);
    const QList<QJsonObject> byGroup = linesOf(boss->post(kRun, definition("group", {QStringLiteral("tickets")})));
    QCOMPARE(
        rowsOf(byGroup).value(QStringLiteral("field-ops"))[QStringLiteral("values")][QStringLiteral("tickets")].toInt(),
        367);
}

QTEST_GUILESS_MAIN(TestReportApi)
#include "tst_reportapi.moc"
