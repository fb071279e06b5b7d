#include "server/UnmaskRoutes.h"

#include "domain/Masking.h"
#include "server/ApiSupport.h"

#include <QJsonArray>

namespace gongdan {

using Method = QHttpServerRequest::Method;
using namespace api;

UnmaskRoutes::UnmaskRoutes(AuthService& auth, SyncStore& store, SyncService& sync, AuditLog& audit)
    : m_auth(auth), m_store(store), m_sync(sync), m_audit(audit)
{
}

void UnmaskRoutes::install(QHttpServer& http)
{
    http.route(QStringLiteral("/api/v1/customers/<arg>/unmask"), Method::Post,
        [this](const QString& id, const QHttpServerRequest& request) { return customer(id, request); });
    http.route(QStringLiteral("/api/v1/tickets/<arg>/unmask"), Method::Post,
        [this](const QString& key, const QHttpServerRequest& request) { return ticket(key, request); });
}

QHttpServerResponse UnmaskRoutes::customer(const QString& id, const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    if (!access::mayUnmask(who.value().user.principal()))
        return errorResponse(accessDenied(QStringLiteral("see sensitive values in clear")));
    if (!m_sync.applier().records().find(QStringLiteral("customer"), id))
        return errorResponse(Error {QStringLiteral("customer.not_found"),
            QStringLiteral("There is no customer \"%1\".").arg(id), QStringLiteral("id")});
    return reveal(QStringLiteral("customer"), id, masking::customerFields(), request);
}

QHttpServerResponse UnmaskRoutes::ticket(const QString& key, const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    const Principal principal = who.value().user.principal();
    std::optional<Ticket> found = m_store.ticket(key);
    if (!found)
        found = m_store.ticketByNumberOrAlias(key);
    if (!found || !access::mayRead(principal, found->groupId, found->assigneeId, found->createdBy))
        return errorResponse(Error {QStringLiteral("ticket.not_found"),
            QStringLiteral("There is no ticket \"%1\" among those you can see.").arg(key), QStringLiteral("id")});
    if (!access::mayUnmask(principal))
        return errorResponse(accessDenied(QStringLiteral("see sensitive values in clear")));
    m_sync.applier().startBatch(); // the definitions as they are now
    QStringList fields;
    for (const QString& sensitiveKey : m_sync.applier().sensitiveKeys())
        fields.append(masking::customFieldName(sensitiveKey));
    return reveal(QStringLiteral("ticket"), found->id, fields, request);
}

QHttpServerResponse UnmaskRoutes::reveal(
    const QString& entity, const QString& id, const QStringList& sensitive, const QHttpServerRequest& request)
{
    auto body = parseBody(request, {QStringLiteral("fields")});
    if (!body)
        return errorResponse(body.error());
    auto asked = optionalStringList(body.value(), QStringLiteral("fields"));
    if (!asked)
        return errorResponse(asked.error());
    QStringList fields = asked.value().value_or(sensitive);
    if (fields.isEmpty())
        fields = sensitive;
    fields.removeDuplicates();
    for (const QString& field : std::as_const(fields)) {
        if (!sensitive.contains(field))
            return errorResponse(Error {QStringLiteral("unmask.not_sensitive"),
                QStringLiteral("\"%1\" is not a sensitive field of this %2.").arg(field, entity),
                QStringLiteral("fields")});
    }
    auto values = m_sync.applier().vault().values(entity, id, fields);
    if (!values)
        return errorResponse(values.error());
    // Recorded before anything is shown: a look that cannot be recorded shows nothing.
    if (Status recorded = m_audit.recordUnmask(entity, id, fields); !recorded)
        return errorResponse(recorded.error());
    QJsonObject shown;
    for (auto it = values.value().cbegin(); it != values.value().cend(); ++it)
        shown.insert(it.key(), it.value());
    return jsonResponse({{QStringLiteral("entity"), entity}, {QStringLiteral("id"), id},
        {QStringLiteral("fields"), QJsonArray::fromStringList(fields)}, {QStringLiteral("values"), shown}});
}

} // namespace gongdan
