#pragma once

#include "domain/Clock.h"
#include "domain/TicketRules.h"
#include "server/Mutation.h"
#include "server/Notifier.h"
#include "server/RecordApplier.h"
#include "server/SensitiveWrites.h"
#include "server/ServerTicketWorld.h"
#include "server/ViewApplier.h"
#include "teamdb/AuditLog.h"
#include "teamdb/SyncStore.h"
#include "teamdb/UserRepository.h"

#include <QJsonObject>

namespace gongdan {

/// Applies one intent to the team database on behalf of a signed-in user. What a ticket intent does is
/// decided by the ticket rules (domain/TicketRules: the same code the workstation ran before queuing it),
/// against the ticket as it is on the server now; this class only persists what they decide, in the
/// server's order: final numbers for new tickets (the provisional reference kept as an alias), last
/// writer (in server order) wins per field with concurrent changes recorded as conflicts, comments
/// appended once by id, the change log with each row's scope. The caller owns the transaction. An Error
/// whose code starts with "server." is a failure of the server (the push is rolled back and retried); any
/// other Error is a rejection of this intent, and every rejection is decided before the first write — a
/// rejected intent has written nothing, so the push needs no savepoint per intent. Keep it so.
class MutationApplier {
public:
    MutationApplier(SyncStore& store, UserRepository& users, const Clock& clock);

    /// Every applied intent is appended to this audit trail in the caller's transaction (ticket_change,
    /// record_change, view_change), for the user and client named, from the audit trail's current address.
    void setAuditLog(AuditLog* audit) { m_audit = audit; }
    /// A new batch of intents (a push, a REST request): the team is read again.
    void startBatch() { m_world.forget(); }
    /// The result to store and return: {seq, mutation_id, status: "applied", server_seq, …}.
    Result<QJsonObject> apply(const UserRecord& user, const Mutation& mutation, const QString& clientId);

    /// Stamps the ticket's due times again from the SLA settings as they are now (a calendar or policy changed);
    /// a ticket whose due times move is stored and logged under `mutationId` for every desk that sees it. Its
    /// upsert's seq when it moved, else 0.
    Result<qint64> restamp(const QString& ticketId, const QString& mutationId);
    /// A change the server makes by itself (automatic dispatch: server/Dispatcher): stores `after` over `before` and
    /// logs it with `events` (ids "<mutationId>:<index>", actor "system") for every desk that sees it, in the caller's
    /// transaction. Its upsert's seq.
    Result<qint64> storeServerChange(
        const Ticket& before, const Ticket& after, QList<TicketEvent> events, const QString& mutationId);
    /// What the change log and pulls carry for a ticket: {"ticket": …, "aliases": […]}.
    QJsonObject ticketData(const Ticket& ticket);
    static ChangeScope scopeOf(const Ticket& ticket)
    {
        return ChangeScope {false, ticket.groupId, ticket.assigneeId, ticket.createdBy, {}};
    }
    /// Customers, field definitions and categories as the team database keeps them (REST reads them here).
    TeamRecordStore& records() { return m_recordStore; }
    /// The clear values of sensitive data (an unmask reads them here).
    SensitiveVault& vault() { return m_vault; }
    /// The keys of the custom fields marked sensitive, as this batch reads the definitions.
    QStringList sensitiveKeys();
    /// The team's custom views and their rules (REST reads them here).
    ViewApplier& views() { return m_views; }
    /// Per-user notifications (assignments here; escalation levels from server/EscalationScheduler).
    Notifier& notifier() { return m_notifier; }
    /// The team's SLA policies and calendars as this batch reads them.
    const SlaSetup& slaSetup() { return m_world.sla(); }
    /// What SLA policies match beyond the ticket's own fields (its customer's level).
    QJsonObject slaFacts(const Ticket& ticket) { return m_world.slaFacts(ticket); }

private:
    Result<QJsonObject> applyIntent(const UserRecord& user, const Mutation& mutation, const QString& clientId);
    /// The audit entry of an applied intent.
    Status audit(const UserRecord& user, const Mutation& mutation, const QString& clientId, const QJsonObject& result);
    Result<QJsonObject> create(const UserRecord& user, const Mutation& mutation, const QString& clientId);
    /// A rule on the ticket the intent names, as it is now; stores what it decided.
    Result<QJsonObject> change(const UserRecord& user, const Mutation& mutation, const QString& clientId,
        const std::function<Result<TicketChange>(TicketRules&, const Ticket&)>& rule);
    Result<QJsonObject> comment(const UserRecord& user, const Mutation& mutation, const QString& clientId);
    /// notification.read: the signed-in user's own notifications only.
    /// notification.read or notification.clear: the caller's own notifications read or deleted.
    /// notification.read or notification.clear: the caller's own notifications read, or deleted.
    Result<QJsonObject> notificationIntent(const UserRecord& user, const Mutation& mutation);
    /// Stores the ticket and logs it: a scope_remove for the old scope when group or assignee changed
    /// (saying where it went and who moved it; the comments again for the new scope), then the upsert.
    /// The upsert's seq.
    Result<qint64> logTicket(const std::optional<Ticket>& before, const Ticket& after, const Mutation& mutation,
        const QString& clientId, const QString& actorId);
    /// The events the rules returned, each with its id ("<mutation id>:<index>", as the workstation that
    /// queued the change wrote it) and the acting user: stored and logged in their ticket's scope.
    Status logEvents(const UserRecord& user, const Mutation& mutation, const QString& clientId, TicketChange& change);
    /// Per changed field whose server value is not the value the writer saw: a conflict row for both sides.
    Result<QJsonArray> recordConflicts(
        const UserRecord& user, const Mutation& mutation, const QString& clientId, const TicketChange& change);
    QJsonObject applied(const Mutation& mutation, qint64 serverSeq, const Ticket& ticket) const;
    /// The ticket's due times from its SLA clocks (domain/SlaStamp) when a policy applies: its stored events and
    /// comments with the change's `events` and `comment` not stored yet. True when a due time changed.
    bool stampSla(Ticket& ticket, const QList<TicketEvent>& events, const std::optional<Comment>& comment);
    /// A ticket given to someone by someone else: "assigned" (or "transfer" when it had another assignee) for them.
    Status notifyAssignee(const std::optional<Ticket>& before, const Ticket& after, const QString& actorId);

    SyncStore& m_store;
    UserRepository& m_users;
    const Clock& m_clock;
    TeamRecordStore m_recordStore;
    SensitiveVault m_vault;
    SensitiveWrites m_sensitive;
    RecordApplier m_records;
    ViewApplier m_views;
    ServerTicketWorld m_world;
    NotificationStore m_notificationStore;
    Notifier m_notifier;
    AuditLog* m_audit = nullptr;
};

} // namespace gongdan
