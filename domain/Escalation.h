#pragma once

#include "domain/BusinessCalendar.h"
#include "domain/Result.h"

#include <QJsonObject>
#include <QSet>
#include <QStringList>
#include <optional>

namespace gongdan {

/// One level of an escalation chain (workflows.md §9.2): when, relative to a clock's due time (−15: a warning
/// before it, 0: the breach, +20: later), counted in business or calendar minutes; whom it tells; what it does.
struct EscalationLevel {
    int level = 1;
    int offsetMinutes = 0;
    bool businessOffset = false; ///< offset_basis: business minutes of the policy's calendar, else calendar minutes
    QStringList audience; ///< assignee | group_lead | supervisor | manager | user:<id>
    QStringList channels; ///< popup | in_app | sms | email | webhook
    QJsonObject actions; ///< {"priority": "critical", "add_tag": "升级", "group_id": "…"}
    bool respectCalendar = false; ///< quiet = respect_calendar: notifications held until the calendar opens
    /// repeat_every_min: once fired, the level's notification goes out again every so many minutes until the clock
    /// is fulfilled (its actions do not run again); 0: once. Under quiet hours a repetition the calendar's closed
    /// hours would hold is left out rather than piled up for the morning.
    int repeatEveryMinutes = 0;
    static constexpr int kMinRepeatMinutes = 5;
    static constexpr int kMaxRepeatMinutes = 1440;
};

/// A chain on one metric (first_response, next_response, resolution, or accept: dispatch to 确认接收), for one policy
/// or any.
struct EscalationRule {
    QString id;
    QString policyId; ///< empty: any policy
    QString metric;
    QList<EscalationLevel> levels;

    QJsonObject toJson() const;
    static Result<EscalationRule> fromJson(const QJsonObject& json);
};

/// One clock as the escalation planner sees it: its cycle, its due time now (none while paused), fulfilled or not.
struct EscalationClock {
    QString ticketId;
    QString metric;
    int cycle = 1;
    std::optional<qint64> dueAt;
    bool fulfilled = false;
};

/// What the scheduler is to do for one level.
struct EscalationStep {
    enum class Kind { Fire, Cancel };
    Kind kind = Kind::Fire;
    QString key; ///< ticket:metric:cycle:level — unique in the team database: one firing, whatever the workers
    int level = 1;
    qint64 reachedAt = 0; ///< the level's instant
    qint64 notifyAt = 0; ///< when its notification goes out (held to the calendar's opening under quiet hours)
    bool late = false; ///< fired more than two ticks after its instant (after downtime)
    bool held = false; ///< notifyAt is later than reachedAt: "level reached Fri 18:30"
    int repeat = 0; ///< 0: the level itself; n: its n-th repetition (a notification only, no actions)
};

/// Decides, for one clock and one chain, which levels fire now and which are cancelled (the clock was fulfilled
/// before they came). Stateless: a moved due time re-arms the levels not fired yet at their new instants by itself;
/// `fired` (keys already written) keeps a level of this cycle from firing twice; a new cycle has new keys.
class EscalationPlanner {
public:
    static constexpr qint64 kLateAfterSeconds = 120; ///< two scheduler ticks

    /// "ticket:metric:cycle:level", and ":r<n>" for the level's n-th repetition.
    static QString keyOf(const EscalationClock& clock, int level, int repeat = 0);
    /// The instant of `level` for this clock, none while the clock has no due time.
    static std::optional<qint64> instantOf(
        const EscalationClock& clock, const EscalationLevel& level, const BusinessCalendar& calendar);
    static QList<EscalationStep> plan(const EscalationClock& clock, const EscalationRule& rule,
        const BusinessCalendar& calendar, qint64 now, const QSet<QString>& fired);
    /// The next instant at which a level of this clock comes (the scheduler's exact timer), if any.
    static std::optional<qint64> nextInstant(const EscalationClock& clock, const EscalationRule& rule,
        const BusinessCalendar& calendar, qint64 now, const QSet<QString>& fired);
};

} // namespace gongdan
