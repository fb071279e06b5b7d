#pragma once

#include "server/AuthService.h"
#include "server/SyncService.h"

#include <QHttpServer>

namespace gongdan {

/// The REST side of the team's custom views (server/ViewApplier's rules, the same a workstation's push meets):
///   /api/v1/views        GET (the views the caller may see), POST
///   /api/v1/views/<id>   GET, PATCH, DELETE
/// A body holds only the writable fields (an unknown key or a wrong type is refused). "shared": false (the
/// default) makes the view the caller's own; true shares it with "shared_group_ids" (empty: the whole
/// team), which only supervisors and admins may. A view the caller may not see answers 404. Each write
/// becomes the view.upsert or view.delete intent a workstation pushes, and the workstations are poked.
class ViewRoutes {
public:
    ViewRoutes(AuthService& auth, SyncService& sync);
    void install(QHttpServer& http);

private:
    QHttpServerResponse list(const QHttpServerRequest& request);
    QHttpServerResponse one(const QString& id, const QHttpServerRequest& request);
    QHttpServerResponse write(const QString& id, const QHttpServerRequest& request);
    QHttpServerResponse remove(const QString& id, const QHttpServerRequest& request);

    AuthService& m_auth;
    SyncService& m_sync;
};

} // namespace gongdan
