#pragma once

#include "Database.h"
#include "Failpoints.h"
#include "Outbox.h"
#include "RecordCache.h"
#include "TicketRepository.h"
#include "TicketRows.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <utility>

namespace gongdan {

/// One change as a pull page carries it.
struct PulledChange {
    qint64 serverSeq = 0;
    QString entity; ///< ticket | comment | conflict | user | group | customer | field | category
    QString id;
    QString op; ///< upsert | scope_remove
    QJsonObject data;
};

/// The workstation's side of sync in the local store. Each ticket has two layers: the server's copy as
/// last pulled (ticket_synced) and the visible row the UI reads, which is that copy with the intents
/// still queued for it re-applied on top (TicketRepository::rebase). A pulled page — server copies,
/// the visible rows recomputed, comments, conflicts, the cursor, and the outbox entries it delivered —
/// is written in one transaction, so a crash never leaves cursor, data and outbox out of step.
class SyncCache {
    Q_DECLARE_TR_FUNCTIONS(SyncCache)

public:
    /// Failpoint "pull.crash_before_commit" ends the process inside the transaction of the second page of
    /// a full pull (tests: a workstation killed mid-pull).
    SyncCache(Database& db, TicketRepository& tickets, const Failpoints& failpoints = {});

    qint64 cursor();
    QString epoch();
    QString deviceCode();
    Status setDeviceCode(const QString& code);

    /// Applies a pull page; the ids of the tickets whose visible row changed.
    Result<QStringList> applyPage(const QList<PulledChange>& changes, qint64 nextCursor, const QString& epoch);
    /// True once after a page that changed users, groups, field definitions or categories (names, forms
    /// and views should reload).
    bool takeTeamChanged() { return std::exchange(m_teamChanged, false); }
    /// Records a push's answers: applied (or already applied) → acked until a pull delivers it;
    /// rejected → kept with the server's reason, and the ticket recomputed without it. The ids of the
    /// tickets recomputed.
    Result<QStringList> recordResults(const QJsonArray& results);
    /// "Resync required": forgets the server's copies and the cursor, keeps every queued change and the
    /// visible rows, so the next pull rebuilds the cache from scratch.
    Status resetForResync();

    /// Conflicts recorded on a ticket, oldest first: {field, kept, lost, base, …}.
    QList<QJsonObject> conflicts(const QString& ticketId) { return conflictsOf(m_db, ticketId); }
    static QList<QJsonObject> conflictsOf(Database& db, const QString& ticketId);

private:
    Status storeSynced(const PulledChange& change);
    /// `serverCopy`: the copy just stored, when the caller has it parsed (an empty object: none).
    Status recompute(const QString& ticketId, qint64 cursor, const QJsonObject* serverCopy = nullptr);
    Status writeVisible(const Ticket& ticket);
    Status removeVisible(const QString& ticketId);
    Status insertComment(const PulledChange& change);
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
    int m_pagesApplied = 0;
};

} // namespace gongdan
