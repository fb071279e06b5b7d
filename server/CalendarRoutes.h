#pragma once

#include "server/AuthService.h"
#include "server/SlaRecompute.h"

#include <QHttpServer>

namespace gongdan {

/// The business-calendar preview on the code the due-time tool and the SLA clocks run (workflows.md §0), for
/// anyone signed in:
///   POST /api/v1/calendars/due {"calendar": {…§0 JSON…}, "from": INSTANT, "minutes": N, "pauses": [{"from", "to"}]}
///     → {"due": "2024-09-29T04:00:00Z", "business_minutes": N}; a wrong calendar or instant is a 400 naming the
///     field (calendar.weekly.mon[0], from, pauses[1].to, …);
///   GET /api/v1/calendars/shipped/{name} → a calendar Gongdan ships (china-2026), to edit and import;
///   GET /api/v1/sla/recompute → how far the recount of open tickets' clocks after a settings change is (admins).
class CalendarRoutes {
public:
    CalendarRoutes(AuthService& auth, SlaRecompute& recompute);
    void install(QHttpServer& http);

private:
    QHttpServerResponse due(const QHttpServerRequest& request);
    QHttpServerResponse shipped(const QString& name, const QHttpServerRequest& request);
    QHttpServerResponse recomputeProgress(const QHttpServerRequest& request);

    AuthService& m_auth;
    SlaRecompute& m_recompute;
};

} // namespace gongdan
