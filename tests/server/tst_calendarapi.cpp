// The business-calendar preview over REST, on a real gongdan-server with both backends: the same answers as the
// due-time tool (T-SLA-11 with its 调休 Sunday, pauses), a wrong calendar, instant or pause refused with a 400 naming
// the field, nothing for someone not signed in, and the shipped China 2026 calendar.
#include "tests/support/OpenApiContract.h"
#include "tests/support/ServerHarness.h"
#include "tests/support/SyncDevice.h"

#include <QJsonArray>
#include <QTest>

using namespace gongdan::test;

namespace {

QJsonObject cn918()
{
    const QJsonArray day {QJsonArray {QStringLiteral("09:00"), QStringLiteral("18:00")}};
    QJsonObject holidays;
    for (int d = 1; d <= 7; ++d)
        holidays.insert(QStringLiteral("2024-10-0%1").arg(d), QStringLiteral("国庆节"));
    return QJsonObject {{QStringLiteral("name"), QStringLiteral("CN9-18")},
        {QStringLiteral("timezone"), QStringLiteral("Asia/Shanghai")},
        {QStringLiteral("weekly"),
            QJsonObject {{QStringLiteral("mon"), day}, {QStringLiteral("tue"), day}, {QStringLiteral("wed"), day},
                {QStringLiteral("thu"), day}, {QStringLiteral("fri"), day}}},
        {QStringLiteral("holidays"), holidays},
        {QStringLiteral("workdays"), QJsonObject {{QStringLiteral("2024-09-29"), day}}}};
}

} // namespace

class TestCalendarApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void previewsDueTimes_data() { addBackendRows(); }
    void previewsDueTimes();
    void refusesWhatIsWrong_data() { addBackendRows(); }
    void refusesWhatIsWrong();

private:
    std::unique_ptr<HttpClient> signedIn();
    std::unique_ptr<SeededServer> m_fixture;
    std::optional<OpenApiContract> m_contract = OpenApiContract::load();
};

void TestCalendarApi::init()
{
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
}

void TestCalendarApi::cleanup()
{
    m_fixture.reset();
}

std::unique_ptr<HttpClient> TestCalendarApi::signedIn()
{
    auto http = std::make_unique<HttpClient>(m_fixture->baseUrl());
    http->setToken(signIn(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password")));
    http->holdTo(m_contract ? &*m_contract : nullptr); // every answer as docs/api/openapi.yaml says
    return http;
}

void TestCalendarApi::previewsDueTimes()
{
    auto li = signedIn();
    // T-SLA-11: Fri 17:00 + 240 business minutes lands on the make-up Sunday at 12:00.
    HttpResult answer = li->post(QStringLiteral("/api/v1/calendars/due"),
        {{QStringLiteral("calendar"), cn918()}, {QStringLiteral("from"), QStringLiteral("2024-09-27T17:00:00+08:00")},
            {QStringLiteral("minutes"), 240}});
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(QStringLiteral("due")).toString(), QStringLiteral("2024-09-29T04:00:00Z"));
    QCOMPARE(answer.body.value(QStringLiteral("business_minutes")).toInt(), 240);
    // With a pause (T-SLA-13).
    answer = li->post(QStringLiteral("/api/v1/calendars/due"),
        {{QStringLiteral("calendar"), cn918()}, {QStringLiteral("from"), QStringLiteral("2024-06-17T10:00:00+08:00")},
            {QStringLiteral("minutes"), 480},
            {QStringLiteral("pauses"),
                QJsonArray {QJsonObject {{QStringLiteral("from"), QStringLiteral("2024-06-17T14:00:00+08:00")},
                    {QStringLiteral("to"), QStringLiteral("2024-06-18T11:00:00+08:00")}}}}});
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(QStringLiteral("due")).toString(), QStringLiteral("2024-06-18T07:00:00Z"));
    // The shipped calendar, ready to edit and import.
    answer = li->get(QStringLiteral("/api/v1/calendars/shipped/china-2026"));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body.value(QStringLiteral("holidays")).toObject().value(QStringLiteral("2026-02-15")).toString(),
        QString::fromUtf8("春节"));
    QCOMPARE(li->get(QStringLiteral("/api/v1/calendars/shipped/mars-2026")).status, 404);
    QVERIFY(m_contract);
    QVERIFY2(li->contractViolations().isEmpty(), qPrintable(li->contractViolations().join(QLatin1Char('\n'))));
}

void TestCalendarApi::refusesWhatIsWrong()
{
    auto li = signedIn();
    const auto post
        = [&li](const QJsonObject& body) { return li->post(QStringLiteral("/api/v1/calendars/due"), body); };
    QJsonObject good {{QStringLiteral("calendar"), cn918()},
        {QStringLiteral("from"), QStringLiteral("2024-09-27T17:00:00+08:00")}, {QStringLiteral("minutes"), 60}};
    struct Case {
        const char* key;
        QJsonValue value;
        const char* field;
    };
    QJsonObject badHours = cn918();
    badHours.insert(QStringLiteral("weekly"),
        QJsonObject {
            {QStringLiteral("mon"), QJsonArray {QJsonArray {QStringLiteral("09:00"), QStringLiteral("25:00")}}}});
    const QList<Case> cases {
        {"calendar", badHours, "calendar.weekly.mon[0]"},
        {"from", QStringLiteral("2024-09-27T17:00:00"), "from"},
        {"minutes", -1, "minutes"},
        {"minutes", 1.5, "minutes"},
        {"pauses",
            QJsonArray {QJsonObject {{QStringLiteral("from"), QStringLiteral("2024-06-18T11:00:00Z")},
                {QStringLiteral("to"), QStringLiteral("2024-06-17T11:00:00Z")}}},
            "pauses[0].to"},
        {"pauses",
            QJsonArray {QJsonObject {{QStringLiteral("from"), QStringLiteral("yesterday")},
                {QStringLiteral("to"), QStringLiteral("2024-06-17T11:00:00Z")}}},
            "pauses[0].from"},
        {"pauses", QJsonArray {QStringLiteral("2024-06-17T11:00:00Z/2024-06-18T11:00:00Z")}, "pauses[0]"},
        {"minutes", 527041, "minutes"},
    };
    for (const Case& c : cases) {
        QJsonObject body = good;
        body.insert(QLatin1String(c.key), c.value);
        const HttpResult answer = post(body);
        QVERIFY2(
            answer.status == 400, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.key)).arg(answer.status)));
        QCOMPARE(answer.body.value(QStringLiteral("field")).toString(), QLatin1String(c.field));
        QVERIFY(!answer.body.value(QStringLiteral("message")).toString().isEmpty());
    }
    QJsonObject missing = good;
    missing.remove(QStringLiteral("calendar"));
    QCOMPARE(post(missing).status, 400);
    QJsonObject unknown = good;
    unknown.insert(QStringLiteral("timezone"), QStringLiteral("UTC")); // a misspelt field is not ignored
    QCOMPARE(post(unknown).status, 400);
    HttpClient anonymous(m_fixture->baseUrl());
    anonymous.holdTo(&*m_contract);
    QCOMPARE(anonymous.post(QStringLiteral("/api/v1/calendars/due"), good).status, 401);
    QCOMPARE(anonymous.get(QStringLiteral("/api/v1/calendars/shipped/china-2026")).status, 401);
    QStringList violations = li->contractViolations() + anonymous.contractViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestCalendarApi)
#include "tst_calendarapi.moc"
