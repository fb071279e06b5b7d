#include "domain/Dispatch.h"

#include "domain/Ticket.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>

namespace gongdan {

namespace {

/// A text marked with QT_TRANSLATE_NOOP("Dispatch", …), in the current language.
QString translated(const char* text)
{
    return QCoreApplication::translate("Dispatch", text);
}

struct PresenceEntry {
    Presence value;
    const char* key;
    const char* label;
};
constexpr PresenceEntry kPresences[] {
    {Presence::Online, "online", QT_TRANSLATE_NOOP("Dispatch", "Online")},
    {Presence::Busy, "busy", QT_TRANSLATE_NOOP("Dispatch", "Busy")},
    {Presence::Away, "away", QT_TRANSLATE_NOOP("Dispatch", "Away")},
    {Presence::Offline, "offline", QT_TRANSLATE_NOOP("Dispatch", "Offline")},
};

struct StrategyEntry {
    DispatchStrategy value;
    const char* key;
};
constexpr StrategyEntry kStrategies[] {
    {DispatchStrategy::LeastLoaded, "least_loaded"},
    {DispatchStrategy::LeastLoadedPct, "least_loaded_pct"},
    {DispatchStrategy::RoundRobin, "round_robin"},
};

Error invalid(const char* text, const QString& field)
{
    return Error {QStringLiteral("dispatch.invalid"), translated(text), field};
}

/// Null times sort first: never assigned is idle longest.
bool earlier(const QDateTime& a, const QDateTime& b)
{
    if (a.isValid() != b.isValid())
        return !a.isValid();
    return a < b;
}

bool hasSkills(const DispatchAgent& agent, const QMap<QString, int>& required)
{
    for (auto it = required.cbegin(); it != required.cend(); ++it)
        if (agent.skills.value(it.key(), 0) < it.value())
            return false;
    return true;
}

qint64 waitedMinutes(const DispatchTicket& ticket, const QDateTime& now)
{
    return ticket.eligibleSince.isValid() ? ticket.eligibleSince.secsTo(now) / 60 : 0;
}

/// The round-robin turn: the last automatic assignment in this group, else when the agent joined.
QDateTime turnOf(const DispatchAgent& agent)
{
    return agent.lastAssignedInGroupAt.isValid() ? agent.lastAssignedInGroupAt : agent.joinedAt;
}

/// Does `a` win over `b` under the strategy? Ties: idle longest, then id.
bool better(const DispatchAgent& a, const DispatchAgent& b, DispatchStrategy strategy)
{
    switch (strategy) {
    case DispatchStrategy::LeastLoaded:
        if (a.spare() != b.spare())
            return a.spare() > b.spare();
        break;
    case DispatchStrategy::LeastLoadedPct: {
        // Free share a.spare/a.capacity vs b.spare/b.capacity, compared without division.
        const qint64 left = qint64(a.spare()) * std::max(b.capacity, 1);
        const qint64 right = qint64(b.spare()) * std::max(a.capacity, 1);
        if (left != right)
            return left > right;
        break;
    }
    case DispatchStrategy::RoundRobin: {
        const QDateTime ta = turnOf(a), tb = turnOf(b);
        if (ta != tb)
            return earlier(ta, tb);
        break;
    }
    }
    if (a.lastAssignedAt != b.lastAssignedAt)
        return earlier(a.lastAssignedAt, b.lastAssignedAt);
    return a.id < b.id;
}

QStringList skillNames(const QMap<QString, int>& required)
{
    QStringList names;
    for (auto it = required.cbegin(); it != required.cend(); ++it)
        names.append(it.value() > 1 ? QStringLiteral("%1 ≥ %2").arg(it.key()).arg(it.value()) : it.key());
    return names;
}

QString strategyKey(DispatchStrategy strategy)
{
    for (const StrategyEntry& e : kStrategies)
        if (e.value == strategy)
            return QLatin1String(e.key);
    return {};
}

} // namespace

QString presenceKey(Presence presence)
{
    for (const PresenceEntry& e : kPresences)
        if (e.value == presence)
            return QLatin1String(e.key);
    return QStringLiteral("offline");
}

std::optional<Presence> presenceFromKey(const QString& key)
{
    for (const PresenceEntry& e : kPresences)
        if (key == QLatin1String(e.key))
            return e.value;
    return std::nullopt;
}

QString presenceName(Presence presence)
{
    for (const PresenceEntry& e : kPresences)
        if (e.value == presence)
            return translated(e.label);
    return {};
}

QList<Presence> allPresences()
{
    return {Presence::Online, Presence::Busy, Presence::Away, Presence::Offline};
}

QJsonObject DispatchSettings::toJson() const
{
    QJsonObject overrides;
    for (auto it = capacityOverrides.cbegin(); it != capacityOverrides.cend(); ++it)
        overrides.insert(it.key(), it.value());
    QJsonArray statuses;
    for (TicketStatus s : countsTowardLoad)
        statuses.append(EnumText<TicketStatus>::key(s));
    QJsonObject rules;
    for (auto it = skillRules.cbegin(); it != skillRules.cend(); ++it) {
        QJsonObject skills;
        for (auto s = it.value().cbegin(); s != it.value().cend(); ++s)
            skills.insert(s.key(), s.value());
        rules.insert(it.key(), skills);
    }
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("group_id"), groupId},
        {QStringLiteral("enabled"), enabled}, {QStringLiteral("strategy"), strategyKey(strategy)},
        {QStringLiteral("capacity"), capacity}, {QStringLiteral("capacity_overrides"), overrides},
        {QStringLiteral("counts_toward_load"), statuses}, {QStringLiteral("accept_timeout_min"), acceptTimeoutMin},
        {QStringLiteral("max_misses"), maxMisses}, {QStringLiteral("overflow_after_min"), overflowAfterMin},
        {QStringLiteral("overflow_group_id"), overflowGroupId}, {QStringLiteral("vip_fallback_min"), vipFallbackMin},
        {QStringLiteral("skill_fallback_min"), skillFallbackMin}, {QStringLiteral("skill_rules"), rules}};
}

Result<DispatchSettings> DispatchSettings::fromJson(const QJsonObject& json)
{
    DispatchSettings s;
    s.id = json.value(QStringLiteral("id")).toString();
    s.groupId = json.value(QStringLiteral("group_id")).toString(s.id);
    if (s.groupId.isEmpty())
        return invalid(
            QT_TRANSLATE_NOOP("Dispatch", "Dispatch settings belong to a group."), QStringLiteral("group_id"));
    if (s.id.isEmpty())
        s.id = s.groupId;
    s.enabled = json.value(QStringLiteral("enabled")).toBool(true);
    if (json.contains(QStringLiteral("strategy"))) {
        const QString key = json.value(QStringLiteral("strategy")).toString();
        bool found = false;
        for (const StrategyEntry& e : kStrategies)
            if (key == QLatin1String(e.key)) {
                s.strategy = e.value;
                found = true;
            }
        if (!found)
            return invalid(
                QT_TRANSLATE_NOOP("Dispatch", "The strategy is least_loaded, least_loaded_pct or round_robin."),
                QStringLiteral("strategy"));
    }
    // Whole minutes and counts, each with its smallest allowed value.
    const struct {
        const char* key;
        int* target;
        int minimum;
    } numbers[] {{"capacity", &s.capacity, 1}, {"accept_timeout_min", &s.acceptTimeoutMin, 1},
        {"max_misses", &s.maxMisses, 1}, {"overflow_after_min", &s.overflowAfterMin, 0},
        {"vip_fallback_min", &s.vipFallbackMin, 0}, {"skill_fallback_min", &s.skillFallbackMin, 0}};
    for (const auto& n : numbers) {
        const QString key = QLatin1String(n.key);
        if (!json.contains(key))
            continue;
        const QJsonValue v = json.value(key);
        if (!v.isDouble() || v.toDouble() != double(v.toInt()) || v.toInt() < n.minimum)
            return invalid(n.minimum > 0 ? QT_TRANSLATE_NOOP("Dispatch", "This must be a whole number of at least 1.")
                                         : QT_TRANSLATE_NOOP("Dispatch", "This must be a whole number of at least 0."),
                key);
        *n.target = v.toInt();
    }
    const QJsonObject overrides = json.value(QStringLiteral("capacity_overrides")).toObject();
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (!it.value().isDouble() || it.value().toInt() < 1)
            return invalid(QT_TRANSLATE_NOOP("Dispatch", "This must be a whole number of at least 1."),
                QStringLiteral("capacity_overrides.") + it.key());
        s.capacityOverrides.insert(it.key(), it.value().toInt());
    }
    if (json.contains(QStringLiteral("counts_toward_load"))) {
        s.countsTowardLoad.clear();
        for (const QJsonValue& v : json.value(QStringLiteral("counts_toward_load")).toArray()) {
            const auto status = EnumText<TicketStatus>::fromKey(v.toString());
            if (!status)
                return invalid(QT_TRANSLATE_NOOP("Dispatch", "Unknown status."), QStringLiteral("counts_toward_load"));
            if (!s.countsTowardLoad.contains(*status))
                s.countsTowardLoad.append(*status);
        }
    }
    s.overflowGroupId = json.value(QStringLiteral("overflow_group_id")).toString();
    if (s.overflowGroupId == s.groupId)
        return invalid(
            QT_TRANSLATE_NOOP("Dispatch", "A group cannot overflow into itself."), QStringLiteral("overflow_group_id"));
    const QJsonObject rules = json.value(QStringLiteral("skill_rules")).toObject();
    for (auto it = rules.begin(); it != rules.end(); ++it) {
        const QJsonObject skills = it.value().toObject();
        QMap<QString, int> levels;
        for (auto sk = skills.begin(); sk != skills.end(); ++sk) {
            if (sk.key().trimmed().isEmpty() || !sk.value().isDouble() || sk.value().toInt() < 1)
                return invalid(QT_TRANSLATE_NOOP("Dispatch", "A required skill has a name and a level of at least 1."),
                    QStringLiteral("skill_rules.") + it.key());
            levels.insert(sk.key().trimmed(), sk.value().toInt());
        }
        if (!levels.isEmpty())
            s.skillRules.insert(it.key(), levels);
    }
    return s;
}

QString DispatchAgent::loadText() const
{
    return QStringLiteral("%1/%2").arg(load).arg(capacity);
}

void DispatchAgent::readSkills(const QStringList& userSkills, DispatchAgent& agent)
{
    for (const QString& entry : userSkills) {
        const qsizetype colon = entry.lastIndexOf(QLatin1Char(':'));
        QString name = entry.trimmed();
        int level = 1;
        if (colon > 0) {
            bool ok = false;
            const int parsed = entry.mid(colon + 1).trimmed().toInt(&ok);
            if (ok) {
                name = entry.left(colon).trimmed();
                level = std::max(parsed, 1);
            }
        }
        if (name.compare(QLatin1String("senior"), Qt::CaseInsensitive) == 0 || name == QStringLiteral("资深"))
            agent.senior = true;
        else if (!name.isEmpty())
            agent.skills.insert(name, std::max(level, agent.skills.value(name, 0)));
    }
}

bool Dispatch::eligible(const Ticket& ticket)
{
    return !ticket.groupId.isEmpty() && ticket.status == TicketStatus::New && ticket.assigneeId.isEmpty();
}

bool Dispatch::queueBefore(const DispatchTicket& a, const DispatchTicket& b)
{
    if (a.priority != b.priority)
        return a.priority > b.priority;
    if (a.vip != b.vip)
        return a.vip;
    if (a.slaDueAt.isValid() != b.slaDueAt.isValid())
        return a.slaDueAt.isValid();
    if (a.slaDueAt != b.slaDueAt)
        return a.slaDueAt < b.slaDueAt;
    if (a.eligibleSince != b.eligibleSince)
        return earlier(a.eligibleSince, b.eligibleSince);
    return a.id < b.id;
}

void Dispatch::sortQueue(QList<DispatchTicket>& queue)
{
    std::stable_sort(queue.begin(), queue.end(), &Dispatch::queueBefore);
}

int Dispatch::loadOf(const QList<TicketStatus>& statuses, const DispatchSettings& settings)
{
    return int(std::count_if(statuses.cbegin(), statuses.cend(), [&](TicketStatus s) { return settings.counts(s); }));
}

QMap<QString, int> Dispatch::requiredSkills(const DispatchTicket& ticket, const DispatchSettings& settings)
{
    return settings.skillRules.value(ticket.categoryId);
}

DispatchChoice Dispatch::choose(const DispatchTicket& ticket, const DispatchSettings& settings,
    const QList<DispatchAgent>& agents, const QDateTime& now, const QString& groupName, const QStringList& excluded)
{
    QList<const DispatchAgent*> room; // 在线, under capacity, not a past miss of this ticket
    for (const DispatchAgent& a : agents)
        if (a.presence == Presence::Online && a.load < a.capacity && !excluded.contains(a.id))
            room.append(&a);
    const qint64 waited = waitedMinutes(ticket, now);

    // Required skills first; with nobody skilled free, the whole group once skill_fallback_min has passed.
    const QMap<QString, int> required = requiredSkills(ticket, settings);
    QList<const DispatchAgent*> pool;
    bool skillFallback = false;
    for (const DispatchAgent* a : room)
        if (hasSkills(*a, required))
            pool.append(a);
    if (pool.isEmpty() && !required.isEmpty() && settings.skillFallbackMin > 0 && waited >= settings.skillFallbackMin) {
        pool = room;
        skillFallback = true;
    }
    // A VIP ticket goes to a senior agent; after vip_fallback_min to anyone of the pool.
    bool vipFallback = false;
    if (ticket.vip) {
        QList<const DispatchAgent*> seniors;
        for (const DispatchAgent* a : pool)
            if (a->senior)
                seniors.append(a);
        if (seniors.isEmpty() && waited >= settings.vipFallbackMin)
            vipFallback = true;
        else
            pool = seniors;
    }
    QJsonObject facts {{QStringLiteral("group"), groupName}};
    if (!required.isEmpty())
        facts.insert(QStringLiteral("skills"), QJsonArray::fromStringList(skillNames(required)));
    if (pool.isEmpty()) {
        facts.insert(QStringLiteral("kind"), QStringLiteral("wait"));
        if (ticket.vip && !vipFallback)
            facts.insert(QStringLiteral("vip_wait_min"), settings.vipFallbackMin);
        return {{}, explain(facts), facts};
    }
    const DispatchAgent* best = pool.first();
    for (const DispatchAgent* a : pool)
        if (better(*a, *best, settings.strategy))
            best = a;
    facts.insert(QStringLiteral("kind"), QStringLiteral("offer"));
    facts.insert(QStringLiteral("agent"), best->name.isEmpty() ? best->id : best->name);
    facts.insert(QStringLiteral("strategy"), strategyKey(settings.strategy));
    facts.insert(QStringLiteral("load"), best->load);
    facts.insert(QStringLiteral("capacity"), best->capacity);
    if (skillFallback)
        facts.insert(QStringLiteral("skill_fallback_min"), settings.skillFallbackMin);
    if (ticket.vip) {
        facts.insert(QStringLiteral("vip"), true);
        if (vipFallback)
            facts.insert(QStringLiteral("vip_fallback_min"), settings.vipFallbackMin);
    }
    return {best->id, explain(facts), facts};
}

QString Dispatch::explain(const QJsonObject& facts)
{
    const QString kind = facts.value(QStringLiteral("kind")).toString();
    const QString group = facts.value(QStringLiteral("group")).toString();
    const QString agent = facts.value(QStringLiteral("agent")).toString();
    QStringList skills;
    for (const QJsonValue& v : facts.value(QStringLiteral("skills")).toArray())
        skills.append(v.toString());
    const QString skill = QCoreApplication::translate("Dispatch", "skill %1", nullptr, int(skills.size()))
                              .arg(skills.join(QStringLiteral(", ")));
    if (kind == QLatin1String("wait")) {
        if (facts.contains(QStringLiteral("vip_wait_min")))
            return QCoreApplication::translate("Dispatch", "waiting for a senior agent in %1 (any agent after %n min)",
                nullptr, facts.value(QStringLiteral("vip_wait_min")).toInt())
                .arg(group);
        if (!skills.isEmpty())
            return QCoreApplication::translate("Dispatch", "waiting in %1: nobody with %2 has room").arg(group, skill);
        return QCoreApplication::translate("Dispatch", "waiting in %1: nobody online has room").arg(group);
    }
    if (kind == QLatin1String("reclaim")) {
        QString why
            = QCoreApplication::translate("Dispatch", "offer to %1 not accepted within %n min; back in the queue of %2",
                nullptr, facts.value(QStringLiteral("minutes")).toInt())
                  .arg(agent, group);
        if (facts.contains(QStringLiteral("misses")))
            why += QCoreApplication::translate("Dispatch", "; %1 missed %n offers in a row and is now away", nullptr,
                facts.value(QStringLiteral("misses")).toInt())
                       .arg(agent);
        return why;
    }
    if (kind == QLatin1String("gone"))
        return QCoreApplication::translate("Dispatch", "%1 is no longer online; back in the queue of %2")
            .arg(agent, group);
    if (kind == QLatin1String("overflow"))
        return QCoreApplication::translate(
            "Dispatch", "waited %n min in %1; moved to %2", nullptr, facts.value(QStringLiteral("minutes")).toInt())
            .arg(group, facts.value(QStringLiteral("to_group")).toString());
    const QString load = QStringLiteral("%1/%2")
                             .arg(facts.value(QStringLiteral("load")).toInt())
                             .arg(facts.value(QStringLiteral("capacity")).toInt());
    const QString strategy = facts.value(QStringLiteral("strategy")).toString();
    QString why;
    if (strategy == QLatin1String("least_loaded_pct")) {
        const int capacity = std::max(facts.value(QStringLiteral("capacity")).toInt(), 1);
        const int free = 100 * (capacity - facts.value(QStringLiteral("load")).toInt()) / capacity;
        why = QCoreApplication::translate("Dispatch", "least loaded %1 (%2 % free) in %3")
                  .arg(load)
                  .arg(free)
                  .arg(group);
    } else if (strategy == QLatin1String("round_robin")) {
        why = QCoreApplication::translate("Dispatch", "next in turn in %1, load %2").arg(group, load);
    } else {
        why = QCoreApplication::translate("Dispatch", "least loaded %1 in %2").arg(load, group);
    }
    if (!skills.isEmpty())
        why += facts.contains(QStringLiteral("skill_fallback_min"))
            ? QCoreApplication::translate("Dispatch", ", nobody with %1 had room for %n min", nullptr,
                facts.value(QStringLiteral("skill_fallback_min")).toInt())
                  .arg(skill)
            : QStringLiteral(", ") + skill;
    if (facts.value(QStringLiteral("vip")).toBool())
        why += facts.contains(QStringLiteral("vip_fallback_min"))
            ? QCoreApplication::translate("Dispatch", ", no senior agent had room for %n min", nullptr,
                facts.value(QStringLiteral("vip_fallback_min")).toInt())
            : QCoreApplication::translate("Dispatch", ", senior agent for a VIP customer");
    return QCoreApplication::translate("Dispatch", "assigned to %1: %2").arg(agent, why);
}

QList<std::pair<QString, DispatchChoice>> Dispatch::plan(QList<DispatchTicket> queue, const DispatchSettings& settings,
    QList<DispatchAgent> agents, const QDateTime& now, const QString& groupName)
{
    sortQueue(queue);
    QList<std::pair<QString, DispatchChoice>> out;
    for (const DispatchTicket& ticket : queue) {
        const DispatchChoice choice = choose(ticket, settings, agents, now, groupName);
        if (choice.agentId.isEmpty())
            continue;
        for (DispatchAgent& a : agents)
            if (a.id == choice.agentId) {
                ++a.load;
                a.lastAssignedAt = now;
                a.lastAssignedInGroupAt = now;
            }
        out.append({ticket.id, choice});
    }
    return out;
}

bool Dispatch::overflows(const DispatchTicket& ticket, const DispatchSettings& settings, const QDateTime& now)
{
    return settings.overflowAfterMin > 0 && !settings.overflowGroupId.isEmpty()
        && waitedMinutes(ticket, now) >= settings.overflowAfterMin;
}

} // namespace gongdan
