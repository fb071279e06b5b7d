#include "domain/TicketIntents.h"

#include "domain/JsonCodec.h"
#include "domain/TicketTransition.h"

namespace gongdan::TicketIntents {

namespace {

QString stamp(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QJsonObject create(const Ticket& ticket, const QString& actorId)
{
    return {{QStringLiteral("ticket"), JsonCodec::toJson(ticket)}, {QStringLiteral("actor_id"), actorId}};
}

QJsonObject patch(const QJsonObject& patch, const QJsonObject& base, const QString& actorId, const QDateTime& at)
{
    return {{QStringLiteral("patch"), patch}, {QStringLiteral("base"), base}, {QStringLiteral("actor_id"), actorId},
        {QStringLiteral("at"), stamp(at)}};
}

QJsonObject transition(
    const TransitionRequest& request, const QString& actorId, const QDateTime& at, TicketStatus from, TicketStatus to)
{
    QJsonObject args = transitionToJson(request);
    args.insert(QStringLiteral("actor_id"), actorId);
    args.insert(QStringLiteral("at"), stamp(at));
    args.insert(QStringLiteral("from"), EnumText<TicketStatus>::key(from));
    args.insert(QStringLiteral("to"), EnumText<TicketStatus>::key(to));
    return args;
}

QJsonObject comment(const Comment& comment)
{
    return {{QStringLiteral("comment"), JsonCodec::toJson(comment)}};
}

QJsonObject link(const QString& targetId, bool linked, const QString& actorId, const QDateTime& at)
{
    return {{QStringLiteral("target_id"), targetId}, {QStringLiteral("linked"), linked},
        {QStringLiteral("actor_id"), actorId}, {QStringLiteral("at"), stamp(at)}};
}

QDateTime at(const QJsonObject& args)
{
    return QDateTime::fromString(args.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
}

} // namespace gongdan::TicketIntents
