#pragma once

#include "storage/Database.h"
#include "storage/Outbox.h"

#include <QDateTime>
#include <optional>

namespace gongdan {

/// A change the server refused, kept with its reason until the agent resends or discards it.
struct RefusedChange {
    OutboxEntry entry;
    QString code; ///< the server's stable code (access.denied, ticket.unknown_group, …)
    QString message; ///< the server's words (English); the workstation shows its own text per code
    QString field;
};

/// A ticket that left this user's sight because of someone else's change: where it went and who moved it.
struct Departure {
    QString ticketId;
    QString number;
    QString groupId;
    QString assigneeId;
    QString by; ///< the user who moved it
    QDateTime at;
};

/// What needs the agent's attention on this workstation (sync-design.md: nothing is silently lost): the
/// changes of the signed-in user the server refused, and tickets that left their sight because of someone
/// else's change. Neither goes away by itself: the agent resends or discards a refused change, and a
/// departed ticket leaves the list once the agent has seen it.
class NeedsAttention {
public:
    explicit NeedsAttention(Database& db);

    /// The signed-in user's refused changes on one ticket (empty id: on every ticket), oldest first.
    QList<RefusedChange> refused(const QString& ticketId = {});
    std::optional<Departure> departure(const QString& ticketId);
    /// True when the ticket's creation was refused: it exists only here until it is sent again.
    bool unsent(const QString& ticketId);
    /// Refused changes plus departed tickets: the status bar's count.
    qint64 count();
    /// Forgets a refused change, by the agent's choice. A refused creation takes its ticket with it (it
    /// exists nowhere else); a refused comment leaves the conversation.
    Status discard(qint64 seq);
    /// The agent has seen that the ticket left: it goes from this workstation, unless changes of theirs
    /// still wait on it (those stay until resent or discarded).
    Status acknowledge(const QString& ticketId);

    /// Records that `ticketId` left this user's sight; the row stays until acknowledge().
    static Status noteDeparture(Database& db, const Departure& departure);
    /// The SQL condition "the ticket row needs attention" (views filter on it; rows of `ticket`).
    static QString condition();

private:
    Database& m_db;
};

} // namespace gongdan
