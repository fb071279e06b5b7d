#pragma once

#include "server/AuthService.h"
#include "server/SyncService.h"

#include <QHttpServer>
#include <functional>

namespace gongdan {

/// The REST side of the team-wide records, for integrations and scripts:
///   /api/v1/customers          GET (q: name, number or phone fragment; after, limit), POST
///   /api/v1/customers/<id>     GET, PATCH
///   /api/v1/field-definitions  GET, POST (admins)      /api/v1/field-definitions/<id>  GET, PATCH (admins)
///   /api/v1/categories         GET, POST (admins)      /api/v1/categories/<id>         GET, PATCH (admins)
///   /api/v1/reports            GET, POST (supervisors and admins)  /api/v1/reports/<id>  GET, PATCH (the same)
/// and the workflow records (calendars, SLA policies, escalation rules, dispatch settings).
/// Everyone signed in reads them. A POST or PATCH body holds only the writable fields (an unknown key
/// or a wrong type is refused); it becomes the same upsert intent a workstation pushes (RecordApplier's
/// rules), and the workstations are poked.
class RecordRoutes {
public:
    RecordRoutes(AuthService& auth, SyncService& sync);
    void install(QHttpServer& http);

    /// What differs between the three kinds of record.
    struct Kind {
        QString kind; ///< team_record.kind: customer | field | category | calendar | sla_policy
        QString path; ///< customers | field-definitions | categories | calendars | sla-policies
        QString listKey; ///< the array's key in a list answer
        QString argKey; ///< the record's key in the intent's args
        QString mutation;
        QList<std::pair<QString, QJsonValue::Type>> writable; ///< Undefined: any JSON type
        QStringList stringArrays; ///< writable arrays whose items must be strings
        QStringList required; ///< on POST
        std::function<QJsonObject(const QString& id, const QDateTime& now)>
            fresh; ///< a new record before the body is laid over it
    };

private:
    QHttpServerResponse list(const Kind& kind, const QHttpServerRequest& request);
    QHttpServerResponse one(const Kind& kind, const QString& id, const QHttpServerRequest& request);
    QHttpServerResponse write(const Kind& kind, const QString& id, const QHttpServerRequest& request);

    AuthService& m_auth;
    SyncService& m_sync;
    QList<Kind> m_kinds;
};

} // namespace gongdan
