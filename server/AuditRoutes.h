#pragma once

#include "server/AuthService.h"
#include "teamdb/AuditLog.h"

#include <QHttpServer>

namespace gongdan {

/// GET /api/v1/audit?actor=&kind=&target=&since=&until=&limit=&cursor=: the audit trail for admins (403 for
/// everyone else), newest first. `actor` is a user id or login, `target` an entity ("ticket") or
/// "entity:id", `since` and `until` epoch milliseconds (since ≤ at_ms < until), `cursor` the next_cursor of
/// the page before.
class AuditRoutes {
public:
    AuditRoutes(AuthService& auth, AuditLog& audit);
    void install(QHttpServer& http);

private:
    QHttpServerResponse list(const QHttpServerRequest& request);

    AuthService& m_auth;
    AuditLog& m_audit;
};

} // namespace gongdan
