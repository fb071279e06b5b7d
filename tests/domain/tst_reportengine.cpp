// Report definitions and their computation (workflows.md §9.6 definitions, §9.7 reports): each measure against
// hand-computed figures, the grouping keys, the period and the definition's checks.
#include "domain/ReportEngine.h"
#include "tests/support/ShanghaiCalendar.h"

#include <QJsonArray>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

namespace {

const QTimeZone kShanghai(QByteArrayLiteral("Asia/Shanghai"));

QDateTime at(const char* when)
{
    return QDateTime::fromSecsSinceEpoch(local(when), Qt::UTC);
}

Ticket ticketAt(const char* created, TicketStatus status = TicketStatus::InProgress)
{
    Ticket t;
    t.id = QStringLiteral("t-%1").arg(QLatin1String(created));
    t.createdAt = at(created);
    t.status = status;
    t.groupId = QStringLiteral("g1");
    return t;
}

Comment reply(const Ticket& t, qint64 minutesAfter, CommentVisibility visibility = CommentVisibility::Public)
{
    Comment c;
    c.ticketId = t.id;
    c.visibility = visibility;
    c.createdAt = t.createdAt.addSecs(minutesAfter * 60);
    return c;
}

TicketEvent move(const Ticket& t, qint64 hoursAfter, TicketStatus from, TicketStatus to)
{
    TicketEvent e;
    e.ticketId = t.id;
    e.kind = QStringLiteral("status");
    e.at = t.createdAt.addSecs(hoursAfter * 3600);
    e.oldValue = EnumText<TicketStatus>::key(from);
    e.newValue = EnumText<TicketStatus>::key(to);
    return e;
}

ReportDefinition reportOf(QList<ReportMeasure> measures, ReportGrouping grouping = ReportGrouping::Group)
{
    ReportDefinition d;
    d.id = QStringLiteral("r");
    d.name = QStringLiteral("r");
    d.grouping = grouping;
    d.measures = std::move(measures);
    return d;
}

/// Every ticket of March 2026 counts.
ReportAccumulator accumulatorOf(const ReportDefinition& d)
{
    return ReportAccumulator(d, at("2026-03-01 00:00"), at("2026-04-01 00:00"), kShanghai);
}

SlaSetup setupOf(int firstResponse, int resolution, const BusinessCalendar& calendar)
{
    SlaPolicy p;
    p.id = QStringLiteral("p");
    p.name = QStringLiteral("standard");
    p.calendarId = QStringLiteral("cal");
    p.targets.insert(Priority::Normal, {firstResponse, 0, resolution});
    SlaSetup setup;
    setup.policies = {p};
    setup.calendars.insert(QStringLiteral("cal"), calendar);
    return setup;
}

QJsonValue totalOf(const QList<ReportFacts>& facts, ReportMeasure measure)
{
    ReportAccumulator acc = accumulatorOf(reportOf({measure}));
    for (const ReportFacts& f : facts)
        acc.add(f);
    return acc.total().values.value(ReportDefinition::measureKey(measure));
}

} // namespace

Q_DECLARE_METATYPE(gongdan::ReportGrouping)
Q_DECLARE_METATYPE(gongdan::TicketStatus)

class TestReportEngine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void oneTouch_data();
    void oneTouch();
    void reopen_data();
    void reopen();
    void slaAttainment_data();
    void slaAttainment();
    void firstResponseMinutes_data();
    void firstResponseMinutes();
    void resolutionAndClose();
    void satisfactionCountsOnlyScoredTickets();
    void groupingKeys_data();
    void groupingKeys();
    void rowsPerKeyAndTotal();
    void periodAndConditions();
    void periodResolves_data();
    void periodResolves();
    void definitionChecks_data();
    void definitionChecks();
    void definitionRoundTrips();
};

void TestReportEngine::oneTouch_data()
{
    QTest::addColumn<QList<int>>("closedReplies"); // public replies of each closed ticket
    QTest::addColumn<QList<int>>("openReplies"); // … of each open one (not counted)
    QTest::addColumn<QJsonValue>("expected");
    // T-DSH-04: 10 closed, 6 with 1 public reply, 2 with 0, 2 with 3 → 80 %.
    QTest::newRow("T-DSH-04") << QList<int> {1, 1, 1, 1, 1, 1, 0, 0, 3, 3} << QList<int> {} << QJsonValue(0.8);
    QTest::newRow("open tickets are not counted") << QList<int> {2, 0} << QList<int> {0, 0, 5} << QJsonValue(0.5);
    QTest::newRow("two replies are not one touch") << QList<int> {2, 2} << QList<int> {} << QJsonValue(0.0);
    QTest::newRow("none closed: no figure") << QList<int> {} << QList<int> {1} << QJsonValue(QJsonValue::Null);
}

void TestReportEngine::oneTouch()
{
    QFETCH(QList<int>, closedReplies);
    QFETCH(QList<int>, openReplies);
    QFETCH(QJsonValue, expected);
    QList<ReportFacts> facts;
    const auto add = [&facts](int replies, TicketStatus status) {
        Ticket t = ticketAt("2026-03-02 10:00", status);
        QList<Comment> comments;
        for (int i = 0; i < replies; ++i)
            comments.append(reply(t, 10 + i));
        comments.append(reply(t, 5, CommentVisibility::Internal)); // a note is no touch
        facts.append(ReportEngine::factsOf(t, {}, comments, {}, t.createdAt.toSecsSinceEpoch() + 86400));
    };
    for (int replies : closedReplies)
        add(replies, TicketStatus::Closed);
    for (int replies : openReplies)
        add(replies, TicketStatus::InProgress);
    QCOMPARE(totalOf(facts, ReportMeasure::OneTouchRate), expected);
}

void TestReportEngine::reopen_data()
{
    QTest::addColumn<QList<int>>("closeHours"); // hours after creation each close happened
    QTest::addColumn<QList<int>>("reopenHours"); // … and each reopen
    QTest::addColumn<TicketStatus>("now");
    QTest::addColumn<bool>("everClosed");
    QTest::addColumn<bool>("reopened");
    QTest::newRow("closed, never reopened") << QList<int> {5} << QList<int> {} << TicketStatus::Closed << true << false;
    QTest::newRow("reopened after 2 days")
        << QList<int> {5} << QList<int> {53} << TicketStatus::InProgress << true << true;
    QTest::newRow("reopened at exactly 7 days")
        << QList<int> {5} << QList<int> {5 + 168} << TicketStatus::FollowUp << true << true;
    QTest::newRow("reopened after 8 days")
        << QList<int> {5} << QList<int> {5 + 192} << TicketStatus::InProgress << true << false;
    QTest::newRow("second close, reopened within 7 days of it")
        << QList<int> {5, 410} << QList<int> {400, 420} << TicketStatus::InProgress << true << true;
    QTest::newRow("never closed") << QList<int> {} << QList<int> {} << TicketStatus::InProgress << false << false;
}

void TestReportEngine::reopen()
{
    QFETCH(QList<int>, closeHours);
    QFETCH(QList<int>, reopenHours);
    QFETCH(TicketStatus, now);
    QFETCH(bool, everClosed);
    QFETCH(bool, reopened);
    Ticket t = ticketAt("2026-03-02 10:00", now);
    QList<TicketEvent> events;
    for (int h : closeHours)
        events.append(move(t, h, TicketStatus::InProgress, TicketStatus::Closed));
    for (int h : reopenHours)
        events.append(move(t, h, TicketStatus::Closed, TicketStatus::InProgress));
    const ReportFacts facts = ReportEngine::factsOf(t, events, {}, {}, t.createdAt.toSecsSinceEpoch() + 3600 * 1000);
    QCOMPARE(facts.everClosed, everClosed);
    QCOMPARE(facts.reopenedWithin7Days, reopened);
    // The rate: of the tickets closed at least once, those reopened within 7 days.
    Ticket other = ticketAt("2026-03-03 10:00", TicketStatus::Closed);
    const ReportFacts plain = ReportEngine::factsOf(other, {}, {}, {}, other.createdAt.toSecsSinceEpoch());
    const QJsonValue expected = everClosed ? QJsonValue((reopened ? 1.0 : 0.0) / 2.0) : QJsonValue(0.0);
    QCOMPARE(totalOf({facts, plain}, ReportMeasure::ReopenRate), expected);
}

void TestReportEngine::slaAttainment_data()
{
    QTest::addColumn<int>("met");
    QTest::addColumn<int>("breached");
    QTest::addColumn<int>("running");
    QTest::addColumn<QJsonValue>("expected");
    // T-DSH-03: 45 first-response clocks, 37 met, 3 breached, 5 still running → 37/40 = 92.5 %.
    QTest::newRow("T-DSH-03") << 37 << 3 << 5 << QJsonValue(0.925);
    QTest::newRow("all met") << 4 << 0 << 1 << QJsonValue(1.0);
    QTest::newRow("only running: no figure") << 0 << 0 << 3 << QJsonValue(QJsonValue::Null);
}

void TestReportEngine::slaAttainment()
{
    QFETCH(int, met);
    QFETCH(int, breached);
    QFETCH(int, running);
    QFETCH(QJsonValue, expected);
    const SlaSetup setup = setupOf(60, 0, BusinessCalendar::allDay()); // first response in 60 minutes, 24/7
    const qint64 now = local("2026-03-10 12:00");
    QList<ReportFacts> facts;
    for (int i = 0; i < met + breached + running; ++i) {
        Ticket t = ticketAt("2026-03-10 09:00");
        QList<Comment> comments;
        if (i < met)
            comments.append(reply(t, 30));
        else if (i < met + breached)
            comments.append(reply(t, 90));
        else
            t.createdAt = QDateTime::fromSecsSinceEpoch(now - 600, Qt::UTC); // 10 minutes in, running
        facts.append(ReportEngine::factsOf(t, {}, comments, setup, now));
    }
    QCOMPARE(totalOf(facts, ReportMeasure::SlaAttainment), expected);
}

void TestReportEngine::firstResponseMinutes_data()
{
    QTest::addColumn<bool>("policy");
    QTest::addColumn<QJsonValue>("average");
    QTest::addColumn<QJsonValue>("median");
    // Created Fri 17:00 and Mon 10:00, answered Mon 10:00 and Mon 10:30; a third Tue 09:00 answered 09:05.
    // Under CN9-18 (business minutes): 120, 30, 5 → avg 155/3, median 30. Without a policy (wall minutes):
    // 3900, 30, 5 → avg 3935/3, median 30.
    QTest::newRow("business minutes under a policy") << true << QJsonValue(155.0 / 3) << QJsonValue(30.0);
    QTest::newRow("wall minutes without one") << false << QJsonValue(3935.0 / 3) << QJsonValue(30.0);
}

void TestReportEngine::firstResponseMinutes()
{
    QFETCH(bool, policy);
    QFETCH(QJsonValue, average);
    QFETCH(QJsonValue, median);
    const SlaSetup setup = policy ? setupOf(480, 0, cn918()) : SlaSetup {};
    const qint64 now = local("2026-03-20 12:00");
    QList<ReportFacts> facts;
    const auto add = [&](const char* created, qint64 minutes) {
        Ticket t = ticketAt(created);
        t.firstResponseAt = t.createdAt.addSecs(minutes * 60);
        facts.append(ReportEngine::factsOf(t, {}, {reply(t, minutes)}, setup, now));
    };
    add("2026-03-06 17:00", 3900); // Friday → Monday 10:00
    add("2026-03-09 10:00", 30);
    add("2026-03-10 09:00", 5);
    Ticket unanswered = ticketAt("2026-03-11 09:00");
    facts.append(ReportEngine::factsOf(unanswered, {}, {}, setup, now)); // no response: not counted
    QCOMPARE(facts.first().firstResponseBusiness, policy);
    QCOMPARE(totalOf(facts, ReportMeasure::FirstResponseAvg).toDouble(), average.toDouble());
    QCOMPARE(totalOf(facts, ReportMeasure::FirstResponseMedian), median);
}

void TestReportEngine::resolutionAndClose()
{
    // Without a policy: wall minutes to resolved_at, wall hours to closed_at; open tickets count in neither.
    QList<ReportFacts> facts;
    const auto closed = [&facts](int resolvedHours, int closedHours) {
        Ticket t = ticketAt("2026-03-02 08:00", TicketStatus::Closed);
        t.resolvedAt = t.createdAt.addSecs(resolvedHours * 3600);
        t.closedAt = t.createdAt.addSecs(closedHours * 3600);
        facts.append(ReportEngine::factsOf(t, {}, {}, {}, local("2026-03-30 00:00")));
    };
    closed(2, 4);
    closed(4, 10);
    closed(9, 10);
    facts.append(ReportEngine::factsOf(ticketAt("2026-03-03 08:00"), {}, {}, {}, local("2026-03-30 00:00")));
    QCOMPARE(totalOf(facts, ReportMeasure::ResolutionAvg), QJsonValue(300.0)); // (120 + 240 + 540) / 3
    QCOMPARE(totalOf(facts, ReportMeasure::ResolutionMedian), QJsonValue(240.0));
    QCOMPARE(totalOf(facts, ReportMeasure::HoursToCloseAvg), QJsonValue(8.0)); // (4 + 10 + 10) / 3
    QCOMPARE(totalOf(facts, ReportMeasure::Closed), QJsonValue(3));
    QCOMPARE(totalOf(facts, ReportMeasure::Tickets), QJsonValue(4));
    // An even count's median is the mean of the middle two.
    facts.removeAt(2);
    QCOMPARE(totalOf(facts, ReportMeasure::ResolutionMedian), QJsonValue(180.0));
}

void TestReportEngine::satisfactionCountsOnlyScoredTickets()
{
    QList<ReportFacts> facts;
    for (const int score : {5, 4, 2, 0, 7, -1}) {
        Ticket t = ticketAt("2026-03-04 10:00", TicketStatus::Closed);
        t.satisfaction = score;
        t.customFields.insert(QStringLiteral("satisfaction"), 5); // a field of that name is not the score
        facts.append(ReportEngine::factsOf(t, {}, {}, {}, local("2026-03-30 00:00")));
    }
    QCOMPARE(totalOf(facts, ReportMeasure::SatisfactionCount), QJsonValue(3)); // 0 is none; 7 and -1 are no scores
    QCOMPARE(totalOf(facts, ReportMeasure::SatisfactionAvg).toDouble(), 11.0 / 3);
    QCOMPARE(totalOf(facts.mid(3), ReportMeasure::SatisfactionAvg), QJsonValue(QJsonValue::Null));
}

void TestReportEngine::groupingKeys_data()
{
    QTest::addColumn<ReportGrouping>("grouping");
    QTest::addColumn<QStringList>("keys");
    // The ticket: created 2026-03-01 23:30 Shanghai (15:30 UTC), tags VIP and 投诉, urgent, by WeChat, repair.
    QTest::newRow("group") << ReportGrouping::Group << QStringList {QStringLiteral("g1")};
    QTest::newRow("agent") << ReportGrouping::Agent << QStringList {QStringLiteral("u7")};
    QTest::newRow("category") << ReportGrouping::Category << QStringList {QStringLiteral("c3")};
    QTest::newRow("need type") << ReportGrouping::NeedType << QStringList {QStringLiteral("repair")};
    QTest::newRow("priority") << ReportGrouping::Priority << QStringList {QStringLiteral("urgent")};
    QTest::newRow("channel") << ReportGrouping::Channel << QStringList {QStringLiteral("wechat")};
    QTest::newRow("customer level") << ReportGrouping::CustomerLevel << QStringList {QStringLiteral("vip")};
    QTest::newRow("region") << ReportGrouping::Region << QStringList {QStringLiteral("上海")};
    QTest::newRow("tag: one row each") << ReportGrouping::Tag
                                       << QStringList {QStringLiteral("VIP"), QStringLiteral("投诉")};
    QTest::newRow("day, in the team's zone") << ReportGrouping::Day << QStringList {QStringLiteral("2026-03-01")};
    QTest::newRow("ISO week") << ReportGrouping::Week << QStringList {QStringLiteral("2026-W09")};
    QTest::newRow("month") << ReportGrouping::Month << QStringList {QStringLiteral("2026-03")};
}

void TestReportEngine::groupingKeys()
{
    QFETCH(ReportGrouping, grouping);
    QFETCH(QStringList, keys);
    Ticket t = ticketAt("2026-03-01 23:30");
    t.assigneeId = QStringLiteral("u7");
    t.categoryId = QStringLiteral("c3");
    t.needType = NeedType::Repair;
    t.priority = Priority::Urgent;
    t.channel = Channel::WeChat;
    t.tags = {QStringLiteral("VIP"), QStringLiteral("投诉"), QStringLiteral("VIP")};
    const QJsonObject extra {
        {QStringLiteral("customer_level"), QStringLiteral("vip")}, {QStringLiteral("region"), QStringLiteral("上海")}};
    const ReportFacts facts = ReportEngine::factsOf(t, {}, {}, {}, local("2026-03-30 00:00"), extra);
    QCOMPARE(ReportEngine::keysOf(facts, grouping, kShanghai), keys);
}

void TestReportEngine::rowsPerKeyAndTotal()
{
    ReportAccumulator acc = accumulatorOf(reportOf({ReportMeasure::Tickets}, ReportGrouping::Tag));
    Ticket a = ticketAt("2026-03-02 10:00");
    a.tags = {QStringLiteral("b"), QStringLiteral("a")};
    Ticket b = ticketAt("2026-03-02 11:00");
    b.tags = {QStringLiteral("a")};
    Ticket c = ticketAt("2026-03-02 12:00");
    for (const Ticket& t : {a, b, c})
        QVERIFY(acc.add(ReportEngine::factsOf(t, {}, {}, {}, local("2026-03-30 00:00"))));
    const QList<ReportRow> rows = acc.rows();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).key, QString()); // no tag
    QCOMPARE(rows.at(0).values.value(QStringLiteral("tickets")), QJsonValue(1));
    QCOMPARE(rows.at(1).key, QStringLiteral("a"));
    QCOMPARE(rows.at(1).values.value(QStringLiteral("tickets")), QJsonValue(2));
    QCOMPARE(rows.at(2).key, QStringLiteral("b"));
    QCOMPARE(acc.total().values.value(QStringLiteral("tickets")), QJsonValue(3)); // a counts once
}

void TestReportEngine::periodAndConditions()
{
    ReportDefinition d = reportOf({ReportMeasure::Tickets});
    d.conditions = {{QStringLiteral("priority"), ConditionOp::Is, QStringLiteral("urgent")},
        {QStringLiteral("region"), ConditionOp::Is, QStringLiteral("上海")}};
    ReportAccumulator acc = accumulatorOf(d);
    const QJsonObject shanghai {{QStringLiteral("region"), QStringLiteral("上海")}};
    Ticket urgent = ticketAt("2026-03-31 23:59");
    urgent.priority = Priority::Urgent;
    Ticket tooEarly = urgent;
    tooEarly.createdAt = at("2026-02-28 23:59");
    Ticket tooLate = urgent;
    tooLate.createdAt = at("2026-04-01 00:00");
    Ticket normal = ticketAt("2026-03-05 10:00");
    const qint64 now = local("2026-04-02 00:00");
    QVERIFY(acc.add(ReportEngine::factsOf(urgent, {}, {}, {}, now, shanghai)));
    QVERIFY(!acc.add(ReportEngine::factsOf(urgent, {}, {}, {}, now))); // another region
    QVERIFY(!acc.add(ReportEngine::factsOf(tooEarly, {}, {}, {}, now, shanghai)));
    QVERIFY(!acc.add(ReportEngine::factsOf(tooLate, {}, {}, {}, now, shanghai)));
    QVERIFY(!acc.add(ReportEngine::factsOf(normal, {}, {}, {}, now, shanghai)));
    QCOMPARE(acc.tickets(), 1);
}

void TestReportEngine::periodResolves_data()
{
    QTest::addColumn<QJsonObject>("period");
    QTest::addColumn<QString>("from"); // Shanghai wall time
    QTest::addColumn<QString>("to");
    // Now: 2026-03-15 01:00 Shanghai (2026-03-14 17:00 UTC).
    QTest::newRow("last 7 days") << QJsonObject {{QStringLiteral("kind"), QStringLiteral("last_days")},
        {QStringLiteral("days"), 7}}
                                 << QStringLiteral("2026-03-09 00:00") << QStringLiteral("2026-03-16 00:00");
    QTest::newRow("this month") << QJsonObject {{QStringLiteral("kind"), QStringLiteral("this_month")}}
                                << QStringLiteral("2026-03-01 00:00") << QStringLiteral("2026-04-01 00:00");
    QTest::newRow("last month") << QJsonObject {{QStringLiteral("kind"), QStringLiteral("last_month")}}
                                << QStringLiteral("2026-02-01 00:00") << QStringLiteral("2026-03-01 00:00");
    QTest::newRow("range, both days included") << QJsonObject {{QStringLiteral("kind"), QStringLiteral("range")},
        {QStringLiteral("from"), QStringLiteral("2025-12-30")}, {QStringLiteral("to"), QStringLiteral("2026-01-02")}}
                                               << QStringLiteral("2025-12-30 00:00")
                                               << QStringLiteral("2026-01-03 00:00");
}

void TestReportEngine::periodResolves()
{
    QFETCH(QJsonObject, period);
    QFETCH(QString, from);
    QFETCH(QString, to);
    auto parsed = ReportPeriod::fromJson(period);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    const auto span = parsed.value().resolve(at("2026-03-15 01:00"), kShanghai);
    QCOMPARE(span.first, at(from.toLatin1().constData()));
    QCOMPARE(span.second, at(to.toLatin1().constData()));
    QCOMPARE(parsed.value().toJson(), period);
}

void TestReportEngine::definitionChecks_data()
{
    QTest::addColumn<QJsonObject>("patch"); // laid over a valid definition
    QTest::addColumn<QString>("field"); // the field the error names; empty: valid
    const auto cond = [](const char* field, const char* op) {
        return QJsonArray {QJsonObject {{QStringLiteral("field"), QLatin1String(field)},
            {QStringLiteral("op"), QLatin1String(op)}, {QStringLiteral("value"), QStringLiteral("x")}}};
    };
    QTest::newRow("valid") << QJsonObject {} << QString();
    QTest::newRow("no name") << QJsonObject {{QStringLiteral("name"), QStringLiteral("  ")}} << QStringLiteral("name");
    QTest::newRow("unknown grouping") << QJsonObject {{QStringLiteral("grouping"), QStringLiteral("year")}}
                                      << QStringLiteral("grouping");
    QTest::newRow("no measure") << QJsonObject {{QStringLiteral("measures"), QJsonArray {}}}
                                << QStringLiteral("measures");
    QTest::newRow("unknown measure") << QJsonObject {{QStringLiteral("measures"),
        QJsonArray {QStringLiteral("tickets"), QStringLiteral("qa_score")}}}
                                     << QStringLiteral("measures[1]");
    QTest::newRow("a measure twice") << QJsonObject {{QStringLiteral("measures"),
        QJsonArray {QStringLiteral("tickets"), QStringLiteral("tickets")}}}
                                     << QStringLiteral("measures[1]");
    QTest::newRow("zero days") << QJsonObject {{QStringLiteral("period"),
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("last_days")}, {QStringLiteral("days"), 0}}}}
                               << QStringLiteral("period.days");
    QTest::newRow("unknown period") << QJsonObject {{QStringLiteral("period"),
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("forever")}}}}
                                    << QStringLiteral("period.kind");
    QTest::newRow("range backwards") << QJsonObject {{QStringLiteral("period"),
        QJsonObject {{QStringLiteral("kind"), QStringLiteral("range")},
            {QStringLiteral("from"), QStringLiteral("2026-03-02")},
            {QStringLiteral("to"), QStringLiteral("2026-03-01")}}}}
                                     << QStringLiteral("period.to");
    QTest::newRow("unknown field") << QJsonObject {{QStringLiteral("match"),
        QJsonObject {{QStringLiteral("all"), cond("colour", "is")}}}}
                                   << QStringLiteral("match.all[0].field");
    QTest::newRow("unknown operator") << QJsonObject {{QStringLiteral("match"),
        QJsonObject {{QStringLiteral("any"), cond("priority", "like")}}}}
                                      << QStringLiteral("match.any[0].op");
    QTest::newRow("region is a field") << QJsonObject {{QStringLiteral("match"),
        QJsonObject {{QStringLiteral("all"), cond("region", "is")}}}}
                                       << QString();
}

void TestReportEngine::definitionChecks()
{
    QFETCH(QJsonObject, patch);
    QFETCH(QString, field);
    QJsonObject json = ReportDefinition::examples().first().toJson();
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it)
        json.insert(it.key(), it.value());
    const auto parsed = ReportDefinition::fromJson(json);
    QCOMPARE(parsed.ok(), field.isEmpty());
    if (!parsed.ok()) {
        QCOMPARE(parsed.error().code, QStringLiteral("report.invalid"));
        QCOMPARE(parsed.error().field, field);
    }
}

void TestReportEngine::definitionRoundTrips()
{
    for (const ReportDefinition& example : ReportDefinition::examples()) {
        QVERIFY(example.builtIn());
        const auto back = ReportDefinition::fromJson(example.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back.value().toJson(), example.toJson());
    }
    ReportDefinition d = reportOf(ReportDefinition::allMeasures(), ReportGrouping::Week);
    d.match = MatchMode::Any;
    d.conditions = {{QStringLiteral("tags"), ConditionOp::Contains, QStringLiteral("VIP")}};
    d.period.kind = ReportPeriod::Kind::Range;
    d.period.from = QDate(2026, 1, 1);
    d.period.to = QDate(2026, 1, 31);
    const auto back = ReportDefinition::fromJson(d.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back.value().toJson(), d.toJson());
    QVERIFY(!back.value().builtIn());
}

QTEST_GUILESS_MAIN(TestReportEngine)
#include "tst_reportengine.moc"
