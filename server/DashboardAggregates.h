#pragma once

#include "domain/Access.h"
#include "domain/Clock.h"
#include "domain/Dispatch.h"
#include "domain/SlaStamp.h"
#include "teamdb/DashboardStore.h"
#include "teamdb/DispatchStore.h"
#include "teamdb/UserRepository.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimeZone>
#include <QTimer>
#include <functional>

namespace gongdan {

/// What the dashboard keeps of one ticket: only what its figures count.
struct DashboardTicket {
    QString groupId;
    QString assigneeId;
    QString categoryId;
    TicketStatus status = TicketStatus::New;
    Priority priority = Priority::Normal;
    qint64 createdMs = 0;
    qint64 closedMs = 0; ///< 0: not closed
    qint64 responseDueMs = 0; ///< 0: no running response clock
    qint64 resolutionDueMs = 0; ///< 0: no running resolution clock
    qint64 responseWarnMs = 0; ///< from here the running response clock is at risk (its warn % used)
    qint64 resolutionWarnMs = 0;
    int satisfaction = 0; ///< the customer's score, 1–5; 0: none
    qint64 ratedMs = 0; ///< when it was scored

    bool open() const;
    /// Still counted today: open, or created, closed or scored since `dayStartMs`.
    bool countsOn(qint64 dayStartMs) const;
    bool breached(qint64 nowMs) const;
    bool atRisk(qint64 nowMs) const; ///< a running clock past its warn share, none breached
    /// The dashboard's form of a ticket: SLA clocks from its stamped due times. A clock runs while its due time is
    /// set under a policy (the stamp clears paused and stopped ones); with no policy (due times from the priority's
    /// targets) the response clock runs until the first response, the resolution clock until resolved, paused while
    /// 待客户确认. The warn instant is the policy's warn % of its target in business time before the due time; with
    /// no policy 75 % of the wall time from creation to the due time.
    static DashboardTicket of(const Ticket& ticket, const SlaSetup& setup);
};

/// The live figures of the supervisor dashboard (workflows.md §9.6), kept in memory: counted once when the server
/// starts (one query), then moved by every committed ticket change read from the change log after its cursor (one
/// query per batch of commits, never one per client), presence re-read when it changes. Snapshots are cut per
/// scope: a supervisor's groups, an admin's all; agents and field staff see none (access.denied).
class DashboardAggregates : public QObject {
    Q_OBJECT

public:
    static constexpr int kRollingMs = 15000; ///< rolling figures (SLA at risk, waits) recounted this often
    static constexpr int kDebounceMs = 250; ///< commits close together are read in one batch

    DashboardAggregates(DashboardStore& store, UserRepository& users, DispatchStore& dispatch, const Clock& clock,
        std::function<SlaSetup()> sla, std::function<QList<DispatchSettings>()> settings, QObject* parent = nullptr);

    /// The recount; starts the rolling timer.
    Status start();
    /// Something committed (SyncService::committed, Dispatcher::committed): the change log is read soon.
    void committed();
    /// Someone's presence changed: re-read (one query), then `changed`.
    void presenceChanged();
    /// Reads the change log after the cursor now; true when a ticket moved.
    bool catchUp();
    /// The full snapshot for `who` (access.denied for agents and field staff).
    Result<QJsonObject> snapshot(const Principal& who);
    /// The top-level keys of `after` that differ from `before`, with `as_of` and `server_seq` always.
    static QJsonObject delta(const QJsonObject& before, const QJsonObject& after);
    qint64 cursor() const { return m_cursor; }
    const Clock& clock() const { return m_clock; }
    /// Start of today in the team calendar's time zone (UTC ms).
    qint64 dayStartMs() const;

Q_SIGNALS:
    /// The figures moved (a ticket, a presence) or the rolling timer passed: subscribers get a delta.
    void changed();

private:
    void refreshTeam();
    void tick();
    void apply(const Ticket& ticket);
    void prune();

    DashboardStore& m_store;
    UserRepository& m_users;
    DispatchStore& m_dispatch;
    const Clock& m_clock;
    std::function<SlaSetup()> m_slaSource;
    std::function<QList<DispatchSettings>()> m_settingsSource;
    SlaSetup m_sla;
    QTimeZone m_zone {QByteArrayLiteral("Asia/Shanghai")};
    QHash<QString, DashboardTicket> m_tickets; ///< open tickets and those created or closed today
    QList<UserRecord> m_userList;
    QList<GroupRecord> m_groupList;
    QHash<QString, DispatchSettings> m_settings; ///< by group
    QHash<QString, PresenceRecord> m_presence;
    qint64 m_cursor = 0;
    qint64 m_day = 0;
    QTimer m_soon;
    QTimer m_rolling;
};

} // namespace gongdan
