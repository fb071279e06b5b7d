#include "server/DashboardAggregates.h"

#include <QJsonArray>
#include <QMap>
#include <algorithm>

namespace gongdan {

namespace {

qint64 msOf(const QDateTime& time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QString iso(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) : QString();
}

/// The instant a running clock due at `dueMs` turns at risk.
qint64 warnOf(
    qint64 dueMs, qint64 createdMs, const SlaPolicy* policy, const SlaSetup& setup, SlaMetric metric, Priority priority)
{
    if (dueMs <= 0)
        return 0;
    if (policy) {
        const qint64 target = qint64(policy->targetsFor(priority).minutes(metric)) * 60;
        const qint64 left = target * (100 - policy->warnPercent) / 100;
        if (auto at = setup.calendarOf(*policy).subtractBusinessSeconds(dueMs / 1000, left))
            return at.value() * 1000;
        return dueMs;
    }
    return createdMs + (dueMs - createdMs) * 75 / 100;
}

struct Counts {
    int open = 0;
    int waiting = 0; ///< 待接单
    qint64 longestWaitS = 0;
    int atRisk = 0;
    int breached = 0;
    int breachedCritical = 0;
    int createdToday = 0;
    int closedToday = 0;
    int scoredToday = 0; ///< satisfaction scores recorded today (CSAT, workflows.md §9.6)
    int scoreSum = 0;
    int scoredGood = 0; ///< of them 4 or 5
    QHash<QString, int> createdByCategory; ///< today's tickets per category (高频问题)

    /// The three categories with the most tickets created today, most first (ties: by id), each with its count.
    QJsonArray topCategories() const
    {
        QList<std::pair<QString, int>> all;
        for (auto it = createdByCategory.cbegin(); it != createdByCategory.cend(); ++it)
            all.append({it.key(), it.value()});
        std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        QJsonArray top;
        for (qsizetype i = 0; i < std::min<qsizetype>(3, all.size()); ++i)
            top.append(QJsonObject {
                {QStringLiteral("category_id"), all.at(i).first}, {QStringLiteral("count"), all.at(i).second}});
        return top;
    }

    QJsonObject toJson() const
    {
        return {{QStringLiteral("open"), open}, {QStringLiteral("new"), waiting},
            {QStringLiteral("longest_wait_s"), longestWaitS}, {QStringLiteral("at_risk"), atRisk},
            {QStringLiteral("breached"), breached}, {QStringLiteral("breached_critical"), breachedCritical},
            {QStringLiteral("created_today"), createdToday}, {QStringLiteral("closed_today"), closedToday},
            {QStringLiteral("csat_count"), scoredToday}, {QStringLiteral("csat_sum"), scoreSum},
            {QStringLiteral("csat_good"), scoredGood}, {QStringLiteral("top_categories"), topCategories()}};
    }
};

} // namespace

bool DashboardTicket::countsOn(qint64 dayStartMs) const
{
    return open() || createdMs >= dayStartMs || closedMs >= dayStartMs || ratedMs >= dayStartMs;
}

bool DashboardTicket::open() const
{
    return status == TicketStatus::New || status == TicketStatus::InProgress || status == TicketStatus::WaitingCustomer
        || status == TicketStatus::FollowUp;
}

bool DashboardTicket::breached(qint64 nowMs) const
{
    return open()
        && ((responseDueMs > 0 && responseDueMs <= nowMs) || (resolutionDueMs > 0 && resolutionDueMs <= nowMs));
}

bool DashboardTicket::atRisk(qint64 nowMs) const
{
    if (!open() || breached(nowMs))
        return false;
    return (responseDueMs > 0 && responseWarnMs <= nowMs) || (resolutionDueMs > 0 && resolutionWarnMs <= nowMs);
}

DashboardTicket DashboardTicket::of(const Ticket& ticket, const SlaSetup& setup)
{
    DashboardTicket t;
    t.groupId = ticket.groupId;
    t.assigneeId = ticket.assigneeId;
    t.categoryId = ticket.categoryId;
    t.status = ticket.status;
    t.priority = ticket.priority;
    t.createdMs = msOf(ticket.createdAt);
    t.closedMs = ticket.status == TicketStatus::Closed ? msOf(ticket.closedAt) : 0;
    t.satisfaction = ticket.satisfaction;
    t.ratedMs = ticket.satisfaction > 0 ? msOf(ticket.ratedAt) : 0;
    const SlaPolicy* policy = SlaPolicy::choose(setup.policies, ticket);
    if (policy) { // the stamp leaves only running clocks' due times
        t.responseDueMs = msOf(ticket.responseDueAt);
        t.resolutionDueMs = msOf(ticket.resolutionDueAt);
    } else {
        t.responseDueMs = ticket.firstResponseAt.isValid() ? 0 : msOf(ticket.responseDueAt);
        t.resolutionDueMs = ticket.resolvedAt.isValid() || ticket.status == TicketStatus::WaitingCustomer
            ? 0
            : msOf(ticket.resolutionDueAt);
    }
    const SlaMetric response = ticket.firstResponseAt.isValid() ? SlaMetric::NextResponse : SlaMetric::FirstResponse;
    t.responseWarnMs = warnOf(t.responseDueMs, t.createdMs, policy, setup, response, ticket.priority);
    t.resolutionWarnMs = warnOf(t.resolutionDueMs, t.createdMs, policy, setup, SlaMetric::Resolution, ticket.priority);
    return t;
}

DashboardAggregates::DashboardAggregates(DashboardStore& store, UserRepository& users, DispatchStore& dispatch,
    const Clock& clock, std::function<SlaSetup()> sla, std::function<QList<DispatchSettings>()> settings,
    QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_users(users)
    , m_dispatch(dispatch)
    , m_clock(clock)
    , m_slaSource(std::move(sla))
    , m_settingsSource(std::move(settings))
{
    m_soon.setSingleShot(true);
    m_soon.setInterval(kDebounceMs);
    connect(&m_soon, &QTimer::timeout, this, [this] {
        catchUp();
        Q_EMIT changed();
    });
    m_rolling.setInterval(kRollingMs);
    connect(&m_rolling, &QTimer::timeout, this, &DashboardAggregates::tick);
}

qint64 DashboardAggregates::dayStartMs() const
{
    const QDateTime local = m_clock.now().toTimeZone(m_zone);
    return QDateTime(local.date(), QTime(0, 0), m_zone).toMSecsSinceEpoch();
}

void DashboardAggregates::refreshTeam()
{
    m_sla = m_slaSource ? m_slaSource() : SlaSetup {};
    m_zone = m_sla.policies.isEmpty() ? QTimeZone(QByteArrayLiteral("Asia/Shanghai"))
                                      : m_sla.calendarOf(m_sla.policies.first()).zone();
    m_userList = m_users.list();
    m_groupList = m_users.groups();
    m_settings.clear();
    if (m_settingsSource)
        for (const DispatchSettings& s : m_settingsSource())
            m_settings.insert(s.groupId, s);
    m_presence.clear();
    for (const PresenceRecord& p : m_dispatch.presences())
        m_presence.insert(p.userId, p);
}

Status DashboardAggregates::start()
{
    refreshTeam();
    auto seq = m_store.lastSeq(); // read first: a change committed during the recount is read again, harmlessly
    if (!seq)
        return seq.error();
    m_cursor = seq.value();
    m_day = dayStartMs();
    m_tickets.clear();
    if (Status s = m_store.liveTickets(m_day, [this](const Ticket& t) { apply(t); }); !s)
        return s;
    m_rolling.start();
    return {};
}

void DashboardAggregates::apply(const Ticket& ticket)
{
    const DashboardTicket t = DashboardTicket::of(ticket, m_sla);
    if (t.countsOn(m_day))
        m_tickets.insert(ticket.id, t);
    else
        m_tickets.remove(ticket.id);
}

void DashboardAggregates::committed()
{
    if (!m_soon.isActive())
        m_soon.start();
}

void DashboardAggregates::presenceChanged()
{
    m_presence.clear();
    for (const PresenceRecord& p : m_dispatch.presences())
        m_presence.insert(p.userId, p);
    committed(); // one delta soon, with the tickets that moved meanwhile
}

bool DashboardAggregates::catchUp()
{
    if (m_slaSource) // the policies the stamps were made under (the server's cached copy: no query)
        m_sla = m_slaSource();
    bool moved = false;
    for (;;) {
        auto more = m_store.ticketChanges(m_cursor, 2000, [&](const Ticket& t) {
            apply(t);
            moved = true;
        });
        if (!more || !more.value())
            break;
    }
    return moved;
}

void DashboardAggregates::prune()
{
    const qint64 day = dayStartMs();
    if (day == m_day)
        return;
    m_day = day;
    for (auto it = m_tickets.begin(); it != m_tickets.end();) {
        if (!it->countsOn(m_day))
            it = m_tickets.erase(it);
        else
            ++it;
    }
}

void DashboardAggregates::tick()
{
    refreshTeam();
    catchUp();
    prune();
    Q_EMIT changed();
}

Result<QJsonObject> DashboardAggregates::snapshot(const Principal& who)
{
    if (who.role != Role::Admin && who.role != Role::Supervisor)
        return Error {QStringLiteral("access.denied"), QStringLiteral("Only supervisors and admins see the dashboard."),
            QString()};
    prune();
    const qint64 now = m_clock.nowMs();
    const bool all = who.role == Role::Admin;
    const auto inScope = [&](const QString& groupId) { return all || who.groupIds.contains(groupId); };

    Counts totals;
    QMap<QString, Counts> byGroup;
    QMap<std::tuple<QString, int, int>, int> open;
    QHash<QString, int> load;
    QHash<QString, int> handled;
    QJsonArray groups;
    for (const GroupRecord& g : std::as_const(m_groupList)) {
        if (!inScope(g.id))
            continue;
        byGroup[g.id];
        groups.append(QJsonObject {{QStringLiteral("id"), g.id}, {QStringLiteral("name_zh"), g.nameZh},
            {QStringLiteral("name_en"), g.nameEn}});
    }
    for (const DashboardTicket& t : std::as_const(m_tickets)) {
        if (!t.assigneeId.isEmpty()) {
            if (t.open() && t.status != TicketStatus::WaitingCustomer)
                ++load[t.assigneeId];
            if (t.closedMs >= m_day)
                ++handled[t.assigneeId];
        }
        if (!inScope(t.groupId))
            continue;
        for (Counts* c : {&totals, &byGroup[t.groupId]}) {
            if (t.createdMs >= m_day) {
                ++c->createdToday;
                if (!t.categoryId.isEmpty())
                    ++c->createdByCategory[t.categoryId];
            }
            if (t.closedMs >= m_day)
                ++c->closedToday;
            if (t.ratedMs >= m_day) {
                ++c->scoredToday;
                c->scoreSum += t.satisfaction;
                if (t.satisfaction >= 4)
                    ++c->scoredGood;
            }
            if (!t.open())
                continue;
            ++c->open;
            if (t.status == TicketStatus::New) {
                ++c->waiting;
                c->longestWaitS = std::max(c->longestWaitS, (now - t.createdMs) / 1000);
            }
            if (t.breached(now)) {
                ++c->breached;
                if (t.priority == Priority::Critical)
                    ++c->breachedCritical;
            } else if (t.atRisk(now)) {
                ++c->atRisk;
            }
        }
        if (t.open())
            ++open[{t.groupId, int(t.status), int(t.priority)}];
    }

    QJsonArray groupRows;
    for (auto it = byGroup.cbegin(); it != byGroup.cend(); ++it) {
        QJsonObject row = it.value().toJson();
        row.insert(QStringLiteral("group_id"), it.key());
        groupRows.append(row);
    }
    QJsonArray openRows;
    for (auto it = open.cbegin(); it != open.cend(); ++it)
        openRows.append(QJsonObject {{QStringLiteral("group_id"), std::get<0>(it.key())},
            {QStringLiteral("status"), EnumText<TicketStatus>::key(TicketStatus(std::get<1>(it.key())))},
            {QStringLiteral("priority"), EnumText<Priority>::key(Priority(std::get<2>(it.key())))},
            {QStringLiteral("count"), it.value()}});
    QJsonArray agents;
    for (const UserRecord& u : std::as_const(m_userList)) {
        if (!u.active || (u.role != Role::Agent && u.role != Role::Field))
            continue;
        QStringList shared;
        for (const QString& g : u.groupIds)
            if (inScope(g))
                shared.append(g);
        if (shared.isEmpty())
            continue;
        const PresenceRecord presence = m_presence.value(u.id, PresenceRecord {u.id, Presence::Offline, 0, {}, 0});
        const auto settings = m_settings.constFind(shared.first());
        const int capacity = settings != m_settings.cend() ? settings->capacityOf(u.id) : DispatchSettings {}.capacity;
        agents.append(QJsonObject {{QStringLiteral("user_id"), u.id}, {QStringLiteral("name"), u.name},
            {QStringLiteral("login"), u.login}, {QStringLiteral("group_ids"), QJsonArray::fromStringList(shared)},
            {QStringLiteral("presence"), presenceKey(presence.presence)},
            {QStringLiteral("presence_since"), iso(presence.changedMs)}, {QStringLiteral("load"), load.value(u.id)},
            {QStringLiteral("capacity"), capacity}, {QStringLiteral("handled_today"), handled.value(u.id)}});
    }
    return QJsonObject {{QStringLiteral("as_of"), iso(now)}, {QStringLiteral("server_seq"), m_cursor},
        {QStringLiteral("day_start"), iso(m_day)}, {QStringLiteral("groups"), groups},
        {QStringLiteral("totals"), totals.toJson()}, {QStringLiteral("by_group"), groupRows},
        {QStringLiteral("open"), openRows}, {QStringLiteral("agents"), agents}};
}

QJsonObject DashboardAggregates::delta(const QJsonObject& before, const QJsonObject& after)
{
    QJsonObject out;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        if (it.key() == QLatin1String("as_of") || it.key() == QLatin1String("server_seq")
            || before.value(it.key()) != it.value())
            out.insert(it.key(), it.value());
    }
    return out;
}

} // namespace gongdan
