#pragma once

#include "domain/Access.h"
#include "domain/Failpoints.h"
#include "storage/Database.h"
#include "storage/Outbox.h"
#include "storage/RecordCache.h"
#include "storage/SqliteStatement.h"
#include "storage/TicketRepository.h"
#include "storage/TicketRows.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <memory>
#include <optional>
#include <utility>

namespace gongdan {

/// One change as a pull page carries it.
struct PulledChange {
    qint64 serverSeq = 0;
    QString entity; ///< ticket | comment | event | conflict | user | group | customer | field | category | view
    QString id;
    QString op; ///< upsert | scope_remove (a ticket out of sight) | delete (a view)
    QJsonObject data;
    // Decoded ahead, off the UI thread (a first sync's snapshot pages: sync/SnapshotFetcher), and then
    // not in `data` (a ticket's "ticket", a comment's whole object); else the store decodes `data`.
    std::optional<Ticket> ticket = std::nullopt; ///< a ticket upsert's server copy
    std::optional<Comment> comment = std::nullopt;
    std::optional<TicketEvent> event = std::nullopt;
};

/// The workstation's side of sync in the local store. Each ticket has two layers: the server's copy as
/// last pulled and the visible row the UI reads, which is that copy with the intents still queued for it
/// re-applied on top (TicketRepository::rebase). Where nothing is queued the two are the same and only
/// the visible row is kept, marked with the copy's `server_seq`; the copy is kept apart (ticket_synced)
/// only while changes made here sit on top of it — TicketRepository sets it aside before its first local
/// change, and a page stores it for a ticket with queued changes. A pulled page — server copies,
/// the visible rows recomputed, comments, conflicts, the cursor, and the outbox entries it delivered —
/// is written in one transaction, so a crash never leaves cursor, data and outbox out of step.
class SyncCache {
    Q_DECLARE_TR_FUNCTIONS(SyncCache)

public:
    /// Failpoint "pull.crash_before_commit" ends the process inside the transaction of the second page
    /// with tickets this process applies — a pull's or a first sync's (tests: a workstation killed mid-pull).
    SyncCache(Database& db, TicketRepository& tickets, const Failpoints& failpoints = {});

    qint64 cursor();
    QString epoch();
    QString deviceCode();
    Status setDeviceCode(const QString& code);

    /// Applies a pull page and moves the cursor to `nextCursor`; the ids of the tickets whose visible row
    /// changed. `seenUpTo`: how far the page's copies include the server's history, when that is not
    /// `nextCursor` (a first sync's snapshot page: the cursor stays 0 until the end, but the copies hold
    /// every change up to the page's cursor, so queued changes acknowledged up to it are in them).
    Result<QStringList> applyPage(
        const QList<PulledChange>& changes, qint64 nextCursor, const QString& epoch, qint64 seenUpTo = -1);
    /// True once after a page that changed users, groups, field definitions or categories (names, forms
    /// and views should reload).
    bool takeTeamChanged() { return std::exchange(m_teamChanged, false); }
    /// After a first sync's snapshot: pulls go on from `cursor` of the history `epoch`.
    Status startFrom(qint64 cursor, const QString& epoch);
    /// While a first sync brings the conversations of the tickets it stored without them: those with an
    /// id above `after` and up to `upto`, not assigned to the user, still wait for theirs
    /// (TicketRepository::conversationArriving). Null strings: none waits.
    Status setConversationsPending(const QString& after, const QString& upto);
    /// While a first sync has stored the user's own tickets but not yet their conversations (they come
    /// first of all conversations, once the whole queue is in): those tickets wait for theirs.
    Status setOwnConversationsPending(bool pending);
    /// While a first sync's bulk load runs (storage/BulkLoad, which drops the event id's unique index like the
    /// others): the events of applied pages are appended to ticket_event as they come, and the load keeps the
    /// newest of two copies of one event when it builds the index back. Before, each page's commit rewrote
    /// nearly the whole index: event ids follow no order (docs/PERFORMANCE.md).
    void setEventsInBulk(bool inBulk) { m_eventsInBulk = inBulk; }
    bool eventsInBulk() const { return m_eventsInBulk; }
    /// Records a push's answers: applied (or already applied) → acked until a pull delivers it;
    /// rejected → kept with the server's reason, and the ticket recomputed without it. The ids of the
    /// tickets recomputed.
    Result<QStringList> recordResults(const QJsonArray& results);
    /// "Resync required": forgets the server's copies and the cursor, keeps every queued change and the
    /// visible rows, so the next pull rebuilds the cache from scratch.
    Status resetForResync();
    /// Once a rebuilt copy holds every ticket (the snapshot's last ticket page): a visible ticket it did not bring
    /// is no longer on the server (a restore there rewound it) and goes, unless a change queued or refused here
    /// holds it. The ids removed.
    Result<QStringList> dropVanished();
    /// Once a rebuilt copy holds every conversation: a comment of the resync's start that it did not bring back
    /// is no longer on the server (a restore there rewound it) and goes, unless a change queued here holds it.
    /// The ids of the tickets whose conversation changed.
    Result<QStringList> dropUnconfirmedComments();
    /// `userId` signs in on this store. The store's first user simply takes it (and what was queued before
    /// anyone signed in). Another user starts afresh: everything that came from the server goes, the cursor
    /// goes back to 0 (their own first sync follows), and every queued change stays, the previous user's
    /// waiting for them to sign in again; the new user's own tickets that exist only here are rebuilt from
    /// their queue. Sets Database::signedInUser. True in `switched` when the store changed hands.
    Status claimFor(const QString& userId, bool* switched = nullptr);
    /// Whose store this is (the user last signed in); empty before anyone signed in.
    QString owner();

    /// Conflicts recorded on a ticket, oldest first: {field, kept, lost, base, …}.
    QList<QJsonObject> conflicts(const QString& ticketId) { return conflictsOf(m_db, ticketId); }
    static QList<QJsonObject> conflictsOf(Database& db, const QString& ticketId);

private:
    /// A server copy of a ticket, as JSON or decoded (neither: there is none), and its change.
    struct ServerCopy {
        QJsonObject copy;
        qint64 serverSeq = 0;
        const Ticket* decoded = nullptr;
        bool none() const { return !decoded && copy.isEmpty(); }
    };
    Status storeAliases(const PulledChange& change);
    /// The copy kept for `ticketId`: apart, or the visible row where that is the copy.
    Result<ServerCopy> storedCopy(const QString& ticketId);
    /// Rebuilds the visible row from `pulled` (nullptr: the copy kept) and the intents queued for it.
    Status recompute(const QString& ticketId, qint64 cursor, const ServerCopy* pulled = nullptr);
    Status keepApart(const QString& ticketId, const ServerCopy& copy, bool apart);
    /// A ticket without a server copy (SyncCache::withoutCopy in the .cpp says which stay).
    Status withoutCopy(const QString& ticketId, bool queuedHere);
    Status writeVisible(const Ticket& ticket, qint64 serverSeq);
    Status removeVisible(const QString& ticketId);
    Status insertComment(const PulledChange& change);
    /// An event of a ticket's log; the server's copy of one made here replaces it (the same id).
    Status insertEvent(const PulledChange& change, QString* ticketId);
    /// A user or group from the server into the local directory (agent, team_group).
    Status storeTeamMember(const PulledChange& change);
    std::optional<qint64> rowidOf(const QString& ticketId);

    Database& m_db;
    TicketRepository& m_tickets;
    Outbox m_outbox;
    RecordCache m_records;
    TicketRowWriter m_writer;
    bool m_teamChanged = false;
    Failpoints m_failpoints;
    int m_ticketPagesApplied = 0;
    // The statements a page runs per ticket and comment, on the raw handle (a first sync runs them
    // hundreds of thousands of times; QSqlQuery's binding would cost more than the work).
    SqliteStatement m_rowidOf;
    SqliteStatement m_storeSynced;
    SqliteStatement m_dropSynced;
    SqliteStatement m_insertAlias;
    SqliteStatement m_anySynced;
    SqliteStatement m_numberAside;
    SqliteStatement m_commentKnown;
    SqliteStatement m_anythingQueued;
    SqliteStatement m_anyRefused;
    SqliteStatement m_anyNotice;
    SqliteStatement m_dropNotice;
    SqliteStatement m_finalNumber;
    SqliteStatement m_anyUnconfirmed;
    SqliteStatement m_confirmComment;
    bool m_nothingQueued = false; ///< during a page: the outbox holds nothing that could be re-applied
    bool m_nothingApart = false; ///< during a page: ticket_synced is empty
    bool m_noNotices = false; ///< during a page: no ticket is marked as departed
    bool m_confirming = false; ///< during a page: a resync still waits for comments to come back
    bool m_eventsInBulk = false; ///< a first sync's bulk load runs: events appended, no index to meet
    QHash<QString, qint64> m_rowids; ///< during a page: the rows it inserted, for their comments
    QHash<QString, QJsonObject> m_departures; ///< during a page: scope_remove data by ticket (where it went)
    Principal m_me; ///< during a page: the signed-in user, as the access rules see them
};

} // namespace gongdan
