#include "server/DispatchRoutes.h"

#include "server/ApiSupport.h"

#include <QJsonArray>

namespace gongdan {

using namespace api;

DispatchRoutes::DispatchRoutes(AuthService& auth, Dispatcher& dispatcher) : m_auth(auth), m_dispatcher(dispatcher) { }

void DispatchRoutes::install(QHttpServer& http)
{
    http.route(QStringLiteral("/api/v1/presence"), QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest& request) { return list(request); });
    http.route(QStringLiteral("/api/v1/presence"), QHttpServerRequest::Method::Put,
        [this](const QHttpServerRequest& request) { return set(request); });
}

QHttpServerResponse DispatchRoutes::list(const QHttpServerRequest& request)
{
    if (auto who = m_auth.authenticate(request); !who)
        return errorResponse(who.error());
    QJsonArray items;
    for (const PresenceRecord& record : m_dispatcher.store().presences())
        items.append(record.toJson());
    return jsonResponse({{QStringLiteral("presence"), items}});
}

QHttpServerResponse DispatchRoutes::set(const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    auto body = parseBody(request, {QStringLiteral("presence"), QStringLiteral("user_id")});
    if (!body)
        return errorResponse(body.error());
    if (Status typed = checkTypes(body.value(),
            {{QStringLiteral("presence"), QJsonValue::String}, {QStringLiteral("user_id"), QJsonValue::String}});
        !typed)
        return errorResponse(typed.error());
    const auto presence = presenceFromKey(body.value().value(QStringLiteral("presence")).toString());
    if (!presence)
        return errorResponse(Error {QStringLiteral("presence.invalid"),
            QStringLiteral("The presence is online, busy, away or offline."), QStringLiteral("presence")});
    const QString userId = body.value().value(QStringLiteral("user_id")).toString(who.value().user.id);
    auto record = m_dispatcher.setPresence(who.value().user, userId, *presence);
    if (!record)
        return errorResponse(record.error());
    return jsonResponse(record.value().toJson());
}

} // namespace gongdan
