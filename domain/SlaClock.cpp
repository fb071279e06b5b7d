#include "domain/SlaClock.h"

#include <algorithm>

namespace gongdan {

namespace {

/// A span of the ticket's life in one status behaviour.
struct BehaviorSpan {
    qint64 from = 0;
    qint64 to = 0; ///< the next status's instant, or max for the span still open
    SlaBehavior behavior = SlaBehavior::Run;
};

constexpr qint64 kOpen = std::numeric_limits<qint64>::max();

/// The spans of [start, end) the clock does not run in: paused or stopped statuses (stopped only, for a first
/// response that runs on through pauses).
QList<InstantSpan> stillSpans(const QList<BehaviorSpan>& spans, qint64 start, qint64 end, bool pausesCount)
{
    QList<InstantSpan> still;
    for (const BehaviorSpan& span : spans) {
        const bool counts = span.behavior == SlaBehavior::Stop || (pausesCount && span.behavior == SlaBehavior::Pause);
        if (!counts)
            continue;
        const qint64 from = std::max(span.from, start);
        const qint64 to = std::min(span.to, end);
        if (to > from)
            still.append({from, to});
    }
    return still;
}

} // namespace

SlaClock::Light SlaClocks::lightOf(const SlaClock& clock, const SlaPolicy& policy)
{
    if (clock.breached)
        return SlaClock::Light::Red;
    if (clock.targetSeconds > 0
        && (clock.elapsedSeconds * 100 >= clock.targetSeconds * policy.warnPercent
            || clock.targetSeconds - clock.elapsedSeconds <= qint64(policy.warnMinutesBefore) * 60))
        return SlaClock::Light::Yellow;
    return SlaClock::Light::Green;
}

QList<SlaClock> SlaClocks::rebuild(const SlaHistory& history, const SlaPolicy& policy, const BusinessCalendar& calendar,
    qint64 now, const BehaviorOf& behaviorOf)
{
    QList<SlaFact> facts = history.facts;
    std::stable_sort(facts.begin(), facts.end(), [](const SlaFact& a, const SlaFact& b) { return a.at < b.at; });

    const auto behaviorIn
        = [&](TicketStatus status) { return behaviorOf ? behaviorOf(status) : policy.behaviorOf(status); };
    // The ticket's life as spans of run / pause / stop.
    QList<BehaviorSpan> spans {{history.createdAt, kOpen, behaviorIn(history.initialStatus)}};
    for (const SlaFact& fact : std::as_const(facts)) {
        if (fact.kind != SlaFact::Kind::Moved || fact.at < history.createdAt)
            continue;
        const SlaBehavior behavior = behaviorIn(fact.status);
        if (behavior == spans.last().behavior)
            continue;
        spans.last().to = fact.at;
        spans.append({fact.at, kOpen, behavior});
    }
    const SlaBehavior current = spans.last().behavior;
    const SlaTargets targets = policy.targetsFor(history.priority);

    QList<SlaClock> clocks;
    const auto finish = [&](SlaClock clock, bool pausesCount) {
        if (clock.targetSeconds <= 0)
            return;
        const qint64 end = clock.fulfilledAt.value_or(std::max(now, clock.startedAt));
        clock.paused = stillSpans(spans, clock.startedAt, end, pausesCount);
        clock.elapsedSeconds = calendar.businessSecondsBetween(clock.startedAt, end, clock.paused);
        const bool still
            = !clock.fulfilledAt && (current == SlaBehavior::Stop || (pausesCount && current == SlaBehavior::Pause));
        if (clock.fulfilledAt)
            clock.state = SlaClock::State::Fulfilled;
        else if (still)
            clock.state = current == SlaBehavior::Stop ? SlaClock::State::Stopped : SlaClock::State::Paused;
        if (!still) {
            const Result<qint64> due = calendar.addBusinessSeconds(clock.startedAt, clock.targetSeconds, clock.paused);
            if (due)
                clock.dueAt = due.value();
        }
        if (clock.fulfilledAt)
            clock.breached = clock.elapsedSeconds > clock.targetSeconds;
        else if (clock.dueAt)
            clock.breached = now >= *clock.dueAt;
        else
            clock.breached = clock.elapsedSeconds >= clock.targetSeconds;
        clock.light = lightOf(clock, policy);
        clocks.append(clock);
    };

    // First response: from creation to the first public reply (or the answered call of a phone ticket).
    {
        SlaClock clock;
        clock.metric = SlaMetric::FirstResponse;
        clock.startedAt = history.createdAt;
        clock.targetSeconds = qint64(targets.firstResponse) * 60;
        for (const SlaFact& fact : std::as_const(facts)) {
            if ((fact.kind == SlaFact::Kind::PublicReply || fact.kind == SlaFact::Kind::CallAnswered)
                && fact.at >= history.createdAt) {
                clock.fulfilledAt = fact.at;
                break;
            }
        }
        finish(clock, policy.pauseFirstResponse);
    }
    // Next response: a cycle opens at the oldest unanswered customer message, a public reply fulfils it.
    {
        int cycle = 0;
        std::optional<SlaClock> open;
        for (const SlaFact& fact : std::as_const(facts)) {
            if (fact.kind == SlaFact::Kind::CustomerMessage && !open) {
                open = SlaClock {};
                open->metric = SlaMetric::NextResponse;
                open->cycle = ++cycle;
                open->startedAt = fact.at;
                open->targetSeconds = qint64(targets.nextResponse) * 60;
            } else if (fact.kind == SlaFact::Kind::PublicReply && open) {
                open->fulfilledAt = fact.at;
                finish(*open, true);
                open.reset();
            }
        }
        if (open)
            finish(*open, true);
    }
    // Accept: each stay in 待接单 is a cycle, from its start (creation or the move there) to the move out of it
    // (确认接收, or a close); it does not pause (nobody waits for the customer while nobody has taken it).
    {
        int cycle = 0;
        std::optional<SlaClock> open;
        const auto enter = [&](qint64 at) {
            open = SlaClock {};
            open->metric = SlaMetric::Accept;
            open->cycle = ++cycle;
            open->startedAt = at;
            open->targetSeconds = qint64(targets.accept) * 60;
        };
        if (history.initialStatus == TicketStatus::New)
            enter(history.createdAt);
        for (const SlaFact& fact : std::as_const(facts)) {
            if (fact.kind != SlaFact::Kind::Moved || fact.at < history.createdAt)
                continue;
            if (fact.status == TicketStatus::New && !open) {
                enter(fact.at);
            } else if (fact.status != TicketStatus::New && open) {
                open->fulfilledAt = fact.at;
                finish(*open, false);
                open.reset();
            }
        }
        if (open)
            finish(*open, false);
    }
    // Resolution: from creation; stopped (closed) it is fulfilled; reopened it resumes with its elapsed time.
    {
        SlaClock clock;
        clock.metric = SlaMetric::Resolution;
        clock.startedAt = history.createdAt;
        clock.targetSeconds = qint64(targets.resolution) * 60;
        if (current == SlaBehavior::Stop)
            clock.fulfilledAt = spans.last().from;
        finish(clock, true);
    }
    return clocks;
}

} // namespace gongdan
