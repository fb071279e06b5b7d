#include "teamdb/SyncStore.h"

#include "domain/JsonCodec.h"
#include "domain/TicketNumber.h"
#include "teamdb/BlobStore.h"
#include "teamdb/TeamBackup.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

namespace gongdan {

namespace {

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject parsed(const QVariant& text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

// A null QString binds as SQL NULL; columns that mean "none" by an empty string get "".
QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QString placeholders(qsizetype count)
{
    return QStringList(count, QStringLiteral("?")).join(QLatin1Char(','));
}

} // namespace

SyncStore::SyncStore(ServerDatabase& database, const Clock& clock, const Failpoints& failpoints)
    : m_database(database)
    , m_clock(clock)
    , m_naive(failpoints.isActive(QStringLiteral("sequence.naive"))
          && database.backend() == ServerDatabase::Backend::Postgresql)
{
    if (m_naive)
        QSqlQuery(database.sql())
            .exec(QStringLiteral("CREATE SEQUENCE IF NOT EXISTS naive_change_seq START WITH 1000000"));
}

Status SyncStore::exec(const QString& sql, const QVariantList& values, const QString& what)
{
    QSqlQuery query(m_database.sql());
    if (values.isEmpty()) { // nothing to bind: one simple query (QPSQL cannot prepare every statement)
        if (!query.exec(sql))
            return ServerDatabase::failure(query.lastError(), what);
        return {};
    }
    QSqlQuery& statement = m_database.prepared(sql);
    for (const QVariant& value : values)
        statement.addBindValue(value);
    const bool ok = statement.exec();
    statement.finish();
    if (!ok)
        return ServerDatabase::failure(statement.lastError(), what);
    return {};
}

Result<SyncClientRecord> SyncStore::registerClient(const QString& clientId, const QString& userId)
{
    if (std::optional<SyncClientRecord> known = client(clientId)) {
        // A device id belongs to the user who registered it: nobody else may push as that device or read
        // the stored results of its pushes (a workstation gives each user of it a client id of their own).
        if (known->userId != userId)
            return Error {QStringLiteral("sync.device_taken"),
                QStringLiteral("This device id belongs to another user; register a device id of your own."),
                QStringLiteral("client_id")};
        return *known;
    }
    static const QString alphabet = QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZ23456789"); // no 0/O, 1/I
    for (int attempt = 0; attempt < 50; ++attempt) {
        QString code;
        for (int i = 0; i < 3; ++i)
            code.append(alphabet.at(QRandomGenerator::global()->bounded(alphabet.size())));
        QSqlQuery taken(m_database.sql());
        taken.prepare(QStringLiteral("SELECT 1 FROM sync_client WHERE device_code = ?"));
        taken.addBindValue(code);
        if (taken.exec() && taken.next())
            continue;
        if (Status s = exec(QStringLiteral("INSERT INTO sync_client(client_id, user_id, device_code, last_seq_applied, "
                                           "last_seen_ms) VALUES (?, ?, ?, 0, ?)"),
                {clientId, userId, code, m_clock.nowMs()}, QStringLiteral("Cannot register the device"));
            !s)
            return s.error();
        return SyncClientRecord {clientId, userId, code, 0};
    }
    return Error {QStringLiteral("server.device_codes"), QStringLiteral("No free device code is left.")};
}

std::optional<SyncClientRecord> SyncStore::client(const QString& clientId)
{
    QSqlQuery& query = m_database.prepared(
        QStringLiteral("SELECT user_id, device_code, last_seq_applied FROM sync_client WHERE client_id = ?"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(clientId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return SyncClientRecord {
        clientId, query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong()};
}

Status SyncStore::setLastSeqApplied(const QString& clientId, qint64 seq)
{
    return exec(QStringLiteral("UPDATE sync_client SET last_seq_applied = ?, last_seen_ms = ? WHERE client_id = ?"),
        {seq, m_clock.nowMs(), clientId}, QStringLiteral("Cannot record the applied seq"));
}

std::optional<QJsonObject> SyncStore::storedResult(const QString& clientId, qint64 seq)
{
    QSqlQuery& query
        = m_database.prepared(QStringLiteral("SELECT result FROM mutation_result WHERE client_id = ? AND seq = ?"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(clientId);
    query.addBindValue(seq);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return parsed(query.value(0));
}

std::optional<qint64> SyncStore::restoreGap(const QString& clientId)
{
    QSqlQuery& query = m_database.prepared(QStringLiteral("SELECT value FROM server_meta WHERE name = ?"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(TeamBackup::gapMarker(clientId));
    if (!query.exec() || !query.next())
        return std::nullopt;
    bool ok = false;
    const qint64 seq = query.value(0).toLongLong(&ok);
    return ok ? std::optional<qint64>(seq) : std::nullopt;
}

Status SyncStore::storeResult(const QString& clientId, qint64 seq, const QString& mutationId, const QJsonObject& result)
{
    return exec(QStringLiteral("INSERT INTO mutation_result(client_id, seq, mutation_id, status, result) "
                               "VALUES (?, ?, ?, ?, ?)"),
        {clientId, seq, mutationId, result.value(QStringLiteral("status")).toString(), compact(result)},
        QStringLiteral("Cannot record the result"));
}

Result<qint64> SyncStore::nextSeq()
{
    QSqlQuery query(m_database.sql());
    if (m_naive) {
        if (!query.exec(QStringLiteral("SELECT nextval('naive_change_seq')")) || !query.next())
            return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot take the next seq"));
        return query.value(0).toLongLong();
    }
    if (!query.exec(QStringLiteral("UPDATE seq_counter SET value = value + 1 WHERE name = 'change' RETURNING value"))
        || !query.next())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot take the next seq"));
    return query.value(0).toLongLong();
}

Result<qint64> SyncStore::committedSeq()
{
    QSqlQuery query(m_database.sql());
    if (m_naive) {
        if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(server_seq), 0) FROM change_log")) || !query.next())
            return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot read the seq"));
        return query.value(0).toLongLong();
    }
    if (!query.exec(QStringLiteral("SELECT value FROM seq_counter WHERE name = 'change'")) || !query.next())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot read the seq"));
    return query.value(0).toLongLong();
}

Status SyncStore::appendChange(qint64 seq, const QString& entity, const QString& entityId, const ChangeScope& scope,
    const QString& op, const QJsonObject& data, const QString& mutationId, const QString& clientId)
{
    m_touched.append(scope);
    return exec(QStringLiteral("INSERT INTO change_log(server_seq, entity, entity_id, audience, group_id, assignee_id, "
                               "op, data, mutation_id, client_id, committed_ms, creator_id, actor_id) "
                               "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"),
        {seq, entity, entityId,
            !scope.audience.isEmpty() ? scope.audience
                : scope.teamWide      ? QStringLiteral("all")
                                      : QStringLiteral("scoped"),
            text(scope.groupId), text(scope.assigneeId), op, compact(data), text(mutationId), text(clientId),
            m_clock.nowMs(), text(scope.creatorId), text(m_actor)},
        QStringLiteral("Cannot log the change"));
}

bool ChangeScope::reaches(const Principal& who) const
{
    if (audience == QLatin1String("user"))
        return creatorId == who.userId;
    if (audience == QLatin1String("group"))
        return access::maySuperviseFloor(who) || who.groupIds.contains(groupId);
    return teamWide || access::mayRead(who, groupId, assigneeId, creatorId);
}

QString SyncStore::scopeCondition(const Principal& who, QVariantList& values, bool teamWideRows)
{
    // The access rule of domain/Access.h written as SQL over group_id and assignee_id; on the change log
    // (teamWideRows) also the rows for everyone and the views' rows: a personal view's (audience 'user',
    // its owner in creator_id) and a group's shared view's (audience 'group').
    const QString all = teamWideRows ? QStringLiteral("audience = 'all' OR ") : QString();
    switch (who.role) {
    case Role::Admin:
    case Role::Supervisor:
        if (!teamWideRows)
            return QStringLiteral("1 = 1");
        values.append(who.userId);
        return QStringLiteral("audience <> 'user' OR creator_id = ?");
    case Role::Agent: {
        values.append(who.userId);
        values.append(who.userId);
        QString scope = all + QStringLiteral("assignee_id = ? OR creator_id = ?");
        if (!who.groupIds.isEmpty()) {
            scope += QStringLiteral(" OR group_id IN (%1)").arg(placeholders(who.groupIds.size()));
            for (const QString& group : who.groupIds)
                values.append(group);
        }
        return scope;
    }
    case Role::Field: {
        values.append(who.userId);
        QString scope = all + QStringLiteral("assignee_id = ?");
        if (teamWideRows) {
            values.append(who.userId);
            scope += QStringLiteral(" OR (audience = 'user' AND creator_id = ?)");
            if (!who.groupIds.isEmpty()) {
                scope += QStringLiteral(" OR (audience = 'group' AND group_id IN (%1))")
                             .arg(placeholders(who.groupIds.size()));
                for (const QString& group : who.groupIds)
                    values.append(group);
            }
        }
        return scope;
    }
    }
    return QStringLiteral("1 = 0");
}

QString SyncStore::ownRowsCondition(const Principal& who, QVariantList& values)
{
    // Read through the partial index change_log_untied (audience <> 'scoped'): a new device's team pull.
    values.append(who.userId);
    QString views = QStringLiteral("(audience = 'user' AND creator_id = ?)");
    if (access::maySuperviseFloor(who)) {
        views += QStringLiteral(" OR audience = 'group'");
    } else if (!who.groupIds.isEmpty()) {
        views += QStringLiteral(" OR (audience = 'group' AND group_id IN (%1))").arg(placeholders(who.groupIds.size()));
        for (const QString& group : who.groupIds)
            values.append(group);
    }
    return QStringLiteral("audience <> 'scoped' AND (audience = 'all' OR %1)").arg(views);
}

Status SyncStore::logTeamChange(
    const QString& entity, const QString& id, const QJsonObject& data, const QString& actorId)
{
    auto seq = nextSeq();
    if (!seq)
        return seq.error();
    const QString was = m_actor; // the admin who changed a user or group (an admin REST request)
    if (!actorId.isEmpty())
        m_actor = actorId;
    const Status logged = appendChange(
        seq.value(), entity, id, ChangeScope {true, {}, {}, {}, {}}, QStringLiteral("upsert"), data, {}, {});
    m_actor = was;
    return logged;
}

Result<QList<ChangeRow>> SyncStore::changes(
    const Principal& who, qint64 cursor, qint64 upTo, int limit, bool mineOnly, bool teamOnly)
{
    QVariantList values {cursor, upTo};
    QString scope = teamOnly ? ownRowsCondition(who, values) : scopeCondition(who, values, true);
    if (mineOnly) {
        scope = QStringLiteral("(%1) AND assignee_id = ?").arg(scope);
        values.append(who.userId);
    }
    values.append(limit);
    // Kept prepared, one statement per scope (a few per team: roles and group sets): every pull runs it.
    QSqlQuery& query = m_database.prepared(
        QStringLiteral("SELECT server_seq, entity, entity_id, op, data FROM change_log "
                       "WHERE server_seq > ? AND server_seq <= ? AND (%1) ORDER BY server_seq LIMIT ?")
            .arg(scope));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot read changes"));
    QList<ChangeRow> rows;
    while (query.next())
        rows.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(), parsed(query.value(4))});
    return rows;
}

std::optional<Ticket> SyncStore::ticket(const QString& id)
{
    QSqlQuery& query = m_database.prepared(QStringLiteral("SELECT data FROM ticket WHERE id = ?"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    auto ticket = JsonCodec::ticketFromJson(parsed(query.value(0)));
    if (!ticket)
        return std::nullopt;
    return ticket.value();
}

Status SyncStore::upsertTicket(const Ticket& ticket, qint64 seq, bool insert)
{
    const QVariantList values {ticket.number, text(ticket.groupId), text(ticket.assigneeId),
        EnumText<TicketStatus>::key(ticket.status), ticket.version, compact(JsonCodec::toJson(ticket)), seq,
        text(ticket.createdBy), ticket.id};
    if (Status s = exec(insert ? QStringLiteral("INSERT INTO ticket(number, group_id, assignee_id, status, version, "
                                                "data, server_seq, creator_id, id) VALUES (?,?,?,?,?,?,?,?,?)")
                               : QStringLiteral("UPDATE ticket SET number = ?, group_id = ?, assignee_id = ?, "
                                                "status = ?, version = ?, data = ?, server_seq = ?, creator_id = ? "
                                                "WHERE id = ?"),
            values, QStringLiteral("Cannot store the ticket"));
        !s)
        return s;
    // A field's attachments stay readable to the ticket's readers after the value changes: the old value is
    // still in the event log (only rows are added, and only when there are attachments: no cost otherwise).
    for (const auto& [key, ref] : BlobStore::fieldAttachments(ticket)) {
        if (Status s = indexAttachment(ref.sha256, ticket.id, QStringLiteral("field:") + key); !s)
            return s;
    }
    return {};
}

Status SyncStore::indexAttachment(const QString& sha256, const QString& ticketId, const QString& source)
{
    return exec(QStringLiteral("INSERT INTO attachment_ref(sha256, ticket_id, source) VALUES (?, ?, ?) "
                               "ON CONFLICT DO NOTHING"),
        {sha256, ticketId, source}, QStringLiteral("Cannot index the attachment"));
}

Status SyncStore::addAlias(const QString& alias, const QString& ticketId)
{
    return exec(QStringLiteral("INSERT INTO ticket_alias(alias, ticket_id) VALUES (?, ?) ON CONFLICT DO NOTHING"),
        {alias, ticketId}, QStringLiteral("Cannot keep the provisional reference"));
}

std::optional<Ticket> SyncStore::ticketByNumberOrAlias(const QString& key)
{
    QSqlQuery& query = m_database.prepared(QStringLiteral(
        "SELECT id FROM ticket WHERE number = ? UNION SELECT ticket_id FROM ticket_alias WHERE alias = ? LIMIT 1"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(key);
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return ticket(query.value(0).toString());
}

Result<QList<Ticket>> SyncStore::tickets(const Principal& who, const QString& beforeId, int limit)
{
    QVariantList values;
    const QString scope = scopeCondition(who, values, false);
    QSqlQuery query(m_database.sql());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT data FROM ticket WHERE (%1) %2 ORDER BY id DESC LIMIT ?")
                      .arg(scope, beforeId.isEmpty() ? QString() : QStringLiteral("AND id < ?")));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!beforeId.isEmpty())
        query.addBindValue(beforeId);
    query.addBindValue(limit);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot list tickets"));
    QList<Ticket> out;
    while (query.next()) {
        if (auto ticket = JsonCodec::ticketFromJson(parsed(query.value(0))))
            out.append(ticket.value());
    }
    return out;
}

QStringList SyncStore::aliasesOf(const QString& ticketId)
{
    QSqlQuery& query
        = m_database.prepared(QStringLiteral("SELECT alias FROM ticket_alias WHERE ticket_id = ? ORDER BY alias"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(ticketId);
    QStringList aliases;
    if (query.exec()) {
        while (query.next())
            aliases.append(query.value(0).toString());
    }
    return aliases;
}

Result<int> SyncStore::nextNumber(QDate day)
{
    QSqlQuery& query = m_database.prepared(
        QStringLiteral("INSERT INTO ticket_number(day, last) VALUES (?, 1) ON CONFLICT(day) DO UPDATE "
                       "SET last = ticket_number.last + 1 RETURNING last"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(day.toString(QStringLiteral("yyyyMMdd")));
    if (!query.exec() || !query.next())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot number the ticket"));
    return query.value(0).toInt();
}

Status SyncStore::reserveNumber(QDate day, int sequence)
{
    return exec(QStringLiteral("INSERT INTO ticket_number(day, last) VALUES (?, ?) ON CONFLICT(day) DO UPDATE "
                               "SET last = CASE WHEN ticket_number.last < excluded.last THEN excluded.last "
                               "ELSE ticket_number.last END"),
        {day.toString(QStringLiteral("yyyyMMdd")), sequence}, QStringLiteral("Cannot reserve the number"));
}

std::optional<qint64> SyncStore::commentSeq(const QString& commentId)
{
    QSqlQuery& query = m_database.prepared(QStringLiteral("SELECT server_seq FROM ticket_comment WHERE id = ?"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(commentId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

Result<QStringList> SyncStore::openTicketIds(const QString& afterId, int limit)
{
    QSqlQuery& query = m_database.prepared(
        QStringLiteral("SELECT id FROM ticket WHERE status IN ('new', 'in_progress', 'waiting_customer', 'follow_up') "
                       "AND id > ? ORDER BY id LIMIT ?"));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(afterId.isNull() ? QStringLiteral("") : afterId); // a null QString binds NULL: nothing is > NULL
    query.addBindValue(limit);
    if (!query.exec())
        return Error {QStringLiteral("server.database"), query.lastError().text()};
    QStringList ids;
    while (query.next())
        ids.append(query.value(0).toString());
    return ids;
}

Status SyncStore::insertComment(const Comment& comment, qint64 seq)
{
    if (Status s
        = exec(QStringLiteral("INSERT INTO ticket_comment(id, ticket_id, data, server_seq) VALUES (?, ?, ?, ?)"),
            {comment.id, comment.ticketId, compact(JsonCodec::toJson(comment)), seq},
            QStringLiteral("Cannot store the comment"));
        !s)
        return s;
    for (const AttachmentRef& ref : comment.attachments) {
        if (Status s = indexAttachment(ref.sha256, comment.ticketId, QStringLiteral("comment:") + comment.id); !s)
            return s;
    }
    return {};
}

QList<Comment> SyncStore::comments(const QString& ticketId)
{
    QList<Comment> out;
    for (const QJsonObject& data : ticketRows(QStringLiteral("ticket_comment"), ticketId)) {
        if (auto comment = JsonCodec::commentFromJson(data))
            out.append(comment.value());
    }
    return out;
}

Status SyncStore::insertConflict(const QString& id, const QString& ticketId, const QJsonObject& data, qint64 seq)
{
    return exec(QStringLiteral("INSERT INTO ticket_conflict(id, ticket_id, data, server_seq) VALUES (?, ?, ?, ?)"),
        {id, ticketId, compact(data), seq}, QStringLiteral("Cannot record the conflict"));
}

QList<QJsonObject> SyncStore::conflicts(const QString& ticketId)
{
    return ticketRows(QStringLiteral("ticket_conflict"), ticketId);
}

Status SyncStore::insertEvent(const TicketEvent& event, qint64 seq)
{
    return exec(
        QStringLiteral("INSERT INTO ticket_event(id, ticket_id, actor_id, actor_login, at_ms, data, server_seq) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {event.eventId, event.ticketId, text(event.actorId), text(event.actorLogin), event.at.toMSecsSinceEpoch(),
            compact(JsonCodec::toJson(event)), seq},
        QStringLiteral("Cannot record the event"));
}

QList<QJsonObject> SyncStore::events(const QString& ticketId)
{
    return ticketRows(QStringLiteral("ticket_event"), ticketId);
}

QList<QJsonObject> SyncStore::ticketRows(const QString& table, const QString& ticketId)
{
    QSqlQuery& query
        = m_database.prepared(QStringLiteral("SELECT data FROM %1 WHERE ticket_id = ? ORDER BY server_seq").arg(table));
    const auto finished = qScopeGuard([&query] { query.finish(); });
    query.addBindValue(ticketId);
    QList<QJsonObject> out;
    if (query.exec()) {
        while (query.next())
            out.append(parsed(query.value(0)));
    }
    return out;
}

} // namespace gongdan
