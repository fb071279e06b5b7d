#include "domain/SlaPolicy.h"

#include "domain/TicketMatch.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>

namespace gongdan {

int SlaTargets::minutes(SlaMetric metric) const
{
    switch (metric) {
    case SlaMetric::FirstResponse:
        return firstResponse;
    case SlaMetric::NextResponse:
        return nextResponse;
    case SlaMetric::Resolution:
        return resolution;
    case SlaMetric::Accept:
        return accept;
    }
    return 0;
}

QString SlaPolicy::metricKey(SlaMetric metric)
{
    switch (metric) {
    case SlaMetric::FirstResponse:
        return QStringLiteral("first_response");
    case SlaMetric::NextResponse:
        return QStringLiteral("next_response");
    case SlaMetric::Resolution:
        return QStringLiteral("resolution");
    case SlaMetric::Accept:
        return QStringLiteral("accept");
    }
    return {};
}

SlaBehavior SlaPolicy::defaultBehavior(TicketStatus status)
{
    switch (status) {
    case TicketStatus::New:
    case TicketStatus::InProgress:
    case TicketStatus::FollowUp:
        return SlaBehavior::Run;
    case TicketStatus::WaitingCustomer:
        return SlaBehavior::Pause;
    case TicketStatus::Closed:
    case TicketStatus::Spam:
    case TicketStatus::Merged:
        return SlaBehavior::Stop;
    }
    return SlaBehavior::Run;
}

SlaBehavior SlaPolicy::behaviorOf(TicketStatus status) const
{
    return behaviorSettable(status) ? statusBehavior.value(status, defaultBehavior(status)) : defaultBehavior(status);
}

QString SlaPolicy::behaviorKey(SlaBehavior behavior)
{
    switch (behavior) {
    case SlaBehavior::Run:
        return QStringLiteral("run");
    case SlaBehavior::Pause:
        return QStringLiteral("pause");
    case SlaBehavior::Stop:
        return QStringLiteral("stop");
    }
    return {};
}

bool SlaPolicy::behaviorSettable(TicketStatus status)
{
    return defaultBehavior(status) != SlaBehavior::Stop;
}

QJsonObject SlaPolicy::toJson() const
{
    QJsonArray conditionList;
    for (const ViewCondition& c : conditions)
        conditionList.append(QJsonObject {{QStringLiteral("field"), c.field},
            {QStringLiteral("op"), TicketView::opKey(c.op)}, {QStringLiteral("value"), c.value}});
    QJsonObject targetMap;
    for (auto it = targets.constBegin(); it != targets.constEnd(); ++it) {
        QJsonObject target {{QStringLiteral("first_response"), it->firstResponse},
            {QStringLiteral("next_response"), it->nextResponse}, {QStringLiteral("resolution"), it->resolution}};
        if (it->accept > 0)
            target.insert(QStringLiteral("accept"), it->accept);
        targetMap.insert(EnumText<Priority>::key(it.key()), target);
    }
    QJsonObject json {{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
        {QStringLiteral("position"), position}, {QStringLiteral("enabled"), enabled},
        {QStringLiteral("match"),
            QJsonObject {{match == MatchMode::All ? QStringLiteral("all") : QStringLiteral("any"), conditionList}}},
        {QStringLiteral("calendar_id"), calendarId}, {QStringLiteral("targets"), targetMap},
        {QStringLiteral("warn"),
            QJsonObject {
                {QStringLiteral("percent"), warnPercent}, {QStringLiteral("minutes_before"), warnMinutesBefore}}},
        {QStringLiteral("pause_first_response"), pauseFirstResponse}, {QStringLiteral("version"), version}};
    if (!statusBehavior.isEmpty()) {
        QJsonObject behaviors;
        for (auto it = statusBehavior.constBegin(); it != statusBehavior.constEnd(); ++it)
            behaviors.insert(EnumText<TicketStatus>::key(it.key()), behaviorKey(it.value()));
        json.insert(QStringLiteral("status_behavior"), behaviors);
    }
    return json;
}

Result<SlaPolicy> SlaPolicy::fromJson(const QJsonObject& json)
{
    const auto invalid = [](const char* text, const QString& field) {
        return Error {QStringLiteral("sla.invalid"), QCoreApplication::translate("SlaPolicy", text), field};
    };
    SlaPolicy policy;
    policy.id = json.value(QStringLiteral("id")).toString();
    policy.name = json.value(QStringLiteral("name")).toString().trimmed();
    if (policy.name.isEmpty())
        return invalid(QT_TRANSLATE_NOOP("SlaPolicy", "An SLA policy needs a name."), QStringLiteral("name"));
    policy.position = json.value(QStringLiteral("position")).toInt();
    policy.enabled = json.value(QStringLiteral("enabled")).toBool(true);
    policy.calendarId = json.value(QStringLiteral("calendar_id")).toString();
    policy.version = json.value(QStringLiteral("version")).toInt();
    const QJsonObject match = json.value(QStringLiteral("match")).toObject();
    if (match.contains(QStringLiteral("any")) && match.contains(QStringLiteral("all")))
        return invalid(QT_TRANSLATE_NOOP("SlaPolicy", "A policy matches all or any of its conditions, not both."),
            QStringLiteral("match"));
    policy.match = match.contains(QStringLiteral("any")) ? MatchMode::Any : MatchMode::All;
    const QJsonArray list
        = match.value(policy.match == MatchMode::Any ? QStringLiteral("any") : QStringLiteral("all")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject c = list.at(i).toObject();
        const QString where = QStringLiteral("match.%1[%2]")
                                  .arg(policy.match == MatchMode::Any ? QStringLiteral("any") : QStringLiteral("all"))
                                  .arg(i);
        const QString field = c.value(QStringLiteral("field")).toString();
        if (field.isEmpty()
            || (!ViewFields::kindOf(field, {}) && field != QLatin1String("customer_level")
                && !field.startsWith(QLatin1String("custom_fields."))))
            return invalid(QT_TRANSLATE_NOOP("SlaPolicy",
                               "Each condition names a ticket field (status, priority, tags, …) or customer_level."),
                where + QStringLiteral(".field"));
        const auto op = TicketView::opFromKey(c.value(QStringLiteral("op")).toString());
        if (!op)
            return invalid(
                QT_TRANSLATE_NOOP("SlaPolicy",
                    "The operator is one of is, is_not, in, not_in, contains, is_empty, is_not_empty, before, "
                    "after, at_least, at_most."),
                where + QStringLiteral(".op"));
        policy.conditions.append({field, *op, c.value(QStringLiteral("value"))});
    }
    const QJsonObject targetMap = json.value(QStringLiteral("targets")).toObject();
    for (auto it = targetMap.constBegin(); it != targetMap.constEnd(); ++it) {
        const auto priority = EnumText<Priority>::fromKey(it.key());
        if (!priority)
            return invalid(
                QT_TRANSLATE_NOOP("SlaPolicy", "Targets are given per priority: normal, urgent or critical."),
                QStringLiteral("targets.") + it.key());
        const QJsonObject t = it.value().toObject();
        for (auto key = t.constBegin(); key != t.constEnd(); ++key) {
            static const QStringList known {QStringLiteral("first_response"), QStringLiteral("next_response"),
                QStringLiteral("resolution"), QStringLiteral("accept"), QStringLiteral("update_mode")};
            if (!known.contains(key.key()) || (key.key() != QLatin1String("update_mode") && !key.value().isDouble()))
                return invalid(
                    QT_TRANSLATE_NOOP("SlaPolicy",
                        "A priority's targets are first_response, next_response, resolution and accept, in minutes."),
                    QStringLiteral("targets.%1.%2").arg(it.key(), key.key()));
        }
        SlaTargets targets {t.value(QStringLiteral("first_response")).toInt(),
            t.value(QStringLiteral("next_response")).toInt(), t.value(QStringLiteral("resolution")).toInt(),
            t.value(QStringLiteral("accept")).toInt()};
        if (targets.firstResponse < 0 || targets.nextResponse < 0 || targets.resolution < 0 || targets.accept < 0)
            return invalid(QT_TRANSLATE_NOOP("SlaPolicy", "A target is a number of minutes from 0 (0: no clock)."),
                QStringLiteral("targets.") + it.key());
        policy.targets.insert(*priority, targets);
    }
    const QJsonObject warn = json.value(QStringLiteral("warn")).toObject();
    policy.warnPercent = warn.value(QStringLiteral("percent")).toInt(75);
    policy.warnMinutesBefore = warn.value(QStringLiteral("minutes_before")).toInt(15);
    if (policy.warnPercent < 1 || policy.warnPercent > 100)
        return invalid(QT_TRANSLATE_NOOP("SlaPolicy", "The warning share is a percentage from 1 to 100."),
            QStringLiteral("warn.percent"));
    if (policy.warnMinutesBefore < 0)
        return invalid(QT_TRANSLATE_NOOP("SlaPolicy", "The warning comes 0 or more minutes before the due time."),
            QStringLiteral("warn.minutes_before"));
    policy.pauseFirstResponse = json.value(QStringLiteral("pause_first_response")).toBool(true);
    const QJsonObject behaviors = json.value(QStringLiteral("status_behavior")).toObject();
    for (auto it = behaviors.constBegin(); it != behaviors.constEnd(); ++it) {
        const QString field = QStringLiteral("status_behavior.") + it.key();
        const auto status = EnumText<TicketStatus>::fromKey(it.key());
        if (!status)
            return invalid(QT_TRANSLATE_NOOP("SlaPolicy", "Unknown status."), field);
        if (!behaviorSettable(*status))
            return invalid(
                QT_TRANSLATE_NOOP("SlaPolicy", "Closed, spam and merged tickets always stop the clocks."), field);
        const QString key = it.value().toString();
        if (key != QLatin1String("run") && key != QLatin1String("pause"))
            return invalid(QT_TRANSLATE_NOOP("SlaPolicy", "An open status runs or pauses the clocks."), field);
        policy.statusBehavior.insert(*status, key == QLatin1String("run") ? SlaBehavior::Run : SlaBehavior::Pause);
    }
    return policy;
}

const SlaPolicy* SlaPolicy::choose(const QList<SlaPolicy>& policies, const Ticket& ticket, const QJsonObject& extra)
{
    const SlaPolicy* chosen = nullptr;
    for (const SlaPolicy& policy : policies) {
        if (!policy.enabled || !TicketMatch::matches(ticket, policy.match, policy.conditions, extra))
            continue;
        if (!chosen || policy.position < chosen->position)
            chosen = &policy;
    }
    return chosen;
}

} // namespace gongdan
