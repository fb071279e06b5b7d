#pragma once

#include "Clock.h"
#include "Mutation.h"
#include "RecordApplier.h"
#include "SyncStore.h"
#include "UserRepository.h"

#include <QJsonObject>

namespace gongdan {

/// Applies one intent to the team database on behalf of a signed-in user, by the server's rules and in
/// the server's order: numbers for new tickets, the state machine re-checked against the status now,
/// last writer (in server order) wins per field with concurrent changes recorded as conflicts, comments
/// appended once, access checked before anything is written. Writes the effect and its change-log rows;
/// the caller owns the transaction. An Error whose code starts with "server." is a failure of the
/// server (the push is rolled back and retried); any other Error is a rejection of this intent, and
/// every rejection is decided before the first write — a rejected intent has written nothing, so the
/// push needs no savepoint per intent. Keep it so when adding intents.
class MutationApplier {
public:
    MutationApplier(SyncStore& store, UserRepository& users, const Clock& clock);

    /// The result to store and return: {seq, mutation_id, status: "applied", server_seq, …}.
    Result<QJsonObject> apply(const UserRecord& user, const Mutation& mutation, const QString& clientId);

    /// What the change log and pulls carry for a ticket: {"ticket": …, "aliases": […]}.
    QJsonObject ticketData(const Ticket& ticket);
    static ChangeScope scopeOf(const Ticket& ticket) { return ChangeScope {false, ticket.groupId, ticket.assigneeId}; }
    /// Customers, field definitions and categories as the team database keeps them (REST reads them here).
    TeamRecordStore& records() { return m_recordStore; }

private:
    Result<QJsonObject> create(const UserRecord& user, const Mutation& mutation, const QString& clientId);
    Result<QJsonObject> patch(const UserRecord& user, const Mutation& mutation, const QString& clientId);
    Result<QJsonObject> transition(const UserRecord& user, const Mutation& mutation, const QString& clientId);
    Result<QJsonObject> comment(const UserRecord& user, const Mutation& mutation, const QString& clientId);
    /// The ticket the user may act on, or why not.
    Result<Ticket> actionable(const UserRecord& user, const QString& ticketId);
    /// Stores the ticket and logs it: a scope_remove for the old scope when group or assignee changed
    /// (and the comments again for the new scope), then the upsert. The upsert's seq.
    Result<qint64> logTicket(
        const std::optional<Ticket>& before, const Ticket& after, const Mutation& mutation, const QString& clientId);
    QJsonObject applied(const Mutation& mutation, qint64 serverSeq, const Ticket& ticket) const;
    QDateTime clamped(const QDateTime& clientTime) const;

    SyncStore& m_store;
    UserRepository& m_users;
    const Clock& m_clock;
    TeamRecordStore m_recordStore;
    RecordApplier m_records;
};

} // namespace gongdan
