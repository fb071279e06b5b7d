#pragma once

#include "domain/BusinessCalendar.h"
#include "domain/SlaPolicy.h"

#include <functional>
#include <optional>

namespace gongdan {

/// What an SLA clock is rebuilt from: the ticket's history as the event log and its conversation tell it
/// (workflows.md §9.1: clocks are replayable, so they survive offline edits, priority changes and reopening).
struct SlaFact {
    enum class Kind {
        Moved, ///< the ticket moved to `status`
        PublicReply, ///< an agent's public reply (fulfils the first and next response)
        InternalNote, ///< fulfils nothing
        CustomerMessage, ///< starts a next-response cycle when none is open (the oldest unanswered message)
        CallAnswered, ///< an agent-created phone ticket: the call itself is the first response (R5)
    };
    qint64 at = 0; ///< UTC seconds
    Kind kind = Kind::Moved;
    TicketStatus status = TicketStatus::New;
};

struct SlaHistory {
    qint64 createdAt = 0;
    TicketStatus initialStatus = TicketStatus::New;
    Priority priority = Priority::Normal; ///< today's: a change keeps the clocks' start (T-SLA-15)
    QList<SlaFact> facts; ///< in any order; sorted by time (stable) before use
};

/// One clock of one ticket, as of an instant.
struct SlaClock {
    enum class State { Running, Paused, Stopped, Fulfilled };
    enum class Light { Green, Yellow, Red }; ///< 红黄绿灯

    SlaMetric metric = SlaMetric::FirstResponse;
    int cycle = 1; ///< next response: one clock per cycle, each kept (beyond Zammad's longest-only)
    qint64 startedAt = 0;
    QList<InstantSpan> paused; ///< the spans it did not run in (paused or stopped statuses), up to its end or now
    std::optional<qint64> fulfilledAt;
    std::optional<qint64> dueAt; ///< none while paused or stopped (the UI shows 已暂停)
    qint64 targetSeconds = 0;
    qint64 elapsedSeconds = 0; ///< business seconds used
    State state = State::Running;
    bool breached = false;
    Light light = Light::Green;

    qint64 diffSeconds() const { return targetSeconds - elapsedSeconds; } ///< Zammad's sign: < 0 breached
};

/// Rebuilds a ticket's clocks from its history under a policy and a calendar (the one rule the server and the
/// workstation both run; the workstation's copy is "likely" until the server's arrives).
class SlaClocks {
public:
    using BehaviorOf = std::function<SlaBehavior(TicketStatus)>;

    static QList<SlaClock> rebuild(const SlaHistory& history, const SlaPolicy& policy, const BusinessCalendar& calendar,
        qint64 now, const BehaviorOf& behaviorOf = {}); ///< none: the policy's own (SlaPolicy::behaviorOf)
    /// Green below the warning share and outside the warning minutes, yellow within them, red once breached.
    static SlaClock::Light lightOf(const SlaClock& clock, const SlaPolicy& policy);
};

} // namespace gongdan
