#pragma once

#include "domain/Access.h"
#include "domain/Clock.h"
#include "domain/Failpoints.h"
#include "domain/Ticket.h"
#include "teamdb/ServerDatabase.h"

#include <QJsonObject>
#include <QList>
#include <optional>
#include <utility>

namespace gongdan {

/// Who may read a change: tickets and what hangs off them by their group, assignee and creator
/// (domain/Access.h); team-wide data (users, groups, field definitions) by everyone; a view by whom it is
/// for (`audience`: "user" — only creatorId, its owner; "group" — groupId's members, supervisors and admins).
struct ChangeScope {
    bool teamWide = false;
    QString groupId;
    QString assigneeId;
    QString creatorId;
    QString audience; ///< empty: "all" when teamWide, else "scoped" (a ticket's)

    static ChangeScope person(const QString& userId) { return {false, {}, {}, userId, QStringLiteral("user")}; }
    static ChangeScope group(const QString& groupId) { return {false, groupId, {}, {}, QStringLiteral("group")}; }
    /// Does this person receive changes of this scope (PokeHub: whom to poke)?
    bool reaches(const Principal& who) const;
};

struct ChangeRow {
    qint64 serverSeq = 0;
    QString entity; ///< ticket | comment | conflict | …
    QString entityId;
    QString op; ///< upsert | scope_remove
    QJsonObject data;
};

struct SyncClientRecord {
    QString clientId;
    QString userId;
    QString deviceCode; ///< three characters, unique on this server: the prefix of provisional references
    qint64 lastSeqApplied = 0;
};

/// The server side of sync in the team database: the change log and its counter, per-client
/// exactly-once bookkeeping, and the tickets and comments it carries. Every method that writes must run
/// inside the push's transaction (ServerTransaction), so an effect, its change-log rows and its recorded
/// result commit together or not at all.
class SyncStore {
public:
    /// Failpoint "sequence.naive" swaps the counter for a plain PostgreSQL sequence read back by
    /// MAX(server_seq): the textbook way to skip changes, which the concurrent-writer test must catch.
    SyncStore(ServerDatabase& database, const Clock& clock, const Failpoints& failpoints = {});

    ServerDatabase& database() { return m_database; }

    /// Registers a device for a user; sync.device_taken when the id is another user's.
    Result<SyncClientRecord> registerClient(const QString& clientId, const QString& userId);
    std::optional<SyncClientRecord> client(const QString& clientId);
    Status setLastSeqApplied(const QString& clientId, qint64 seq);
    std::optional<QJsonObject> storedResult(const QString& clientId, qint64 seq);
    /// The device's last applied seq when the team database was restored (teamdb/TeamBackup): while it still
    /// is, the device may go on from a later seq. nullopt when no restore left one.
    std::optional<qint64> restoreGap(const QString& clientId);
    Status storeResult(const QString& clientId, qint64 seq, const QString& mutationId, const QJsonObject& result);

    /// The next server_seq: an UPDATE of the one counter row, whose row lock makes concurrent pushes
    /// commit in seq order, so a reader never sees seq N+1 before N.
    Result<qint64> nextSeq();
    /// The highest seq committed; every change up to it is visible.
    Result<qint64> committedSeq();
    /// Who makes the changes appended from now on (the signed-in user of a push or a REST request; empty:
    /// none, a team change made by the admin tool): each change-log row records them.
    void setActor(const QString& userId) { m_actor = userId; }
    Status appendChange(qint64 seq, const QString& entity, const QString& entityId, const ChangeScope& scope,
        const QString& op, const QJsonObject& data, const QString& mutationId, const QString& clientId);
    /// Logs a team-wide change (a user or group) for every device, under the next seq; for
    /// UserRepository::setChangeLogger, inside its transaction.
    Status logTeamChange(
        const QString& entity, const QString& id, const QJsonObject& data, const QString& actorId = {});
    /// The scopes appendChange() wrote to since the last call (who to poke once the push commits).
    QList<ChangeScope> takeTouchedScopes() { return std::exchange(m_touched, {}); }
    /// Changes after `cursor` up to `upTo` that `who` may read, in seq order, at most `limit`.
    /// `mineOnly`: just the rows of tickets assigned to `who` (a new device's first pages: its own queue).
    /// `teamOnly`: just the rows that belong to no ticket (users, groups, customers, definitions, categories,
    /// and the views `who` may see).
    Result<QList<ChangeRow>> changes(
        const Principal& who, qint64 cursor, qint64 upTo, int limit, bool mineOnly = false, bool teamOnly = false);

    std::optional<Ticket> ticket(const QString& id);
    std::optional<Ticket> ticketByNumberOrAlias(const QString& key);
    /// The tickets `who` may read, newest first (UUIDv7 ids sort by creation), after `beforeId`.
    Result<QList<Ticket>> tickets(const Principal& who, const QString& beforeId, int limit);
    /// Also indexes the attachments its custom fields hold (attachment_ref, for BlobStore::mayRead).
    Status upsertTicket(const Ticket& ticket, qint64 seq, bool insert);
    Status addAlias(const QString& alias, const QString& ticketId);
    QStringList aliasesOf(const QString& ticketId);
    /// The day's next ticket sequence (GYYYYMMDDNNN's NNN), counted in the database.
    Result<int> nextNumber(QDate day);

    std::optional<qint64> commentSeq(const QString& commentId);
    /// Open tickets (new, in progress, waiting for the customer, follow-up) by id after `afterId`, at most `limit`:
    /// what an SLA recompute walks in batches.
    Result<QStringList> openTicketIds(const QString& afterId, int limit);
    /// Also indexes the comment's attachments (attachment_ref, for BlobStore::mayRead).
    Status insertComment(const Comment& comment, qint64 seq);
    QList<Comment> comments(const QString& ticketId);
    Status insertConflict(const QString& id, const QString& ticketId, const QJsonObject& data, qint64 seq);
    QList<QJsonObject> conflicts(const QString& ticketId);
    /// A ticket's event log (JsonCodec's event form), in server order: written with the change that made it.
    Status insertEvent(const TicketEvent& event, qint64 seq);
    QList<QJsonObject> events(const QString& ticketId);

    /// The day's counter is at least `sequence` (a number given out elsewhere, kept as an alias, must never
    /// be given to another ticket).
    Status reserveNumber(QDate day, int sequence);

    /// The SQL form of domain/Access.h's read rule over group_id, assignee_id and creator_id; appends its
    /// bound values.
    /// `teamWideRows`: change-log rows for everyone (audience 'all') match too.
    static QString scopeCondition(const Principal& who, QVariantList& values, bool teamWideRows);

private:
    /// The rows of the change log that belong to no ticket and reach `who` (SQL; appends its values).
    static QString ownRowsCondition(const Principal& who, QVariantList& values);
    Status exec(const QString& sql, const QVariantList& values, const QString& what);
    /// The ticket refers to the bytes of `sha256` from `source` ("comment:<id>", "field:<key>").
    Status indexAttachment(const QString& sha256, const QString& ticketId, const QString& source);
    /// The stored JSON of one ticket's rows in `table` (comments, conflicts, events), in log order.
    QList<QJsonObject> ticketRows(const QString& table, const QString& ticketId);

    ServerDatabase& m_database;
    const Clock& m_clock;
    bool m_naive = false;
    QList<ChangeScope> m_touched;
    QString m_actor;
};

} // namespace gongdan
