#include "server/ViewRoutes.h"

#include "domain/Intents.h"
#include "domain/TicketView.h"
#include "server/ApiSupport.h"

#include <QJsonArray>
#include <QUuid>

namespace gongdan {

using Method = QHttpServerRequest::Method;
using StatusCode = QHttpServerResponse::StatusCode;
using namespace api;

namespace {

/// A view as REST shows it: its definition, whether it is shared, and its version on the server.
QJsonObject shown(const TeamRecord& record)
{
    QJsonObject data = record.data;
    data.insert(QStringLiteral("shared"), data.value(QStringLiteral("owner_id")).toString().isEmpty());
    data.insert(QStringLiteral("version"), record.version);
    return data;
}

Error notFound(const QString& id)
{
    return Error {QStringLiteral("view.not_found"), QStringLiteral("There is no view \"%1\" you may see.").arg(id),
        QStringLiteral("id")};
}

QList<std::pair<QString, QJsonValue::Type>> writable()
{
    using T = QJsonValue::Type;
    return {{QStringLiteral("name_zh"), T::String}, {QStringLiteral("name_en"), T::String},
        {QStringLiteral("match"), T::String}, {QStringLiteral("conditions"), T::Array},
        {QStringLiteral("columns"), T::Array}, {QStringLiteral("sort_field"), T::String},
        {QStringLiteral("sort_descending"), T::Bool}, {QStringLiteral("shared"), T::Bool},
        {QStringLiteral("shared_group_ids"), T::Array}, {QStringLiteral("enabled"), T::Bool},
        {QStringLiteral("order"), T::Double}};
}

} // namespace

ViewRoutes::ViewRoutes(AuthService& auth, SyncService& sync) : m_auth(auth), m_sync(sync) { }

void ViewRoutes::install(QHttpServer& http)
{
    const QString base = QStringLiteral("/api/v1/views");
    http.route(base, Method::Get, [this](const QHttpServerRequest& request) { return list(request); });
    http.route(base, Method::Post, [this](const QHttpServerRequest& request) { return write(QString(), request); });
    http.route(base + QStringLiteral("/<arg>"), Method::Get,
        [this](const QString& id, const QHttpServerRequest& request) { return one(id, request); });
    http.route(base + QStringLiteral("/<arg>"), Method::Patch,
        [this](const QString& id, const QHttpServerRequest& request) { return write(id, request); });
    http.route(base + QStringLiteral("/<arg>"), Method::Delete,
        [this](const QString& id, const QHttpServerRequest& request) { return remove(id, request); });
}

QHttpServerResponse ViewRoutes::list(const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    auto views = m_sync.applier().views().visibleTo(who.value().user.principal());
    if (!views)
        return errorResponse(views.error());
    QJsonArray items;
    for (const TeamRecord& record : views.value())
        items.append(shown(record));
    return jsonResponse({{QStringLiteral("views"), items}});
}

QHttpServerResponse ViewRoutes::one(const QString& id, const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    const std::optional<TeamRecord> record = m_sync.applier().views().find(who.value().user.principal(), id);
    return record ? jsonResponse(shown(*record)) : errorResponse(notFound(id));
}

QHttpServerResponse ViewRoutes::write(const QString& id, const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    const auto fields = writable();
    QStringList allowed;
    for (const auto& field : fields)
        allowed.append(field.first);
    auto body = parseBody(request, allowed);
    if (!body)
        return errorResponse(body.error());
    if (Status types = checkTypes(body.value(), fields); !types)
        return errorResponse(types.error());
    for (const QString& key : {QStringLiteral("columns"), QStringLiteral("shared_group_ids")}) {
        if (auto list = optionalStringList(body.value(), key); !list)
            return errorResponse(list.error());
    }
    const UserRecord& user = who.value().user;
    const bool create = id.isEmpty();
    QJsonObject view;
    if (create) {
        if (auto name = requiredString(body.value(), QStringLiteral("name_zh")); !name)
            return errorResponse(name.error());
        view = TicketView {}.toJson();
        view.insert(QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        view.insert(QStringLiteral("owner_id"), user.id);
    } else {
        const std::optional<TeamRecord> existing = m_sync.applier().views().find(user.principal(), id);
        if (!existing)
            return errorResponse(notFound(id));
        view = existing->data;
    }
    QJsonObject changes = body.value();
    if (changes.contains(QStringLiteral("shared"))) {
        view.insert(
            QStringLiteral("owner_id"), changes.take(QStringLiteral("shared")).toBool() ? QString() : QString(user.id));
    }
    for (auto it = changes.begin(); it != changes.end(); ++it)
        view.insert(it.key(), it.value());
    const QString viewId = view.value(QStringLiteral("id")).toString();
    const Mutation mutation {0, QUuid::createUuid().toString(QUuid::WithoutBraces), QString(intent::ViewUpsert), viewId,
        {{QStringLiteral("view"), view}}};
    if (auto applied = m_sync.applyOne(user, mutation); !applied)
        return errorResponse(applied.error());
    const std::optional<TeamRecord> stored = m_sync.applier().views().find(user.principal(), viewId);
    if (!stored)
        return errorResponse(notFound(viewId));
    return jsonResponse(shown(*stored), create ? StatusCode::Created : StatusCode::Ok);
}

QHttpServerResponse ViewRoutes::remove(const QString& id, const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    const UserRecord& user = who.value().user;
    if (!m_sync.applier().views().find(user.principal(), id))
        return errorResponse(notFound(id));
    const Mutation mutation {
        0, QUuid::createUuid().toString(QUuid::WithoutBraces), QString(intent::ViewDelete), id, {}};
    if (auto applied = m_sync.applyOne(user, mutation); !applied)
        return errorResponse(applied.error());
    return QHttpServerResponse(StatusCode::NoContent);
}

} // namespace gongdan
