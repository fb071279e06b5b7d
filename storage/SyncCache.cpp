#include "storage/SyncCache.h"

#include "domain/Intents.h"
#include "domain/JsonCodec.h"
#include "storage/LocalTicketWorld.h"
#include "storage/NeedsAttention.h"

#include <QHash>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>

namespace gongdan {

namespace {

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

SyncCache::SyncCache(Database& db, TicketRepository& tickets, const Failpoints& failpoints)
    : m_db(db)
    , m_tickets(tickets)
    , m_outbox(db)
    , m_records(db)
    , m_writer(db)
    , m_failpoints(failpoints)
    , m_rowidOf(db.handle(), "SELECT rowid FROM ticket WHERE id = ?")
    , m_storeSynced(db.handle(),
          "INSERT INTO ticket_synced(id, data, server_seq) VALUES (?, ?, ?) "
          "ON CONFLICT(id) DO UPDATE SET data = excluded.data, server_seq = excluded.server_seq")
    , m_dropSynced(db.handle(), "DELETE FROM ticket_synced WHERE id = ?")
    , m_insertAlias(db.handle(), "INSERT OR IGNORE INTO ticket_alias(alias, ticket_id) VALUES (?, ?)")
    , m_anySynced(db.handle(), "SELECT EXISTS(SELECT 1 FROM ticket_synced)")
    , m_numberAside(
          db.handle(), "UPDATE ticket SET number = number || '~' || substr(id, 1, 8) WHERE number = ? AND id <> ?")
    , m_commentKnown(db.handle(), "SELECT 1 FROM comment WHERE id = ?")
    , m_anythingQueued(db.handle(), "SELECT EXISTS(SELECT 1 FROM outbox WHERE state <> 'rejected')")
    , m_anyRefused(db.handle(),
          "SELECT EXISTS(SELECT 1 FROM outbox WHERE entity_id = ? AND state = 'rejected' AND "
          "(user_id IS NULL OR user_id = ?))")
    , m_anyNotice(db.handle(), "SELECT EXISTS(SELECT 1 FROM ticket_notice)")
    , m_dropNotice(db.handle(), "DELETE FROM ticket_notice WHERE ticket_id = ?")
    , m_finalNumber(db.handle(),
          "UPDATE ticket_event SET new_value = ?1 WHERE ticket_rowid = ?2 AND kind = 'created' AND new_value <> ?1")
    , m_anyUnconfirmed(db.handle(), "SELECT EXISTS(SELECT 1 FROM comment_unconfirmed)")
    , m_confirmComment(db.handle(), "DELETE FROM comment_unconfirmed WHERE id = ?")
{
}

qint64 SyncCache::cursor()
{
    QSqlQuery query(m_db.sql());
    return query.exec(QStringLiteral("SELECT cursor FROM sync_state WHERE id = 1")) && query.next()
        ? query.value(0).toLongLong()
        : 0;
}

QString SyncCache::epoch()
{
    QSqlQuery query(m_db.sql());
    return query.exec(QStringLiteral("SELECT epoch FROM sync_state WHERE id = 1")) && query.next()
        ? query.value(0).toString()
        : QString();
}

QString SyncCache::deviceCode()
{
    QSqlQuery query(m_db.sql());
    return query.exec(QStringLiteral("SELECT device_code FROM client_meta WHERE id = 1")) && query.next()
        ? query.value(0).toString()
        : QString();
}

Status SyncCache::setDeviceCode(const QString& code)
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("UPDATE client_meta SET device_code = ? WHERE id = 1"));
    query.addBindValue(code);
    const bool ok = query.exec();
    query.finish();
    return ok ? Status() : Status(Database::errorOf(query));
}

std::optional<qint64> SyncCache::rowidOf(const QString& ticketId)
{
    if (const auto known = m_rowids.constFind(ticketId); known != m_rowids.constEnd())
        return *known;
    auto rowid = m_rowidOf.bindRequired(1, ticketId).queryInt();
    return rowid ? rowid.value() : std::nullopt;
}

Status SyncCache::storeAliases(const PulledChange& change)
{
    const auto aliases = change.data.constFind(QStringLiteral("aliases"));
    if (aliases == change.data.constEnd())
        return {};
    for (const QJsonValue& alias : aliases->toArray()) {
        if (Status s = m_insertAlias.bindRequired(1, alias.toString()).bindRequired(2, change.id).run(); !s)
            return s;
    }
    return {};
}

Result<SyncCache::ServerCopy> SyncCache::storedCopy(const QString& ticketId)
{
    ServerCopy out;
    QSqlQuery& apart = m_db.prepared(QStringLiteral("SELECT data, server_seq FROM ticket_synced WHERE id = ?"));
    apart.addBindValue(ticketId);
    if (!apart.exec())
        return Database::errorOf(apart);
    if (apart.next()) {
        out.copy = QJsonDocument::fromJson(apart.value(0).toByteArray()).object();
        out.serverSeq = apart.value(1).toLongLong();
    }
    apart.finish();
    if (!out.copy.isEmpty())
        return out;
    auto visible = m_tickets.pulledRow(ticketId);
    if (!visible)
        return visible.error();
    if (visible.value()) {
        out.copy = JsonCodec::toJson(visible.value()->ticket);
        out.serverSeq = visible.value()->serverSeq;
    }
    return out;
}

Status SyncCache::keepApart(const QString& ticketId, const ServerCopy& copy, bool apart)
{
    if (apart) {
        m_nothingApart = false;
        m_storeSynced.bindRequired(1, ticketId).bind(3, copy.serverSeq);
        m_storeSynced.bindText(2,
            QJsonDocument(copy.decoded ? JsonCodec::toJson(*copy.decoded) : copy.copy).toJson(QJsonDocument::Compact));
        return m_storeSynced.run();
    }
    return m_nothingApart ? Status() : m_dropSynced.bindRequired(1, ticketId).run();
}

Status SyncCache::writeVisible(const Ticket& ticket, qint64 serverSeq)
{
    // A local-only ticket may hold the number the server just gave this one (numbered offline before
    // sync): it moves aside under a suffix until its own number arrives.
    if (Status moved = m_numberAside.bindRequired(1, ticket.number).bindRequired(2, ticket.id).run(); !moved)
        return moved;
    if (std::optional<qint64> rowid = rowidOf(ticket.id)) {
        if (Status s = m_writer.updateTicket(*rowid, ticket, serverSeq); !s)
            return s;
        // Created here under a provisional reference: its log says the number it has now.
        return m_finalNumber.bindRequired(1, ticket.number).bind(2, *rowid).run();
    }
    auto inserted = m_writer.insertTicket(ticket, serverSeq);
    if (!inserted)
        return inserted.error();
    m_rowids.insert(ticket.id, inserted.value()); // for the page's comments
    return {};
}

Status SyncCache::removeVisible(const QString& ticketId)
{
    m_rowids.remove(ticketId);
    QSqlQuery& remove = m_db.prepared(QStringLiteral("DELETE FROM ticket WHERE id = ?")); // comments, events cascade
    remove.addBindValue(ticketId);
    const bool ok = remove.exec();
    remove.finish();
    return ok ? Status() : Status(Database::errorOf(remove));
}

Status SyncCache::recompute(const QString& ticketId, qint64 cursor, const ServerCopy* pulled)
{
    const QList<OutboxEntry> queued = m_nothingQueued ? QList<OutboxEntry>() : m_outbox.undelivered(ticketId, cursor);
    ServerCopy kept;
    if (!pulled) {
        auto stored = storedCopy(ticketId);
        if (!stored)
            return stored.error();
        kept = stored.value();
        pulled = &kept;
    }
    const bool createdHere = std::any_of(
        queued.begin(), queued.end(), [](const OutboxEntry& e) { return e.name == intent::TicketCreate; });
    if (pulled->none()) {
        if (Status dropped = keepApart(ticketId, *pulled, false); !dropped)
            return dropped;
        return withoutCopy(ticketId, createdHere || !queued.isEmpty());
    }
    if (!m_noNotices) { // it is in sight again: whatever said it had left no longer holds
        if (Status back = m_dropNotice.bindRequired(1, ticketId).run(); !back)
            return back;
    }
    // Changes made here go on top of the copy, which is then kept apart for the next time.
    const bool onTop = queued.size() > (createdHere ? 1 : 0);
    if (Status apart = keepApart(ticketId, *pulled, onTop); !apart)
        return apart;
    if (pulled->decoded) {
        if (Status written = writeVisible(*pulled->decoded, pulled->serverSeq); !written)
            return written;
    } else {
        auto ticket = JsonCodec::ticketFromJson(pulled->copy);
        if (!ticket)
            return ticket.error();
        if (Status written = writeVisible(ticket.value(), pulled->serverSeq); !written)
            return written;
    }
    for (const OutboxEntry& entry : queued) {
        if (entry.name == intent::TicketCreate)
            continue; // the server copy is that ticket
        if (entry.name == intent::CommentAdd) {
            QSqlQuery& known = m_db.prepared(QStringLiteral("SELECT 1 FROM comment WHERE id = ?"));
            known.addBindValue(
                entry.args.value(QStringLiteral("comment")).toObject().value(QStringLiteral("id")).toString());
            const bool exists = known.exec() && known.next();
            known.finish();
            if (exists)
                continue; // comments are never rewritten
        }
        // A queued change that no longer fits (the state machine moved on) stays queued: the server
        // decides, and its refusal comes back as a rejected result.
        m_tickets.rebase(entry);
    }
    return {};
}

Status SyncCache::withoutCopy(const QString& ticketId, bool queuedHere)
{
    // Nothing an agent did is removed without their choice: a ticket created here and not delivered yet,
    // or one with changes of theirs still waiting or refused, stays. Otherwise it left this user's sight:
    // by their own change it goes; by someone else's it stays, saying where it went, until they have seen
    // it (NeedsAttention); and if the move keeps it in sight (a scope_remove before the upsert of a later
    // page), it simply stays.
    auto refused = m_anyRefused.bindRequired(1, ticketId).bindRequired(2, m_db.signedInUser()).queryInt();
    if (!refused)
        return refused.error();
    const bool kept = queuedHere || refused.value().value_or(0) != 0;
    const auto gone = m_departures.constFind(ticketId);
    if (gone == m_departures.constEnd())
        return kept ? Status() : removeVisible(ticketId); // no copy any more (a refused change, a resync)
    const QJsonObject& where = *gone;
    if (access::mayRead(m_me, where.value(QStringLiteral("group_id")).toString(),
            where.value(QStringLiteral("assignee_id")).toString(),
            where.value(QStringLiteral("created_by")).toString()))
        return {};
    const QString by = where.value(QStringLiteral("by")).toString();
    if (!by.isEmpty() && by == m_me.userId)
        return kept ? Status() : removeVisible(ticketId);
    m_noNotices = false; // said whether changes of the agent's still wait on it or not
    return NeedsAttention::noteDeparture(m_db,
        Departure {ticketId, where.value(QStringLiteral("number")).toString(),
            where.value(QStringLiteral("group_id")).toString(), where.value(QStringLiteral("assignee_id")).toString(),
            by, m_db.clock().now()});
}

Status SyncCache::insertComment(const PulledChange& change)
{
    std::optional<Comment> parsed; // when the page did not come decoded
    if (!change.comment) {
        auto fromJson = JsonCodec::commentFromJson(change.data);
        if (!fromJson)
            return fromJson.error();
        parsed = std::move(fromJson.value());
    }
    const Comment& comment = change.comment ? *change.comment : *parsed;
    const std::optional<qint64> ticketRowid = rowidOf(comment.ticketId);
    if (!ticketRowid)
        return {}; // not (or no longer) in this user's cache
    auto known = m_commentKnown.bindRequired(1, comment.id).queryInt();
    if (!known)
        return known.error();
    if (known.value()) {
        if (m_confirming) { // a resync: the server still has it
            if (Status confirmed = m_confirmComment.bindRequired(1, comment.id).run(); !confirmed)
                return confirmed;
        }
        // Written here first: the server's copy says who wrote it (the signed-in user) and when (a device
        // clock from the future is clamped), and a merge's copy the origin's final number; the text is never
        // rewritten.
        QSqlQuery& settle = m_db.prepared(QStringLiteral(
            "UPDATE comment SET author_id = ?, created_ms = ?, origin_ticket_id = ?, origin_number = ? WHERE id = ?"));
        settle.addBindValue(comment.authorId);
        settle.addBindValue(TicketRows::toMs(comment.createdAt));
        settle.addBindValue(comment.originTicketId.isEmpty() ? QVariant() : QVariant(comment.originTicketId));
        settle.addBindValue(comment.originNumber.isEmpty() ? QVariant() : QVariant(comment.originNumber));
        settle.addBindValue(comment.id);
        const bool ok = settle.exec();
        settle.finish();
        return ok ? Status() : Status(Database::errorOf(settle));
    }
    auto inserted = m_writer.insertComment(*ticketRowid, comment);
    return inserted ? Status() : Status(inserted.error());
}

Status SyncCache::insertEvent(const PulledChange& change, QString* ticketId)
{
    auto parsed = change.event ? Result<TicketEvent>(*change.event) : JsonCodec::eventFromJson(change.data);
    if (!parsed)
        return parsed.error();
    *ticketId = parsed.value().ticketId;
    const std::optional<qint64> ticketRowid = rowidOf(*ticketId);
    if (!ticketRowid)
        return {}; // not in this cache
    return m_eventsInBulk ? m_writer.appendEvent(*ticketRowid, parsed.value())
                          : m_writer.insertEvent(*ticketRowid, parsed.value());
}

Result<QStringList> SyncCache::applyPage(
    const QList<PulledChange>& changes, qint64 nextCursor, const QString& epoch, qint64 seenUpTo)
{
    const qint64 seen = seenUpTo < 0 ? nextCursor : seenUpTo;
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started().error();
    // Nothing queued at all (a first sync, mostly): no ticket needs its queued changes looked up.
    auto queued = m_anythingQueued.queryInt();
    auto apart = m_anySynced.queryInt();
    if (!queued || !apart)
        return (!queued ? queued : apart).error();
    auto notices = m_anyNotice.queryInt();
    if (!notices)
        return notices.error();
    m_nothingQueued = queued.value().value_or(0) == 0;
    m_nothingApart = apart.value().value_or(0) == 0;
    m_noNotices = notices.value().value_or(0) == 0;
    auto confirming = m_anyUnconfirmed.queryInt();
    if (!confirming)
        return confirming.error();
    m_confirming = confirming.value().value_or(0) != 0;
    m_rowids.clear();
    m_departures.clear();
    const auto reset = qScopeGuard([this] {
        m_nothingQueued = m_nothingApart = m_noNotices = m_confirming = false;
        m_rowids.clear();
        m_departures.clear();
    });
    m_me = LocalTicketWorld::principalOf(m_db, m_db.signedInUser());
    QStringList touched;
    QSet<QString> touchedSet; // what `touched` holds: a comments-only page touches 500 tickets
    QHash<QString, ServerCopy> latest; // the page's last copy of each ticket (an empty one: removed)
    for (const PulledChange& change : changes) {
        if (change.entity != QLatin1String("ticket"))
            continue;
        if (Status s = storeAliases(change); !s)
            return s.error();
        if (!latest.contains(change.id))
            touched.append(change.id);
        const bool removed = change.op == QLatin1String("scope_remove");
        if (removed)
            m_departures.insert(change.id, change.data); // where it went and who moved it
        else
            m_departures.remove(change.id);
        latest.insert(change.id,
            ServerCopy {removed ? QJsonObject() : change.data.value(QStringLiteral("ticket")).toObject(),
                change.serverSeq, change.ticket && !removed ? &*change.ticket : nullptr});
    }
    QSqlQuery& state
        = m_db.prepared(QStringLiteral("UPDATE sync_state SET cursor = ?, epoch = ?, last_pull_ms = ? WHERE id = 1"));
    state.addBindValue(nextCursor);
    state.addBindValue(epoch);
    state.addBindValue(m_db.clock().nowMs());
    const bool moved = state.exec();
    state.finish();
    if (!moved)
        return Database::errorOf(state);
    for (const QString& id : touched) {
        const ServerCopy copy = latest.value(id);
        if (Status s = recompute(id, seen, &copy); !s)
            return s.error();
    }
    for (const PulledChange& change : changes) {
        if (change.entity == QLatin1String("comment") || change.entity == QLatin1String("event")) {
            QString ticketId
                = change.comment ? change.comment->ticketId : change.data.value(QStringLiteral("ticket_id")).toString();
            if (Status s
                = change.entity == QLatin1String("event") ? insertEvent(change, &ticketId) : insertComment(change);
                !s)
                return s.error();
            if (!latest.contains(ticketId) && !touchedSet.contains(ticketId)) {
                touched.append(ticketId);
                touchedSet.insert(ticketId);
            }
        } else if (change.entity == QLatin1String("user") || change.entity == QLatin1String("group")) {
            if (Status s = storeTeamMember(change); !s)
                return s.error();
            m_teamChanged = true;
        } else if (RecordCache::isRecord(change.entity)) {
            const Status s = change.op == QLatin1String("delete")
                ? m_records.applyPulledDelete(change.entity, change.id, seen)
                : m_records.applyPulled(change.entity, change.id, change.data, change.serverSeq, seen);
            if (!s)
                return s.error();
            if (change.entity != QLatin1String("customer"))
                m_teamChanged = true;
        } else if (change.entity == QLatin1String("conflict")) {
            QSqlQuery& insert = m_db.prepared(QStringLiteral(
                "INSERT OR IGNORE INTO ticket_conflict(id, ticket_id, data, server_seq) VALUES (?, ?, ?, ?)"));
            insert.addBindValue(change.id);
            insert.addBindValue(change.data.value(QStringLiteral("ticket_id")).toString());
            insert.addBindValue(compact(change.data));
            insert.addBindValue(change.serverSeq);
            const bool ok = insert.exec();
            insert.finish();
            if (!ok)
                return Database::errorOf(insert);
        }
    }
    if (auto dropped = m_outbox.dropDelivered(seen); !dropped)
        return dropped.error();
    if (!latest.isEmpty() && ++m_ticketPagesApplied >= 2) // one page with tickets is already committed
        m_failpoints.crashIf(QStringLiteral("pull.crash_before_commit"));
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return touched;
}

Status SyncCache::storeTeamMember(const PulledChange& change)
{
    const QJsonObject& d = change.data;
    const bool user = change.entity == QLatin1String("user");
    QSqlQuery& upsert = m_db.prepared(user
            ? QStringLiteral("INSERT INTO agent(id, login, name, role, group_id, skills, active, version, groups) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET login = excluded.login, "
                             "name = excluded.name, role = excluded.role, group_id = excluded.group_id, "
                             "skills = excluded.skills, active = excluded.active, version = excluded.version, "
                             "groups = excluded.groups")
            : QStringLiteral("INSERT INTO team_group(id, name_zh, name_en, active) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT(id) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en, "
                             "active = excluded.active"));
    upsert.addBindValue(change.id);
    if (user) {
        upsert.addBindValue(d.value(QStringLiteral("login")).toString());
        upsert.addBindValue(d.value(QStringLiteral("name")).toString());
        upsert.addBindValue(d.value(QStringLiteral("role")).toString());
        // group_id: the first group (where "my group" lists look); groups: all of them (the ticket rules).
        const QJsonArray groups = d.value(QStringLiteral("groups")).toArray();
        upsert.addBindValue(groups.isEmpty() ? QVariant() : QVariant(groups.first().toString()));
        upsert.addBindValue(QString::fromUtf8(
            QJsonDocument(d.value(QStringLiteral("skills")).toArray()).toJson(QJsonDocument::Compact)));
        upsert.addBindValue(d.value(QStringLiteral("active")).toBool(true) ? 1 : 0);
        upsert.addBindValue(d.value(QStringLiteral("version")).toInt());
        upsert.addBindValue(QString::fromUtf8(QJsonDocument(groups).toJson(QJsonDocument::Compact)));
    } else {
        upsert.addBindValue(d.value(QStringLiteral("name_zh")).toString());
        upsert.addBindValue(d.value(QStringLiteral("name_en")).toString());
        upsert.addBindValue(d.value(QStringLiteral("active")).toBool(true) ? 1 : 0);
    }
    const bool ok = upsert.exec();
    upsert.finish();
    return ok ? Status() : Status(Database::errorOf(upsert));
}

Status SyncCache::startFrom(qint64 cursor, const QString& epoch)
{
    QSqlQuery& state = m_db.prepared(QStringLiteral("UPDATE sync_state SET cursor = ?, epoch = ? WHERE id = 1"));
    state.addBindValue(cursor);
    state.addBindValue(epoch);
    const bool ok = state.exec();
    state.finish();
    return ok ? Status() : Status(Database::errorOf(state));
}

Status SyncCache::setConversationsPending(const QString& after, const QString& upto)
{
    QSqlQuery& state
        = m_db.prepared(QStringLiteral("UPDATE sync_state SET talk_after = ?, talk_upto = ? WHERE id = 1"));
    state.addBindValue(upto.isNull() ? QVariant() : QVariant(after.isNull() ? QString(QLatin1String("")) : after));
    state.addBindValue(upto.isNull() ? QVariant() : QVariant(upto));
    const bool ok = state.exec();
    state.finish();
    return ok ? Status() : Status(Database::errorOf(state));
}

Status SyncCache::setOwnConversationsPending(bool pending)
{
    QSqlQuery& state = m_db.prepared(QStringLiteral("UPDATE sync_state SET talk_own = ? WHERE id = 1"));
    state.addBindValue(pending ? 1 : 0);
    const bool ok = state.exec();
    state.finish();
    return ok ? Status() : Status(Database::errorOf(state));
}

Result<QStringList> SyncCache::recordResults(const QJsonArray& results)
{
    SqlTransaction transaction(m_db);
    if (!transaction.started())
        return transaction.started().error();
    QStringList recompute;
    for (const QJsonValue& value : results) {
        const QJsonObject result = value.toObject();
        const qint64 seq = result.value(QStringLiteral("seq")).toInteger();
        if (result.value(QStringLiteral("status")).toString() == QLatin1String("rejected")) {
            if (Status s = m_outbox.markRejected(seq, compact(result.value(QStringLiteral("error")).toObject())); !s)
                return s.error();
            const QList<OutboxEntry> entry = m_outbox.entries(seq - 1, 1);
            if (entry.isEmpty())
                continue;
            if (const QString kind = RecordCache::kindOfIntent(entry.first().name); !kind.isEmpty()) {
                if (Status s = m_records.restore(kind, entry.first().entityId, cursor()); !s)
                    return s.error();
                m_teamChanged = m_teamChanged || kind != QLatin1String("customer");
            } else if (!recompute.contains(entry.first().entityId)) {
                recompute.append(entry.first().entityId);
            }
        } else if (Status s = m_outbox.markAcked(seq, result.value(QStringLiteral("server_seq")).toInteger()); !s) {
            return s.error();
        }
    }
    const qint64 at = cursor();
    for (const QString& id : recompute) {
        if (Status s = this->recompute(id, at); !s)
            return s.error();
    }
    if (auto dropped = m_outbox.dropDelivered(at); !dropped) // already delivered, or changed nothing
        return dropped.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return recompute;
}

QList<QJsonObject> SyncCache::conflictsOf(Database& db, const QString& ticketId)
{
    QList<QJsonObject> out;
    QSqlQuery query(db.sql());
    query.prepare(QStringLiteral("SELECT data FROM ticket_conflict WHERE ticket_id = ? ORDER BY server_seq"));
    query.addBindValue(ticketId);
    if (query.exec()) {
        while (query.next())
            out.append(QJsonDocument::fromJson(query.value(0).toByteArray()).object());
    }
    return out;
}

} // namespace gongdan
