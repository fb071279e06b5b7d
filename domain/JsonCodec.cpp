#include "domain/JsonCodec.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace gongdan::JsonCodec {

namespace {

QJsonValue time(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QDateTime timeOf(const QJsonObject& o, const char* key)
{
    return QDateTime::fromString(o.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
}

QDateTime timeOf(const JsonFields& o, const char* key)
{
    return QDateTime::fromString(o.text(QLatin1String(key)), Qt::ISODateWithMs);
}

QString str(const JsonFields& o, const char* key)
{
    return o.text(QLatin1String(key));
}

/// JsonFields over a QJsonObject.
class QtFields : public JsonFields {
public:
    explicit QtFields(const QJsonObject& object) : m_object(object) { }
    QString text(QLatin1String key) const override { return m_object.value(key).toString(); }
    qint64 integer(QLatin1String key) const override { return m_object.value(key).toInteger(); }
    QJsonValue value(QLatin1String key) const override { return m_object.value(key); }

private:
    const QJsonObject& m_object;
};

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

QStringList strings(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list.append(item.toString());
    return list;
}

Error bad(const char* field)
{
    return Error {QStringLiteral("json.invalid"),
        QCoreApplication::translate("JsonCodec", "The value of \"%1\" is missing or not valid.")
            .arg(QLatin1String(field)),
        QLatin1String(field)};
}

/// What a client sent, checked before it is read (the readers take a wrong type for absent): each of
/// `texts` is a string or null when present, each of `lists` a list of strings, element by element.
Status checkShapes(
    const QJsonObject& o, std::initializer_list<const char*> texts, std::initializer_list<const char*> lists)
{
    for (const char* key : texts) {
        const QJsonValue value = o.value(QLatin1String(key));
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            return bad(key);
    }
    for (const char* key : lists) {
        const QJsonValue value = o.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            continue;
        if (!value.isArray())
            return bad(key);
        for (const QJsonValue& item : value.toArray()) {
            if (!item.isString())
                return bad(key);
        }
    }
    return {};
}

template<typename E, typename Object>
bool readEnum(const Object& o, const char* key, E* out)
{
    const auto value = EnumText<E>::fromKey(str(o, key));
    if (value)
        *out = *value;
    return value.has_value();
}

} // namespace

QJsonObject toJson(const Ticket& t)
{
    QJsonObject o {{QStringLiteral("id"), t.id}, {QStringLiteral("number"), t.number},
        {QStringLiteral("subject"), t.subject}, {QStringLiteral("description"), t.description},
        {QStringLiteral("need_type"), EnumText<NeedType>::key(t.needType)},
        {QStringLiteral("channel"), EnumText<Channel>::key(t.channel)}, {QStringLiteral("category_id"), t.categoryId},
        {QStringLiteral("priority"), EnumText<Priority>::key(t.priority)},
        {QStringLiteral("status"), EnumText<TicketStatus>::key(t.status)},
        {QStringLiteral("tags"), QJsonArray::fromStringList(t.tags)}, {QStringLiteral("assignee_id"), t.assigneeId},
        {QStringLiteral("group_id"), t.groupId}, {QStringLiteral("customer_id"), t.customerId},
        {QStringLiteral("contact_name"), t.contactName}, {QStringLiteral("contact_phone"), t.contactPhone},
        {QStringLiteral("custom_fields"), t.customFields}, {QStringLiteral("resolution"), t.resolution},
        {QStringLiteral("created_at"), time(t.createdAt)}, {QStringLiteral("updated_at"), time(t.updatedAt)},
        {QStringLiteral("accepted_at"), time(t.acceptedAt)},
        {QStringLiteral("first_response_at"), time(t.firstResponseAt)},
        {QStringLiteral("resolved_at"), time(t.resolvedAt)}, {QStringLiteral("closed_at"), time(t.closedAt)},
        {QStringLiteral("response_due_at"), time(t.responseDueAt)},
        {QStringLiteral("resolution_due_at"), time(t.resolutionDueAt)},
        {QStringLiteral("call_started_at"), time(t.callStartedAt)}, {QStringLiteral("call_seconds"), t.callSeconds},
        {QStringLiteral("merged_into"), t.mergedInto}, {QStringLiteral("created_by"), t.createdBy},
        {QStringLiteral("links"), QJsonArray::fromStringList(t.links)}, {QStringLiteral("version"), t.version}};
    if (!t.mergedFrom.isEmpty()) // only on a merge's target: every other ticket's form stays as it was
        o.insert(QStringLiteral("merged_from"), QJsonArray::fromStringList(t.mergedFrom));
    if (t.satisfaction > 0) { // only once the customer has scored it
        o.insert(QStringLiteral("satisfaction"), t.satisfaction);
        o.insert(QStringLiteral("satisfaction_comment"), t.satisfactionComment);
        o.insert(QStringLiteral("rated_at"), time(t.ratedAt));
    }
    return o;
}

Result<Ticket> ticketFromJson(const QJsonObject& object)
{
    if (Status shapes = checkShapes(object,
            {"id", "number", "subject", "description", "need_type", "channel", "priority", "status", "category_id",
                "assignee_id", "group_id", "customer_id", "contact_name", "contact_phone", "resolution"},
            {"tags"});
        !shapes)
        return shapes.error();
    return ticketFrom(QtFields(object));
}

Result<Ticket> ticketFrom(const JsonFields& o)
{
    Ticket t;
    t.id = str(o, "id");
    if (t.id.isEmpty())
        return bad("id");
    t.number = str(o, "number");
    t.subject = str(o, "subject"); // an empty one is the rules' to refuse (TicketRules), not the reader's
    t.description = str(o, "description");
    if (!readEnum(o, "need_type", &t.needType))
        return bad("need_type");
    if (!readEnum(o, "channel", &t.channel))
        return bad("channel");
    if (!readEnum(o, "priority", &t.priority))
        return bad("priority");
    if (!readEnum(o, "status", &t.status))
        return bad("status");
    t.categoryId = str(o, "category_id");
    t.tags = strings(o.value(QLatin1String("tags")));
    t.assigneeId = str(o, "assignee_id");
    t.groupId = str(o, "group_id");
    t.customerId = str(o, "customer_id");
    t.contactName = str(o, "contact_name");
    t.contactPhone = str(o, "contact_phone");
    t.customFields = o.value(QLatin1String("custom_fields")).toObject();
    t.resolution = str(o, "resolution");
    t.createdAt = timeOf(o, "created_at");
    if (!t.createdAt.isValid())
        return bad("created_at");
    t.updatedAt = timeOf(o, "updated_at");
    t.acceptedAt = timeOf(o, "accepted_at");
    t.firstResponseAt = timeOf(o, "first_response_at");
    t.resolvedAt = timeOf(o, "resolved_at");
    t.closedAt = timeOf(o, "closed_at");
    t.responseDueAt = timeOf(o, "response_due_at");
    t.resolutionDueAt = timeOf(o, "resolution_due_at");
    t.callStartedAt = timeOf(o, "call_started_at");
    t.callSeconds = static_cast<int>(o.integer(QLatin1String("call_seconds")));
    t.mergedInto = str(o, "merged_into");
    t.createdBy = str(o, "created_by");
    t.links = strings(o.value(QLatin1String("links")));
    t.mergedFrom = strings(o.value(QLatin1String("merged_from")));
    t.satisfaction = static_cast<int>(o.integer(QLatin1String("satisfaction")));
    if (t.satisfaction < 0 || t.satisfaction > 5)
        return bad("satisfaction");
    t.satisfactionComment = str(o, "satisfaction_comment");
    t.ratedAt = timeOf(o, "rated_at");
    t.version = static_cast<int>(o.integer(QLatin1String("version")));
    return t;
}

QJsonObject toJson(const Comment& c)
{
    QJsonArray attachments;
    for (const AttachmentRef& ref : c.attachments)
        attachments.append(ref.toJson());
    QJsonObject o {{QStringLiteral("id"), c.id}, {QStringLiteral("ticket_id"), c.ticketId},
        {QStringLiteral("author_id"), c.authorId},
        {QStringLiteral("visibility"), EnumText<CommentVisibility>::key(c.visibility)},
        {QStringLiteral("body"), c.body}, {QStringLiteral("attachments"), attachments},
        {QStringLiteral("created_at"), time(c.createdAt)}};
    if (!c.originTicketId.isEmpty()) { // moved here by a merge
        o.insert(QStringLiteral("origin_ticket_id"), c.originTicketId);
        o.insert(QStringLiteral("origin_number"), c.originNumber);
    }
    return o;
}

Result<Comment> commentFromJson(const QJsonObject& object)
{
    if (Status shapes = checkShapes(object, {"id", "ticket_id", "author_id", "visibility", "body"}, {}); !shapes)
        return shapes.error();
    return commentFrom(QtFields(object));
}

Result<Comment> commentFrom(const JsonFields& o)
{
    Comment c;
    c.id = str(o, "id");
    c.ticketId = str(o, "ticket_id");
    if (c.id.isEmpty())
        return bad("id");
    if (c.ticketId.isEmpty())
        return bad("ticket_id");
    c.authorId = str(o, "author_id");
    if (!readEnum(o, "visibility", &c.visibility))
        return bad("visibility");
    c.body = str(o, "body");
    for (const QJsonValue& item : o.value(QLatin1String("attachments")).toArray()) {
        const auto ref = AttachmentRef::fromJson(item);
        if (!ref)
            return bad("attachments");
        c.attachments.append(*ref);
    }
    c.createdAt = timeOf(o, "created_at");
    if (!c.createdAt.isValid())
        return bad("created_at");
    c.originTicketId = str(o, "origin_ticket_id");
    c.originNumber = str(o, "origin_number");
    return c;
}

QJsonObject toJson(const TicketEvent& e)
{
    return QJsonObject {{QStringLiteral("id"), e.eventId}, {QStringLiteral("ticket_id"), e.ticketId},
        {QStringLiteral("actor_id"), e.actorId}, {QStringLiteral("actor_login"), e.actorLogin},
        {QStringLiteral("at"), time(e.at)}, {QStringLiteral("kind"), e.kind}, {QStringLiteral("field"), e.field},
        {QStringLiteral("old_value"), e.oldValue}, {QStringLiteral("new_value"), e.newValue}};
}

Result<TicketEvent> eventFromJson(const QJsonObject& object)
{
    return eventFrom(QtFields(object));
}

Result<TicketEvent> eventFrom(const JsonFields& o)
{
    TicketEvent e;
    e.eventId = str(o, "id");
    e.ticketId = str(o, "ticket_id");
    if (e.eventId.isEmpty())
        return bad("id");
    if (e.ticketId.isEmpty())
        return bad("ticket_id");
    e.kind = str(o, "kind");
    if (e.kind.isEmpty())
        return bad("kind");
    e.at = timeOf(o, "at");
    if (!e.at.isValid())
        return bad("at");
    e.actorId = str(o, "actor_id");
    e.actorLogin = str(o, "actor_login");
    e.field = str(o, "field");
    e.oldValue = str(o, "old_value");
    e.newValue = str(o, "new_value");
    return e;
}

QJsonObject toJson(const Customer& c)
{
    QJsonObject object {{QStringLiteral("id"), c.id}, {QStringLiteral("number"), c.number},
        {QStringLiteral("name"), c.name}, {QStringLiteral("phones"), QJsonArray::fromStringList(c.phones)},
        {QStringLiteral("level"), Customer::levelKey(c.level)}, {QStringLiteral("region"), c.region},
        {QStringLiteral("tags"), QJsonArray::fromStringList(c.tags)}, {QStringLiteral("notes"), c.notes},
        {QStringLiteral("created_at"), time(c.createdAt)}, {QStringLiteral("updated_at"), time(c.updatedAt)},
        {QStringLiteral("version"), c.version}};
    if (!c.idCard.isEmpty()) // the sensitive attributes only when set: older readers never see an empty key
        object.insert(QStringLiteral("id_card"), c.idCard);
    if (!c.bankCard.isEmpty())
        object.insert(QStringLiteral("bank_card"), c.bankCard);
    return object;
}

Result<Customer> customerFromJson(const QJsonObject& o)
{
    if (Status shapes = checkShapes(
            o, {"id", "number", "name", "level", "region", "notes", "id_card", "bank_card"}, {"phones", "tags"});
        !shapes)
        return shapes.error();
    Customer c;
    c.id = str(o, "id");
    if (c.id.isEmpty())
        return bad("id");
    c.number = str(o, "number");
    c.name = str(o, "name");
    if (c.name.trimmed().isEmpty())
        return bad("name");
    c.phones = strings(o.value(QStringLiteral("phones")));
    const auto level = Customer::levelFromKey(str(o, "level"));
    if (!level)
        return bad("level");
    c.level = *level;
    c.region = str(o, "region");
    c.tags = strings(o.value(QStringLiteral("tags")));
    c.notes = str(o, "notes");
    c.idCard = str(o, "id_card");
    c.bankCard = str(o, "bank_card");
    c.createdAt = timeOf(o, "created_at");
    c.updatedAt = timeOf(o, "updated_at");
    c.version = o.value(QStringLiteral("version")).toInt();
    return c;
}

QJsonObject toJson(const Category& c)
{
    return {{QStringLiteral("id"), c.id}, {QStringLiteral("parent_id"), c.parentId},
        {QStringLiteral("name_zh"), c.nameZh}, {QStringLiteral("name_en"), c.nameEn},
        {QStringLiteral("order"), c.order}, {QStringLiteral("active"), c.active},
        {QStringLiteral("group_id"), c.groupId}};
}

Result<Category> categoryFromJson(const QJsonObject& o)
{
    Category c {str(o, "id"), str(o, "parent_id"), str(o, "name_zh").trimmed(), str(o, "name_en").trimmed(),
        o.value(QStringLiteral("order")).toInt(), o.value(QStringLiteral("active")).toBool(true), str(o, "group_id")};
    if (c.id.isEmpty())
        return bad("id");
    if (c.nameZh.isEmpty())
        return bad("name_zh");
    return c;
}

} // namespace gongdan::JsonCodec
