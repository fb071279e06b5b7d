#include "domain/Escalation.h"

#include "domain/Ticket.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace gongdan {

QJsonObject EscalationRule::toJson() const
{
    QJsonArray list;
    for (const EscalationLevel& l : levels) {
        QJsonObject level {{QStringLiteral("level"), l.level}, {QStringLiteral("offset_min"), l.offsetMinutes},
            {QStringLiteral("offset_basis"),
                l.businessOffset ? QStringLiteral("business") : QStringLiteral("calendar")},
            {QStringLiteral("audience"), QJsonArray::fromStringList(l.audience)},
            {QStringLiteral("channels"), QJsonArray::fromStringList(l.channels)},
            {QStringLiteral("actions"), l.actions},
            {QStringLiteral("quiet"),
                l.respectCalendar ? QStringLiteral("respect_calendar") : QStringLiteral("always")}};
        if (l.repeatEveryMinutes > 0)
            level.insert(QStringLiteral("repeat_every_min"), l.repeatEveryMinutes);
        list.append(level);
    }
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("policy_id"), policyId},
        {QStringLiteral("metric"), metric}, {QStringLiteral("levels"), list}};
}

Result<EscalationRule> EscalationRule::fromJson(const QJsonObject& json)
{
    const auto invalid = [](const char* text, const QString& field) {
        return Error {QStringLiteral("escalation.invalid"), QCoreApplication::translate("EscalationRule", text), field};
    };
    EscalationRule rule;
    rule.id = json.value(QStringLiteral("id")).toString();
    rule.policyId = json.value(QStringLiteral("policy_id")).toString();
    rule.metric = json.value(QStringLiteral("metric")).toString();
    static const QStringList metrics {QStringLiteral("first_response"), QStringLiteral("next_response"),
        QStringLiteral("resolution"), QStringLiteral("accept")};
    if (!metrics.contains(rule.metric))
        return invalid(
            QT_TRANSLATE_NOOP("EscalationRule", "The metric is first_response, next_response, resolution or accept."),
            QStringLiteral("metric"));
    const QJsonArray list = json.value(QStringLiteral("levels")).toArray();
    if (list.isEmpty())
        return invalid(
            QT_TRANSLATE_NOOP("EscalationRule", "A chain needs at least one level."), QStringLiteral("levels"));
    QSet<int> seen;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject l = list.at(i).toObject();
        const QString field = QStringLiteral("levels[%1]").arg(i);
        EscalationLevel level;
        level.level = l.value(QStringLiteral("level")).toInt(static_cast<int>(i) + 1);
        if (level.level < 1 || seen.contains(level.level))
            return invalid(QT_TRANSLATE_NOOP("EscalationRule", "Levels are numbered 1, 2, 3 … each once."),
                field + QStringLiteral(".level"));
        seen.insert(level.level);
        level.offsetMinutes = l.value(QStringLiteral("offset_min")).toInt();
        const QString basis = l.value(QStringLiteral("offset_basis")).toString(QStringLiteral("calendar"));
        if (basis != QLatin1String("business") && basis != QLatin1String("calendar"))
            return invalid(
                QT_TRANSLATE_NOOP("EscalationRule", "The offset is counted in business or calendar minutes."),
                field + QStringLiteral(".offset_basis"));
        level.businessOffset = basis == QLatin1String("business");
        for (const QJsonValue& who : l.value(QStringLiteral("audience")).toArray()) {
            const QString name = who.toString();
            static const QStringList roles {QStringLiteral("assignee"), QStringLiteral("group_lead"),
                QStringLiteral("supervisor"), QStringLiteral("manager")};
            if (!roles.contains(name) && !(name.startsWith(QLatin1String("user:")) && name.size() > 5))
                return invalid(QT_TRANSLATE_NOOP("EscalationRule",
                                   "The audience is assignee, group_lead, supervisor, manager or user:<id>."),
                    field + QStringLiteral(".audience"));
            level.audience.append(name);
        }
        for (const QJsonValue& channel : l.value(QStringLiteral("channels")).toArray())
            level.channels.append(channel.toString());
        level.actions = l.value(QStringLiteral("actions")).toObject();
        for (auto it = level.actions.constBegin(); it != level.actions.constEnd(); ++it) {
            const bool known = (it.key() == QLatin1String("priority")
                                   && EnumText<Priority>::fromKey(it.value().toString()).has_value())
                || ((it.key() == QLatin1String("add_tag") || it.key() == QLatin1String("group_id"))
                    && !it.value().toString().trimmed().isEmpty());
            if (!known)
                return invalid(QT_TRANSLATE_NOOP("EscalationRule",
                                   "The actions are priority (a priority), add_tag (a tag) and group_id (a group)."),
                    field + QStringLiteral(".actions.") + it.key());
        }
        const QString quiet = l.value(QStringLiteral("quiet")).toString(QStringLiteral("always"));
        if (quiet != QLatin1String("respect_calendar") && quiet != QLatin1String("always"))
            return invalid(QT_TRANSLATE_NOOP("EscalationRule", "Quiet hours are respect_calendar or always."),
                field + QStringLiteral(".quiet"));
        level.respectCalendar = quiet == QLatin1String("respect_calendar");
        const QJsonValue repeat = l.value(QStringLiteral("repeat_every_min"));
        level.repeatEveryMinutes = repeat.toInt(0);
        if (!(repeat.isUndefined() || repeat.isNull() || (repeat.isDouble() && repeat.toDouble() == 0))
            && (!repeat.isDouble() || repeat.toDouble() != level.repeatEveryMinutes
                || level.repeatEveryMinutes < EscalationLevel::kMinRepeatMinutes
                || level.repeatEveryMinutes > EscalationLevel::kMaxRepeatMinutes))
            return invalid(
                QT_TRANSLATE_NOOP("EscalationRule", "A level repeats every 5 to 1440 minutes, or not at all (0)."),
                field + QStringLiteral(".repeat_every_min"));
        rule.levels.append(level);
    }
    return rule;
}

QString EscalationPlanner::keyOf(const EscalationClock& clock, int level, int repeat)
{
    const QString key = QStringLiteral("%1:%2:%3:%4").arg(clock.ticketId, clock.metric).arg(clock.cycle).arg(level);
    return repeat > 0 ? key + QStringLiteral(":r") + QString::number(repeat) : key;
}

namespace {

/// The latest repetition of a fired level due by `now` (its number and instant), if any.
std::optional<std::pair<int, qint64>> latestRepeat(const EscalationLevel& level, qint64 at, qint64 now)
{
    if (level.repeatEveryMinutes <= 0 || now < at)
        return std::nullopt;
    const qint64 every = qint64(level.repeatEveryMinutes) * 60;
    const qint64 n = (now - at) / every;
    if (n < 1)
        return std::nullopt;
    return std::pair<int, qint64>(static_cast<int>(n), at + n * every);
}

} // namespace

std::optional<qint64> EscalationPlanner::instantOf(
    const EscalationClock& clock, const EscalationLevel& level, const BusinessCalendar& calendar)
{
    if (!clock.dueAt)
        return std::nullopt; // paused: re-armed when it has a due time again
    const qint64 offset = qint64(level.offsetMinutes) * 60;
    if (!level.businessOffset || offset == 0)
        return *clock.dueAt + offset;
    const Result<qint64> at = offset > 0 ? calendar.addBusinessSeconds(*clock.dueAt, offset)
                                         : calendar.subtractBusinessSeconds(*clock.dueAt, -offset);
    return at ? std::optional<qint64>(at.value()) : std::nullopt;
}

QList<EscalationStep> EscalationPlanner::plan(const EscalationClock& clock, const EscalationRule& rule,
    const BusinessCalendar& calendar, qint64 now, const QSet<QString>& fired)
{
    QList<EscalationStep> steps;
    for (const EscalationLevel& level : rule.levels) {
        const QString key = keyOf(clock, level.level);
        const std::optional<qint64> at = instantOf(clock, level, calendar);
        if (fired.contains(key)) {
            // This cycle's level went out once: never again (T-ESC-03, T-ESC-05); only its repetitions, each once,
            // the latest one due (after downtime, one, not every one missed).
            if (clock.fulfilled || !at)
                continue;
            const auto repeat = latestRepeat(level, *at, now);
            if (!repeat || fired.contains(keyOf(clock, level.level, repeat->first)))
                continue;
            if (level.respectCalendar) {
                const Result<qint64> opens = calendar.nextOpening(repeat->second);
                if (!opens || opens.value() > repeat->second)
                    continue; // closed hours: no pile of repetitions for the morning
            }
            EscalationStep again {EscalationStep::Kind::Fire, keyOf(clock, level.level, repeat->first), level.level,
                repeat->second, repeat->second, now - repeat->second > kLateAfterSeconds, false};
            again.repeat = repeat->first;
            steps.append(again);
            continue;
        }
        if (clock.fulfilled) {
            // Fulfilled before the level came: it is cancelled (T-ESC-02), once, for the audit trail.
            if (at && *at > now)
                steps.append({EscalationStep::Kind::Cancel, key, level.level, *at, *at, false, false});
            continue;
        }
        if (!at || *at > now)
            continue;
        EscalationStep step {
            EscalationStep::Kind::Fire, key, level.level, *at, *at, now - *at > kLateAfterSeconds, false};
        if (level.respectCalendar) {
            const Result<qint64> opens = calendar.nextOpening(std::max(*at, now));
            if (opens && opens.value() > now) {
                step.notifyAt = opens.value(); // the actions run now; the notification waits (T-ESC-06)
                step.held = true;
            }
        }
        steps.append(step);
    }
    return steps;
}

std::optional<qint64> EscalationPlanner::nextInstant(const EscalationClock& clock, const EscalationRule& rule,
    const BusinessCalendar& calendar, qint64 now, const QSet<QString>& fired)
{
    if (clock.fulfilled)
        return std::nullopt;
    std::optional<qint64> next;
    for (const EscalationLevel& level : rule.levels) {
        std::optional<qint64> at = instantOf(clock, level, calendar);
        if (at && fired.contains(keyOf(clock, level.level))) {
            if (level.repeatEveryMinutes <= 0)
                continue;
            const qint64 every = qint64(level.repeatEveryMinutes) * 60;
            at = *at + ((std::max<qint64>(now, *at) - *at) / every + 1) * every; // the next repetition
        }
        if (at && *at > now && (!next || *at < *next))
            next = at;
    }
    return next;
}

} // namespace gongdan
