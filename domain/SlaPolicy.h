#pragma once

#include "domain/Result.h"
#include "domain/Ticket.h"
#include "domain/TicketView.h"

#include <QJsonObject>
#include <QMap>

namespace gongdan {

/// The clocks a policy runs (workflows.md §9.1).
/// Accept: from the moment a ticket waits in 待接单 (created or dispatched there) until someone takes it (确认接收);
/// a ticket sent back to 待接单 starts a new cycle. It drives "unaccepted" escalation chains (§9.2), not due times.
enum class SlaMetric { FirstResponse, NextResponse, Resolution, Accept };

/// What a status does to a ticket's running clocks: run, pause (待客户确认) or stop (closed, spam, merged: frozen;
/// on reopen the resolution clock resumes with its elapsed time).
enum class SlaBehavior { Run, Pause, Stop };

/// One priority's targets, in business minutes of the policy's calendar; 0: no clock for that metric.
struct SlaTargets {
    int firstResponse = 0;
    int nextResponse = 0;
    int resolution = 0;
    int accept = 0; ///< minutes in 待接单 before the ticket counts as unaccepted
    int minutes(SlaMetric metric) const;
};

/// An SLA policy: matched by the view condition language (all/any) in `position` order, the first enabled one
/// that matches applies; targets per priority in business minutes of `calendarId`; when the light turns yellow.
struct SlaPolicy {
    QString id;
    QString name;
    int position = 0;
    bool enabled = true;
    MatchMode match = MatchMode::All;
    QList<ViewCondition> conditions;
    QString calendarId;
    QMap<Priority, SlaTargets> targets;
    int warnPercent = 75; ///< yellow from this share of the target used
    int warnMinutesBefore = 15; ///< … or from this many business minutes before the due time
    bool pauseFirstResponse = true; ///< false: the first response runs on in paused statuses (Znuny)
    /// An open status's own behaviour (run or pause), where the team's differs from `defaultBehavior`; closed, spam and
    /// merged always stop the clocks.
    QMap<TicketStatus, SlaBehavior> statusBehavior;
    int version = 0;

    SlaTargets targetsFor(Priority priority) const { return targets.value(priority); }
    /// What `status` does to this policy's clocks: its own behaviour if it has one, else the default.
    SlaBehavior behaviorOf(TicketStatus status) const;
    QJsonObject toJson() const;
    static Result<SlaPolicy> fromJson(const QJsonObject& json);
    /// The policy that applies to `ticket`: the first enabled one by position whose conditions hold (`extra`:
    /// fields the ticket does not hold, such as "customer_level"); nullptr when none does (no clocks).
    static const SlaPolicy* choose(
        const QList<SlaPolicy>& policies, const Ticket& ticket, const QJsonObject& extra = {});
    static SlaBehavior defaultBehavior(TicketStatus status);
    static QString metricKey(SlaMetric metric);
    /// run | pause | stop
    static QString behaviorKey(SlaBehavior behavior);
    /// Statuses whose behaviour a policy may set (the open ones).
    static bool behaviorSettable(TicketStatus status);
};

} // namespace gongdan
