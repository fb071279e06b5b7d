#pragma once

#include "Database.h"
#include "FieldDefinitionRepository.h"
#include "Outbox.h"
#include "Ticket.h"
#include "TicketChangeObserver.h"
#include "TicketNumber.h"
#include "TicketRows.h"

#include <QCoreApplication>
#include <QList>
#include <functional>

namespace gongdan {

/// Tickets, their comments and their event log in the local store. Every mutation writes the data, its
/// events and one named intent in the outbox in a single transaction. replay() re-applies a queued intent
/// through the same code without queuing it again (rebuilding a damaged store; later, rebasing on a pull).
class TicketRepository {
    Q_DECLARE_TR_FUNCTIONS(TicketRepository)

public:
    TicketRepository(Database& db, TicketNumberAllocator& numbers, FieldDefinitionRepository& fields);

    /// Creates a ticket from a draft (subject required; custom fields validated). Fills id, number,
    /// status New, timestamps and due times from the priority's targets unless the draft sets them.
    Result<Ticket> create(Ticket draft, const QString& actorId);
    Result<Ticket> patch(const QString& ticketId, const QJsonObject& patch, const QString& actorId);
    Result<Ticket> transition(const QString& ticketId, const TransitionRequest& request, const QString& actorId);
    Result<Comment> addComment(const QString& ticketId, CommentVisibility visibility, const QString& body,
        const QList<AttachmentRef>& attachments, const QString& actorId);

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
    /// replay(), but writes no events (the original change wrote them) and tells no observer.
    Status rebase(const OutboxEntry& entry);
    /// Who is told around each change (view counts); none by default. Not owned.
    void setObserver(TicketChangeObserver* observer) { m_observer = observer; }

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
    /// Runs a change, telling the observer before and after.
    template<typename T>
    Result<T> observed(const QString& ticketId, const std::function<Result<T>()>& change);
    Result<Ticket> createStored(Ticket draft, const QString& actorId);
    Result<Ticket> patchStored(const QString& ticketId, const QJsonObject& patch, const QString& actorId);
    Result<Ticket> transitionStored(const QString& ticketId, const TransitionRequest& request, const QString& actorId);
    Result<Comment> addCommentStored(const QString& ticketId, CommentVisibility visibility, const QString& body,
        const QList<AttachmentRef>& attachments, const QString& actorId);
    std::optional<Ticket> findWhere(const QString& column, const QString& value, qint64* rowid);
    Result<Ticket> applyCreate(Ticket ticket, const QString& actorId);
    Result<Ticket> applyPatch(const QString& ticketId, const QJsonObject& patch, const QString& actorId,
        const QDateTime& at, QJsonObject* base);
    Result<Ticket> applyTransition(
        const QString& ticketId, const TransitionRequest& request, const QString& actorId, const QDateTime& at);
    Result<Comment> applyComment(Comment comment);
    Status validateCustomFields(const Ticket& ticket, bool closing);
    Status setServerCopyAside(const QString& ticketId);
    Status event(qint64 rowid, const QString& actor, const QDateTime& at, const QString& kind, const QString& field,
        const QString& oldValue, const QString& newValue);
    template<typename T>
    Result<T> queueAndCommit(SqlTransaction& transaction, Result<T> applied, const QString& name,
        const QString& entityId, const QJsonObject& args, std::optional<int> baseVersion);

    Database& m_db;
    TicketNumberAllocator& m_numbers;
    FieldDefinitionRepository& m_fields;
    Outbox m_outbox;
    TicketRowWriter m_writer;
    TicketChangeObserver* m_observer = nullptr;
    bool m_rebasing = false;
};

} // namespace gongdan
