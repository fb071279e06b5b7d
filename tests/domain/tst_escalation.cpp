// Escalation chains (workflows.md §9.2) as the scheduler's planner decides them, tick by tick with a manual clock:
// every acceptance row T-ESC-01 … T-ESC-07 (T-ESC-04's light is in tst_slaclock), business-minute warnings, and the
// chain's JSON.
#include "domain/Escalation.h"
#include "tests/support/ShanghaiCalendar.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace gongdan;
using namespace gongdan::test;

namespace {

EscalationLevel level(int number, int offset, bool business = false, bool quiet = false)
{
    EscalationLevel l;
    l.level = number;
    l.offsetMinutes = offset;
    l.businessOffset = business;
    l.respectCalendar = quiet;
    l.audience = {number == 1 ? QStringLiteral("supervisor") : QStringLiteral("manager")};
    return l;
}

EscalationRule chain(const QString& metric, const QList<EscalationLevel>& levels)
{
    EscalationRule rule;
    rule.id = QStringLiteral("rule");
    rule.metric = metric;
    rule.levels = levels;
    return rule;
}

/// The clock at an instant: a function of time (a due that moves, a pause, fulfilment, a new cycle).
using ClockAt = std::function<EscalationClock(qint64)>;

struct Sent {
    qint64 tick;
    EscalationStep step;
};

/// Ticks every `every` seconds from `from` to `to` (skipping [downFrom, downTo): the server was down), applying what
/// the planner says and remembering its keys as the database would.
QList<Sent> run(const ClockAt& clockAt, const EscalationRule& rule, const BusinessCalendar& calendar, qint64 from,
    qint64 to, qint64 every = 60, qint64 downFrom = 0, qint64 downTo = 0)
{
    QList<Sent> sent;
    QSet<QString> fired;
    for (qint64 t = from; t <= to; t += every) {
        if (t >= downFrom && t < downTo)
            continue;
        for (const EscalationStep& step : EscalationPlanner::plan(clockAt(t), rule, calendar, t, fired)) {
            fired.insert(step.key);
            sent.append({t, step});
        }
    }
    return sent;
}

} // namespace

class TestEscalation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void unacceptedChain();
    void acceptedCancelsTheRest();
    void oneAlertWhateverTheTicks();
    void aPauseDoesNotRepeatAWarning();
    void aNewCycleAlertsAgain();
    void quietHoursHoldTheNotificationNotTheAction();
    void afterDowntimeOnceAndLate();
    void businessMinuteWarning();
    void nextInstantForTheExactTimer();
    void chainJson();
    void repeatedUntilFulfilled();
    void repeatsRespectTheCalendarAndDowntime();
};

void TestEscalation::unacceptedChain()
{
    // T-ESC-01: dispatched 10:00, accept target 20 calendar minutes; L1 at due+0 → supervisor, L2 at due+20 → manager.
    const EscalationRule rule = chain(QStringLiteral("accept"), {level(1, 0), level(2, 20)});
    const ClockAt clock = [](qint64) {
        return EscalationClock {QStringLiteral("t1"), QStringLiteral("accept"), 1, local("2026-06-15 10:20"), false};
    };
    const QList<Sent> sent = run(clock, rule, cn918(), local("2026-06-15 10:00"), local("2026-06-15 11:00"));
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0).step.level, 1);
    QCOMPARE(sent.at(0).tick, local("2026-06-15 10:20"));
    QCOMPARE(sent.at(1).step.level, 2);
    QCOMPARE(sent.at(1).tick, local("2026-06-15 10:40"));
    QVERIFY(!sent.at(0).step.late && !sent.at(1).step.late);
}

void TestEscalation::acceptedCancelsTheRest()
{
    // T-ESC-02: accepted at 10:30: L2 is cancelled, once (the audit says "L2 cancelled: fulfilled").
    const EscalationRule rule = chain(QStringLiteral("accept"), {level(1, 0), level(2, 20)});
    const ClockAt clock = [](qint64 t) {
        return EscalationClock {QStringLiteral("t1"), QStringLiteral("accept"), 1, local("2026-06-15 10:20"),
            t >= local("2026-06-15 10:30")};
    };
    const QList<Sent> sent = run(clock, rule, cn918(), local("2026-06-15 10:00"), local("2026-06-15 11:00"));
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0).step.kind, EscalationStep::Kind::Fire);
    QCOMPARE(sent.at(1).step.kind, EscalationStep::Kind::Cancel);
    QCOMPARE(sent.at(1).step.level, 2);
    QCOMPARE(sent.at(1).tick, local("2026-06-15 10:30"));
}

void TestEscalation::oneAlertWhateverTheTicks()
{
    // T-ESC-03: FR due 12:00, +0 → manager; ticks at 12:00:10 and 12:00:40 (two workers share the keys).
    const EscalationRule rule = chain(QStringLiteral("first_response"), {level(1, 0)});
    const ClockAt clock = [](qint64) {
        return EscalationClock {
            QStringLiteral("t3"), QStringLiteral("first_response"), 1, local("2026-06-15 12:00"), false};
    };
    const QList<Sent> sent = run(clock, rule, cn918(), local("2026-06-15 12:00:10"), local("2026-06-15 12:00:40"), 30);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().tick, local("2026-06-15 12:00:10"));
}

void TestEscalation::aPauseDoesNotRepeatAWarning()
{
    // T-ESC-05: resolution due 12:00 (24/7), warning −15 sent 11:45; paused 11:50 → 14:00 with 10 min left: no second
    // warning (same cycle), the breach once at 14:10.
    const EscalationRule rule = chain(QStringLiteral("resolution"), {level(1, -15), level(2, 0)});
    const ClockAt clock = [](qint64 t) {
        std::optional<qint64> due = local("2026-06-15 12:00");
        if (t >= local("2026-06-15 11:50") && t < local("2026-06-15 14:00"))
            due.reset();
        else if (t >= local("2026-06-15 14:00"))
            due = local("2026-06-15 14:10");
        return EscalationClock {QStringLiteral("t5"), QStringLiteral("resolution"), 1, due, false};
    };
    const QList<Sent> sent
        = run(clock, rule, BusinessCalendar::allDay(), local("2026-06-15 11:30"), local("2026-06-15 15:00"));
    QCOMPARE(sent.size(), 2);
    QCOMPARE(sent.at(0).step.level, 1);
    QCOMPARE(sent.at(0).tick, local("2026-06-15 11:45"));
    QCOMPARE(sent.at(1).step.level, 2);
    QCOMPARE(sent.at(1).tick, local("2026-06-15 14:10"));
}

void TestEscalation::aNewCycleAlertsAgain()
{
    // T-ESC-05b: next response cycle 1 breached and alerted; the agent replies; the customer writes again: cycle 2's
    // breach alerts again (a new key).
    const EscalationRule rule = chain(QStringLiteral("next_response"), {level(1, 0)});
    const ClockAt clock = [](qint64 t) {
        if (t < local("2026-06-15 11:00"))
            return EscalationClock {
                QStringLiteral("t6"), QStringLiteral("next_response"), 1, local("2026-06-15 10:30"), false};
        return EscalationClock {
            QStringLiteral("t6"), QStringLiteral("next_response"), 2, local("2026-06-15 12:00"), false};
    };
    const QList<Sent> sent
        = run(clock, rule, BusinessCalendar::allDay(), local("2026-06-15 10:00"), local("2026-06-15 13:00"));
    QCOMPARE(sent.size(), 2);
    QVERIFY(sent.at(0).step.key != sent.at(1).step.key);
    QCOMPARE(sent.at(1).tick, local("2026-06-15 12:00"));
}

void TestEscalation::quietHoursHoldTheNotificationNotTheAction()
{
    // T-ESC-06: respect_calendar, +30 calendar minutes after a due of Fri 18:00: reached (and acted on) Fri 18:30,
    // notified Mon 09:00, flagged as held.
    EscalationLevel raise = level(1, 30, false, true);
    raise.actions = {{QStringLiteral("priority"), QStringLiteral("critical")}};
    const EscalationRule rule = chain(QStringLiteral("resolution"), {raise});
    const ClockAt clock = [](qint64) {
        return EscalationClock {
            QStringLiteral("t7"), QStringLiteral("resolution"), 1, local("2026-06-19 18:00"), false};
    };
    const QList<Sent> sent = run(clock, rule, cn918(), local("2026-06-19 18:00"), local("2026-06-22 10:00"));
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().tick, local("2026-06-19 18:30"));
    QCOMPARE(sent.first().step.reachedAt, local("2026-06-19 18:30"));
    QVERIFY(sent.first().step.held);
    QCOMPARE(sent.first().step.notifyAt, local("2026-06-22 09:00"));
}

void TestEscalation::afterDowntimeOnceAndLate()
{
    // T-ESC-07: the server is down 11:50–12:30 and a level is due 12:00: it fires once at restart, late.
    const EscalationRule rule = chain(QStringLiteral("first_response"), {level(1, 0)});
    const ClockAt clock = [](qint64) {
        return EscalationClock {
            QStringLiteral("t8"), QStringLiteral("first_response"), 1, local("2026-06-15 12:00"), false};
    };
    const QList<Sent> sent = run(clock, rule, cn918(), local("2026-06-15 11:40"), local("2026-06-15 13:00"), 60,
        local("2026-06-15 11:50"), local("2026-06-15 12:30"));
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().tick, local("2026-06-15 12:30"));
    QVERIFY(sent.first().step.late);
}

void TestEscalation::businessMinuteWarning()
{
    // A warning 15 business minutes before a due of Mon 09:10 on CN9-18 comes Fri 17:55, not Mon 08:55.
    const EscalationRule rule = chain(QStringLiteral("resolution"), {level(1, -15, true)});
    const EscalationClock clock {
        QStringLiteral("t9"), QStringLiteral("resolution"), 1, local("2026-06-22 09:10"), false};
    QCOMPARE(EscalationPlanner::instantOf(clock, rule.levels.first(), cn918()).value_or(0), local("2026-06-19 17:55"));
    // … and +30 business minutes after a due of Fri 17:50: Mon 09:20.
    const EscalationLevel later = level(2, 30, true);
    const EscalationClock friday {
        QStringLiteral("t9"), QStringLiteral("resolution"), 1, local("2026-06-19 17:50"), false};
    QCOMPARE(EscalationPlanner::instantOf(friday, later, cn918()).value_or(0), local("2026-06-22 09:20"));
    // Paused (no due time): nothing comes.
    EscalationClock paused = clock;
    paused.dueAt.reset();
    QVERIFY(!EscalationPlanner::instantOf(paused, rule.levels.first(), cn918()));
}

void TestEscalation::nextInstantForTheExactTimer()
{
    const EscalationRule rule = chain(QStringLiteral("accept"), {level(1, 0), level(2, 20)});
    const EscalationClock clock {QStringLiteral("t1"), QStringLiteral("accept"), 1, local("2026-06-15 10:20"), false};
    QCOMPARE(EscalationPlanner::nextInstant(clock, rule, cn918(), local("2026-06-15 10:00"), {}).value_or(0),
        local("2026-06-15 10:20"));
    const QSet<QString> fired {EscalationPlanner::keyOf(clock, 1)};
    QCOMPARE(EscalationPlanner::nextInstant(clock, rule, cn918(), local("2026-06-15 10:21"), fired).value_or(0),
        local("2026-06-15 10:40"));
    EscalationClock done = clock;
    done.fulfilled = true;
    QVERIFY(!EscalationPlanner::nextInstant(done, rule, cn918(), local("2026-06-15 10:00"), {}));
}

void TestEscalation::chainJson()
{
    EscalationLevel raise = level(2, 20, true, true);
    raise.channels = {QStringLiteral("popup"), QStringLiteral("sms")};
    raise.actions = {{QStringLiteral("add_tag"), QString::fromUtf8("升级")}};
    const EscalationRule rule = chain(QStringLiteral("accept"), {level(1, 0), raise});
    const auto back = EscalationRule::fromJson(rule.toJson());
    QVERIFY(back);
    QCOMPARE(back.value().toJson(), rule.toJson());
    QJsonObject bad = rule.toJson();
    bad.insert(QStringLiteral("metric"), QStringLiteral("lunch"));
    QCOMPARE(EscalationRule::fromJson(bad).error().field, QStringLiteral("metric"));
    bad = rule.toJson();
    QJsonArray levels = bad.value(QStringLiteral("levels")).toArray();
    QJsonObject twice = levels.at(1).toObject();
    twice.insert(QStringLiteral("level"), 1);
    levels[1] = twice;
    bad.insert(QStringLiteral("levels"), levels);
    QCOMPARE(EscalationRule::fromJson(bad).error().field, QStringLiteral("levels[1].level"));
}

void TestEscalation::repeatedUntilFulfilled()
{
    // repeat_every_min 15 on a breach at 12:00: 12:00, then again 12:15, 12:30; replied 12:40: nothing more. The
    // repetitions have keys of their own (one each, whatever the workers) and run no actions (the scheduler's part).
    EscalationLevel breach = level(1, 0);
    breach.repeatEveryMinutes = 15;
    const EscalationRule rule = chain(QStringLiteral("first_response"), {breach});
    const ClockAt clock = [](qint64 t) {
        return EscalationClock {QStringLiteral("t10"), QStringLiteral("first_response"), 1, local("2026-06-15 12:00"),
            t >= local("2026-06-15 12:40")};
    };
    const QList<Sent> sent = run(clock, rule, cn918(), local("2026-06-15 11:50"), local("2026-06-15 14:00"));
    QCOMPARE(sent.size(), 3);
    QCOMPARE(sent.at(0).tick, local("2026-06-15 12:00"));
    QCOMPARE(sent.at(0).step.repeat, 0);
    QCOMPARE(sent.at(1).tick, local("2026-06-15 12:15"));
    QCOMPARE(sent.at(1).step.repeat, 1);
    QCOMPARE(sent.at(1).step.key, QStringLiteral("t10:first_response:1:1:r1"));
    QCOMPARE(sent.at(2).tick, local("2026-06-15 12:30"));
    QCOMPARE(sent.at(2).step.repeat, 2);
    // The exact timer knows the next repetition.
    const QSet<QString> fired {EscalationPlanner::keyOf(clock(0), 1)};
    QCOMPARE(EscalationPlanner::nextInstant(clock(0), rule, cn918(), local("2026-06-15 12:20"), fired).value_or(0),
        local("2026-06-15 12:30"));
}

void TestEscalation::repeatsRespectTheCalendarAndDowntime()
{
    // Hourly repetitions of a breach at Fri 17:00 under quiet hours on CN9-18: 18:00 is closed (no pile for Monday);
    // the next goes out Mon 09:00. Down 09:30-11:10 on Monday: one repetition at restart, late, not two.
    EscalationLevel breach = level(1, 0, false, true);
    breach.repeatEveryMinutes = 60;
    const EscalationRule rule = chain(QStringLiteral("resolution"), {breach});
    const ClockAt clock = [](qint64) {
        return EscalationClock {
            QStringLiteral("t11"), QStringLiteral("resolution"), 1, local("2026-06-19 17:00"), false};
    };
    const QList<Sent> sent = run(clock, rule, cn918(), local("2026-06-19 16:50"), local("2026-06-22 11:30"), 60,
        local("2026-06-22 09:30"), local("2026-06-22 11:10"));
    QStringList at;
    for (const Sent& s : sent)
        at.append(
            QDateTime::fromSecsSinceEpoch(s.tick, QTimeZone("Asia/Shanghai")).toString(QStringLiteral("ddd HH:mm"))
            + (s.step.late ? QStringLiteral(" late") : QString()));
    QCOMPARE(
        at, (QStringList {QStringLiteral("Fri 17:00"), QStringLiteral("Mon 09:00"), QStringLiteral("Mon 11:10 late")}));
    // Out of range is refused, naming the field.
    QJsonObject json = rule.toJson();
    QJsonArray levels = json.value(QStringLiteral("levels")).toArray();
    QJsonObject wrong = levels.at(0).toObject();
    wrong.insert(QStringLiteral("repeat_every_min"), 2);
    levels[0] = wrong;
    json.insert(QStringLiteral("levels"), levels);
    QCOMPARE(EscalationRule::fromJson(json).error().field, QStringLiteral("levels[0].repeat_every_min"));
    QCOMPARE(EscalationRule::fromJson(rule.toJson()).value().levels.first().repeatEveryMinutes, 60);
}

QTEST_GUILESS_MAIN(TestEscalation)
#include "tst_escalation.moc"
