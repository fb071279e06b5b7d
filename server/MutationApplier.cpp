#include "MutationApplier.h"

#include "JsonCodec.h"
#include "TicketNumber.h"
#include "TicketTransition.h"
#include "Uuid.h"

#include <QJsonArray>

namespace gongdan {

namespace {

Error rejected(const QString& code, const QString& message, const QString& field = {})
{
    return Error {code, message, field};
}

Error notFound()
{
    return rejected(QStringLiteral("ticket.not_found"), QStringLiteral("The ticket does not exist on the server."),
        QStringLiteral("entity_id"));
}

} // namespace

MutationApplier::MutationApplier(SyncStore& store, UserRepository& users, const Clock& clock)
    : m_store(store)
    , m_users(users)
    , m_clock(clock)
    , m_recordStore(store.database())
    , m_records(store, m_recordStore, clock)
{
}

Result<QJsonObject> MutationApplier::apply(const UserRecord& user, const Mutation& mutation, const QString& clientId)
{
    if (mutation.name == QLatin1String("ticket.create"))
        return create(user, mutation, clientId);
    if (mutation.name == QLatin1String("ticket.patch"))
        return patch(user, mutation, clientId);
    if (mutation.name == QLatin1String("ticket.transition"))
        return transition(user, mutation, clientId);
    if (mutation.name == QLatin1String("comment.add"))
        return comment(user, mutation, clientId);
    if (RecordApplier::handles(mutation.name))
        return m_records.apply(user, mutation, clientId);
    return rejected(QStringLiteral("sync.unknown_mutation"),
        QStringLiteral("The server does not take \"%1\" changes.").arg(mutation.name), QStringLiteral("name"));
}

QJsonObject MutationApplier::ticketData(const Ticket& ticket)
{
    return {{QStringLiteral("ticket"), JsonCodec::toJson(ticket)},
        {QStringLiteral("aliases"), QJsonArray::fromStringList(m_store.aliasesOf(ticket.id))}};
}

QJsonObject MutationApplier::applied(const Mutation& mutation, qint64 serverSeq, const Ticket& ticket) const
{
    return {{QStringLiteral("seq"), mutation.seq}, {QStringLiteral("mutation_id"), mutation.mutationId},
        {QStringLiteral("status"), QStringLiteral("applied")}, {QStringLiteral("server_seq"), serverSeq},
        {QStringLiteral("ticket_id"), ticket.id}, {QStringLiteral("version"), ticket.version},
        {QStringLiteral("number"), ticket.number}};
}

QDateTime MutationApplier::clamped(const QDateTime& clientTime) const
{
    // A device's clock may be days off; a time from the future is taken as now. Order never comes from it.
    const QDateTime now = m_clock.now();
    return clientTime.isValid() && clientTime <= now ? clientTime.toUTC() : now;
}

Result<Ticket> MutationApplier::actionable(const UserRecord& user, const QString& ticketId)
{
    std::optional<Ticket> ticket = m_store.ticket(ticketId);
    if (!ticket)
        return notFound();
    if (!access::mayRead(user.principal(), ticket->groupId, ticket->assigneeId))
        return rejected(QStringLiteral("access.denied"), QStringLiteral("This ticket is not in your groups."),
            QStringLiteral("entity_id"));
    return *ticket;
}

Result<qint64> MutationApplier::logTicket(
    const std::optional<Ticket>& before, const Ticket& after, const Mutation& mutation, const QString& clientId)
{
    const bool moved = before && (before->groupId != after.groupId || before->assigneeId != after.assigneeId);
    if (moved) {
        auto seq = m_store.nextSeq();
        if (!seq)
            return seq.error();
        if (Status s = m_store.appendChange(seq.value(), QStringLiteral("ticket"), after.id, scopeOf(*before),
                QStringLiteral("scope_remove"), {{QStringLiteral("id"), after.id}}, mutation.mutationId, clientId);
            !s)
            return s.error();
    }
    auto seq = m_store.nextSeq();
    if (!seq)
        return seq.error();
    if (Status s = m_store.upsertTicket(after, seq.value(), !before); !s)
        return s.error();
    if (Status s = m_store.appendChange(seq.value(), QStringLiteral("ticket"), after.id, scopeOf(after),
            QStringLiteral("upsert"), ticketData(after), mutation.mutationId, clientId);
        !s)
        return s.error();
    if (moved) { // whoever sees the ticket now also gets what hangs off it
        for (const Comment& c : m_store.comments(after.id)) {
            auto again = m_store.nextSeq();
            if (!again)
                return again.error();
            if (Status s = m_store.appendChange(again.value(), QStringLiteral("comment"), c.id, scopeOf(after),
                    QStringLiteral("upsert"), JsonCodec::toJson(c), mutation.mutationId, clientId);
                !s)
                return s.error();
        }
        for (const QJsonObject& conflict : m_store.conflicts(after.id)) {
            auto again = m_store.nextSeq();
            if (!again)
                return again.error();
            if (Status s = m_store.appendChange(again.value(), QStringLiteral("conflict"),
                    conflict.value(QStringLiteral("id")).toString(), scopeOf(after), QStringLiteral("upsert"), conflict,
                    mutation.mutationId, clientId);
                !s)
                return s.error();
        }
    }
    return seq.value();
}

Result<QJsonObject> MutationApplier::create(const UserRecord& user, const Mutation& mutation, const QString& clientId)
{
    auto parsed = JsonCodec::ticketFromJson(mutation.args.value(QStringLiteral("ticket")).toObject());
    if (!parsed)
        return parsed.error();
    Ticket ticket = parsed.value();
    if (ticket.id != mutation.entityId || ticket.id.isEmpty())
        return rejected(QStringLiteral("sync.entity_mismatch"), QStringLiteral("The ticket's id is not the entity id."),
            QStringLiteral("entity_id"));
    if (m_store.ticket(ticket.id))
        return rejected(QStringLiteral("ticket.exists"), QStringLiteral("A ticket with this id exists."),
            QStringLiteral("entity_id"));
    if (ticket.subject.trimmed().isEmpty())
        return rejected(QStringLiteral("ticket.subject_required"), QStringLiteral("A ticket needs a subject."),
            QStringLiteral("subject"));
    if (user.role == Role::Field && ticket.assigneeId != user.id)
        return rejected(QStringLiteral("access.denied"),
            QStringLiteral("Field staff create tickets assigned to themselves."), QStringLiteral("assignee_id"));
    if (!ticket.groupId.isEmpty()) {
        const QList<GroupRecord> groups = m_users.groups();
        if (std::none_of(groups.begin(), groups.end(), [&](const GroupRecord& g) { return g.id == ticket.groupId; }))
            return rejected(QStringLiteral("ticket.unknown_group"),
                QStringLiteral("There is no group \"%1\".").arg(ticket.groupId), QStringLiteral("group_id"));
    }
    const QString provisional = ticket.number;
    const QDateTime now = m_clock.now();
    auto sequence = m_store.nextNumber(now.toLocalTime().date());
    if (!sequence)
        return sequence.error();
    ticket.number = TicketNumber::format(now.toLocalTime().date(), sequence.value());
    ticket.createdAt = clamped(ticket.createdAt);
    ticket.updatedAt = now;
    ticket.status = TicketStatus::New;
    ticket.version = 1;
    if (!provisional.isEmpty() && provisional != ticket.number) {
        if (Status s = m_store.addAlias(provisional, ticket.id); !s)
            return s.error();
    }
    auto seq = logTicket(std::nullopt, ticket, mutation, clientId);
    if (!seq)
        return seq.error();
    QJsonObject result = applied(mutation, seq.value(), ticket);
    result.insert(QStringLiteral("provisional"), provisional);
    return result;
}

Result<QJsonObject> MutationApplier::patch(const UserRecord& user, const Mutation& mutation, const QString& clientId)
{
    auto found = actionable(user, mutation.entityId);
    if (!found)
        return found.error();
    const Ticket before = found.value();
    if (!Lifecycle::isOpen(before.status))
        return rejected(QStringLiteral("ticket.closed"), QStringLiteral("A closed ticket cannot be edited."),
            QStringLiteral("status"));
    Ticket after = before;
    auto changes = applyTicketPatch(after, mutation.args.value(QStringLiteral("patch")).toObject());
    if (!changes)
        return changes.error();
    if (changes.value().isEmpty()) // the server already has these values
        return applied(mutation, 0, before);
    after.updatedAt = m_clock.now();
    ++after.version;
    auto seq = logTicket(before, after, mutation, clientId);
    if (!seq)
        return seq.error();
    // Last writer in server order wins; where the field changed since the value this writer saw, the
    // value it replaces is kept as a conflict both sides are shown.
    const QJsonObject base = mutation.args.value(QStringLiteral("base")).toObject();
    QJsonArray conflicts;
    for (const FieldChange& change : changes.value()) {
        if (!base.contains(change.field) || base.value(change.field) == change.oldValue)
            continue;
        auto conflictSeq = m_store.nextSeq();
        if (!conflictSeq)
            return conflictSeq.error();
        const QString id = UuidV7Generator(m_clock).next();
        const QJsonObject conflict {{QStringLiteral("id"), id}, {QStringLiteral("ticket_id"), after.id},
            {QStringLiteral("field"), change.field}, {QStringLiteral("kept"), change.newValue},
            {QStringLiteral("lost"), change.oldValue}, {QStringLiteral("base"), base.value(change.field)},
            {QStringLiteral("kept_by"), user.id}, {QStringLiteral("server_seq"), conflictSeq.value()},
            {QStringLiteral("detected_ms"), m_clock.nowMs()}};
        if (Status s = m_store.insertConflict(id, after.id, conflict, conflictSeq.value()); !s)
            return s.error();
        if (Status s = m_store.appendChange(conflictSeq.value(), QStringLiteral("conflict"), id, scopeOf(after),
                QStringLiteral("upsert"), conflict, mutation.mutationId, clientId);
            !s)
            return s.error();
        conflicts.append(conflict);
    }
    QJsonObject result = applied(mutation, seq.value(), after);
    if (!conflicts.isEmpty())
        result.insert(QStringLiteral("conflicts"), conflicts);
    return result;
}

Result<QJsonObject> MutationApplier::transition(
    const UserRecord& user, const Mutation& mutation, const QString& clientId)
{
    auto request = transitionFromJson(mutation.args);
    if (!request)
        return request.error();
    auto found = actionable(user, mutation.entityId);
    if (!found)
        return found.error();
    const Ticket before = found.value();
    // Re-checked against the status the ticket has now, whatever the device saw.
    auto next = Lifecycle::apply(before.status, request.value());
    if (!next)
        return next.error();
    if (request.value().action == TicketAction::Transfer) {
        const QList<GroupRecord> groups = m_users.groups();
        if (std::none_of(groups.begin(), groups.end(),
                [&](const GroupRecord& g) { return g.id == request.value().targetGroup && g.active; }))
            return rejected(QStringLiteral("transition.unknown_group"),
                QStringLiteral("There is no active group \"%1\".").arg(request.value().targetGroup),
                QStringLiteral("target_group"));
    }
    if (request.value().action == TicketAction::Merge) {
        const std::optional<Ticket> target = m_store.ticket(request.value().mergeTarget);
        if (!target || target->id == before.id || !Lifecycle::isOpen(target->status))
            return rejected(QStringLiteral("transition.merge_target"),
                QStringLiteral("A ticket can only be merged into another open ticket."),
                QStringLiteral("merge_target"));
    }
    Ticket after = before;
    applyTransitionEffects(after, next.value(), request.value(), m_clock.now());
    auto seq = logTicket(before, after, mutation, clientId);
    if (!seq)
        return seq.error();
    QJsonObject result = applied(mutation, seq.value(), after);
    result.insert(QStringLiteral("ticket_status"), EnumText<TicketStatus>::key(after.status));
    return result;
}

Result<QJsonObject> MutationApplier::comment(const UserRecord& user, const Mutation& mutation, const QString& clientId)
{
    auto parsed = JsonCodec::commentFromJson(mutation.args.value(QStringLiteral("comment")).toObject());
    if (!parsed)
        return parsed.error();
    Comment comment = parsed.value();
    if (comment.ticketId != mutation.entityId)
        return rejected(QStringLiteral("sync.entity_mismatch"), QStringLiteral("The comment is for another ticket."),
            QStringLiteral("entity_id"));
    auto found = actionable(user, comment.ticketId);
    if (!found)
        return found.error();
    if (comment.body.trimmed().isEmpty() && comment.attachments.isEmpty())
        return rejected(
            QStringLiteral("comment.empty"), QStringLiteral("A comment needs text or a file."), QStringLiteral("body"));
    if (std::optional<qint64> known = m_store.commentSeq(comment.id)) // comments are appended once
        return applied(mutation, *known, found.value());
    comment.authorId = user.id;
    comment.createdAt = clamped(comment.createdAt);
    auto seq = m_store.nextSeq();
    if (!seq)
        return seq.error();
    if (Status s = m_store.insertComment(comment, seq.value()); !s)
        return s.error();
    if (Status s = m_store.appendChange(seq.value(), QStringLiteral("comment"), comment.id, scopeOf(found.value()),
            QStringLiteral("upsert"), JsonCodec::toJson(comment), mutation.mutationId, clientId);
        !s)
        return s.error();
    Ticket ticket = found.value();
    qint64 last = seq.value();
    if (comment.visibility == CommentVisibility::Public && !ticket.firstResponseAt.isValid()) {
        const Ticket before = ticket;
        ticket.firstResponseAt = comment.createdAt;
        ticket.updatedAt = m_clock.now();
        ++ticket.version;
        auto ticketSeq = logTicket(before, ticket, mutation, clientId);
        if (!ticketSeq)
            return ticketSeq.error();
        last = ticketSeq.value();
    }
    QJsonObject result = applied(mutation, last, ticket);
    result.insert(QStringLiteral("comment_id"), comment.id);
    return result;
}

} // namespace gongdan
