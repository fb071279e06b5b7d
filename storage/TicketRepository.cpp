#include "TicketRepository.h"

#include "FieldValidator.h"
#include "JsonCodec.h"
#include "TicketTransition.h"

#include <QJsonDocument>

namespace gongdan {

namespace {

QJsonObject transitionArgs(const TransitionRequest& r, const QString& actorId, const QDateTime& at)
{
    QJsonObject args = transitionToJson(r);
    args.insert(QStringLiteral("actor_id"), actorId);
    args.insert(QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs));
    return args;
}

QDateTime atOf(const QJsonObject& args)
{
    return QDateTime::fromString(args.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
}

} // namespace

TicketRepository::TicketRepository(Database& db, TicketNumberAllocator& numbers, FieldDefinitionRepository& fields)
    : m_db(db), m_numbers(numbers), m_fields(fields), m_outbox(db), m_writer(db)
{
}

template<typename T>
Result<T> TicketRepository::queueAndCommit(SqlTransaction& transaction, Result<T> applied, const QString& name,
    const QString& entityId, const QJsonObject& args, std::optional<int> baseVersion)
{
    if (!applied)
        return applied;
    if (auto queued = m_outbox.append(name, entityId, args, baseVersion); !queued)
        return queued.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return applied;
}

Result<std::optional<TicketRepository::PulledRow>> TicketRepository::pulledRow(const QString& ticketId)
{
    QSqlQuery& pulled
        = m_db.prepared(QStringLiteral("SELECT server_seq FROM ticket WHERE id = ? AND server_seq IS NOT NULL"));
    pulled.addBindValue(ticketId);
    if (!pulled.exec())
        return Database::errorOf(pulled);
    const bool isCopy = pulled.next();
    const qint64 serverSeq = isCopy ? pulled.value(0).toLongLong() : 0;
    pulled.finish();
    const std::optional<Ticket> ticket = isCopy ? find(ticketId) : std::nullopt;
    return ticket ? std::optional<PulledRow>(PulledRow {*ticket, serverSeq}) : std::nullopt;
}

Result<bool> TicketRepository::conversationArriving(const QString& ticketId, const QString& userId)
{
    // The others' tickets in the range still to come, or the user's own while theirs are (SyncCache).
    QSqlQuery& arriving = m_db.prepared(QStringLiteral(
        "SELECT EXISTS(SELECT 1 FROM sync_state s JOIN ticket t ON t.id = ? WHERE s.id = 1 AND ((s.talk_upto IS "
        "NOT NULL AND t.id > s.talk_after AND t.id <= s.talk_upto AND COALESCE(t.assignee_id, '') <> ?) OR "
        "(s.talk_own <> 0 AND t.assignee_id = ?)))"));
    arriving.addBindValue(ticketId);
    arriving.addBindValue(userId);
    arriving.addBindValue(userId);
    if (!arriving.exec() || !arriving.next())
        return Database::errorOf(arriving);
    const bool waiting = arriving.value(0).toInt() != 0;
    arriving.finish();
    return waiting;
}

Status TicketRepository::setServerCopyAside(const QString& ticketId)
{
    // A pulled ticket's row is the server's copy until it is changed here (SyncCache): that copy is set
    // apart first, the base the changes queued here are re-applied on when the server's next copy comes.
    auto pulled = pulledRow(ticketId);
    if (!pulled)
        return pulled.error();
    if (!pulled.value())
        return {};
    QSqlQuery& keep = m_db.prepared(
        QStringLiteral("INSERT INTO ticket_synced(id, data, server_seq) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING"));
    keep.addBindValue(ticketId);
    keep.addBindValue(
        QString::fromUtf8(QJsonDocument(JsonCodec::toJson(pulled.value()->ticket)).toJson(QJsonDocument::Compact)));
    keep.addBindValue(pulled.value()->serverSeq);
    const bool kept = keep.exec();
    keep.finish();
    return kept ? Status() : Status(Database::errorOf(keep));
}

Status TicketRepository::validateCustomFields(const Ticket& ticket, bool closing)
{
    auto categories = m_fields.categories();
    ValidationContext context;
    context.categoryId = ticket.categoryId;
    context.categories = categories ? &categories.value() : nullptr;
    context.closing = closing;
    const QList<FieldIssue> issues = FieldValidator::validate(m_fields.definitions(), ticket.customFields, context);
    if (issues.isEmpty())
        return {};
    QStringList messages;
    for (const FieldIssue& issue : issues)
        messages.append(issue.message);
    return Error {QStringLiteral("ticket.fields_invalid"), messages.join(QLatin1Char('\n')), issues.first().key};
}

Status TicketRepository::event(qint64 rowid, const QString& actor, const QDateTime& at, const QString& kind,
    const QString& field, const QString& oldValue, const QString& newValue)
{
    if (m_rebasing)
        return {};
    return m_writer.insertEvent(rowid, TicketEvent {0, QString(), actor, at, kind, field, oldValue, newValue});
}

template<typename T>
Result<T> TicketRepository::observed(const QString& ticketId, const std::function<Result<T>()>& change)
{
    if (!m_observer)
        return change();
    if (!ticketId.isEmpty())
        m_observer->ticketsAboutToChange({ticketId});
    Result<T> result = change();
    QString changed = ticketId;
    if constexpr (std::is_same_v<T, Ticket>) {
        if (changed.isEmpty() && result)
            changed = result.value().id; // created
    }
    m_observer->ticketsChanged(changed.isEmpty() ? QStringList() : QStringList {changed});
    return result;
}

Result<Ticket> TicketRepository::create(Ticket draft, const QString& actorId)
{
    return observed<Ticket>(QString(), [&] { return createStored(draft, actorId); });
}

Result<Ticket> TicketRepository::patch(const QString& ticketId, const QJsonObject& patch, const QString& actorId)
{
    return observed<Ticket>(ticketId, [&] { return patchStored(ticketId, patch, actorId); });
}

Result<Ticket> TicketRepository::transition(
    const QString& ticketId, const TransitionRequest& request, const QString& actorId)
{
    return observed<Ticket>(ticketId, [&] { return transitionStored(ticketId, request, actorId); });
}

Result<Comment> TicketRepository::addComment(const QString& ticketId, CommentVisibility visibility, const QString& body,
    const QList<AttachmentRef>& attachments, const QString& actorId)
{
    return observed<Comment>(
        ticketId, [&] { return addCommentStored(ticketId, visibility, body, attachments, actorId); });
}

Result<Ticket> TicketRepository::createStored(Ticket draft, const QString& actorId)
{
    draft.subject = draft.subject.trimmed();
    if (draft.subject.isEmpty())
        return Error {
            QStringLiteral("ticket.subject_required"), tr("A ticket needs a subject."), QStringLiteral("subject")};
    if (Status status = validateCustomFields(draft, false); !status)
        return status.error();
    const QDateTime now = m_db.clock().now();
    draft.id = m_db.ids().next();
    draft.status = TicketStatus::New;
    draft.createdAt = draft.updatedAt = now;
    draft.version = 1;
    const PriorityTraits traits = priorityTraits(draft.priority);
    if (!draft.responseDueAt.isValid())
        draft.responseDueAt = now.addSecs(3600LL * traits.responseHours);
    if (!draft.resolutionDueAt.isValid())
        draft.resolutionDueAt = now.addSecs(3600LL * traits.resolutionHours);

    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started().error();
    auto number = m_numbers.allocate(now.toLocalTime().date());
    if (!number)
        return number.error();
    draft.number = number.value();
    Result<Ticket> applied = applyCreate(draft, actorId);
    return queueAndCommit(transaction, applied, QStringLiteral("ticket.create"), draft.id,
        QJsonObject {{QStringLiteral("ticket"), JsonCodec::toJson(draft)}, {QStringLiteral("actor_id"), actorId}},
        std::nullopt);
}

Result<Ticket> TicketRepository::applyCreate(Ticket ticket, const QString& actorId)
{
    auto rowid = m_writer.insertTicket(ticket);
    if (!rowid)
        return rowid.error();
    if (Status s = event(
            rowid.value(), actorId, ticket.createdAt, QStringLiteral("created"), QString(), QString(), ticket.number);
        !s)
        return s.error();
    if (ticket.callStartedAt.isValid()) {
        if (Status s = event(rowid.value(), actorId, ticket.createdAt, QStringLiteral("call"), QStringLiteral("call"),
                ticket.callStartedAt.toUTC().toString(Qt::ISODate), QString::number(ticket.callSeconds));
            !s)
            return s.error();
    }
    return ticket;
}

Result<Ticket> TicketRepository::patchStored(const QString& ticketId, const QJsonObject& patch, const QString& actorId)
{
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started().error();
    if (Status aside = setServerCopyAside(ticketId); !aside)
        return aside.error();
    const QDateTime now = m_db.clock().now();
    QJsonObject base;
    Result<Ticket> applied = applyPatch(ticketId, patch, actorId, now, &base);
    if (applied && base.isEmpty())
        return applied; // nothing changed: no event, no intent
    const int baseVersion = applied ? applied.value().version - 1 : 0;
    return queueAndCommit(transaction, applied, QStringLiteral("ticket.patch"), ticketId,
        QJsonObject {{QStringLiteral("patch"), patch}, {QStringLiteral("base"), base},
            {QStringLiteral("actor_id"), actorId}, {QStringLiteral("at"), now.toUTC().toString(Qt::ISODateWithMs)}},
        baseVersion);
}

Result<Ticket> TicketRepository::applyPatch(
    const QString& ticketId, const QJsonObject& patch, const QString& actorId, const QDateTime& at, QJsonObject* base)
{
    qint64 rowid = 0;
    auto ticket = findWhere(QStringLiteral("id"), ticketId, &rowid);
    if (!ticket)
        return Error {QStringLiteral("ticket.not_found"), tr("The ticket no longer exists."), QStringLiteral("id")};
    if (!Lifecycle::isOpen(ticket->status))
        return Error {QStringLiteral("ticket.closed"), tr("A closed ticket cannot be edited; reopen it first."),
            QStringLiteral("status")};
    auto changes = applyTicketPatch(*ticket, patch);
    if (!changes)
        return changes.error();
    if (patch.contains(QStringLiteral("custom_fields"))) {
        if (Status status = validateCustomFields(*ticket, false); !status)
            return status.error();
    }
    if (changes.value().isEmpty())
        return *ticket;
    ticket->updatedAt = at;
    ++ticket->version;
    if (Status s = m_writer.updateTicket(rowid, *ticket); !s)
        return s.error();
    for (const FieldChange& change : changes.value()) {
        if (base)
            base->insert(change.field, change.oldValue);
        if (Status s = event(rowid, actorId, at, QStringLiteral("field"), change.field, eventText(change.oldValue),
                eventText(change.newValue));
            !s)
            return s.error();
    }
    return *ticket;
}

Result<Ticket> TicketRepository::transitionStored(
    const QString& ticketId, const TransitionRequest& request, const QString& actorId)
{
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started().error();
    if (Status aside = setServerCopyAside(ticketId); !aside)
        return aside.error();
    const QDateTime now = m_db.clock().now();
    const auto before = find(ticketId);
    Result<Ticket> applied = applyTransition(ticketId, request, actorId, now);
    QJsonObject args = transitionArgs(request, actorId, now);
    if (before)
        args.insert(QStringLiteral("from"), EnumText<TicketStatus>::key(before->status));
    if (applied)
        args.insert(QStringLiteral("to"), EnumText<TicketStatus>::key(applied.value().status));
    return queueAndCommit(transaction, applied, QStringLiteral("ticket.transition"), ticketId, args,
        before ? std::optional<int>(before->version) : std::nullopt);
}

Result<Ticket> TicketRepository::applyTransition(
    const QString& ticketId, const TransitionRequest& request, const QString& actorId, const QDateTime& at)
{
    qint64 rowid = 0;
    auto ticket = findWhere(QStringLiteral("id"), ticketId, &rowid);
    if (!ticket)
        return Error {QStringLiteral("ticket.not_found"), tr("The ticket no longer exists."), QStringLiteral("id")};
    auto next = Lifecycle::apply(ticket->status, request);
    if (!next)
        return next.error();
    if (request.action == TicketAction::Transfer) {
        QSqlQuery group(m_db.sql());
        group.prepare(QStringLiteral("SELECT 1 FROM team_group WHERE id = ? AND active"));
        group.addBindValue(request.targetGroup);
        if (!group.exec() || !group.next())
            return Error {QStringLiteral("transition.unknown_group"),
                tr("There is no active group “%1” to transfer to.").arg(request.targetGroup),
                QStringLiteral("targetGroup")};
    }
    if (request.action == TicketAction::Close && next.value() == TicketStatus::Closed) {
        if (Status status = validateCustomFields(*ticket, true); !status)
            return status.error();
    }
    if (request.action == TicketAction::Merge) {
        const auto target = find(request.mergeTarget);
        if (!target || target->id == ticket->id || !Lifecycle::isOpen(target->status))
            return Error {QStringLiteral("transition.merge_target"),
                tr("A ticket can only be merged into another open ticket."), QStringLiteral("mergeTarget")};
    }
    const TicketStatus from = ticket->status;
    const QString fromGroup = ticket->groupId;
    applyTransitionEffects(*ticket, next.value(), request, at);
    if (Status s = m_writer.updateTicket(rowid, *ticket); !s)
        return s.error();
    const QString detail = !request.note.isEmpty() ? request.note : request.resolution;
    if (Status s = event(rowid, actorId, at, QStringLiteral("status"), Lifecycle::actionKey(request.action),
            EnumText<TicketStatus>::key(from), EnumText<TicketStatus>::key(ticket->status));
        !s)
        return s.error();
    if (ticket->groupId != fromGroup) {
        if (Status s = event(
                rowid, actorId, at, QStringLiteral("field"), QStringLiteral("group_id"), fromGroup, ticket->groupId);
            !s)
            return s.error();
    }
    if (!detail.isEmpty()) {
        if (Status s = event(rowid, actorId, at, QStringLiteral("field"),
                request.note.isEmpty() ? QStringLiteral("resolution") : QStringLiteral("note"), QString(), detail);
            !s)
            return s.error();
    }
    return *ticket;
}

Result<Comment> TicketRepository::addCommentStored(const QString& ticketId, CommentVisibility visibility,
    const QString& body, const QList<AttachmentRef>& attachments, const QString& actorId)
{
    if (body.trimmed().isEmpty() && attachments.isEmpty())
        return Error {QStringLiteral("comment.empty"), tr("Write a reply or attach a file."), QStringLiteral("body")};
    Comment comment {m_db.ids().next(), ticketId, actorId, visibility, body, attachments, m_db.clock().now()};
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started().error();
    if (Status aside = setServerCopyAside(ticketId); !aside)
        return aside.error();
    return queueAndCommit(transaction, applyComment(comment), QStringLiteral("comment.add"), ticketId,
        QJsonObject {{QStringLiteral("comment"), JsonCodec::toJson(comment)}}, std::nullopt);
}

Result<Comment> TicketRepository::applyComment(Comment comment)
{
    qint64 rowid = 0;
    auto ticket = findWhere(QStringLiteral("id"), comment.ticketId, &rowid);
    if (!ticket)
        return Error {QStringLiteral("ticket.not_found"), tr("The ticket no longer exists."), QStringLiteral("id")};
    if (auto inserted = m_writer.insertComment(rowid, comment); !inserted)
        return inserted.error();
    if (comment.visibility == CommentVisibility::Public && !ticket->firstResponseAt.isValid()) {
        ticket->firstResponseAt = comment.createdAt;
        ticket->updatedAt = comment.createdAt;
        ++ticket->version;
        if (Status s = m_writer.updateTicket(rowid, *ticket); !s)
            return s.error();
    }
    if (Status s = event(rowid, comment.authorId, comment.createdAt, QStringLiteral("comment"),
            EnumText<CommentVisibility>::key(comment.visibility), QString(), comment.id);
        !s)
        return s.error();
    return comment;
}

Status TicketRepository::rebase(const OutboxEntry& entry)
{
    m_rebasing = true;
    const Status status = replay(entry);
    m_rebasing = false;
    return status;
}

Status TicketRepository::replay(const OutboxEntry& entry)
{
    const QJsonObject& args = entry.args;
    const QString actor = args.value(QStringLiteral("actor_id")).toString();
    if (entry.name == QLatin1String("ticket.create")) {
        auto ticket = JsonCodec::ticketFromJson(args.value(QStringLiteral("ticket")).toObject());
        if (!ticket)
            return ticket.error();
        if (Status reserved = m_numbers.reserve(ticket.value().number); !reserved)
            return reserved;
        auto applied = applyCreate(ticket.value(), actor);
        return applied ? Status() : Status(applied.error());
    }
    if (entry.name == QLatin1String("ticket.patch")) {
        auto applied
            = applyPatch(entry.entityId, args.value(QStringLiteral("patch")).toObject(), actor, atOf(args), nullptr);
        return applied ? Status() : Status(applied.error());
    }
    if (entry.name == QLatin1String("ticket.transition")) {
        auto request = transitionFromJson(args);
        if (!request)
            return request.error();
        auto applied = applyTransition(entry.entityId, request.value(), actor, atOf(args));
        return applied ? Status() : Status(applied.error());
    }
    if (entry.name == QLatin1String("comment.add")) {
        auto comment = JsonCodec::commentFromJson(args.value(QStringLiteral("comment")).toObject());
        if (!comment)
            return comment.error();
        auto applied = applyComment(comment.value());
        return applied ? Status() : Status(applied.error());
    }
    return Error {QStringLiteral("outbox.unknown_intent"), tr("Unknown queued change \"%1\".").arg(entry.name)};
}

QList<Ticket> TicketRepository::ofCustomer(const QString& customerId, int limit)
{
    QSqlQuery& query
        = m_db.prepared(QStringLiteral("SELECT %1 FROM ticket WHERE customer_id = ? ORDER BY created_ms DESC LIMIT ?")
                            .arg(TicketRows::ticketColumns()));
    query.addBindValue(customerId);
    query.addBindValue(limit);
    QList<Ticket> tickets;
    if (query.exec()) {
        while (query.next())
            tickets.append(TicketRows::ticketFromQuery(query));
    }
    query.finish();
    return tickets;
}

std::optional<Ticket> TicketRepository::findWhere(const QString& column, const QString& value, qint64* rowid)
{
    QSqlQuery& query
        = m_db.prepared(QStringLiteral("SELECT %1 FROM ticket WHERE %2 = ?").arg(TicketRows::ticketColumns(), column));
    query.addBindValue(value);
    std::optional<Ticket> ticket;
    if (query.exec() && query.next())
        ticket = TicketRows::ticketFromQuery(query, rowid);
    query.finish();
    return ticket;
}

std::optional<Ticket> TicketRepository::find(const QString& ticketId)
{
    return findWhere(QStringLiteral("id"), ticketId, nullptr);
}

std::optional<Ticket> TicketRepository::findByNumber(const QString& number)
{
    if (std::optional<Ticket> ticket = findWhere(QStringLiteral("number"), number, nullptr))
        return ticket;
    // A provisional reference the server has since replaced with the final number (SyncCache).
    QSqlQuery& alias = m_db.prepared(QStringLiteral("SELECT ticket_id FROM ticket_alias WHERE alias = ? LIMIT 1"));
    alias.addBindValue(number);
    const QString id = alias.exec() && alias.next() ? alias.value(0).toString() : QString();
    alias.finish();
    return id.isEmpty() ? std::nullopt : find(id);
}

QList<Comment> TicketRepository::comments(const QString& ticketId)
{
    QList<Comment> result;
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("SELECT %1 FROM comment WHERE ticket_rowid = (SELECT rowid FROM ticket WHERE id = ?) "
                                 "ORDER BY created_ms, rowid")
                      .arg(TicketRows::commentColumns()));
    query.addBindValue(ticketId);
    if (query.exec()) {
        while (query.next())
            result.append(TicketRows::commentFromQuery(query, ticketId));
    }
    return result;
}

QList<TicketEvent> TicketRepository::events(const QString& ticketId)
{
    QList<TicketEvent> result;
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("SELECT rowid, actor_id, at_ms, kind, field, old_value, new_value FROM ticket_event "
                                 "WHERE ticket_rowid = (SELECT rowid FROM ticket WHERE id = ?) ORDER BY rowid"));
    query.addBindValue(ticketId);
    if (query.exec()) {
        while (query.next()) {
            result.append({query.value(0).toLongLong(), ticketId, query.value(1).toString(),
                TicketRows::fromMs(query.value(2)), query.value(3).toString(), query.value(4).toString(),
                query.value(5).toString(), query.value(6).toString()});
        }
    }
    return result;
}

qint64 TicketRepository::count()
{
    QSqlQuery query(m_db.sql());
    return query.exec(QStringLiteral("SELECT count(*) FROM ticket")) && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace gongdan
