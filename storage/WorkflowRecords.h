#pragma once

#include "storage/Database.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace gongdan {

/// The team's workflow settings as the desk edits them: business calendars, SLA policies, escalation rules and
/// dispatch settings (team records the desk keeps as the server's copy alone, record_synced). `list` is that copy
/// with this desk's upserts the pull has not brought back yet laid over it, so a saved change shows at once; `save`
/// queues `<kind>.upsert` in the outbox (pushed at once, refused by the server with the field named when it breaks
/// a rule the desk could not check). The clocks (storage/SlaSettings) follow once the server's copy arrives.
class WorkflowRecords {
public:
    static inline const QString kCalendar = QStringLiteral("calendar");
    static inline const QString kSlaPolicy = QStringLiteral("sla_policy");
    static inline const QString kEscalationRule = QStringLiteral("escalation_rule");
    static inline const QString kDispatchSetting = QStringLiteral("dispatch_setting");
    static inline const QString kReport = QStringLiteral("report"); ///< saved report definitions

    explicit WorkflowRecords(Database& db) : m_db(db) { }

    /// Every record of `kind` (the server's copy, or this desk's newer queued one), by id.
    QList<QJsonObject> list(const QString& kind);
    /// Queues the upsert of `data` (its "id" set) as `<kind>.upsert`.
    Status save(const QString& kind, const QJsonObject& data);
    /// Why the server refused this desk's latest change of the record (its message and field), if it did.
    std::optional<Error> refusal(const QString& kind, const QString& id);
    /// The key the intent carries the record under: calendar, policy, rule, setting, report.
    static QString argumentOf(const QString& kind);

private:
    Database& m_db;
};

} // namespace gongdan
