#pragma once

#include "domain/Clock.h"
#include "domain/Dispatch.h"
#include "server/SyncService.h"
#include "teamdb/AuditLog.h"
#include "teamdb/DispatchStore.h"
#include "teamdb/UserRepository.h"

#include <QObject>
#include <QTimer>

namespace gongdan {

/// Automatic dispatch on the server (workflows.md §9.3): offers each group's queue head to the agent the rules of
/// domain/Dispatch choose, takes the offer back when it is not accepted (确认接收) within the group's timeout and
/// offers it to the next candidate, sets an agent who missed `max_misses` offers in a row to 离开, and moves a ticket
/// that waited past `overflow_after_min` to the overflow group. Every automatic choice is a ticket event with its
/// explanation. A pass runs soon after anything commits (a ticket became eligible, a load dropped, a setting changed),
/// after a presence change, and on its own timer; all time comes from the injected clock.
///
/// An offer sets the ticket's assignee (the ticket stays 待接单) and writes a row of dispatch_offer keyed by the
/// ticket's version it was decided on: two server processes on one database that decide on the same ticket at once
/// write the same key, so one of them rolls back — a ticket is never offered twice.
class Dispatcher : public QObject {
    Q_OBJECT

public:
    static constexpr int kDefaultTickMs = 15000;
    /// A desk whose last connection closed is set 离线 after this long without coming back (a restart, a network
    /// blip is no absence); its open offers are then requeued (on_offline = requeue_unaccepted).
    static constexpr qint64 kOfflineGraceMs = 2 * 60 * 1000;

    Dispatcher(
        SyncStore& store, SyncService& sync, UserRepository& users, const Clock& clock, QObject* parent = nullptr);

    /// Presence changes by supervisors go to this audit trail (kind presence_change).
    void setAuditLog(AuditLog* audit) { m_audit = audit; }
    /// Starts the timer (every `tickMs`) and the runs after commits.
    void start(int tickMs = kDefaultTickMs);
    /// A pass soon (coalesced with others asked for meanwhile).
    void schedule();
    /// One pass now: settles open offers (accepted, withdrawn, reclaimed when expired), then offers each dispatched
    /// group's queue. How many offers it made.
    Result<int> run();

    /// Sets `userId`'s presence on behalf of `actor` (themselves, or a supervisor or admin for anyone).
    Result<PresenceRecord> setPresence(const UserRecord& actor, const QString& userId, Presence presence);
    DispatchStore& store() { return m_dispatch; }
    /// The user's last connection closed (PokeHub::userLeft): 离线 after the grace period unless they come back.
    void userLeft(const QString& userId);
    /// The user connected again (PokeHub::userArrived).
    void userArrived(const QString& userId);
    /// The settings of every group that has them.
    QList<DispatchSettings> settings();

Q_SIGNALS:
    /// A ticket was offered to an agent (committed): the notification centre's hook.
    void offered(const QString& ticketId, const QString& userId);
    /// Changes up to `serverSeq` committed in these scopes (the WebSocket pokes listen).
    void committed(qint64 serverSeq, const QList<gongdan::ChangeScope>& scopes);
    /// Someone's presence changed (committed): by themselves, a supervisor, missed offers or signing off.
    void presenceChanged(const QString& userId);

private:
    Status settle(const DispatchOffer& offer, const DispatchSettings& settings, int* made);
    /// Users gone longer than the grace period: 离线.
    void signOffAbsent();
    Status dispatchGroup(const DispatchSettings& settings, int* made);
    QList<DispatchAgent> agentsOf(const QString& groupId, const DispatchSettings& settings);
    std::optional<DispatchTicket> queued(const Ticket& ticket);
    /// Offers `ticketId` (as it was at `version`) to the choice in one transaction; false when the ticket moved on
    /// or another process offered it first.
    bool offer(const QString& ticketId, int version, const DispatchSettings& settings, const DispatchChoice& choice);
    /// Moves a ticket that waited too long to the overflow group.
    Status overflow(const Ticket& ticket, const DispatchSettings& settings);
    /// Stores `after` with one dispatch event (and the assignee's change) in its own transaction: the event's
    /// old_value holds the facts (JSON), its new_value their words (Dispatch::explain).
    Status write(const Ticket& before, Ticket after, const QString& what, const QJsonObject& facts,
        const std::function<Status()>& alsoInTransaction = {});
    QString groupName(const QString& groupId);
    QString userName(const QString& userId);

    SyncStore& m_store;
    SyncService& m_sync;
    UserRepository& m_users;
    const Clock& m_clock;
    DispatchStore m_dispatch;
    AuditLog* m_audit = nullptr;
    QTimer m_tick;
    QTimer m_soon;
    QHash<QString, qint64> m_leftAt; ///< user id → when their last connection closed
    QList<UserRecord> m_userCache; ///< read once per pass
    QList<GroupRecord> m_groupCache;
};

} // namespace gongdan
