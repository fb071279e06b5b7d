#include "storage/TicketRepository.h"

#include "domain/JsonCodec.h"
#include "domain/TicketIntents.h"
#include "domain/TicketTransition.h"
#include "storage/LocalTicketWorld.h"
#include "storage/NeedsAttention.h"

#include <QHash>
#include <QJsonDocument>
#include <algorithm>
#include <functional>

namespace gongdan {

TicketRepository::TicketRepository(Database& db, TicketNumberAllocator& numbers, FieldDefinitionRepository& fields)
    : m_db(db), m_numbers(numbers), m_fields(fields), m_outbox(db), m_writer(db), m_sla(db)
{
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

template<typename T>
Result<T> TicketRepository::observed(const QStringList& ticketIds, const std::function<Result<T>()>& change)
{
    if (!m_changes)
        return change();
    m_changes->aboutToChange(ticketIds);
    Result<T> result = change();
    QStringList changed = ticketIds;
    if constexpr (std::is_same_v<T, Ticket>) {
        if (changed.isEmpty() && result)
            changed.append(result.value().id); // created
    }
    m_changes->publish(StoreChange::tickets(changed));
    return result;
}

Result<OutboxEntry> TicketRepository::queue(
    const QString& name, const QString& entityId, const QJsonObject& args, std::optional<int> baseVersion)
{
    auto entry = m_outbox.append(name, entityId, args, baseVersion);
    if (!entry)
        return entry;
    if (Status tagged = tagEvents(entry.value().mutationId); !tagged)
        return tagged.error();
    return entry;
}

Status TicketRepository::tagEvents(const QString& mutationId)
{
    // The events this change wrote are its own: marked refused with it, gone if the agent discards it, and
    // each has the id the server gives it too (TicketChange::identifyEvents: the change's id and the event's
    // place among them, the order they were written in), so the server's copy replaces this one.
    QSqlQuery& tag = m_db.prepared(QStringLiteral("UPDATE ticket_event SET mutation_id = ?, event_id = ? || ':' || "
                                                  "(rowid - ? - 1) WHERE rowid > ? AND mutation_id IS NULL"));
    tag.addBindValue(mutationId);
    tag.addBindValue(mutationId);
    tag.addBindValue(m_eventsBefore);
    tag.addBindValue(m_eventsBefore);
    const bool tagged = tag.exec();
    tag.finish();
    return tagged ? Status() : Status(Database::errorOf(tag));
}

void TicketRepository::markEvents()
{
    QSqlQuery& last = m_db.prepared(QStringLiteral("SELECT ifnull(max(rowid), 0) FROM ticket_event"));
    m_eventsBefore = last.exec() && last.next() ? last.value(0).toLongLong() : 0;
    last.finish();
}

Principal TicketRepository::actorOf(const OutboxEntry& entry)
{
    QString actor = entry.args.value(QStringLiteral("actor_id")).toString();
    if (actor.isEmpty()) // comment.add carries its author
        actor = entry.args.value(QStringLiteral("comment")).toObject().value(QStringLiteral("author_id")).toString();
    return LocalTicketWorld::principalOf(m_db, actor);
}

Status TicketRepository::write(const TicketChange& change)
{
    markEvents();
    QHash<QString, qint64> rowids;
    const auto store = [&](const Ticket& ticket) -> Status {
        qint64 rowid = 0;
        if (findWhere(QStringLiteral("id"), ticket.id, &rowid)) {
            if (Status s = m_writer.updateTicket(rowid, ticket); !s)
                return s;
        } else {
            auto inserted = m_writer.insertTicket(ticket);
            if (!inserted)
                return inserted.error();
            rowid = inserted.value();
        }
        rowids.insert(ticket.id, rowid);
        return {};
    };
    // The SLA clocks' due times as the server will stamp them (storage/SlaSettings: the policies this desk pulled);
    // no policy: the due times the rules set stay.
    Ticket stamped = change.ticket;
    if (const SlaSetup& sla = m_sla.current(); !sla.empty()) {
        QList<TicketEvent> history = events(stamped.id);
        history += change.events;
        QList<Comment> conversation = comments(stamped.id);
        if (change.comment && !commentExists(change.comment->id))
            conversation.append(*change.comment);
        QJsonObject facts;
        if (!stamped.customerId.isEmpty()) {
            QSqlQuery& level = m_db.prepared(QStringLiteral("SELECT level FROM customer WHERE id = ?"));
            level.addBindValue(stamped.customerId);
            if (level.exec() && level.next())
                facts.insert(QStringLiteral("customer_level"), level.value(0).toString());
            level.finish();
        }
        SlaStamp::stamp(stamped, history, conversation, sla, m_db.clock().now(), facts);
    }
    if (Status s = store(stamped); !s)
        return s;
    for (const Ticket& other : change.others) {
        if (!m_rebasing) {
            if (Status s = setServerCopyAside(other.id); !s)
                return s;
        }
        if (Status s = store(other); !s)
            return s;
    }
    if (change.comment && !commentExists(change.comment->id)) { // re-applied on a pull: written once
        if (auto inserted = m_writer.insertComment(rowids.value(change.ticket.id), *change.comment); !inserted)
            return inserted.error();
    }
    for (const Comment& moved : change.movedComments) { // a merge's conversation, on its target; once by id
        if (commentExists(moved.id))
            continue;
        if (auto inserted = m_writer.insertComment(rowids.value(moved.ticketId), moved); !inserted)
            return inserted.error();
    }
    if (m_rebasing)
        return {}; // the original change wrote its events
    for (const TicketEvent& e : change.events) {
        if (Status s = m_writer.appendEvent(rowids.value(e.ticketId, rowids.value(change.ticket.id)), e); !s)
            return s;
    }
    return {};
}

bool TicketRepository::commentExists(const QString& commentId)
{
    QSqlQuery& known = m_db.prepared(QStringLiteral("SELECT 1 FROM comment WHERE id = ?"));
    known.addBindValue(commentId);
    const bool exists = known.exec() && known.next();
    known.finish();
    return exists;
}

Result<Ticket> TicketRepository::create(Ticket draft, const Principal& actor)
{
    return observed<Ticket>({}, [&] { return createStored(draft, actor); });
}

Result<Ticket> TicketRepository::createStored(Ticket draft, const Principal& actor)
{
    const QDateTime now = m_db.clock().now();
    draft.id = m_db.ids().next();
    draft.createdAt = now;
    draft.number.clear(); // the allocator's, once the rules have accepted the ticket
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started().error();
    LocalTicketWorld world(m_db, m_fields);
    TicketRules rules(world, actor, now);
    auto change = rules.create(draft);
    if (!change)
        return change.error();
    auto number = m_numbers.allocate(now.toLocalTime().date());
    if (!number)
        return number.error();
    change.value().numberAs(number.value());
    if (Status s = write(change.value()); !s)
        return s.error();
    const Ticket& created = change.value().ticket;
    if (auto queued = queue(intent::TicketCreate, created.id, TicketIntents::create(created, actor.userId), {});
        !queued)
        return queued.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return created;
}

Result<TicketChange> TicketRepository::changeStored(const QString& ticketId,
    const std::function<Result<TicketChange>(TicketRules&, const Ticket&)>& rule, const Principal& actor,
    const QDateTime& at)
{
    if (!m_rebasing) {
        if (Status aside = setServerCopyAside(ticketId); !aside)
            return aside.error();
    }
    const std::optional<Ticket> before = find(ticketId);
    if (!before)
        return Error {QStringLiteral("ticket.not_found"), tr("The ticket no longer exists."), QStringLiteral("id")};
    LocalTicketWorld world(m_db, m_fields);
    TicketRules rules(world, actor, at);
    auto change = rule(rules, *before);
    if (!change || !change.value().changed)
        return change;
    if (Status s = write(change.value()); !s)
        return s.error();
    return change;
}

Result<Ticket> TicketRepository::patch(const QString& ticketId, const QJsonObject& patch, const Principal& actor)
{
    return observed<Ticket>({ticketId}, [&]() -> Result<Ticket> {
        const QDateTime now = m_db.clock().now();
        SqlTransaction transaction(m_db);
        if (!transaction.started())
            return transaction.started().error();
        auto change = changeStored(
            ticketId, [&](TicketRules& rules, const Ticket& before) { return rules.patch(before, patch); }, actor, now);
        if (!change)
            return change.error();
        if (!change.value().changed)
            return change.value().ticket; // nothing changed: no event, no intent
        if (NeedsAttention(m_db).unsent(ticketId)) { // the ticket is resent whole: the edit goes with it
            if (Status committed = transaction.commit(); !committed)
                return committed.error();
            return change.value().ticket;
        }
        QJsonObject base; // the values the agent saw, per field: the server's conflict check
        for (const FieldChange& c : change.value().fieldChanges)
            base.insert(c.field, c.oldValue);
        if (auto queued = queue(intent::TicketPatch, ticketId, TicketIntents::patch(patch, base, actor.userId, now),
                change.value().ticket.version - 1);
            !queued)
            return queued.error();
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
        return change.value().ticket;
    });
}

Result<Ticket> TicketRepository::transition(
    const QString& ticketId, const TransitionRequest& request, const Principal& actor)
{
    QStringList touched {ticketId};
    if (request.action == TicketAction::Merge && !request.mergeTarget.isEmpty())
        touched.append(request.mergeTarget); // the target takes the conversation
    return observed<Ticket>(touched, [&]() -> Result<Ticket> {
        const QDateTime now = m_db.clock().now();
        SqlTransaction transaction(m_db);
        if (!transaction.started())
            return transaction.started().error();
        const std::optional<Ticket> before = find(ticketId);
        TransitionRequest made = request;
        if (made.action == TicketAction::Transfer && made.noteId.isEmpty())
            made.noteId = m_db.ids().next(); // the note becomes an internal note: one id everywhere
        if (before && NeedsAttention(m_db).unsent(ticketId))
            return Error {QStringLiteral("ticket.unsent"),
                tr("The server has not accepted this ticket yet: fix it and send it again first."),
                QStringLiteral("id")};
        auto change = changeStored(
            ticketId, [&](TicketRules& rules, const Ticket& was) { return rules.transition(was, made); }, actor, now);
        if (!change)
            return change.error();
        const Ticket& after = change.value().ticket;
        if (auto queued = queue(intent::TicketTransition, ticketId,
                TicketIntents::transition(made, actor.userId, now, before->status, after.status), before->version);
            !queued)
            return queued.error();
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
        return after;
    });
}

Result<Comment> TicketRepository::addComment(const QString& ticketId, CommentVisibility visibility, const QString& body,
    const QList<AttachmentRef>& attachments, const Principal& actor)
{
    return observed<Comment>({ticketId}, [&]() -> Result<Comment> {
        const QDateTime now = m_db.clock().now();
        const Comment draft {m_db.ids().next(), ticketId, actor.userId, visibility, body, attachments, now};
        SqlTransaction transaction(m_db);
        if (!transaction.started())
            return transaction.started().error();
        auto change = changeStored(
            ticketId, [&](TicketRules& rules, const Ticket& ticket) { return rules.comment(ticket, draft); }, actor,
            now);
        if (!change)
            return change.error();
        const Comment& added = *change.value().comment;
        const bool unsent = NeedsAttention(m_db).unsent(ticketId); // resent with the ticket
        if (auto queued = unsent ? Result<OutboxEntry>(OutboxEntry {})
                                 : queue(intent::CommentAdd, ticketId, TicketIntents::comment(added), {});
            !queued)
            return queued.error();
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
        return added;
    });
}

Result<Ticket> TicketRepository::link(
    const QString& ticketId, const QString& otherId, bool linked, const Principal& actor)
{
    return observed<Ticket>({ticketId, otherId}, [&]() -> Result<Ticket> {
        const QDateTime now = m_db.clock().now();
        SqlTransaction transaction(m_db);
        if (!transaction.started())
            return transaction.started().error();
        auto change = changeStored(
            ticketId, [&](TicketRules& rules, const Ticket& ticket) { return rules.link(ticket, otherId, linked); },
            actor, now);
        if (!change)
            return change.error();
        if (!change.value().changed)
            return change.value().ticket;
        if (auto queued = queue(intent::TicketLink, ticketId, TicketIntents::link(otherId, linked, actor.userId, now),
                change.value().ticket.version - 1);
            !queued)
            return queued.error();
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
        return change.value().ticket;
    });
}

Result<Ticket> TicketRepository::resend(const QString& ticketId, const Principal& actor)
{
    return observed<Ticket>({ticketId}, [&]() -> Result<Ticket> {
        SqlTransaction transaction(m_db);
        if (!transaction.started())
            return transaction.started().error();
        NeedsAttention attention(m_db);
        const std::optional<Ticket> stored = find(ticketId);
        if (!stored || !attention.unsent(ticketId))
            return Error {QStringLiteral("ticket.not_unsent"), tr("This ticket is not waiting to be sent again."),
                QStringLiteral("id")};
        Ticket draft = *stored;
        const QList<RefusedChange> refused = attention.refused(ticketId);
        const bool badReference = std::any_of(refused.begin(), refused.end(),
            [](const RefusedChange& r) { return r.code.startsWith(QLatin1String("ticket.reference")); });
        const QDateTime now = m_db.clock().now();
        if (badReference) { // its reference is another ticket's on the server: a new one from this device
            auto number = m_numbers.allocate(now.toLocalTime().date());
            if (!number)
                return number.error();
            draft.number = number.value();
        }
        LocalTicketWorld local(m_db, m_fields);
        TicketWorldWithout world(local, ticketId);
        auto change = TicketRules(world, actor, now).create(draft);
        if (!change)
            return change.error();
        change.value().ticket.number = draft.number;
        // Its creation is logged again, as the server will log it (the same ids: no second "created").
        QSqlQuery& logged
            = m_db.prepared(QStringLiteral("DELETE FROM ticket_event WHERE ticket_rowid = (SELECT "
                                           "rowid FROM ticket WHERE id = ?) AND kind IN ('created', 'call')"));
        logged.addBindValue(ticketId);
        const bool forgotten = logged.exec();
        logged.finish();
        if (!forgotten)
            return Database::errorOf(logged);
        if (Status s = write(change.value()); !s)
            return s.error();
        QSqlQuery& drop = m_db.prepared(QStringLiteral(
            "DELETE FROM outbox WHERE entity_id = ? AND state IN ('pending', 'rejected') AND (user_id IS NULL OR "
            "user_id = ?)"));
        drop.addBindValue(ticketId);
        drop.addBindValue(m_db.signedInUser());
        const bool dropped = drop.exec();
        drop.finish();
        if (!dropped)
            return Database::errorOf(drop);
        const Ticket& sent = change.value().ticket;
        if (auto queued = queue(intent::TicketCreate, ticketId, TicketIntents::create(sent, actor.userId), {}); !queued)
            return queued.error();
        for (const Comment& comment : comments(ticketId)) { // what was written on it here goes with it
            if (auto queued = queue(intent::CommentAdd, ticketId, TicketIntents::comment(comment), {}); !queued)
                return queued.error();
        }
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
        return sent;
    });
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
    if (entry.name == intent::TicketCreate) {
        // The ticket as the rules made it when it was created here: written as it is.
        auto ticket = JsonCodec::ticketFromJson(args.value(QStringLiteral("ticket")).toObject());
        if (!ticket)
            return ticket.error();
        if (Status reserved = m_numbers.reserve(ticket.value().number); !reserved)
            return reserved;
        TicketChange change {ticket.value(), {}, std::nullopt, {}, {}, true};
        change.events.append({0, ticket.value().id, actorOf(entry).userId, ticket.value().createdAt,
            QStringLiteral("created"), QString(), QString(), ticket.value().number});
        if (Status written = write(change); !written || m_rebasing)
            return written;
        return tagEvents(entry.mutationId);
    }
    const Principal actor = actorOf(entry);
    QDateTime at = TicketIntents::at(args);
    if (!at.isValid())
        at = m_db.clock().now();
    std::function<Result<TicketChange>(TicketRules&, const Ticket&)> rule;
    if (entry.name == intent::TicketPatch) {
        const QJsonObject patch = args.value(QStringLiteral("patch")).toObject();
        rule = [patch](TicketRules& rules, const Ticket& before) { return rules.patch(before, patch); };
    } else if (entry.name == intent::TicketTransition) {
        auto request = transitionFromJson(args);
        if (!request)
            return request.error();
        rule = [request = request.value()](
                   TicketRules& rules, const Ticket& before) { return rules.transition(before, request); };
    } else if (entry.name == intent::CommentAdd) {
        auto comment = JsonCodec::commentFromJson(args.value(QStringLiteral("comment")).toObject());
        if (!comment)
            return comment.error();
        at = comment.value().createdAt;
        rule = [comment = comment.value()](
                   TicketRules& rules, const Ticket& ticket) { return rules.comment(ticket, comment); };
    } else if (entry.name == intent::TicketLink) {
        const QString target = args.value(QStringLiteral("target_id")).toString();
        const bool linked = args.value(QStringLiteral("linked")).toBool(true);
        rule
            = [target, linked](TicketRules& rules, const Ticket& ticket) { return rules.link(ticket, target, linked); };
    } else {
        return Error {QStringLiteral("outbox.unknown_intent"), tr("Unknown queued change \"%1\".").arg(entry.name)};
    }
    auto applied = changeStored(entry.entityId, rule, actor, at);
    if (!applied)
        return applied.error();
    return m_rebasing || !applied.value().changed ? Status() : tagEvents(entry.mutationId);
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
    query.prepare(QStringLiteral(
        "SELECT rowid, actor_id, at_ms, kind, field, old_value, new_value, mutation_id, event_id FROM ticket_event "
        "WHERE ticket_rowid = (SELECT rowid FROM ticket WHERE id = ?) ORDER BY rowid"));
    query.addBindValue(ticketId);
    // During a first sync's bulk load an event may be stored twice until the load ends (the server's copy of one
    // made here, a resync's): the newest copy is the one, in its place.
    QHash<QString, qsizetype> byEventId;
    QList<qsizetype> older;
    if (query.exec()) {
        while (query.next()) {
            const QString eventId = query.value(8).toString();
            if (!eventId.isEmpty()) {
                if (const auto seen = byEventId.constFind(eventId); seen != byEventId.cend())
                    older.append(seen.value());
                byEventId.insert(eventId, result.size());
            }
            result.append({query.value(0).toLongLong(), ticketId, query.value(1).toString(),
                TicketRows::fromMs(query.value(2)), query.value(3).toString(), query.value(4).toString(),
                query.value(5).toString(), query.value(6).toString(), query.value(7).toString(), eventId});
        }
    }
    std::sort(older.begin(), older.end(), std::greater<>());
    for (const qsizetype index : std::as_const(older))
        result.removeAt(index);
    return result;
}

qint64 TicketRepository::count()
{
    QSqlQuery query(m_db.sql());
    return query.exec(QStringLiteral("SELECT count(*) FROM ticket")) && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace gongdan
