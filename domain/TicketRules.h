#pragma once

#include "domain/Lifecycle.h"
#include "domain/Ticket.h"
#include "domain/TicketWorld.h"

#include <QCoreApplication>
#include <optional>

namespace gongdan {

/// What one ticket command decided: the ticket's new state, the other tickets it changed too (the other
/// end of a link), the comment to append, and the events of the ticket's log (工单事件记录). Whoever
/// stores it — the workstation's store or the server — only persists this; it decides nothing itself.
struct TicketChange {
    Ticket ticket;
    QList<Ticket> others;
    std::optional<Comment> comment;
    QList<TicketEvent> events; ///< ticketId set on each (a link logs on both tickets)
    /// The fields the command changed, old and new values (a patch's per-field bases and conflicts).
    QList<FieldChange> fieldChanges;
    /// False when the command changed nothing (a patch to the values the ticket already has).
    bool changed = true;
    /// Comments the command adds to another ticket: a merge moves the source's conversation to the target
    /// (`others`), each with a new id made from the target's and the original's (the same on every side, so
    /// a resent merge adds none twice), its origin, author and time kept.
    QList<Comment> movedComments {};

    /// The authority numbered a new ticket: the ticket and its "created" event carry the number.
    void numberAs(const QString& number);
    /// Gives each event its id everywhere: "<mutation id>:<index>" in the order the rules made them. The
    /// workstation that queued the change and the server that applied it so write the same event.
    void identifyEvents(const QString& mutationId);
    static QString eventId(const QString& mutationId, int index);
    /// The id of the copy of `commentId` that a merge moves onto `targetId` (a name-based UUID).
    static QString movedCommentId(const QString& targetId, const QString& commentId);
};

/// The one home of the ticket rules (requirements §1, §3): create, patch, transition, comment and link,
/// each turning the request of one person (`actor`) at one instant (`now`) into the new ticket state and
/// its events, or refusing with an Error {code, message, field}. The workstation's store runs them before
/// it writes and queues an intent; the server runs the same code on that intent (and on REST requests)
/// before it stores, so both sides accept and refuse alike. Pure: the world is asked through TicketWorld.
///
/// The rules: a ticket the actor may not see is no ticket to them (ticket.not_found, as on a workstation,
/// which never holds it); every reference (group, assignee, customer, category, merge or link target)
/// exists and is active; an assignee belongs to the ticket's group; ids are UUIDs; a number or provisional
/// reference never shadows another ticket; lifecycle times (accepted, first response, resolved, closed),
/// the status, the version and merged_into are set only here; due times follow the priority's targets from
/// the creation time; custom fields are checked against their definitions (type, options, required,
/// required to close, who may edit them, unknown keys). A ticket someone creates is always theirs to see:
/// with no group chosen it takes its category's group, else the creator's first group; field staff's new
/// tickets are assigned to themselves. Accepting a ticket makes the accepter its assignee.
class TicketRules {
    Q_DECLARE_TR_FUNCTIONS(TicketRules)

public:
    TicketRules(TicketWorld& world, Principal actor, QDateTime now);

    /// A new ticket from what its creator gave: id, the request's fields, the call, and in `number` a
    /// provisional reference (empty: none). The creation time is the draft's when valid (a ticket made
    /// offline), never later than now. The number is the authority's to give (TicketChange::numberAs).
    Result<TicketChange> create(const Ticket& draft);
    /// Edits {field: value} (custom fields as {"custom_fields": {key: value-or-null}}).
    Result<TicketChange> patch(const Ticket& before, const QJsonObject& patch);
    /// Moves the ticket through its lifecycle (Lifecycle) with the action's effects.
    Result<TicketChange> transition(const Ticket& before, const TransitionRequest& request);
    /// A public reply or an internal note; the author is the actor, the time never later than now.
    Result<TicketChange> comment(const Ticket& ticket, const Comment& comment);
    /// Links two tickets as related (or unlinks them); recorded on both.
    Result<TicketChange> link(const Ticket& ticket, const QString& otherId, bool linked);

    /// The due times a ticket of `priority` created at `createdAt` has (the priority's targets).
    static void setDueTimes(Ticket& ticket);
    /// True when `reference` has the shape of a number or a provisional reference (G20231001001, K7Q-0042).
    static bool isReference(const QString& reference);

private:
    Status readable(const Ticket& ticket) const;
    Status checkGroup(const QString& groupId, const QString& field) const;
    Status checkAssignee(const QString& assigneeId, const QString& groupId) const;
    Status checkCategory(const QString& categoryId) const;
    Status checkCustomer(const QString& customerId) const;
    Status checkReference(const QString& reference, const QString& ticketId) const;
    /// Custom field values: each key in `touched` editable by the actor; the values valid for the
    /// ticket's category; required fields filled (and required-to-close ones when `closing`).
    Status checkCustomFields(const Ticket& ticket, const QStringList& touched, bool closing) const;
    QDateTime clamped(const QDateTime& time) const;
    /// A merge's effects on its target (`change.others`): merged_from, the moved conversation, the events.
    void merge(TicketChange& change, Ticket target) const;
    TicketEvent event(const Ticket& ticket, const QString& kind, const QString& field, const QString& oldValue,
        const QString& newValue) const;

    TicketWorld& m_world;
    Principal m_actor;
    QDateTime m_now;
};

} // namespace gongdan
