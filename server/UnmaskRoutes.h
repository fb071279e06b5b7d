#pragma once

#include "server/AuthService.h"
#include "server/SyncService.h"
#include "teamdb/AuditLog.h"

#include <QHttpServer>

namespace gongdan {

/// POST /api/v1/customers/<id>/unmask and POST /api/v1/tickets/<id or number>/unmask, body {"fields": [...]}
/// (optional; every sensitive field of the record when left out): the clear values of sensitive data
/// (domain/Masking.h) for those whose role may see them (access::mayUnmask; 403 access.denied otherwise), a
/// ticket only when they may read it. Every answer that shows a value is an `unmask` entry of the audit trail
/// (who, when, which record, which fields — never the values), written before the values are sent.
class UnmaskRoutes {
public:
    UnmaskRoutes(AuthService& auth, SyncStore& store, SyncService& sync, AuditLog& audit);
    void install(QHttpServer& http);

private:
    QHttpServerResponse customer(const QString& id, const QHttpServerRequest& request);
    QHttpServerResponse ticket(const QString& key, const QHttpServerRequest& request);
    /// The fields the body asks for among `sensitive` (all of them when it names none); the values the vault
    /// holds, audited.
    QHttpServerResponse reveal(
        const QString& entity, const QString& id, const QStringList& sensitive, const QHttpServerRequest& request);

    AuthService& m_auth;
    SyncStore& m_store;
    SyncService& m_sync;
    AuditLog& m_audit;
};

} // namespace gongdan
