#pragma once

#include "server/AuthService.h"
#include "server/ReportRunner.h"

#include <QHttpServer>

namespace gongdan {

class HttpApi;

/// Runs reports (workflows.md §9.7):
///   POST /api/v1/reports/run          a definition in the body (as /api/v1/reports saves it; id and name optional)
///   GET  /api/v1/reports/<id>/rows    a saved definition, or a built-in example by its id
/// Both answer JSON lines (application/x-ndjson): a "report" line (the definition, the period's instants, the
/// columns), a "row" line per row (key, label, values) and a "total" line; every row, no cap. Supervisors see their
/// groups' tickets, admins every ticket; agents and field staff are refused (403 access.denied). The saved
/// definitions themselves are team records (RecordRoutes: /api/v1/reports, /api/v1/reports/<id>).
class ReportRoutes {
public:
    ReportRoutes(AuthService& auth, ReportRunner& runner);
    void install(HttpApi& api);

private:
    void runPosted(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    void runSaved(const QString& id, const QHttpServerRequest& request, QHttpServerResponder&& responder);

    AuthService& m_auth;
    ReportRunner& m_runner;
    HttpApi* m_api = nullptr;
};

} // namespace gongdan
