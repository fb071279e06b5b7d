#include "server/MutationApplier.h"

#include "domain/Intents.h"
#include "domain/JsonCodec.h"
#include "domain/Masking.h"
#include "domain/TicketIntents.h"
#include "domain/TicketNumber.h"
#include "domain/TicketTransition.h"
#include "domain/Uuid.h"

#include <QJsonArray>
#include <QScopeGuard>

namespace gongdan {

namespace {

Error notFound()
{
    return Error {QStringLiteral("ticket.not_found"), QStringLiteral("The ticket does not exist on the server."),
        QStringLiteral("id")};
}

Error mismatch(const QString& what)
{
    return Error {QStringLiteral("sync.entity_mismatch"), QStringLiteral("The %1 is not the entity named.").arg(what),
        QStringLiteral("entity_id")};
}

} // namespace

MutationApplier::MutationApplier(SyncStore& store, UserRepository& users, const Clock& clock)
    : m_store(store)
    , m_users(users)
    , m_clock(clock)
    , m_recordStore(store.database())
    , m_vault(store.database())
    , m_sensitive(m_vault)
    , m_records(store, m_recordStore, m_sensitive, clock)
    , m_views(store, m_recordStore, users)
    , m_world(store, users, m_recordStore)
    , m_notificationStore(store.database())
    , m_notifier(store, m_notificationStore, clock)
{
}

Result<QJsonObject> MutationApplier::apply(const UserRecord& user, const Mutation& mutation, const QString& clientId)
{
    m_store.setActor(user.id); // every change-log row says who made it (a REST change has no device)
    const auto done = qScopeGuard([this] { m_store.setActor({}); });
    auto applied = applyIntent(user, mutation, clientId);
    if (applied && mutation.name != intent::NotificationRead
        && mutation.name != intent::NotificationClear) { // in the push's or request's transaction: the change
        // and its entry commit together
        if (Status audited = audit(user, mutation, clientId, applied.value()); !audited)
            return audited.error();
    }
    return applied;
}

Status MutationApplier::audit(
    const UserRecord& user, const Mutation& mutation, const QString& clientId, const QJsonObject& result)
{
    if (!m_audit)
        return {};
    QString kind = QStringLiteral("ticket_change");
    QString entity = QStringLiteral("ticket");
    QString entityId = result.value(QStringLiteral("ticket_id")).toString(mutation.entityId);
    if (RecordApplier::handles(mutation.name)) {
        kind = QStringLiteral("record_change");
        entity = mutation.name.section(QLatin1Char('.'), 0, 0); // customer, field, category
        entityId = mutation.entityId;
    } else if (ViewApplier::handles(mutation.name)) {
        kind = QStringLiteral("view_change");
        entity = QStringLiteral("view");
        entityId = mutation.entityId;
    }
    // What was done and to which fields, not the values (they may be sensitive: requirements §10).
    const QJsonObject patch = mutation.args.value(QStringLiteral("patch")).toObject();
    QStringList fields = (patch.isEmpty() ? mutation.args : patch).keys();
    fields.sort();
    QJsonObject detail {{QStringLiteral("intent"), mutation.name}, {QStringLiteral("mutation_id"), mutation.mutationId},
        {QStringLiteral("server_seq"), result.value(QStringLiteral("server_seq"))},
        {QStringLiteral("via"), clientId == QLatin1String("api") ? QStringLiteral("rest") : QStringLiteral("sync")},
        {QStringLiteral("fields"), QJsonArray::fromStringList(fields)}};
    if (mutation.args.value(QStringLiteral("action")).isString())
        detail.insert(QStringLiteral("action"), mutation.args.value(QStringLiteral("action")));
    if (result.contains(QStringLiteral("number")))
        detail.insert(QStringLiteral("number"), result.value(QStringLiteral("number")));
    const AuditActor actor {user.id, user.login, m_audit->actor().address, clientId};
    return m_audit->append(actor, kind, entity, entityId, detail);
}

Result<QJsonObject> MutationApplier::applyIntent(
    const UserRecord& user, const Mutation& mutation, const QString& clientId)
{
    if (mutation.name == intent::TicketCreate)
        return create(user, mutation, clientId);
    if (mutation.name == intent::TicketPatch) {
        // What a desk holds of a sensitive field is its masked form: sent back unchanged, it is no edit.
        const QJsonObject patch = SensitiveWrites::withoutMaskedValues(
            mutation.args.value(QStringLiteral("patch")).toObject(), sensitiveKeys());
        return change(user, mutation, clientId,
            [&patch](TicketRules& rules, const Ticket& before) { return rules.patch(before, patch); });
    }
    if (mutation.name == intent::TicketTransition) {
        auto request = transitionFromJson(mutation.args);
        if (!request)
            return request.error();
        if (request.value().action == TicketAction::Transfer && request.value().noteId.isEmpty())
            request.value().noteId = UuidV7Generator(m_clock).next(); // a client that names none (REST)
        return change(user, mutation, clientId,
            [&request](TicketRules& rules, const Ticket& before) { return rules.transition(before, request.value()); });
    }
    if (mutation.name == intent::TicketLink) {
        const QJsonValue target = mutation.args.value(QStringLiteral("target_id"));
        const QJsonValue linked = mutation.args.value(QStringLiteral("linked"));
        if (!target.isString() || !(linked.isBool() || linked.isUndefined()))
            return Error {QStringLiteral("request.wrong_type"),
                QStringLiteral("A link is {target_id: a ticket id, linked: true or false}."),
                QStringLiteral("target_id")};
        return change(user, mutation, clientId, [&](TicketRules& rules, const Ticket& ticket) {
            return rules.link(ticket, target.toString(), linked.toBool(true));
        });
    }
    if (mutation.name == intent::CommentAdd)
        return comment(user, mutation, clientId);
    if (RecordApplier::handles(mutation.name)) {
        auto applied = m_records.apply(user, mutation, clientId);
        m_world.forget(); // a definition or category may have changed: the next intent reads them again
        return applied;
    }
    if (ViewApplier::handles(mutation.name))
        return m_views.apply(user, mutation, clientId);
    if (mutation.name == intent::NotificationRead || mutation.name == intent::NotificationClear)
        return notificationIntent(user, mutation);
    return Error {QStringLiteral("sync.unknown_mutation"),
        QStringLiteral("The server does not take \"%1\" changes.").arg(mutation.name), QStringLiteral("name")};
}

QStringList MutationApplier::sensitiveKeys()
{
    return masking::sensitiveKeys(m_world.fieldDefinitions());
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

Result<qint64> MutationApplier::logTicket(const std::optional<Ticket>& before, const Ticket& after,
    const Mutation& mutation, const QString& clientId, const QString& actorId)
{
    const bool moved = before && (before->groupId != after.groupId || before->assigneeId != after.assigneeId);
    if (moved) {
        // Devices that lose the ticket learn where it went and who moved it (the workstation says so).
        auto seq = m_store.nextSeq();
        if (!seq)
            return seq.error();
        const QJsonObject gone {{QStringLiteral("id"), after.id}, {QStringLiteral("group_id"), after.groupId},
            {QStringLiteral("assignee_id"), after.assigneeId}, {QStringLiteral("created_by"), after.createdBy},
            {QStringLiteral("by"), actorId}, {QStringLiteral("number"), after.number}};
        if (Status s = m_store.appendChange(seq.value(), QStringLiteral("ticket"), after.id, scopeOf(*before),
                QStringLiteral("scope_remove"), gone, mutation.mutationId, clientId);
            !s)
            return s.error();
    }
    auto seq = m_store.nextSeq();
    if (!seq)
        return seq.error();
    if (Status s = m_store.upsertTicket(after, seq.value(), !before); !s)
        return s.error();
    if (Status s = notifyAssignee(before, after, actorId); !s)
        return s.error();
    if (after.satisfaction > 0 && after.satisfaction < Lifecycle::kLowestSatisfiedScore) {
        if (Status s = m_notifier.notifyLowSatisfaction(before, after, actorId, m_users.list()); !s)
            return s.error();
    }
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
        for (const QJsonObject& event : m_store.events(after.id)) {
            auto again = m_store.nextSeq();
            if (!again)
                return again.error();
            if (Status s = m_store.appendChange(again.value(), QStringLiteral("event"),
                    event.value(QStringLiteral("id")).toString(), scopeOf(after), QStringLiteral("upsert"), event,
                    mutation.mutationId, clientId);
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
    if (parsed.value().id != mutation.entityId)
        return mismatch(QStringLiteral("ticket's id"));
    const QDateTime now = m_clock.now();
    TicketRules rules(m_world, user.principal(), now);
    auto decided = rules.create(parsed.value());
    if (!decided)
        return decided.error();
    TicketChange& change = decided.value();
    const QString provisional = change.ticket.number; // checked by the rules: never another ticket's
    auto sequence = m_store.nextNumber(now.toLocalTime().date());
    if (!sequence)
        return sequence.error();
    change.numberAs(TicketNumber::format(now.toLocalTime().date(), sequence.value()));
    stampSla(change.ticket, change.events, std::nullopt);
    if (!provisional.isEmpty() && provisional != change.ticket.number) {
        if (Status s = m_store.addAlias(provisional, change.ticket.id); !s)
            return s.error();
        QDate day;
        int number = 0;
        if (TicketNumber::parse(provisional, &day, &number)) { // numbered offline: never given out again
            if (Status s = m_store.reserveNumber(day, number); !s)
                return s.error();
        }
    }
    if (Status sealed = m_sensitive.seal(change, std::nullopt, sensitiveKeys()); !sealed)
        return sealed.error();
    auto seq = logTicket(std::nullopt, change.ticket, mutation, clientId, user.id);
    if (!seq)
        return seq.error();
    if (Status s = logEvents(user, mutation, clientId, change); !s)
        return s.error();
    QJsonObject result = applied(mutation, seq.value(), change.ticket);
    result.insert(QStringLiteral("provisional"), provisional);
    return result;
}

Status MutationApplier::logEvents(
    const UserRecord& user, const Mutation& mutation, const QString& clientId, TicketChange& change)
{
    change.identifyEvents(mutation.mutationId);
    for (TicketEvent& event : change.events) {
        event.actorId = user.id;
        event.actorLogin = user.login;
        const Ticket* of = &change.ticket; // a link logs on the other ticket too, seen by whoever sees that one
        for (const Ticket& other : change.others) {
            if (other.id == event.ticketId)
                of = &other;
        }
        auto seq = m_store.nextSeq();
        if (!seq)
            return seq.error();
        if (Status s = m_store.insertEvent(event, seq.value()); !s)
            return s;
        if (Status s = m_store.appendChange(seq.value(), QStringLiteral("event"), event.eventId, scopeOf(*of),
                QStringLiteral("upsert"), JsonCodec::toJson(event), mutation.mutationId, clientId);
            !s)
            return s;
    }
    return {};
}

Result<QJsonArray> MutationApplier::recordConflicts(
    const UserRecord& user, const Mutation& mutation, const QString& clientId, const TicketChange& change)
{
    // Last writer in server order wins; where the field changed since the value this writer saw, the value
    // it replaces is kept as a conflict both sides are shown.
    const QJsonObject base = mutation.args.value(QStringLiteral("base")).toObject();
    QJsonArray conflicts;
    for (const FieldChange& c : change.fieldChanges) {
        if (!base.contains(c.field) || base.value(c.field) == c.oldValue)
            continue;
        auto conflictSeq = m_store.nextSeq();
        if (!conflictSeq)
            return conflictSeq.error();
        const QString id = UuidV7Generator(m_clock).next();
        const QJsonObject conflict {{QStringLiteral("id"), id}, {QStringLiteral("ticket_id"), change.ticket.id},
            {QStringLiteral("field"), c.field}, {QStringLiteral("kept"), c.newValue},
            {QStringLiteral("lost"), c.oldValue}, {QStringLiteral("base"), base.value(c.field)},
            {QStringLiteral("kept_by"), user.id}, {QStringLiteral("server_seq"), conflictSeq.value()},
            {QStringLiteral("detected_ms"), m_clock.nowMs()}};
        if (Status s = m_store.insertConflict(id, change.ticket.id, conflict, conflictSeq.value()); !s)
            return s.error();
        if (Status s = m_store.appendChange(conflictSeq.value(), QStringLiteral("conflict"), id, scopeOf(change.ticket),
                QStringLiteral("upsert"), conflict, mutation.mutationId, clientId);
            !s)
            return s.error();
        conflicts.append(conflict);
    }
    return conflicts;
}

Result<QJsonObject> MutationApplier::change(const UserRecord& user, const Mutation& mutation, const QString& clientId,
    const std::function<Result<TicketChange>(TicketRules&, const Ticket&)>& rule)
{
    const std::optional<Ticket> before = m_store.ticket(mutation.entityId);
    if (!before)
        return notFound();
    // When the agent acted (a desk offline for hours: its pause must count as a pause for the SLA clocks), never
    // later than now nor earlier than what the server already holds of the ticket, so its history stays in order.
    QDateTime at = TicketIntents::at(mutation.args);
    const QDateTime now = m_clock.now();
    if (!at.isValid() || at > now)
        at = now;
    else if (before->updatedAt.isValid() && at < before->updatedAt)
        at = before->updatedAt;
    TicketRules rules(m_world, user.principal(), at);
    auto decided = rule(rules, *before); // against the ticket as it is now, whatever the device saw
    if (!decided)
        return decided.error();
    TicketChange& change = decided.value();
    if (!change.changed) // the server already has these values
        return applied(mutation, 0, *before);
    if (Status sealed = m_sensitive.seal(change, before, sensitiveKeys()); !sealed)
        return sealed.error();
    stampSla(change.ticket, change.events, change.comment);
    auto seq = logTicket(before, change.ticket, mutation, clientId, user.id);
    if (!seq)
        return seq.error();
    if (change.comment && !m_store.commentSeq(change.comment->id)) { // a transfer's note, for the receivers
        auto noteSeq = m_store.nextSeq();
        if (!noteSeq)
            return noteSeq.error();
        if (Status s = m_store.insertComment(*change.comment, noteSeq.value()); !s)
            return s.error();
        if (Status s = m_store.appendChange(noteSeq.value(), QStringLiteral("comment"), change.comment->id,
                scopeOf(change.ticket), QStringLiteral("upsert"), JsonCodec::toJson(*change.comment),
                mutation.mutationId, clientId);
            !s)
            return s.error();
    }
    for (const Ticket& other : change.others) { // the other end of a link, a merge's target
        auto otherSeq = logTicket(m_store.ticket(other.id), other, mutation, clientId, user.id);
        if (!otherSeq)
            return otherSeq.error();
    }
    for (const Comment& moved : change.movedComments) { // a merge's conversation, for whoever sees the target
        if (m_store.commentSeq(moved.id))
            continue;
        const auto target = std::find_if(change.others.begin(), change.others.end(),
            [&moved](const Ticket& other) { return other.id == moved.ticketId; });
        if (target == change.others.end())
            continue;
        auto movedSeq = m_store.nextSeq();
        if (!movedSeq)
            return movedSeq.error();
        if (Status s = m_store.insertComment(moved, movedSeq.value()); !s)
            return s.error();
        if (Status s = m_store.appendChange(movedSeq.value(), QStringLiteral("comment"), moved.id, scopeOf(*target),
                QStringLiteral("upsert"), JsonCodec::toJson(moved), mutation.mutationId, clientId);
            !s)
            return s.error();
    }
    if (Status s = logEvents(user, mutation, clientId, change); !s)
        return s.error();
    QJsonObject result = applied(mutation, seq.value(), change.ticket);
    if (mutation.name == intent::TicketTransition)
        result.insert(QStringLiteral("ticket_status"), EnumText<TicketStatus>::key(change.ticket.status));
    if (mutation.name == intent::TicketPatch) {
        auto conflicts = recordConflicts(user, mutation, clientId, change);
        if (!conflicts)
            return conflicts.error();
        if (!conflicts.value().isEmpty())
            result.insert(QStringLiteral("conflicts"), conflicts.value());
    }
    return result;
}

Result<qint64> MutationApplier::restamp(const QString& ticketId, const QString& mutationId)
{
    const std::optional<Ticket> before = m_store.ticket(ticketId);
    if (!before)
        return qint64(0);
    Ticket after = *before;
    if (!stampSla(after, {}, std::nullopt))
        return qint64(0);
    ++after.version; // every desk that sees it hears of the new due times
    const Mutation recompute {0, mutationId, QStringLiteral("sla.recompute"), ticketId, {}};
    return logTicket(before, after, recompute, QStringLiteral("server"), QString());
}

Result<qint64> MutationApplier::storeServerChange(
    const Ticket& before, const Ticket& after, QList<TicketEvent> events, const QString& mutationId)
{
    const Mutation change {0, mutationId, QStringLiteral("dispatch"), after.id, {}};
    auto seq = logTicket(before, after, change, QStringLiteral("server"), QString());
    if (!seq)
        return seq.error();
    for (qsizetype i = 0; i < events.size(); ++i) {
        TicketEvent& event = events[i];
        event.eventId = QStringLiteral("%1:%2").arg(mutationId).arg(i);
        event.actorLogin = QStringLiteral("system");
        auto eventSeq = m_store.nextSeq();
        if (!eventSeq)
            return eventSeq.error();
        if (Status s = m_store.insertEvent(event, eventSeq.value()); !s)
            return s.error();
        if (Status s = m_store.appendChange(eventSeq.value(), QStringLiteral("event"), event.eventId, scopeOf(after),
                QStringLiteral("upsert"), JsonCodec::toJson(event), mutationId, QStringLiteral("server"));
            !s)
            return s.error();
    }
    return seq.value();
}

bool MutationApplier::stampSla(Ticket& ticket, const QList<TicketEvent>& events, const std::optional<Comment>& comment)
{
    const SlaSetup& setup = m_world.sla();
    if (setup.empty())
        return false; // no policies: the due times the rules set (priority hours) stay
    QList<TicketEvent> history;
    for (const QJsonObject& stored : m_store.events(ticket.id)) {
        if (auto event = JsonCodec::eventFromJson(stored))
            history.append(event.value());
    }
    for (const TicketEvent& event : events) {
        if (event.ticketId == ticket.id)
            history.append(event);
    }
    QList<Comment> comments = m_world.comments(ticket.id);
    if (comment && comment->ticketId == ticket.id
        && std::none_of(
            comments.cbegin(), comments.cend(), [&comment](const Comment& c) { return c.id == comment->id; }))
        comments.append(*comment);
    const QDateTime response = ticket.responseDueAt;
    const QDateTime resolution = ticket.resolutionDueAt;
    SlaStamp::stamp(ticket, history, comments, setup, m_clock.now(), m_world.slaFacts(ticket));
    return ticket.responseDueAt != response || ticket.resolutionDueAt != resolution;
}

Result<QJsonObject> MutationApplier::comment(const UserRecord& user, const Mutation& mutation, const QString& clientId)
{
    auto parsed = JsonCodec::commentFromJson(mutation.args.value(QStringLiteral("comment")).toObject());
    if (!parsed)
        return parsed.error();
    if (parsed.value().ticketId != mutation.entityId)
        return mismatch(QStringLiteral("comment's ticket"));
    const std::optional<Ticket> ticket = m_store.ticket(mutation.entityId);
    if (!ticket)
        return notFound();
    TicketRules rules(m_world, user.principal(), m_clock.now());
    auto decided = rules.comment(*ticket, parsed.value());
    if (!decided)
        return decided.error();
    if (std::optional<qint64> known = m_store.commentSeq(parsed.value().id)) // comments are appended once
        return applied(mutation, *known, *ticket);
    const Comment& comment = *decided.value().comment;
    auto seq = m_store.nextSeq();
    if (!seq)
        return seq.error();
    if (Status s = m_store.insertComment(comment, seq.value()); !s)
        return s.error();
    if (Status s = m_store.appendChange(seq.value(), QStringLiteral("comment"), comment.id, scopeOf(*ticket),
            QStringLiteral("upsert"), JsonCodec::toJson(comment), mutation.mutationId, clientId);
        !s)
        return s.error();
    qint64 last = seq.value();
    Ticket& after = decided.value().ticket;
    if (stampSla(after, decided.value().events, comment) && after.version == ticket->version)
        ++after.version; // a reply that fulfils a response clock moves the due times: every desk hears of it
    if (Status s = logEvents(user, mutation, clientId, decided.value()); !s)
        return s.error();
    if (after.version != ticket->version) { // the first public reply: the first response time
        auto ticketSeq = logTicket(ticket, after, mutation, clientId, user.id);
        if (!ticketSeq)
            return ticketSeq.error();
        last = ticketSeq.value();
    }
    if (comment.body.contains(u'@')) { // (only then the team's users are read)
        if (Status s = m_notifier.notifyMentions(after, comment, user, m_users.list()); !s)
            return s.error();
    }
    QJsonObject result = applied(mutation, last, after);
    result.insert(QStringLiteral("comment_id"), comment.id);
    return result;
}

Status MutationApplier::notifyAssignee(const std::optional<Ticket>& before, const Ticket& after, const QString& actorId)
{
    const QString previous = before ? before->assigneeId : QString();
    if (after.assigneeId.isEmpty() || after.assigneeId == previous || after.assigneeId == actorId)
        return {};
    const bool transfer = !previous.isEmpty();
    const std::optional<UserRecord> by = m_users.find(actorId);
    const QString who = by ? by->name : QStringLiteral("system");
    auto sent
        = m_notifier.notify(after.assigneeId, transfer ? QStringLiteral("transfer") : QStringLiteral("assigned"), after,
            transfer ? QStringLiteral("%1 passed you this ticket.").arg(who)
                     : QStringLiteral("%1 assigned you this ticket.").arg(who));
    return sent ? Status {} : Status(sent.error());
}

Result<QJsonObject> MutationApplier::notificationIntent(const UserRecord& user, const Mutation& mutation)
{
    QStringList ids;
    for (const QJsonValue& id : mutation.args.value(QStringLiteral("ids")).toArray())
        ids.append(id.toString());
    const bool all = mutation.args.value(QStringLiteral("all")).toBool();
    const bool clear = mutation.name == intent::NotificationClear;
    const QString ticketId = clear ? QString() : mutation.args.value(QStringLiteral("ticket_id")).toString();
    if (ids.isEmpty() && !all && ticketId.isEmpty())
        return Error {QStringLiteral("request.invalid"),
            clear ? QStringLiteral("Name the notifications: ids or all: true.")
                  : QStringLiteral("Name the notifications: ids, all: true, or ticket_id."),
            QStringLiteral("ids")};
    QJsonArray changed;
    if (clear) {
        auto cleared = m_notifier.clear(user.id, ids, all, mutation.mutationId);
        if (!cleared)
            return cleared.error();
        changed = QJsonArray::fromStringList(cleared.value());
    } else {
        auto read = m_notifier.markRead(user.id, ids, all, ticketId, mutation.mutationId);
        if (!read)
            return read.error();
        for (const Notification& n : read.value())
            changed.append(n.id);
    }
    return QJsonObject {{QStringLiteral("seq"), mutation.seq}, {QStringLiteral("mutation_id"), mutation.mutationId},
        {QStringLiteral("status"), QStringLiteral("applied")}, {QStringLiteral("server_seq"), m_notifier.lastSeq()},
        {clear ? QStringLiteral("cleared") : QStringLiteral("read"), changed}};
}

} // namespace gongdan
