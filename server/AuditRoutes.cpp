#include "server/AuditRoutes.h"

#include "server/ApiSupport.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace gongdan {

using namespace api;

namespace {

/// A query parameter that must be a whole number ≥ 0 when present.
Result<std::optional<qint64>> wholeNumber(const QUrlQuery& query, const QString& name)
{
    if (!query.hasQueryItem(name))
        return std::optional<qint64>();
    bool ok = false;
    const qint64 value = query.queryItemValue(name).toLongLong(&ok);
    if (!ok || value < 0)
        return Error {
            QStringLiteral("request.wrong_type"), QStringLiteral("\"%1\" is a whole number.").arg(name), name};
    return std::optional<qint64>(value);
}

} // namespace

AuditRoutes::AuditRoutes(AuthService& auth, AuditLog& audit) : m_auth(auth), m_audit(audit) { }

void AuditRoutes::install(QHttpServer& http)
{
    http.route(QStringLiteral("/api/v1/audit"), QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest& request) { return list(request); });
}

QHttpServerResponse AuditRoutes::list(const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    if (who.value().user.role != Role::Admin)
        return errorResponse(accessDenied(QStringLiteral("read the audit trail")));
    const QUrlQuery query = request.query();
    auto limit = limitParameter(request, 100, AuditLog::kMaxLimit);
    if (!limit)
        return errorResponse(limit.error());
    AuditFilter filter;
    filter.limit = limit.value();
    filter.actor = query.queryItemValue(QStringLiteral("actor"), QUrl::FullyDecoded);
    filter.kind = query.queryItemValue(QStringLiteral("kind"), QUrl::FullyDecoded);
    const QString target = query.queryItemValue(QStringLiteral("target"), QUrl::FullyDecoded);
    for (const auto& [name, value] : {std::pair {QStringLiteral("actor"), filter.actor},
             std::pair {QStringLiteral("kind"), filter.kind}, std::pair {QStringLiteral("target"), target}}) {
        if (value.contains(QChar(0)) || value.size() > 200)
            return errorResponse(Error {QStringLiteral("request.bad_text"),
                QStringLiteral("\"%1\" holds text no entry can match.").arg(name), name});
    }
    filter.entity = target.section(QLatin1Char(':'), 0, 0);
    filter.entityId = target.section(QLatin1Char(':'), 1);
    for (const auto& [name, slot] :
        {std::pair {QStringLiteral("since"), &filter.sinceMs}, std::pair {QStringLiteral("until"), &filter.untilMs}}) {
        auto value = wholeNumber(query, name);
        if (!value)
            return errorResponse(value.error());
        *slot = value.value();
    }
    auto cursor = wholeNumber(query, QStringLiteral("cursor"));
    if (!cursor)
        return errorResponse(cursor.error());
    filter.beforeSeq = cursor.value().value_or(0);
    auto entries = m_audit.list(filter);
    if (!entries)
        return errorResponse(entries.error());
    QJsonArray list;
    for (const AuditEntry& entry : entries.value())
        list.append(entry.toJson());
    QJsonObject body {{QStringLiteral("entries"), list}};
    if (entries.value().size() == filter.limit && entries.value().last().seq > 1)
        body.insert(QStringLiteral("next_cursor"), entries.value().last().seq);
    return jsonResponse(body);
}

} // namespace gongdan
