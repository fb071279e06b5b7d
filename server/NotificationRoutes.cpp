#include "server/NotificationRoutes.h"

#include "domain/Intents.h"
#include "server/ApiSupport.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <QUuid>

namespace gongdan {

using Method = QHttpServerRequest::Method;
using namespace api;

NotificationRoutes::NotificationRoutes(AuthService& auth, SyncService& sync) : m_auth(auth), m_sync(sync) { }

void NotificationRoutes::install(QHttpServer& http)
{
    http.route(QStringLiteral("/api/v1/notifications"), Method::Get,
        [this](const QHttpServerRequest& request) { return list(request); });
    http.route(QStringLiteral("/api/v1/notifications/read"), Method::Post,
        [this](const QHttpServerRequest& request) { return read(request, false); });
    http.route(QStringLiteral("/api/v1/notifications/clear"), Method::Post,
        [this](const QHttpServerRequest& request) { return read(request, true); });
}

QHttpServerResponse NotificationRoutes::list(const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    auto limit = limitParameter(request, 100, 1000);
    if (!limit)
        return errorResponse(limit.error());
    const QString unread = request.query().queryItemValue(QStringLiteral("unread"));
    if (!unread.isEmpty() && unread != QLatin1String("true") && unread != QLatin1String("false"))
        return errorResponse(Error {QStringLiteral("request.wrong_type"), QStringLiteral("unread is true or false."),
            QStringLiteral("unread")});
    auto rows = m_sync.applier().notifier().store().forUser(
        who.value().user.id, limit.value(), unread == QLatin1String("true"));
    if (!rows)
        return errorResponse(rows.error());
    QJsonArray items;
    for (const Notification& n : rows.value())
        items.append(n.toJson());
    return jsonResponse({{QStringLiteral("notifications"), items}});
}

QHttpServerResponse NotificationRoutes::read(const QHttpServerRequest& request, bool clear)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    auto body = parseBody(request,
        clear ? QStringList {QStringLiteral("ids"), QStringLiteral("all")}
              : QStringList {QStringLiteral("ids"), QStringLiteral("all"), QStringLiteral("ticket_id")});
    if (!body)
        return errorResponse(body.error());
    if (Status typed = checkTypes(body.value(),
            {{QStringLiteral("ids"), QJsonValue::Array}, {QStringLiteral("all"), QJsonValue::Bool},
                {QStringLiteral("ticket_id"), QJsonValue::String}});
        !typed)
        return errorResponse(typed.error());
    const Mutation mutation {0, QUuid::createUuid().toString(QUuid::WithoutBraces),
        QString(clear ? intent::NotificationClear : intent::NotificationRead), who.value().user.id, body.value()};
    auto applied = m_sync.applyOne(who.value().user, mutation);
    if (!applied)
        return errorResponse(applied.error());
    const QString key = clear ? QStringLiteral("cleared") : QStringLiteral("read");
    return jsonResponse({{key, applied.value().value(key)}});
}

} // namespace gongdan
