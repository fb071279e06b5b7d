// SLA clocks rebuilt from a ticket's history (workflows.md §9.1 R1–R7, acceptance rows T-SLA-13, 15, 16, 17 and the
// light of T-ESC-04), on the CN9-18 calendar (Mon–Fri 09:00–18:00 Asia/Shanghai) unless a row says otherwise.
#include "domain/SlaClock.h"
#include "domain/TicketMatch.h"
#include "tests/support/ShanghaiCalendar.h"

#include <QJsonArray>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

namespace {

SlaPolicy policy(int firstResponse, int nextResponse, int resolution, Priority priority = Priority::Normal)
{
    SlaPolicy p;
    p.id = QStringLiteral("p");
    p.name = QStringLiteral("standard");
    p.targets.insert(priority, {firstResponse, nextResponse, resolution});
    return p;
}

SlaFact moved(const char* when, TicketStatus status)
{
    return {local(when), SlaFact::Kind::Moved, status};
}

SlaFact fact(const char* when, SlaFact::Kind kind)
{
    return {local(when), kind, TicketStatus::New};
}

const SlaClock* clockOf(const QList<SlaClock>& clocks, SlaMetric metric, int cycle = 1)
{
    for (const SlaClock& clock : clocks) {
        if (clock.metric == metric && clock.cycle == cycle)
            return &clock;
    }
    return nullptr;
}

} // namespace

Q_DECLARE_METATYPE(SlaMetric)
Q_DECLARE_METATYPE(SlaClock::State)
Q_DECLARE_METATYPE(SlaClock::Light)
Q_DECLARE_METATYPE(SlaHistory)
Q_DECLARE_METATYPE(SlaPolicy)

class TestSlaClock : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void clocks_data();
    void clocks();
    void nextResponseKeepsEveryCycle();
    void acceptRunsWhileTheTicketWaitsInTheQueue();
    void policyChoice();
    void policyJsonRoundTrips();
    void badPoliciesNameTheField();
};

void TestSlaClock::clocks_data()
{
    QTest::addColumn<SlaHistory>("history");
    QTest::addColumn<SlaPolicy>("policy");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<SlaMetric>("metric");
    QTest::addColumn<SlaClock::State>("state");
    QTest::addColumn<qint64>("due"); // -1: none
    QTest::addColumn<qint64>("elapsedMinutes");
    QTest::addColumn<int>("pauses");
    QTest::addColumn<SlaClock::Light>("light");
    using K = SlaFact::Kind;
    using S = SlaClock::State;
    using L = SlaClock::Light;
    const SlaHistory t13 {local("2024-06-17 10:00"), TicketStatus::InProgress, Priority::Normal,
        {moved("2024-06-17 14:00", TicketStatus::WaitingCustomer),
            moved("2024-06-18 11:00", TicketStatus::InProgress)}};
    // T-SLA-13: 待客户确认 Mon 14:00 → 处理中 Tue 11:00; resolution 480 from Mon 10:00 is due Tue 15:00, one pause.
    QTest::newRow("T-SLA-13 resumed") << t13 << policy(0, 0, 480) << local("2024-06-18 12:00") << SlaMetric::Resolution
                                      << S::Running << local("2024-06-18 15:00") << qint64(240 + 60) << 1 << L::Green;
    // … while paused: no due time (the UI says 已暂停), the elapsed time frozen at 240.
    QTest::newRow("T-SLA-13 paused") << SlaHistory {t13.createdAt, t13.initialStatus, t13.priority, {t13.facts.first()}}
                                     << policy(0, 0, 480) << local("2024-06-18 10:00") << SlaMetric::Resolution
                                     << S::Paused << qint64(-1) << qint64(240) << 1 << L::Green;
    // T-SLA-15: 特急 (FR 2 h) since 10:00, created 09:00 as 紧急 (FR 4 h): due 11:00 from the original start.
    SlaPolicy byPriority = policy(240, 0, 0, Priority::Urgent);
    byPriority.targets.insert(Priority::Critical, {120, 0, 0});
    QTest::newRow("T-SLA-15") << SlaHistory {local("2024-06-17 09:00"), TicketStatus::New, Priority::Critical, {}}
                              << byPriority << local("2024-06-17 10:00") << SlaMetric::FirstResponse << S::Running
                              << local("2024-06-17 11:00") << qint64(60) << 0 << L::Green;
    // R4: the first response pauses with the ticket by default …
    QTest::newRow("FR pauses") << SlaHistory {t13.createdAt, t13.initialStatus, t13.priority, {t13.facts.first()}}
                               << policy(480, 0, 0) << local("2024-06-18 10:00") << SlaMetric::FirstResponse
                               << S::Paused << qint64(-1) << qint64(240) << 1 << L::Green;
    // … and runs on with pause_first_response = false (Znuny).
    SlaPolicy runsOn = policy(480, 0, 0);
    runsOn.pauseFirstResponse = false;
    QTest::newRow("FR runs on") << SlaHistory {t13.createdAt, t13.initialStatus, t13.priority, {t13.facts.first()}}
                                << runsOn << local("2024-06-18 10:00") << SlaMetric::FirstResponse << S::Running
                                << local("2024-06-17 18:00") << qint64(480 + 60) << 0 << L::Red;
    // A policy's own status behaviour: this team's 待客户确认 runs the clocks (T-SLA-13's history: 480 minutes due Mon
    // 18:00, 540 used by Tue 10:00, breached) …
    SlaPolicy waitingRuns = policy(0, 0, 480);
    waitingRuns.statusBehavior.insert(TicketStatus::WaitingCustomer, SlaBehavior::Run);
    QTest::newRow("policy: waiting runs")
        << SlaHistory {t13.createdAt, t13.initialStatus, t13.priority, {t13.facts.first()}} << waitingRuns
        << local("2024-06-18 10:00") << SlaMetric::Resolution << S::Running << local("2024-06-17 18:00") << qint64(540)
        << 0 << L::Red;
    // … and its 待跟进 pauses them like 待客户确认 does.
    SlaPolicy followUpPauses = policy(0, 0, 480);
    followUpPauses.statusBehavior.insert(TicketStatus::FollowUp, SlaBehavior::Pause);
    QTest::newRow("policy: follow-up pauses") << SlaHistory {t13.createdAt, t13.initialStatus, t13.priority,
        {moved("2024-06-17 14:00", TicketStatus::FollowUp)}}
                                              << followUpPauses << local("2024-06-18 10:00") << SlaMetric::Resolution
                                              << S::Paused << qint64(-1) << qint64(240) << 1 << L::Green;
    // A public reply fulfils the first response; an internal note does not.
    const SlaHistory replied {local("2024-06-17 10:00"), TicketStatus::InProgress, Priority::Normal,
        {fact("2024-06-17 10:30", K::InternalNote), fact("2024-06-17 11:00", K::PublicReply)}};
    QTest::newRow("FR fulfilled") << replied << policy(120, 0, 0) << local("2024-06-17 15:00")
                                  << SlaMetric::FirstResponse << S::Fulfilled << local("2024-06-17 12:00") << qint64(60)
                                  << 0 << L::Green;
    // R5: an agent-created phone ticket: the answered call is the first response.
    const SlaHistory call {
        local("2024-06-17 10:00"), TicketStatus::New, Priority::Normal, {fact("2024-06-17 10:00", K::CallAnswered)}};
    QTest::newRow("R5 call") << call << policy(120, 0, 0) << local("2024-06-17 15:00") << SlaMetric::FirstResponse
                             << S::Fulfilled << local("2024-06-17 12:00") << qint64(0) << 0 << L::Green;
    // R4: closed, the resolution clock stops (fulfilled) …
    const SlaHistory closed {local("2024-06-17 10:00"), TicketStatus::InProgress, Priority::Normal,
        {fact("2024-06-17 10:30", K::PublicReply), moved("2024-06-17 12:00", TicketStatus::Closed)}};
    QTest::newRow("closed") << closed << policy(120, 0, 480) << local("2024-06-17 13:00") << SlaMetric::Resolution
                            << S::Fulfilled << local("2024-06-17 18:00") << qint64(120) << 0 << L::Green;
    // … reopened, it resumes with its elapsed time (due Tue 15:00), and the first response stays fulfilled.
    SlaHistory reopened = closed;
    reopened.facts.append(moved("2024-06-18 09:00", TicketStatus::FollowUp));
    QTest::newRow("reopened") << reopened << policy(120, 0, 480) << local("2024-06-18 10:00") << SlaMetric::Resolution
                              << S::Running << local("2024-06-18 15:00") << qint64(180) << 1 << L::Green;
    QTest::newRow("reopened FR") << reopened << policy(120, 0, 480) << local("2024-06-18 10:00")
                                 << SlaMetric::FirstResponse << S::Fulfilled << local("2024-06-17 12:00") << qint64(30)
                                 << 0 << L::Green;
    // T-ESC-04: warning at 75 %: target 120, elapsed 89 green, 90 yellow, 120 red (breached at its due time).
    SlaPolicy warn = policy(120, 0, 0);
    warn.warnMinutesBefore = 15;
    const SlaHistory open {local("2024-06-17 09:00"), TicketStatus::New, Priority::Normal, {}};
    QTest::newRow("T-ESC-04 89") << open << warn << local("2024-06-17 10:29") << SlaMetric::FirstResponse << S::Running
                                 << local("2024-06-17 11:00") << qint64(89) << 0 << L::Green;
    QTest::newRow("T-ESC-04 90") << open << warn << local("2024-06-17 10:30") << SlaMetric::FirstResponse << S::Running
                                 << local("2024-06-17 11:00") << qint64(90) << 0 << L::Yellow;
    QTest::newRow("T-ESC-04 120") << open << warn << local("2024-06-17 11:00") << SlaMetric::FirstResponse << S::Running
                                  << local("2024-06-17 11:00") << qint64(120) << 0 << L::Red;
    // … or within the minutes before: 15 before a 600-minute target is yellow at 586 elapsed (Mon 540 + Tue 46).
    SlaPolicy longTarget = policy(600, 0, 0);
    longTarget.warnPercent = 100; // the minutes alone
    QTest::newRow("minutes before") << open << longTarget << local("2024-06-18 09:46") << SlaMetric::FirstResponse
                                    << S::Running << local("2024-06-18 10:00") << qint64(586) << 0 << L::Yellow;
}

void TestSlaClock::clocks()
{
    QFETCH(SlaHistory, history);
    QFETCH(SlaPolicy, policy);
    QFETCH(qint64, now);
    QFETCH(SlaMetric, metric);
    QFETCH(SlaClock::State, state);
    QFETCH(qint64, due);
    QFETCH(qint64, elapsedMinutes);
    QFETCH(int, pauses);
    QFETCH(SlaClock::Light, light);
    const QList<SlaClock> clocks = SlaClocks::rebuild(history, policy, cn918(), now);
    const SlaClock* clock = clockOf(clocks, metric);
    QVERIFY(clock);
    QCOMPARE(clock->state, state);
    QCOMPARE(clock->dueAt.value_or(-1), due);
    QCOMPARE(clock->elapsedSeconds, elapsedMinutes * 60);
    QCOMPARE(clock->paused.size(), pauses);
    QCOMPARE(clock->light, light);
    QCOMPARE(clock->breached, light == SlaClock::Light::Red);
}

void TestSlaClock::nextResponseKeepsEveryCycle()
{
    using K = SlaFact::Kind;
    // T-SLA-17: customer 10:00, 10:05, 10:20; internal note 10:10; public reply 10:30 → one cycle from 10:00,
    // fulfilled 10:30, elapsed 30; the note fulfils nothing. A message at 11:00 opens cycle 2 (T-ESC-05b).
    const SlaHistory history {local("2024-06-17 09:00"), TicketStatus::InProgress, Priority::Normal,
        {fact("2024-06-17 10:05", K::CustomerMessage), fact("2024-06-17 10:00", K::CustomerMessage),
            fact("2024-06-17 10:10", K::InternalNote), fact("2024-06-17 10:20", K::CustomerMessage),
            fact("2024-06-17 10:30", K::PublicReply), fact("2024-06-17 11:00", K::CustomerMessage)}};
    const QList<SlaClock> clocks = SlaClocks::rebuild(history, policy(0, 60, 0), cn918(), local("2024-06-17 12:30"));
    const SlaClock* first = clockOf(clocks, SlaMetric::NextResponse, 1);
    QVERIFY(first);
    QCOMPARE(first->startedAt, local("2024-06-17 10:00"));
    QCOMPARE(first->fulfilledAt.value_or(0), local("2024-06-17 10:30"));
    QCOMPARE(first->elapsedSeconds, 30 * 60);
    QVERIFY(!first->breached);
    const SlaClock* second = clockOf(clocks, SlaMetric::NextResponse, 2);
    QVERIFY(second);
    QCOMPARE(second->state, SlaClock::State::Running);
    QCOMPARE(second->dueAt.value_or(0), local("2024-06-17 12:00"));
    QVERIFY(second->breached);
    QVERIFY(!clockOf(clocks, SlaMetric::FirstResponse)); // no target, no clock
}

void TestSlaClock::acceptRunsWhileTheTicketWaitsInTheQueue()
{
    // The accept clock (§9.2's "unaccepted" chains): created in 待接单 Mon 10:00 with a 20-minute target (the 9–18
    // calendar), taken 10:30 (breached: 30 used); transferred back to 待接单 at 11:00, a second cycle runs, unaffected
    // by 待客户确认 pauses (a waiting ticket is nobody's); a ticket created in 处理中 has no accept clock.
    SlaPolicy accept = policy(0, 0, 0);
    accept.targets[Priority::Normal].accept = 20;
    const SlaHistory history {local("2024-06-17 10:00"), TicketStatus::New, Priority::Normal,
        {moved("2024-06-17 10:30", TicketStatus::InProgress), moved("2024-06-17 11:00", TicketStatus::New)}};
    const QList<SlaClock> clocks = SlaClocks::rebuild(history, accept, cn918(), local("2024-06-17 11:10"));
    const SlaClock* first = clockOf(clocks, SlaMetric::Accept, 1);
    QVERIFY(first);
    QCOMPARE(first->state, SlaClock::State::Fulfilled);
    QCOMPARE(first->fulfilledAt.value_or(0), local("2024-06-17 10:30"));
    QCOMPARE(first->dueAt.value_or(0), local("2024-06-17 10:20"));
    QVERIFY(first->breached);
    const SlaClock* second = clockOf(clocks, SlaMetric::Accept, 2);
    QVERIFY(second);
    QCOMPARE(second->state, SlaClock::State::Running);
    QCOMPARE(second->startedAt, local("2024-06-17 11:00"));
    QCOMPARE(second->dueAt.value_or(0), local("2024-06-17 11:20"));
    QVERIFY(!second->breached);
    QCOMPARE(clocks.size(), 2); // no other target, no other clock
    const SlaHistory taken {local("2024-06-17 10:00"), TicketStatus::InProgress, Priority::Normal, {}};
    QVERIFY(!clockOf(SlaClocks::rebuild(taken, accept, cn918(), local("2024-06-17 11:10")), SlaMetric::Accept));
    // The policy's JSON carries the target, and a negative one names its field.
    QCOMPARE(SlaPolicy::fromJson(accept.toJson()).value().targetsFor(Priority::Normal).accept, 20);
    QJsonObject bad = accept.toJson();
    bad[QStringLiteral("targets")]
        = QJsonObject {{QStringLiteral("normal"), QJsonObject {{QStringLiteral("accept"), -5}}}};
    QCOMPARE(SlaPolicy::fromJson(bad).error().field, QStringLiteral("targets.normal"));
}

void TestSlaClock::policyChoice()
{
    // T-SLA-16: VIP policy A (position 1) and B (position 2): A while tagged VIP; untagged, B with the same start.
    SlaPolicy a = policy(60, 0, 0);
    a.id = QStringLiteral("A");
    a.position = 1;
    a.conditions = {{QStringLiteral("tags"), ConditionOp::Contains, QStringLiteral("VIP")}};
    SlaPolicy b = policy(240, 0, 0);
    b.id = QStringLiteral("B");
    b.position = 2;
    SlaPolicy off = policy(1, 0, 0);
    off.id = QStringLiteral("off");
    off.position = 0;
    off.enabled = false;
    const QList<SlaPolicy> policies {b, off, a}; // any order: position decides
    Ticket ticket;
    ticket.tags = {QStringLiteral("VIP")};
    QCOMPARE(SlaPolicy::choose(policies, ticket)->id, QStringLiteral("A"));
    ticket.tags.clear();
    QCOMPARE(SlaPolicy::choose(policies, ticket)->id, QStringLiteral("B"));
    // A list holds the tag exactly, as a view means it: 非VIP or vip is not VIP.
    ticket.tags = {QString::fromUtf8("非VIP"), QStringLiteral("vip")};
    QCOMPARE(SlaPolicy::choose(policies, ticket)->id, QStringLiteral("B"));
    ticket.tags.clear();
    const SlaHistory history {local("2024-06-17 09:00"), TicketStatus::New, Priority::Normal, {}};
    QCOMPARE(
        clockOf(SlaClocks::rebuild(history, *SlaPolicy::choose(policies, ticket), cn918(), local("2024-06-17 10:00")),
            SlaMetric::FirstResponse)
            ->dueAt.value_or(0),
        local("2024-06-17 13:00"));
    // No policy matches: no clocks.
    QList<SlaPolicy> onlyVip {a};
    QVERIFY(!SlaPolicy::choose(onlyVip, ticket));
    // Fields the ticket does not hold itself (the customer's level) come from `extra`; "any" needs one.
    SlaPolicy gold = policy(30, 0, 0);
    gold.match = MatchMode::Any;
    gold.conditions = {{QStringLiteral("customer_level"), ConditionOp::Is, QStringLiteral("gold")},
        {QStringLiteral("priority"), ConditionOp::Is, QStringLiteral("critical")}};
    QVERIFY(TicketMatch::matches(
        ticket, gold.match, gold.conditions, {{QStringLiteral("customer_level"), QStringLiteral("gold")}}));
    QVERIFY(!TicketMatch::matches(ticket, gold.match, gold.conditions));
    ticket.priority = Priority::Critical;
    QVERIFY(TicketMatch::matches(ticket, gold.match, gold.conditions));
}

void TestSlaClock::policyJsonRoundTrips()
{
    SlaPolicy p = policy(60, 120, 480);
    p.targets.insert(Priority::Critical, {20, 30, 240});
    p.conditions = {{QStringLiteral("need_type"), ConditionOp::In, QJsonArray {QStringLiteral("complaint")}}};
    p.match = MatchMode::Any;
    p.calendarId = QStringLiteral("cal-1");
    p.warnPercent = 80;
    p.pauseFirstResponse = false;
    p.statusBehavior.insert(TicketStatus::FollowUp, SlaBehavior::Pause);
    p.statusBehavior.insert(TicketStatus::WaitingCustomer, SlaBehavior::Run);
    const QJsonObject json = p.toJson();
    QCOMPARE(json.value(QStringLiteral("status_behavior")).toObject(),
        (QJsonObject {{QStringLiteral("follow_up"), QStringLiteral("pause")},
            {QStringLiteral("waiting_customer"), QStringLiteral("run")}}));
    const auto back = SlaPolicy::fromJson(json);
    QVERIFY(back);
    QCOMPARE(back.value().toJson(), json);
}

void TestSlaClock::badPoliciesNameTheField()
{
    QJsonObject json = policy(60, 0, 0).toJson();
    json.insert(QStringLiteral("targets"), QJsonObject {{QStringLiteral("huge"), QJsonObject {}}});
    QCOMPARE(SlaPolicy::fromJson(json).error().field, QStringLiteral("targets.huge"));
    json = policy(60, 0, 0).toJson();
    json.insert(QStringLiteral("warn"), QJsonObject {{QStringLiteral("percent"), 150}});
    QCOMPARE(SlaPolicy::fromJson(json).error().field, QStringLiteral("warn.percent"));
    json = policy(60, 0, 0).toJson();
    json.insert(QStringLiteral("name"), QString());
    QCOMPARE(SlaPolicy::fromJson(json).error().field, QStringLiteral("name"));
    json = policy(60, 0, 0).toJson();
    json.insert(QStringLiteral("targets"),
        QJsonObject {{QStringLiteral("normal"), QJsonObject {{QStringLiteral("first_responce"), 30}}}});
    QCOMPARE(SlaPolicy::fromJson(json).error().field, QStringLiteral("targets.normal.first_responce"));
    const auto withBehavior = [](const QString& status, const QString& behavior) {
        QJsonObject j = policy(60, 0, 0).toJson();
        j.insert(QStringLiteral("status_behavior"), QJsonObject {{status, behavior}});
        return SlaPolicy::fromJson(j);
    };
    QCOMPARE(withBehavior(QStringLiteral("closed"), QStringLiteral("run")).error().field,
        QStringLiteral("status_behavior.closed")); // closed, spam and merged always stop
    QCOMPARE(withBehavior(QStringLiteral("follow_up"), QStringLiteral("stop")).error().field,
        QStringLiteral("status_behavior.follow_up"));
    QCOMPARE(withBehavior(QStringLiteral("on_hold"), QStringLiteral("pause")).error().field,
        QStringLiteral("status_behavior.on_hold"));
    QVERIFY(withBehavior(QStringLiteral("new"), QStringLiteral("pause")));
    const auto withCondition = [](const QString& field, const QString& op) {
        QJsonObject j = policy(60, 0, 0).toJson();
        j.insert(QStringLiteral("match"),
            QJsonObject {{QStringLiteral("all"),
                QJsonArray {QJsonObject {{QStringLiteral("field"), field}, {QStringLiteral("op"), op},
                    {QStringLiteral("value"), QStringLiteral("x")}}}}});
        return j;
    };
    QCOMPARE(SlaPolicy::fromJson(withCondition(QStringLiteral("nosuch"), QStringLiteral("is"))).error().field,
        QStringLiteral("match.all[0].field"));
    QCOMPARE(SlaPolicy::fromJson(withCondition(QStringLiteral("tags"), QStringLiteral("looks_like"))).error().field,
        QStringLiteral("match.all[0].op"));
    QVERIFY(SlaPolicy::fromJson(withCondition(QStringLiteral("customer_level"), QStringLiteral("is"))));
}

QTEST_GUILESS_MAIN(TestSlaClock)
#include "tst_slaclock.moc"
