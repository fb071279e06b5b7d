#pragma once

#include "domain/Ticket.h"
#include "domain/TicketNumber.h"
#include "domain/TicketRules.h"
#include "storage/ChangeStream.h"
#include "storage/Database.h"
#include "storage/FieldDefinitionRepository.h"
#include "storage/Outbox.h"
#include "storage/SlaSettings.h"
#include "storage/TicketRows.h"

#include <QCoreApplication>
#include <QList>
#include <functional>

namespace gongdan {

/// Tickets, their comments and their event log in the local store. Every change is decided by the ticket
/// rules (domain/TicketRules, the same code the server runs), then written with its events and one named
/// intent in the outbox in a single transaction. replay() re-applies a queued intent through the same
/// rules without queuing it again (rebuilding a damaged store; rebasing on a pull).
class TicketRepository {
    Q_DECLARE_TR_FUNCTIONS(TicketRepository)

public:
    TicketRepository(Database& db, TicketNumberAllocator& numbers, FieldDefinitionRepository& fields);

    /// Creates a ticket from a draft by the rules (TicketRules::create): a new id, a number from the
    /// allocator (a provisional reference once the server numbers tickets), status, times and due times.
    Result<Ticket> create(Ticket draft, const Principal& actor);
    Result<Ticket> patch(const QString& ticketId, const QJsonObject& patch, const Principal& actor);
    Result<Ticket> transition(const QString& ticketId, const TransitionRequest& request, const Principal& actor);
    Result<Comment> addComment(const QString& ticketId, CommentVisibility visibility, const QString& body,
        const QList<AttachmentRef>& attachments, const Principal& actor);
    /// Links two tickets as related, or unlinks them; recorded on both.
    Result<Ticket> link(const QString& ticketId, const QString& otherId, bool linked, const Principal& actor);
    /// Sends a ticket whose creation the server refused again, as it is now (the agent fixed what was
    /// refused): the rules decide again, its comments go with it, and the refused entries are replaced.
    /// Until then edits of such a ticket stay here (no intent: the resent ticket carries them), and a
    /// transition is refused (ticket.unsent).
    Result<Ticket> resend(const QString& ticketId, const Principal& actor);

    std::optional<Ticket> find(const QString& ticketId);
    /// By its number, or by a provisional reference it had before the server numbered it.
    std::optional<Ticket> findByNumber(const QString& number);
    QList<Comment> comments(const QString& ticketId);
    QList<TicketEvent> events(const QString& ticketId);
    /// The customer's tickets, newest first (the screen pop and the customer archive show them).
    QList<Ticket> ofCustomer(const QString& customerId, int limit = 50);
    qint64 count();

    Status replay(const OutboxEntry& entry);
    /// Re-applies a still-queued intent on top of the server's copy after a pull (SyncCache): like
    /// replay(), but writes no events (the original change wrote them) and tells no one.
    Status rebase(const OutboxEntry& entry);
    /// Where each change is told, before and once stored (the workstation's one change stream); none by
    /// default. Not owned.
    void setChangeStream(ChangeStream* changes) { m_changes = changes; }

    /// A pulled ticket whose row is still the server's copy (nothing changed here since), with that
    /// copy's server_seq (SyncCache).
    struct PulledRow {
        Ticket ticket;
        qint64 serverSeq = 0;
    };
    Result<std::optional<PulledRow>> pulledRow(const QString& ticketId);
    /// True while a first sync has stored the ticket but not yet its comments (they follow the whole
    /// queue, the user's own tickets' first; SyncCache::setConversationsPending and
    /// setOwnConversationsPending): the ticket view says so.
    Result<bool> conversationArriving(const QString& ticketId, const QString& userId);

private:
    /// Runs a change, telling the change stream before and after.
    template<typename T>
    Result<T> observed(const QStringList& ticketIds, const std::function<Result<T>()>& change);
    Result<Ticket> createStored(Ticket draft, const Principal& actor);
    /// Runs a rule on a stored ticket and writes what it decided; the intent is queued unless replaying.
    Result<TicketChange> changeStored(const QString& ticketId,
        const std::function<Result<TicketChange>(TicketRules&, const Ticket&)>& rule, const Principal& actor,
        const QDateTime& at);
    std::optional<Ticket> findWhere(const QString& column, const QString& value, qint64* rowid);
    /// Writes what a rule decided: the ticket (and the others it changed), the comment, the events.
    Status write(const TicketChange& change);
    Status setServerCopyAside(const QString& ticketId);
    bool commentExists(const QString& commentId);
    /// Remembers where the event log ends before a change writes to it (queue() tags what follows).
    void markEvents();
    /// Tags the events written since markEvents() as the change `mutationId`'s, with their ids everywhere.
    Status tagEvents(const QString& mutationId);
    Result<OutboxEntry> queue(
        const QString& name, const QString& entityId, const QJsonObject& args, std::optional<int> baseVersion);
    /// The intent's actor as the rules see them (the local directory's role and groups).
    Principal actorOf(const OutboxEntry& entry);

    Database& m_db;
    TicketNumberAllocator& m_numbers;
    FieldDefinitionRepository& m_fields;
    Outbox m_outbox;
    TicketRowWriter m_writer;
    SlaSettings m_sla; ///< the pulled policies and calendars, parsed again only when a pull changed them
    ChangeStream* m_changes = nullptr;
    bool m_rebasing = false;
    qint64 m_eventsBefore = 0; ///< the event log's last rowid before the change being written
};

} // namespace gongdan
