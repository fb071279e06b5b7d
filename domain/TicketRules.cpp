#include "domain/TicketRules.h"

#include "domain/FieldValidator.h"
#include "domain/TicketNumber.h"
#include "domain/TicketTransition.h"
#include "domain/Uuid.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

namespace gongdan {

namespace {

const QString kCustomPrefix = QStringLiteral("custom_fields.");
constexpr int kLongestCallSeconds = 24 * 3600;

QString customKey(const QString& field)
{
    return field.startsWith(kCustomPrefix) ? field.mid(kCustomPrefix.size()) : QString();
}

} // namespace

void TicketChange::numberAs(const QString& number)
{
    ticket.number = number;
    for (TicketEvent& e : events) {
        if (e.kind == QLatin1String("created"))
            e.newValue = number;
    }
}

void TicketChange::identifyEvents(const QString& mutationId)
{
    for (int i = 0; i < events.size(); ++i)
        events[i].eventId = eventId(mutationId, i);
}

QString TicketChange::eventId(const QString& mutationId, int index)
{
    return mutationId + QLatin1Char(':') + QString::number(index);
}

QString TicketChange::movedCommentId(const QString& targetId, const QString& commentId)
{
    static const QUuid space(QStringLiteral("6f1c2b7e-3d54-4a8e-9b0f-51c7e2d4a9c3"));
    return QUuid::createUuidV5(space, targetId + QLatin1Char('/') + commentId).toString(QUuid::WithoutBraces);
}

void TicketRules::merge(TicketChange& change, Ticket target) const
{
    // The target shows what was merged into it, and takes the source's conversation: each comment keeps
    // where it was written (a comment moved here before keeps its first origin), its author and time.
    const Ticket& source = change.ticket;
    if (!target.mergedFrom.contains(source.id))
        target.mergedFrom.append(source.id);
    target.updatedAt = m_now.toUTC();
    ++target.version;
    for (const Comment& comment : m_world.comments(source.id)) {
        Comment moved = comment;
        moved.id = TicketChange::movedCommentId(target.id, comment.id);
        moved.ticketId = target.id;
        if (moved.originTicketId.isEmpty()) {
            moved.originTicketId = source.id;
            moved.originNumber = source.number;
        }
        change.movedComments.append(moved);
    }
    change.events.append(event(source, QStringLiteral("merge"), QStringLiteral("merged_into"), {}, target.id));
    change.events.append(event(target, QStringLiteral("merge"), QStringLiteral("merged_from"), {}, source.id));
    change.others.append(target);
}

TicketRules::TicketRules(TicketWorld& world, Principal actor, QDateTime now)
    : m_world(world), m_actor(std::move(actor)), m_now(std::move(now))
{
}

void TicketRules::setDueTimes(Ticket& ticket)
{
    const PriorityTraits traits = priorityTraits(ticket.priority);
    ticket.responseDueAt = ticket.createdAt.addSecs(3600LL * traits.responseHours);
    ticket.resolutionDueAt = ticket.createdAt.addSecs(3600LL * traits.resolutionHours);
}

bool TicketRules::isReference(const QString& reference)
{
    static const QRegularExpression provisional(QStringLiteral("^[A-Z0-9]{3}-[0-9]{4,}$"));
    QDate day;
    int sequence = 0;
    return provisional.match(reference).hasMatch() || TicketNumber::parse(reference, &day, &sequence);
}

QDateTime TicketRules::clamped(const QDateTime& time) const
{
    // A device's clock may be days off: a time from the future is taken as now. Order never comes from it.
    return time.isValid() && time <= m_now ? time.toUTC() : m_now.toUTC();
}

TicketEvent TicketRules::event(const Ticket& ticket, const QString& kind, const QString& field, const QString& oldValue,
    const QString& newValue) const
{
    return TicketEvent {0, ticket.id, m_actor.userId, m_now, kind, field, oldValue, newValue};
}

Status TicketRules::readable(const Ticket& ticket) const
{
    if (access::mayRead(m_actor, ticket.groupId, ticket.assigneeId, ticket.createdBy))
        return {};
    // Out of sight is out of existence: a workstation never holds such a ticket and answers ticket.not_found,
    // so the server answers the same (and tells nobody which tickets other groups have).
    return Error {QStringLiteral("ticket.not_found"), tr("There is no such ticket among those you can see."),
        QStringLiteral("id")};
}

Status TicketRules::checkGroup(const QString& groupId, const QString& field) const
{
    const std::optional<GroupFacts> group = m_world.group(groupId);
    if (group && group->active)
        return {};
    return Error {field == QLatin1String("target_group") ? QStringLiteral("transition.unknown_group")
                                                         : QStringLiteral("ticket.unknown_group"),
        tr("There is no active group \"%1\".").arg(groupId), field};
}

Status TicketRules::checkAssignee(const QString& assigneeId, const QString& groupId) const
{
    std::optional<UserFacts> user = m_world.user(assigneeId);
    if (!user && assigneeId == m_actor.userId) // the actor as their sign-in says, before the team synced
        user = UserFacts {m_actor.userId, m_actor.role, true, m_actor.groupIds};
    if (!user || !user->active)
        return Error {QStringLiteral("ticket.unknown_assignee"),
            tr("There is no active person \"%1\" to assign the ticket to.").arg(assigneeId),
            QStringLiteral("assignee_id")};
    if (!groupId.isEmpty() && !user->groupIds.contains(groupId))
        return Error {QStringLiteral("ticket.assignee_not_in_group"),
            tr("The assignee must belong to the ticket's group."), QStringLiteral("assignee_id")};
    return {};
}

Status TicketRules::checkCategory(const QString& categoryId) const
{
    const Category* category = m_world.categories().find(categoryId);
    if (category && category->active)
        return {};
    return Error {QStringLiteral("ticket.unknown_category"), tr("There is no active category \"%1\".").arg(categoryId),
        QStringLiteral("category_id")};
}

Status TicketRules::checkCustomer(const QString& customerId) const
{
    if (m_world.customerExists(customerId))
        return {};
    return Error {QStringLiteral("ticket.unknown_customer"),
        tr("There is no customer \"%1\" in the archive.").arg(customerId), QStringLiteral("customer_id")};
}

Status TicketRules::checkReference(const QString& reference, const QString& ticketId) const
{
    if (!isReference(reference))
        return Error {QStringLiteral("ticket.reference_invalid"),
            tr("\"%1\" is neither a ticket number nor a provisional reference.").arg(reference),
            QStringLiteral("number")};
    const QString owner = m_world.ticketOfReference(reference);
    if (!owner.isEmpty() && owner != ticketId)
        return Error {QStringLiteral("ticket.reference_taken"),
            tr("The number \"%1\" belongs to another ticket.").arg(reference), QStringLiteral("number")};
    return {};
}

Status TicketRules::checkCustomFields(const Ticket& ticket, const QStringList& touched, bool closing) const
{
    const QList<FieldDefinition>& definitions = m_world.fieldDefinitions();
    for (const QString& key : touched) {
        const auto def = std::find_if(
            definitions.begin(), definitions.end(), [&](const FieldDefinition& d) { return d.key == key; });
        if (def != definitions.end() && !access::mayEditField(m_actor.role, def->editRoles))
            return Error {QStringLiteral("field.read_only"),
                tr("You may not change %1.").arg(def->label(QLocale().language() == QLocale::Chinese)), key};
    }
    ValidationContext context;
    context.categoryId = ticket.categoryId;
    context.categories = &m_world.categories();
    context.closing = closing;
    context.chinese = QLocale().language() == QLocale::Chinese;
    const QList<FieldIssue> issues = FieldValidator::validate(definitions, ticket.customFields, context);
    QStringList messages;
    QString first;
    for (const FieldIssue& issue : issues) {
        // A stored value that was valid once (its definition changed since) does not block an unrelated
        // edit: only what this change touches counts, and required fields, and what closing requires.
        const auto def = std::find_if(
            definitions.begin(), definitions.end(), [&](const FieldDefinition& d) { return d.key == issue.key; });
        const bool empty = FieldValidator::isEmptyValue(ticket.customFields.value(issue.key));
        if (!touched.contains(issue.key) && !(def != definitions.end() && empty))
            continue;
        messages.append(issue.message);
        if (first.isEmpty())
            first = issue.key;
    }
    if (messages.isEmpty())
        return {};
    return Error {QStringLiteral("ticket.fields_invalid"), messages.join(QLatin1Char('\n')), first};
}

Result<TicketChange> TicketRules::create(const Ticket& draft)
{
    if (!UuidV7Generator::isValid(draft.id))
        return Error {QStringLiteral("ticket.bad_id"), tr("A ticket's id must be a UUID."), QStringLiteral("id")};
    if (m_world.ticket(draft.id))
        return Error {QStringLiteral("ticket.exists"), tr("A ticket with this id exists."), QStringLiteral("id")};
    Ticket t;
    t.id = draft.id;
    t.subject = draft.subject.trimmed();
    if (t.subject.isEmpty())
        return Error {
            QStringLiteral("ticket.subject_required"), tr("A ticket needs a subject."), QStringLiteral("subject")};
    if (!draft.number.isEmpty()) {
        if (Status s = checkReference(draft.number, draft.id); !s)
            return s.error();
        t.number = draft.number;
    }
    t.description = draft.description;
    t.needType = draft.needType;
    t.channel = draft.channel;
    t.priority = draft.priority;
    t.contactName = draft.contactName.trimmed();
    t.contactPhone = draft.contactPhone.trimmed();
    for (const QString& tag : draft.tags) {
        if (!tag.trimmed().isEmpty() && !t.tags.contains(tag.trimmed()))
            t.tags.append(tag.trimmed());
    }
    t.categoryId = draft.categoryId;
    if (!t.categoryId.isEmpty()) {
        if (Status s = checkCategory(t.categoryId); !s)
            return s.error();
    }
    // Where the ticket goes: the group chosen, else its category's, else the creator's first group.
    t.groupId = draft.groupId;
    if (t.groupId.isEmpty())
        t.groupId = m_world.categories().groupOf(t.categoryId);
    bool ownGroup = false;
    if (t.groupId.isEmpty()) {
        t.groupId = m_actor.groupIds.value(0);
        ownGroup = true;
    }
    // The creator's own group comes from their sign-in: a workstation that has not synced the team yet
    // (a field worker's first day offline) may not know it, and that is no reason to refuse.
    if (!t.groupId.isEmpty() && !(ownGroup && !m_world.group(t.groupId))) {
        if (Status s = checkGroup(t.groupId, QStringLiteral("group_id")); !s)
            return s.error();
    }
    t.assigneeId = draft.assigneeId;
    if (m_actor.role == Role::Field) {
        // Field staff see only what is assigned to them: what they create is theirs.
        if (t.assigneeId.isEmpty())
            t.assigneeId = m_actor.userId;
        if (t.assigneeId != m_actor.userId)
            return Error {QStringLiteral("access.field_assign_self"),
                tr("Field staff create tickets assigned to themselves."), QStringLiteral("assignee_id")};
        if (!t.groupId.isEmpty() && !m_actor.groupIds.contains(t.groupId))
            t.groupId = m_actor.groupIds.value(0); // theirs, so that the assignee belongs to it
    }
    if (!t.assigneeId.isEmpty()) {
        if (Status s = checkAssignee(t.assigneeId, t.groupId); !s)
            return s.error();
    }
    t.customerId = draft.customerId;
    if (!t.customerId.isEmpty()) {
        if (Status s = checkCustomer(t.customerId); !s)
            return s.error();
    }
    t.customFields = draft.customFields;
    if (Status s = checkCustomFields(t, t.customFields.keys(), false); !s)
        return s.error();
    if (draft.callStartedAt.isValid()) {
        if (draft.callSeconds < 0 || draft.callSeconds > kLongestCallSeconds)
            return Error {QStringLiteral("ticket.bad_call"), tr("A call lasts between 0 s and 24 hours."),
                QStringLiteral("call_seconds")};
        t.callStartedAt = clamped(draft.callStartedAt);
        t.callSeconds = draft.callSeconds;
    }
    // Lifecycle times, status and version come from the rules alone, whatever the draft said.
    t.status = TicketStatus::New;
    t.createdAt = clamped(draft.createdAt);
    t.updatedAt = m_now.toUTC();
    t.createdBy = m_actor.userId;
    t.version = 1;
    // A call answered by the agent who logs it is the customer's first response (as the SLA clock counts it).
    setDueTimes(t);
    if (t.callStartedAt.isValid()) {
        t.firstResponseAt = t.createdAt;
        t.responseDueAt = QDateTime();
    }
    if (!access::mayRead(m_actor, t.groupId, t.assigneeId, t.createdBy))
        return Error {QStringLiteral("access.out_of_scope"), tr("You cannot create a ticket you could not see."),
            QStringLiteral("group_id")};
    TicketChange change {t, {}, std::nullopt, {}, {}, true};
    TicketEvent created = event(t, QStringLiteral("created"), QString(), QString(), t.number);
    created.at = t.createdAt;
    change.events.append(created);
    if (t.callStartedAt.isValid()) {
        TicketEvent call = event(t, QStringLiteral("call"), QStringLiteral("call"),
            t.callStartedAt.toUTC().toString(Qt::ISODate), QString::number(t.callSeconds));
        call.at = t.createdAt;
        change.events.append(call);
    }
    return change;
}

Result<TicketChange> TicketRules::patch(const Ticket& before, const QJsonObject& patch)
{
    if (Status s = readable(before); !s)
        return s.error();
    if (!Lifecycle::isOpen(before.status))
        return Error {QStringLiteral("ticket.closed"), tr("A closed ticket cannot be edited; reopen it first."),
            QStringLiteral("status")};
    Ticket after = before;
    auto applied = applyTicketPatch(after, patch);
    if (!applied)
        return applied.error();
    QList<FieldChange> changes = applied.value();
    if (changes.isEmpty())
        return TicketChange {before, {}, std::nullopt, {}, {}, false};
    QStringList touchedCustom;
    bool dueSet = false;
    for (const FieldChange& c : std::as_const(changes)) {
        if ((c.field == QLatin1String("group_id") || c.field == QLatin1String("assignee_id"))
            && !access::mayReassign(m_actor))
            return Error {QStringLiteral("access.field_reassign"),
                tr("Field staff hand a ticket back with a transfer, not by editing it."), c.field};
        if (c.field.endsWith(QLatin1String("_due_at"))) {
            if (!access::maySetDueTimes(m_actor))
                return Error {
                    QStringLiteral("access.due_times"), tr("Only supervisors and admins set due times."), c.field};
            dueSet = true;
        }
        if (const QString key = customKey(c.field); !key.isEmpty())
            touchedCustom.append(key);
    }
    const auto changed = [&](const char* field) {
        return std::any_of(
            changes.begin(), changes.end(), [field](const FieldChange& c) { return c.field == QLatin1String(field); });
    };
    if (changed("group_id") && !after.groupId.isEmpty()) {
        if (Status s = checkGroup(after.groupId, QStringLiteral("group_id")); !s)
            return s.error();
        // A new group without a new assignee: whoever had it leaves with the group, unless a member.
        const std::optional<UserFacts> holder = m_world.user(after.assigneeId);
        if (!changed("assignee_id") && !after.assigneeId.isEmpty()
            && (!holder || !holder->groupIds.contains(after.groupId))) {
            changes.append({QStringLiteral("assignee_id"), after.assigneeId, QJsonValue()});
            after.assigneeId.clear();
        }
    }
    if ((changed("assignee_id") || changed("group_id")) && !after.assigneeId.isEmpty()) {
        if (Status s = checkAssignee(after.assigneeId, after.groupId); !s)
            return s.error();
    }
    if (changed("category_id") && !after.categoryId.isEmpty()) {
        if (Status s = checkCategory(after.categoryId); !s)
            return s.error();
    }
    if (changed("customer_id") && !after.customerId.isEmpty()) {
        if (Status s = checkCustomer(after.customerId); !s)
            return s.error();
    }
    if (!touchedCustom.isEmpty() || changed("category_id")) {
        if (Status s = checkCustomFields(after, touchedCustom, false); !s)
            return s.error();
    }
    if (changed("priority") && !dueSet)
        setDueTimes(after); // the new priority's targets, from the original creation time
    after.updatedAt = m_now.toUTC();
    ++after.version;
    TicketChange change {after, {}, std::nullopt, {}, changes, true};
    for (const FieldChange& c : std::as_const(changes))
        change.events.append(
            event(after, QStringLiteral("field"), c.field, eventText(c.oldValue), eventText(c.newValue)));
    return change;
}

Result<TicketChange> TicketRules::transition(const Ticket& before, const TransitionRequest& request)
{
    if (Status s = readable(before); !s)
        return s.error();
    auto next = Lifecycle::apply(before.status, request);
    if (!next)
        return next.error();
    Ticket after = before;
    if (request.action == TicketAction::Transfer) {
        if (Status s = checkGroup(request.targetGroup, QStringLiteral("target_group")); !s)
            return s.error();
    }
    if (request.action == TicketAction::Accept && before.assigneeId != m_actor.userId) {
        // The accepter takes the ticket; they must belong to its group (a ticket without one joins theirs).
        if (after.groupId.isEmpty())
            after.groupId = m_actor.groupIds.value(0);
        if (!m_actor.groupIds.contains(after.groupId))
            return Error {QStringLiteral("transition.not_in_group"),
                tr("Only members of the ticket's group can accept it; transfer it to your group first."),
                QStringLiteral("status")};
    }
    if (request.action == TicketAction::Close && next.value() == TicketStatus::Closed) {
        if (Status s = checkCustomFields(after, {}, true); !s)
            return s.error();
    }
    std::optional<Ticket> target;
    if (request.action == TicketAction::Merge) {
        target = m_world.ticket(request.mergeTarget);
        if (!target || target->id == before.id || !Lifecycle::isOpen(target->status) || !readable(*target))
            return Error {QStringLiteral("transition.merge_target"),
                tr("A ticket can only be merged into another open ticket."), QStringLiteral("merge_target")};
    }
    applyTransitionEffects(after, next.value(), request, m_now.toUTC());
    if (request.action == TicketAction::Accept)
        after.assigneeId = m_actor.userId;
    TicketChange change {after, {}, std::nullopt, {}, {}, true};
    change.events.append(event(after, QStringLiteral("status"), Lifecycle::actionKey(request.action),
        EnumText<TicketStatus>::key(before.status), EnumText<TicketStatus>::key(after.status)));
    for (const char* field : {"group_id", "assignee_id"}) {
        const QJsonValue was = before.fieldValue(QLatin1String(field));
        const QJsonValue now = after.fieldValue(QLatin1String(field));
        if (was != now) {
            change.fieldChanges.append({QLatin1String(field), was, now});
            change.events.append(
                event(after, QStringLiteral("field"), QLatin1String(field), was.toString(), now.toString()));
        }
    }
    if (!request.resolution.isEmpty())
        change.events.append(
            event(after, QStringLiteral("field"), QStringLiteral("resolution"), {}, request.resolution));
    if (request.satisfaction > 0) { // the score and what the customer said, in the history (满意度)
        change.events.append(event(after, QStringLiteral("field"), QStringLiteral("satisfaction"),
            before.satisfaction > 0 ? QString::number(before.satisfaction) : QString(),
            QString::number(after.satisfaction)));
        if (!after.satisfactionComment.isEmpty())
            change.events.append(event(after, QStringLiteral("field"), QStringLiteral("satisfaction_comment"),
                before.satisfactionComment, after.satisfactionComment));
    }
    if (target)
        merge(change, *target);
    if (request.action == TicketAction::Transfer) {
        // The note (派发说明) is for the receiving group: an internal note on the ticket, which they read there.
        if (!UuidV7Generator::isValid(request.noteId))
            return Error {
                QStringLiteral("transition.bad_args"), tr("A transfer note needs an id."), QStringLiteral("note_id")};
        const Comment note {
            request.noteId, after.id, m_actor.userId, CommentVisibility::Internal, request.note, {}, m_now.toUTC()};
        change.comment = note;
        change.events.append(
            event(after, QStringLiteral("comment"), EnumText<CommentVisibility>::key(note.visibility), {}, note.id));
    }
    return change;
}

Result<TicketChange> TicketRules::comment(const Ticket& ticket, const Comment& comment)
{
    if (Status s = readable(ticket); !s)
        return s.error();
    if (!UuidV7Generator::isValid(comment.id))
        return Error {QStringLiteral("comment.bad_id"), tr("A comment's id must be a UUID."), QStringLiteral("id")};
    if (comment.ticketId != ticket.id)
        return Error {QStringLiteral("comment.wrong_ticket"), tr("The comment is for another ticket."),
            QStringLiteral("ticket_id")};
    if (ticket.status == TicketStatus::Merged)
        return Error {QStringLiteral("comment.merged"), tr("This ticket was merged into another; write on that one."),
            QStringLiteral("body")};
    if (comment.body.trimmed().isEmpty() && comment.attachments.isEmpty())
        return Error {QStringLiteral("comment.empty"), tr("Write a reply or attach a file."), QStringLiteral("body")};
    Comment added = comment;
    added.authorId = m_actor.userId;
    added.createdAt = clamped(comment.createdAt);
    Ticket after = ticket;
    if (added.visibility == CommentVisibility::Public && !after.firstResponseAt.isValid()) {
        after.firstResponseAt = added.createdAt;
        after.responseDueAt = QDateTime(); // answered: no reply clock runs (an SLA policy's next response restamps it)
        after.updatedAt = m_now.toUTC();
        ++after.version;
    }
    TicketChange change {after, {}, added, {}, {}, true};
    TicketEvent logged
        = event(after, QStringLiteral("comment"), EnumText<CommentVisibility>::key(added.visibility), {}, added.id);
    logged.at = added.createdAt;
    change.events.append(logged);
    return change;
}

Result<TicketChange> TicketRules::link(const Ticket& ticket, const QString& otherId, bool linked)
{
    if (Status s = readable(ticket); !s)
        return s.error();
    std::optional<Ticket> other = otherId == ticket.id ? std::nullopt : m_world.ticket(otherId);
    if (!other || !readable(*other))
        return Error {QStringLiteral("ticket.link_target"), tr("Choose another ticket you can see to link to."),
            QStringLiteral("target_id")};
    Ticket after = ticket;
    const bool has = after.links.contains(other->id);
    if (has == linked)
        return TicketChange {ticket, {}, std::nullopt, {}, {}, false};
    const auto relink = [&](Ticket& t, const QString& id) {
        const QJsonValue was = QJsonArray::fromStringList(t.links);
        if (linked)
            t.links.append(id);
        else
            t.links.removeAll(id);
        t.updatedAt = m_now.toUTC();
        ++t.version;
        return FieldChange {QStringLiteral("links"), was, QJsonArray::fromStringList(t.links)};
    };
    TicketChange change {after, {}, std::nullopt, {}, {}, true};
    change.fieldChanges.append(relink(change.ticket, other->id));
    relink(*other, ticket.id);
    const QString kind = linked ? QStringLiteral("linked") : QStringLiteral("unlinked");
    change.events.append(event(change.ticket, QStringLiteral("link"), kind, QString(), other->id));
    change.events.append(event(*other, QStringLiteral("link"), kind, QString(), ticket.id));
    change.others.append(*other);
    return change;
}

} // namespace gongdan
