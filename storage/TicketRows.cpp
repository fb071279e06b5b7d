#include "storage/TicketRows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

namespace gongdan {

namespace {

// Column order shared by INSERT and UPDATE (parameters 1..36); rowid comes last in UPDATE.
#define GONGDAN_TICKET_COLUMNS                                                                                         \
    "id, number, subject, description, need_type, channel, category_id, priority, status, tags, assignee_id, "         \
    "group_id, customer_id, contact_name, contact_phone, custom_fields, resolution, created_ms, updated_ms, "          \
    "accepted_ms, first_response_ms, resolved_ms, closed_ms, response_due_ms, resolution_due_ms, call_started_ms, "    \
    "call_seconds, merged_into, version, server_seq, created_by, links, merged_from, "                                 \
    "satisfaction, satisfaction_comment, rated_ms"

QByteArray jsonOrNull(const QJsonDocument& doc, bool empty)
{
    return empty ? QByteArray() : doc.toJson(QJsonDocument::Compact);
}

QString nullIfEmpty(const QString& text)
{
    return text.isEmpty() ? QString() : text;
}

} // namespace

qint64 TicketRows::toMs(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QDateTime TicketRows::fromMs(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

TicketRowWriter::TicketRowWriter(Database& db)
    : m_insertTicket(db.handle(),
        "INSERT INTO ticket(" GONGDAN_TICKET_COLUMNS
        ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
    , m_updateTicket(db.handle(),
          "UPDATE ticket SET (" GONGDAN_TICKET_COLUMNS
          ") = (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
          "WHERE rowid = ?37")
    , m_insertComment(db.handle(),
          "INSERT INTO comment(id, ticket_rowid, author_id, visibility, body, attachments, created_ms, "
          "origin_ticket_id, origin_number) VALUES (?,?,?,?,?,?,?,?,?)")
    , m_handle(db.handle())
    , m_appendEvent(db.handle(),
          "INSERT OR REPLACE INTO ticket_event(ticket_rowid, actor_id, at_ms, kind, field, old_value, new_value, "
          "event_id) VALUES (?,?,?,?,?,?,?,?)")
{
}

void TicketRowWriter::bindTicket(SqliteStatement& s, const Ticket& t, std::optional<qint64> serverSeq)
{
    const auto time = [&s](int index, const QDateTime& value) {
        if (value.isValid())
            s.bind(index, value.toMSecsSinceEpoch());
        else
            s.bindNull(index);
    };
    s.bindRequired(1, t.id).bind(2, nullIfEmpty(t.number)).bindRequired(3, t.subject).bindRequired(4, t.description);
    s.bind(5, EnumText<NeedType>::key(t.needType)).bind(6, EnumText<Channel>::key(t.channel));
    s.bind(7, nullIfEmpty(t.categoryId)).bind(8, static_cast<qint64>(t.priority));
    s.bind(9, EnumText<TicketStatus>::key(t.status));
    s.bindText(10, jsonOrNull(QJsonDocument(QJsonArray::fromStringList(t.tags)), t.tags.isEmpty()));
    s.bind(11, nullIfEmpty(t.assigneeId)).bind(12, nullIfEmpty(t.groupId)).bind(13, nullIfEmpty(t.customerId));
    s.bind(14, nullIfEmpty(t.contactName)).bind(15, nullIfEmpty(t.contactPhone));
    s.bindText(16, jsonOrNull(QJsonDocument(t.customFields), t.customFields.isEmpty()));
    s.bind(17, nullIfEmpty(t.resolution));
    s.bind(18, TicketRows::toMs(t.createdAt)).bind(19, TicketRows::toMs(t.updatedAt));
    time(20, t.acceptedAt);
    time(21, t.firstResponseAt);
    time(22, t.resolvedAt);
    time(23, t.closedAt);
    time(24, t.responseDueAt);
    time(25, t.resolutionDueAt);
    time(26, t.callStartedAt);
    if (t.callSeconds > 0)
        s.bind(27, static_cast<qint64>(t.callSeconds));
    else
        s.bindNull(27);
    s.bind(28, nullIfEmpty(t.mergedInto)).bind(29, static_cast<qint64>(t.version));
    if (serverSeq)
        s.bind(30, *serverSeq);
    else
        s.bindNull(30);
    s.bind(31, nullIfEmpty(t.createdBy));
    s.bindText(32, jsonOrNull(QJsonDocument(QJsonArray::fromStringList(t.links)), t.links.isEmpty()));
    s.bindText(33, jsonOrNull(QJsonDocument(QJsonArray::fromStringList(t.mergedFrom)), t.mergedFrom.isEmpty()));
    if (t.satisfaction > 0)
        s.bind(34, static_cast<qint64>(t.satisfaction));
    else
        s.bindNull(34);
    s.bind(35, nullIfEmpty(t.satisfactionComment));
    time(36, t.ratedAt);
}

Result<qint64> TicketRowWriter::insertTicket(const Ticket& ticket, std::optional<qint64> serverSeq)
{
    bindTicket(m_insertTicket, ticket, serverSeq);
    if (Status status = m_insertTicket.run(); !status)
        return status.error();
    return m_insertTicket.lastInsertRowId();
}

Status TicketRowWriter::updateTicket(qint64 rowid, const Ticket& ticket, std::optional<qint64> serverSeq)
{
    bindTicket(m_updateTicket, ticket, serverSeq);
    m_updateTicket.bind(37, rowid);
    return m_updateTicket.run();
}

Result<qint64> TicketRowWriter::insertComment(qint64 ticketRowid, const Comment& c)
{
    QJsonArray attachments;
    for (const AttachmentRef& ref : c.attachments)
        attachments.append(ref.toJson());
    m_insertComment.bindRequired(1, c.id).bind(2, ticketRowid).bind(3, nullIfEmpty(c.authorId));
    m_insertComment.bind(4, EnumText<CommentVisibility>::key(c.visibility)).bindRequired(5, c.body);
    m_insertComment.bindText(6, jsonOrNull(QJsonDocument(attachments), attachments.isEmpty()));
    m_insertComment.bind(7, TicketRows::toMs(c.createdAt));
    m_insertComment.bind(8, nullIfEmpty(c.originTicketId)).bind(9, nullIfEmpty(c.originNumber));
    if (Status status = m_insertComment.run(); !status)
        return status.error();
    return m_insertComment.lastInsertRowId();
}

Status TicketRowWriter::runEvent(SqliteStatement& s, qint64 ticketRowid, const TicketEvent& e)
{
    s.bind(1, ticketRowid).bind(2, nullIfEmpty(e.actorId)).bind(3, TicketRows::toMs(e.at));
    s.bind(4, e.kind).bind(5, nullIfEmpty(e.field)).bind(6, nullIfEmpty(e.oldValue));
    s.bind(7, nullIfEmpty(e.newValue)).bind(8, nullIfEmpty(e.eventId));
    return s.run();
}

Status TicketRowWriter::insertEvent(qint64 ticketRowid, const TicketEvent& e)
{
    if (!m_upsertEvent) {
        m_upsertEvent = std::make_unique<SqliteStatement>(m_handle,
            "INSERT INTO ticket_event(ticket_rowid, actor_id, at_ms, kind, field, old_value, new_value, event_id) "
            "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(event_id) DO UPDATE SET ticket_rowid = excluded.ticket_rowid, "
            "actor_id = excluded.actor_id, at_ms = excluded.at_ms, kind = excluded.kind, field = excluded.field, "
            "old_value = excluded.old_value, new_value = excluded.new_value, mutation_id = NULL");
    }
    const Status status = runEvent(*m_upsertEvent, ticketRowid, e);
    if (!status)
        m_upsertEvent.reset(); // prepared again next time (a statement that never prepared stays broken)
    return status;
}

Status TicketRowWriter::appendEvent(qint64 ticketRowid, const TicketEvent& e)
{
    return runEvent(m_appendEvent, ticketRowid, e);
}

QString TicketRows::ticketColumns()
{
    return QStringLiteral("rowid, " GONGDAN_TICKET_COLUMNS);
}

Ticket TicketRows::ticketFromQuery(const QSqlQuery& q, qint64* rowid)
{
    Ticket t;
    if (rowid)
        *rowid = q.value(0).toLongLong();
    t.id = q.value(1).toString();
    t.number = q.value(2).toString();
    t.subject = q.value(3).toString();
    t.description = q.value(4).toString();
    t.needType = EnumText<NeedType>::fromKey(q.value(5).toString()).value_or(NeedType::Consultation);
    t.channel = EnumText<Channel>::fromKey(q.value(6).toString()).value_or(Channel::Phone);
    t.categoryId = q.value(7).toString();
    t.priority = static_cast<Priority>(std::clamp(q.value(8).toInt(), 0, 2));
    t.status = EnumText<TicketStatus>::fromKey(q.value(9).toString()).value_or(TicketStatus::New);
    for (const QJsonValue& tag : QJsonDocument::fromJson(q.value(10).toByteArray()).array())
        t.tags.append(tag.toString());
    t.assigneeId = q.value(11).toString();
    t.groupId = q.value(12).toString();
    t.customerId = q.value(13).toString();
    t.contactName = q.value(14).toString();
    t.contactPhone = q.value(15).toString();
    t.customFields = QJsonDocument::fromJson(q.value(16).toByteArray()).object();
    t.resolution = q.value(17).toString();
    t.createdAt = fromMs(q.value(18));
    t.updatedAt = fromMs(q.value(19));
    t.acceptedAt = fromMs(q.value(20));
    t.firstResponseAt = fromMs(q.value(21));
    t.resolvedAt = fromMs(q.value(22));
    t.closedAt = fromMs(q.value(23));
    t.responseDueAt = fromMs(q.value(24));
    t.resolutionDueAt = fromMs(q.value(25));
    t.callStartedAt = fromMs(q.value(26));
    t.callSeconds = q.value(27).toInt();
    t.mergedInto = q.value(28).toString();
    t.version = q.value(29).toInt();
    t.createdBy = q.value(31).toString();
    for (const QJsonValue& link : QJsonDocument::fromJson(q.value(32).toByteArray()).array())
        t.links.append(link.toString());
    for (const QJsonValue& source : QJsonDocument::fromJson(q.value(33).toByteArray()).array())
        t.mergedFrom.append(source.toString());
    t.satisfaction = q.value(34).toInt();
    t.satisfactionComment = q.value(35).toString();
    t.ratedAt = fromMs(q.value(36));
    return t;
}

QString TicketRows::commentColumns()
{
    return QStringLiteral("id, author_id, visibility, body, attachments, created_ms, origin_ticket_id, origin_number");
}

Comment TicketRows::commentFromQuery(const QSqlQuery& q, const QString& ticketId)
{
    Comment c;
    c.id = q.value(0).toString();
    c.ticketId = ticketId;
    c.authorId = q.value(1).toString();
    c.visibility = EnumText<CommentVisibility>::fromKey(q.value(2).toString()).value_or(CommentVisibility::Internal);
    c.body = q.value(3).toString();
    for (const QJsonValue& item : QJsonDocument::fromJson(q.value(4).toByteArray()).array()) {
        if (const auto ref = AttachmentRef::fromJson(item))
            c.attachments.append(*ref);
    }
    c.createdAt = fromMs(q.value(5));
    c.originTicketId = q.value(6).toString();
    c.originNumber = q.value(7).toString();
    return c;
}

} // namespace gongdan
