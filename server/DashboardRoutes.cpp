#include "server/DashboardRoutes.h"

#include "server/ApiSupport.h"

namespace gongdan {

using namespace api;

DashboardRoutes::DashboardRoutes(AuthService& auth, DashboardAggregates& aggregates)
    : m_auth(auth), m_aggregates(aggregates)
{
}

void DashboardRoutes::install(QHttpServer& http)
{
    http.route(QStringLiteral("/api/v1/dashboard"), QHttpServerRequest::Method::Get,
        [this](const QHttpServerRequest& request) { return snapshot(request); });
}

QHttpServerResponse DashboardRoutes::snapshot(const QHttpServerRequest& request)
{
    auto who = m_auth.authenticate(request);
    if (!who)
        return errorResponse(who.error());
    m_aggregates.catchUp(); // what committed a moment ago is in the answer
    auto snapshot = m_aggregates.snapshot(who.value().user.principal());
    if (!snapshot)
        return errorResponse(snapshot.error());
    return jsonResponse(snapshot.value());
}

} // namespace gongdan
