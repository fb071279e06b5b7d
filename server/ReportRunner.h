#pragma once

#include "domain/Clock.h"
#include "domain/ReportEngine.h"
#include "teamdb/ReportStore.h"
#include "teamdb/TeamRecordStore.h"
#include "teamdb/UserRepository.h"

#include <QObject>
#include <functional>
#include <memory>

namespace gongdan {

/// Runs reports over the team database (workflows.md §9.6 definitions, §9.7 "without a row cap"): the tickets a page
/// of kPage at a time (teamdb/ReportStore), one page per turn of the event loop so other requests go on meanwhile,
/// into a domain ReportAccumulator; then the rows as JSON lines. Scope: an admin's report counts every group's
/// tickets, a supervisor's the groups they belong to; agents and field staff are refused (access.denied).
class ReportRunner : public QObject {
    Q_OBJECT

public:
    static constexpr int kPage = 500;
    using SlaSource = std::function<SlaSetup()>;
    /// The JSON-lines body, or why there is none.
    using Done = std::function<void(Result<QByteArray>)>;
    /// False once nobody waits for the answer (the client went away): the run stops.
    using Wanted = std::function<bool()>;

    ReportRunner(ServerDatabase& database, UserRepository& users, TeamRecordStore& records, const Clock& clock,
        SlaSource sla, QObject* parent = nullptr);

    /// A saved definition: a team record "report", else a built-in example; report.not_found otherwise.
    Result<ReportDefinition> saved(const QString& id);
    /// Starts a run for `who`; `done` is called once, later (never from within this call).
    void run(const ReportDefinition& definition, const UserRecord& who, Wanted wanted, Done done);
    /// The team's time zone: the first SLA policy's calendar's (Asia/Shanghai without one), as the dashboard's.
    static QTimeZone zoneOf(const SlaSetup& setup);

private:
    struct Run;
    void step(const std::shared_ptr<Run>& run);
    QByteArray finish(Run& run);
    QString labelOf(ReportGrouping grouping, const QString& key, Run& run);

    ServerDatabase& m_database;
    UserRepository& m_users;
    TeamRecordStore& m_records;
    const Clock& m_clock;
    SlaSource m_sla;
};

} // namespace gongdan
