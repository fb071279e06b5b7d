#pragma once

#include "server/AuthService.h"
#include "server/DashboardAggregates.h"

#include <QHttpServer>

namespace gongdan {

/// GET /api/v1/dashboard: the supervisor dashboard's full snapshot (DashboardAggregates::snapshot) for a supervisor
/// (their groups) or an admin (all); 403 access.denied for agents and field staff. Live updates come over the sync
/// WebSocket (server/DashboardStream).
class DashboardRoutes {
public:
    DashboardRoutes(AuthService& auth, DashboardAggregates& aggregates);
    void install(QHttpServer& http);

private:
    QHttpServerResponse snapshot(const QHttpServerRequest& request);

    AuthService& m_auth;
    DashboardAggregates& m_aggregates;
};

} // namespace gongdan
