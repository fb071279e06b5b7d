#pragma once

#include "server/AuthService.h"
#include "server/SyncService.h"

#include <QHttpServer>

namespace gongdan {

/// POST /v1/sync/register, POST /v1/sync/push, GET /v1/sync/pull?client_id=&cursor=&limit=&epoch=
class SyncRoutes {
public:
    SyncRoutes(AuthService& auth, SyncService& sync);
    void install(QHttpServer& http);
    /// The register answer carries it as attachment_limit_bytes (0: left out).
    void announceAttachmentLimit(qint64 bytes) { m_attachmentLimit = bytes; }

private:
    QHttpServerResponse registerClient(const QHttpServerRequest& request);
    QHttpServerResponse push(const QHttpServerRequest& request);
    QHttpServerResponse pull(const QHttpServerRequest& request);
    QHttpServerResponse snapshot(const QHttpServerRequest& request);

    AuthService& m_auth;
    SyncService& m_sync;
    qint64 m_attachmentLimit = 0;
};

} // namespace gongdan
