#pragma once

#include "domain/Result.h"
#include "domain/TicketTypes.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace gongdan {

struct Ticket;

/// An agent's presence (在线 / 忙碌 / 离开 / 离线). Only 在线 agents get automatic offers.
enum class Presence { Online, Busy, Away, Offline };
QString presenceKey(Presence presence);
std::optional<Presence> presenceFromKey(const QString& key);
QString presenceName(Presence presence); ///< translated (context "Dispatch")
QList<Presence> allPresences();

/// How a group chooses among its candidates (workflows.md §9.3 step 4).
enum class DispatchStrategy { LeastLoaded, LeastLoadedPct, RoundRobin };

/// A group's dispatch settings: the team record `dispatch_setting` (its id is the group's id). Defaults are those of
/// workflows.md §9.3; a group without a record is not dispatched automatically.
struct DispatchSettings {
    QString id; ///< the record's id
    QString groupId; ///< one record per group
    bool enabled = true;
    DispatchStrategy strategy = DispatchStrategy::LeastLoaded;
    int capacity = 5; ///< per agent, unless overridden
    QHash<QString, int> capacityOverrides; ///< user id → capacity
    QList<TicketStatus> countsTowardLoad {TicketStatus::New, TicketStatus::InProgress, TicketStatus::FollowUp};
    int acceptTimeoutMin = 5;
    int maxMisses = 2;
    int overflowAfterMin = 0; ///< 0: never
    QString overflowGroupId;
    int vipFallbackMin = 10;
    int skillFallbackMin = 15; ///< 0: required skills never fall back to the whole group
    QHash<QString, QMap<QString, int>> skillRules; ///< category id → skill → minimum level

    int capacityOf(const QString& userId) const { return capacityOverrides.value(userId, capacity); }
    bool counts(TicketStatus status) const { return countsTowardLoad.contains(status); }

    QJsonObject toJson() const;
    /// Checks every field; an absent one keeps its default. `group_id` names the group (else `id`).
    static Result<DispatchSettings> fromJson(const QJsonObject& json);
};

/// One agent as dispatch sees them in one group, at one instant.
struct DispatchAgent {
    QString id;
    QString name;
    Presence presence = Presence::Offline;
    QMap<QString, int> skills; ///< skill → level (a user's skill "英语:3" is 英语 at level 3; "英语" is level 1)
    bool senior = false; ///< tier ≥ senior: the skill "senior" (VIP tickets go to them first)
    int load = 0; ///< tickets assigned in statuses that count toward load (offers included: they are 待接单)
    int capacity = 5;
    QDateTime lastAssignedAt; ///< last automatic assignment anywhere (null: never) — the idle tie-break
    QDateTime lastAssignedInGroupAt; ///< last automatic assignment in this group (null: never) — round robin
    QDateTime joinedAt; ///< round robin: an agent never assigned counts from here ("starts at now")

    int spare() const { return capacity - load; }
    bool overCapacity() const { return load > capacity; }
    /// "2/5" — the assignee picker and the queue show it, red when over capacity.
    QString loadText() const;

    /// Parses a user's skill list ("英语:3", "英语", "senior") into levels and the senior tier.
    static void readSkills(const QStringList& userSkills, DispatchAgent& agent);
};

/// One ticket waiting in a group's queue.
struct DispatchTicket {
    QString id;
    Priority priority = Priority::Normal;
    bool vip = false;
    QDateTime slaDueAt; ///< the earliest running SLA due (null: none)
    QDateTime eligibleSince; ///< when it became eligible (entered the queue)
    QString categoryId;
};

/// The choice for one ticket: to whom and why, or why it waits.
struct DispatchChoice {
    QString agentId; ///< empty: it waits in the queue
    QString explanation; ///< translated: "assigned to 王晓明: least loaded 2/5 in 售后服务部, skill 英语"
    QJsonObject facts {}; ///< what the explanation says, as data: each desk words it in its own language (explain)
};

/// The pure rules of automatic dispatch (workflows.md §9.3): eligibility, queue order, candidates, capacity, the
/// strategies and their tie-breaks, and the words that explain each choice. The server's Dispatcher persists what
/// these decide; nothing here reads a database or a clock.
class Dispatch {
public:
    /// Step 1: a group, status 待接单, no assignee (spam and merged tickets are not 待接单).
    static bool eligible(const Ticket& ticket);
    /// Step 2: priority desc, VIP first, earliest SLA due (none last), eligible since, then id.
    static bool queueBefore(const DispatchTicket& a, const DispatchTicket& b);
    static void sortQueue(QList<DispatchTicket>& queue);
    /// The load of an agent holding tickets in these statuses.
    static int loadOf(const QList<TicketStatus>& statuses, const DispatchSettings& settings);
    /// The minimum skill levels a ticket of this category needs (empty: none).
    static QMap<QString, int> requiredSkills(const DispatchTicket& ticket, const DispatchSettings& settings);
    /// Steps 3–4 for one ticket: the agent it is offered to, or an empty agent id when it waits. `groupName`
    /// goes into the explanation; `excluded` are agents who already missed this ticket's offer.
    static DispatchChoice choose(const DispatchTicket& ticket, const DispatchSettings& settings,
        const QList<DispatchAgent>& agents, const QDateTime& now, const QString& groupName,
        const QStringList& excluded = {});
    /// The whole queue against the agents in order, one ticket at a time (each choice raises that agent's load and
    /// moves their last assignment to `now`); a ticket nobody may take now waits and the next is tried. Returns
    /// (ticket id, choice) for the tickets that go out, in queue order.
    static QList<std::pair<QString, DispatchChoice>> plan(QList<DispatchTicket> queue, const DispatchSettings& settings,
        QList<DispatchAgent> agents, const QDateTime& now, const QString& groupName);
    /// The words, in the current language, for the facts of an automatic choice: {kind: offer | wait | reclaim | gone
    /// | overflow, agent, group, strategy, load, capacity, skills, skill_fallback_min, vip, vip_fallback_min,
    /// vip_wait_min, minutes, misses, to_group}. Events carry the facts, so a desk in English or Chinese says it its
    /// way.
    static QString explain(const QJsonObject& facts);
    /// Step 6: a ticket that waited this long goes to the overflow group.
    static bool overflows(const DispatchTicket& ticket, const DispatchSettings& settings, const QDateTime& now);
};

} // namespace gongdan
