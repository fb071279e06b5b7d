#pragma once

#include "domain/Clock.h"
#include "domain/Escalation.h"
#include "server/SyncService.h"

#include <QObject>
#include <QTimer>

namespace gongdan {

/// Runs the escalation chains (workflows.md §9.2) on the server: a tick at most every 60 s plus an exact single-shot
/// timer for the nearest level or held notification, reading the time only from the injected Clock. Each tick walks
/// the open tickets with a running clock, rebuilds their clocks (domain/SlaClock) and asks EscalationPlanner what is
/// due; each level fires in its own transaction that first claims its key ticket:metric:cycle:level in
/// escalation_firing (a second server process on the same PostgreSQL finds it taken and does nothing), then runs
/// the level's actions as a ticket.patch by the user "system" (the same rules and change log as any change: the
/// timeline shows them), and writes a notification to each of its audience (held under quiet hours; the actions
/// run at once). A level fired after downtime is marked late; a clock fulfilled before a level records it
/// cancelled. Testable without HTTP: construct it over a SyncService and call tick().
class EscalationScheduler : public QObject {
    Q_OBJECT

public:
    static constexpr int kTickMs = 30000;
    static constexpr int kBatch = 500;
    static inline const QString kSystemUser = QStringLiteral("system");

    EscalationScheduler(SyncService& sync, UserRepository& users, const Clock& clock, QObject* parent = nullptr);

    /// Starts the periodic tick and the exact timer (production); tests call tick() themselves.
    void start();

    struct Outcome {
        int fired = 0;
        int cancelled = 0;
        int skipped = 0; ///< claimed by another process first
        int delivered = 0; ///< held notifications that went out
        int pruned = 0; ///< notifications deleted past their retention (Notification::kRetentionDays)
        std::optional<qint64> next; ///< the nearest instant (UTC seconds) something is due
    };
    /// One pass over the open tickets at the clock's now.
    Result<Outcome> tick();

Q_SIGNALS:
    void ticked(int fired, int cancelled);

private:
    void onTimer();
    void arm(const std::optional<qint64>& next);
    QList<EscalationRule> rules();
    Status processTicket(const QString& ticketId, const QList<EscalationRule>& rules, qint64 now, Outcome& outcome);
    /// One step in its own transaction; false when another process claimed it first.
    Result<bool> runStep(const Ticket& ticket, const EscalationClock& clock, const EscalationRule& rule,
        const EscalationStep& step, qint64 now);
    /// The earliest instant any level of `chains` can come for this ticket, from its stamped due times (none: no
    /// bound, look at its clocks).
    static std::optional<qint64> earliestInstant(const Ticket& ticket, const QList<EscalationRule>& chains);
    QStringList audienceOf(const Ticket& ticket, const QStringList& audience);

    SyncService& m_sync;
    UserRepository& m_users;
    const Clock& m_clock;
    QTimer m_tick;
    QTimer m_exact;
    qint64 m_prunedMs = 0; ///< when notifications past their retention were last deleted (once an hour)
};

} // namespace gongdan
