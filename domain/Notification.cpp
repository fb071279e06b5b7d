#include "domain/Notification.h"

namespace gongdan {

namespace {

QString instant(const QDateTime& at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parsedInstant(const QJsonValue& value)
{
    return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODateWithMs) : QDateTime();
}

} // namespace

const QStringList& Notification::types()
{
    static const QStringList all {QStringLiteral("assigned"), QStringLiteral("transfer"),
        QStringLiteral("customer_reply"), QStringLiteral("sla_warning"), QStringLiteral("breach"),
        QStringLiteral("escalation"), QStringLiteral("mention"), QStringLiteral("offer"),
        QStringLiteral("low_satisfaction")};
    return all;
}

QJsonObject Notification::toJson() const
{
    QJsonObject json {{QStringLiteral("id"), id}, {QStringLiteral("user_id"), userId}, {QStringLiteral("type"), type},
        {QStringLiteral("ticket_id"), ticketId}, {QStringLiteral("ticket_number"), ticketNumber},
        {QStringLiteral("subject"), subject}, {QStringLiteral("text"), text},
        {QStringLiteral("created_at"), instant(createdAt)},
        {QStringLiteral("read_at"), readAt.isValid() ? QJsonValue(instant(readAt)) : QJsonValue()},
        {QStringLiteral("late"), late}};
    if (reachedAt.isValid())
        json.insert(QStringLiteral("reached_at"), instant(reachedAt));
    if (level > 0)
        json.insert(QStringLiteral("level"), level);
    return json;
}

Result<Notification> Notification::fromJson(const QJsonObject& json)
{
    Notification n;
    n.id = json.value(QStringLiteral("id")).toString();
    n.userId = json.value(QStringLiteral("user_id")).toString();
    n.type = json.value(QStringLiteral("type")).toString();
    if (n.id.isEmpty() || !types().contains(n.type))
        return Error {
            QStringLiteral("notification.invalid"), QStringLiteral("Not a notification."), QStringLiteral("type")};
    n.ticketId = json.value(QStringLiteral("ticket_id")).toString();
    n.ticketNumber = json.value(QStringLiteral("ticket_number")).toString();
    n.subject = json.value(QStringLiteral("subject")).toString();
    n.text = json.value(QStringLiteral("text")).toString();
    n.createdAt = parsedInstant(json.value(QStringLiteral("created_at")));
    n.readAt = parsedInstant(json.value(QStringLiteral("read_at")));
    n.late = json.value(QStringLiteral("late")).toBool();
    n.reachedAt = parsedInstant(json.value(QStringLiteral("reached_at")));
    n.level = json.value(QStringLiteral("level")).toInt();
    return n;
}

} // namespace gongdan
