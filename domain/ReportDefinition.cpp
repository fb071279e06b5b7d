#include "domain/ReportDefinition.h"

#include <QJsonArray>
#include <array>

namespace gongdan {

namespace {

constexpr std::array kGroupings {"group", "agent", "category", "need_type", "priority", "channel", "customer_level",
    "region", "tag", "day", "week", "month"};

constexpr std::array kMeasures {"tickets", "closed", "first_response_avg", "first_response_median", "resolution_avg",
    "resolution_median", "hours_to_close_avg", "sla_attainment", "reopen_rate", "one_touch_rate", "satisfaction_avg",
    "satisfaction_count"};

constexpr std::array kPeriods {"last_days", "this_month", "last_month", "range"};

constexpr int kMaxDays = 3660;

Error invalid(const QString& message, const QString& field)
{
    return Error {QStringLiteral("report.invalid"), message, field};
}

QDateTime startOf(const QDate& day, const QTimeZone& zone)
{
    return QDateTime(day, QTime(0, 0), zone).toUTC();
}

} // namespace

std::pair<QDateTime, QDateTime> ReportPeriod::resolve(const QDateTime& now, const QTimeZone& zone) const
{
    const QDate today = now.toTimeZone(zone).date();
    const QDate firstOfMonth(today.year(), today.month(), 1);
    switch (kind) {
    case Kind::LastDays:
        return {startOf(today.addDays(1 - days), zone), startOf(today.addDays(1), zone)};
    case Kind::ThisMonth:
        return {startOf(firstOfMonth, zone), startOf(firstOfMonth.addMonths(1), zone)};
    case Kind::LastMonth:
        return {startOf(firstOfMonth.addMonths(-1), zone), startOf(firstOfMonth, zone)};
    case Kind::Range:
        return {startOf(from, zone), startOf(to.addDays(1), zone)};
    }
    return {};
}

QJsonObject ReportPeriod::toJson() const
{
    QJsonObject json {{QStringLiteral("kind"), QLatin1String(kPeriods[static_cast<size_t>(kind)])}};
    if (kind == Kind::LastDays)
        json.insert(QStringLiteral("days"), days);
    if (kind == Kind::Range) {
        json.insert(QStringLiteral("from"), from.toString(Qt::ISODate));
        json.insert(QStringLiteral("to"), to.toString(Qt::ISODate));
    }
    return json;
}

Result<ReportPeriod> ReportPeriod::fromJson(const QJsonObject& json)
{
    ReportPeriod period;
    const QString kind = json.value(QStringLiteral("kind")).toString(QStringLiteral("last_days"));
    const auto found
        = std::find_if(kPeriods.cbegin(), kPeriods.cend(), [&kind](const char* k) { return kind == QLatin1String(k); });
    if (found == kPeriods.cend())
        return invalid(ReportDefinition::tr("A period is last_days, this_month, last_month or range."),
            QStringLiteral("period.kind"));
    period.kind = static_cast<Kind>(found - kPeriods.cbegin());
    if (period.kind == Kind::LastDays) {
        const QJsonValue days = json.value(QStringLiteral("days"));
        period.days = days.isUndefined() ? 30 : days.toInt(-1);
        if (!days.isUndefined() && (!days.isDouble() || period.days < 1 || period.days > kMaxDays))
            return invalid(ReportDefinition::tr("The last days are a number from 1 to %1.").arg(kMaxDays),
                QStringLiteral("period.days"));
    }
    if (period.kind == Kind::Range) {
        period.from = QDate::fromString(json.value(QStringLiteral("from")).toString(), Qt::ISODate);
        period.to = QDate::fromString(json.value(QStringLiteral("to")).toString(), Qt::ISODate);
        if (!period.from.isValid())
            return invalid(
                ReportDefinition::tr("The period's first day is a date (YYYY-MM-DD)."), QStringLiteral("period.from"));
        if (!period.to.isValid() || period.to < period.from || period.from.daysTo(period.to) > kMaxDays)
            return invalid(ReportDefinition::tr("The period's last day is a date on or after its first day."),
                QStringLiteral("period.to"));
    }
    return period;
}

QJsonObject ReportDefinition::matchJson() const
{
    QJsonArray list;
    for (const ViewCondition& c : conditions)
        list.append(QJsonObject {{QStringLiteral("field"), c.field}, {QStringLiteral("op"), TicketView::opKey(c.op)},
            {QStringLiteral("value"), c.value}});
    return QJsonObject {{match == MatchMode::All ? QStringLiteral("all") : QStringLiteral("any"), list}};
}

Status ReportDefinition::readMatch(const QJsonObject& match, ReportDefinition& into)
{
    if (match.contains(QStringLiteral("any")) && match.contains(QStringLiteral("all")))
        return invalid(tr("A report matches all or any of its conditions, not both."), QStringLiteral("match"));
    for (auto it = match.constBegin(); it != match.constEnd(); ++it) {
        if (it.key() != QLatin1String("all") && it.key() != QLatin1String("any"))
            return invalid(
                tr("The conditions are given as {\"all\": [...]} or {\"any\": [...]}."), QStringLiteral("match"));
    }
    const MatchMode mode = match.contains(QStringLiteral("any")) ? MatchMode::Any : MatchMode::All;
    const QString modeKey = mode == MatchMode::Any ? QStringLiteral("any") : QStringLiteral("all");
    const QJsonValue listValue = match.value(modeKey);
    if (!listValue.isUndefined() && !listValue.isArray())
        return invalid(tr("The conditions are a list."), QStringLiteral("match.") + modeKey);
    QList<ViewCondition> conditions;
    const QJsonArray list = listValue.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject c = list.at(i).toObject();
        const QString where = QStringLiteral("match.%1[%2]").arg(modeKey).arg(i);
        const QString field = c.value(QStringLiteral("field")).toString();
        if (field.isEmpty()
            || (!ViewFields::kindOf(field, {}) && field != QLatin1String("customer_level")
                && field != QLatin1String("region") && !field.startsWith(QLatin1String("custom_fields."))))
            return invalid(tr("Each condition names a ticket field (status, priority, tags, …), customer_level or "
                              "region."),
                where + QStringLiteral(".field"));
        const auto op = TicketView::opFromKey(c.value(QStringLiteral("op")).toString());
        if (!op)
            return invalid(tr("The operator is one of is, is_not, in, not_in, contains, is_empty, is_not_empty, "
                              "before, after, at_least, at_most."),
                where + QStringLiteral(".op"));
        conditions.append({field, *op, c.value(QStringLiteral("value"))});
    }
    into.match = mode;
    into.conditions = conditions;
    return {};
}

QJsonObject ReportDefinition::toJson() const
{
    QJsonArray measureList;
    for (ReportMeasure measure : measures)
        measureList.append(measureKey(measure));
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
        {QStringLiteral("period"), period.toJson()}, {QStringLiteral("match"), matchJson()},
        {QStringLiteral("grouping"), groupingKey(grouping)}, {QStringLiteral("measures"), measureList},
        {QStringLiteral("version"), version}};
}

Result<ReportDefinition> ReportDefinition::fromJson(const QJsonObject& json)
{
    ReportDefinition report;
    report.id = json.value(QStringLiteral("id")).toString();
    report.name = json.value(QStringLiteral("name")).toString().trimmed();
    report.version = json.value(QStringLiteral("version")).toInt();
    if (report.name.isEmpty() || report.name.size() > 200)
        return invalid(tr("A report needs a name (at most 200 characters)."), QStringLiteral("name"));
    auto period = ReportPeriod::fromJson(json.value(QStringLiteral("period")).toObject());
    if (!period)
        return period.error();
    report.period = period.value();
    if (Status read = readMatch(json.value(QStringLiteral("match")).toObject(), report); !read)
        return read.error();
    const auto grouping = groupingFromKey(json.value(QStringLiteral("grouping")).toString());
    if (!grouping)
        return invalid(tr("A report groups its rows by group, agent, category, need_type, priority, channel, "
                          "customer_level, region, tag, day, week or month."),
            QStringLiteral("grouping"));
    report.grouping = *grouping;
    const QJsonArray measureList = json.value(QStringLiteral("measures")).toArray();
    if (measureList.isEmpty())
        return invalid(tr("A report counts at least one measure."), QStringLiteral("measures"));
    for (qsizetype i = 0; i < measureList.size(); ++i) {
        const auto measure = measureFromKey(measureList.at(i).toString());
        if (!measure)
            return invalid(
                tr("Unknown measure \"%1\".").arg(measureList.at(i).toString()), QStringLiteral("measures[%1]").arg(i));
        if (report.measures.contains(*measure))
            return invalid(tr("Each measure is counted once."), QStringLiteral("measures[%1]").arg(i));
        report.measures.append(*measure);
    }
    return report;
}

QList<ReportDefinition> ReportDefinition::examples()
{
    ReportDefinition efficiency;
    efficiency.id = QStringLiteral("builtin-department-efficiency");
    efficiency.name = tr("Per-department efficiency");
    efficiency.grouping = ReportGrouping::Group;
    efficiency.measures = {ReportMeasure::Tickets, ReportMeasure::Closed, ReportMeasure::HoursToCloseAvg,
        ReportMeasure::FirstResponseAvg, ReportMeasure::SlaAttainment, ReportMeasure::OneTouchRate};
    ReportDefinition satisfaction;
    satisfaction.id = QStringLiteral("builtin-satisfaction-by-type");
    satisfaction.name = tr("Satisfaction per ticket type");
    satisfaction.grouping = ReportGrouping::NeedType;
    satisfaction.measures = {ReportMeasure::Tickets, ReportMeasure::Closed, ReportMeasure::SatisfactionCount,
        ReportMeasure::SatisfactionAvg, ReportMeasure::ReopenRate};
    return {efficiency, satisfaction};
}

QString ReportDefinition::groupingKey(ReportGrouping grouping)
{
    return QLatin1String(kGroupings[static_cast<size_t>(grouping)]);
}

std::optional<ReportGrouping> ReportDefinition::groupingFromKey(const QString& key)
{
    for (size_t i = 0; i < kGroupings.size(); ++i) {
        if (key == QLatin1String(kGroupings[i]))
            return static_cast<ReportGrouping>(i);
    }
    return std::nullopt;
}

QList<ReportGrouping> ReportDefinition::groupings()
{
    QList<ReportGrouping> all;
    for (size_t i = 0; i < kGroupings.size(); ++i)
        all.append(static_cast<ReportGrouping>(i));
    return all;
}

QString ReportDefinition::measureKey(ReportMeasure measure)
{
    return QLatin1String(kMeasures[static_cast<size_t>(measure)]);
}

std::optional<ReportMeasure> ReportDefinition::measureFromKey(const QString& key)
{
    for (size_t i = 0; i < kMeasures.size(); ++i) {
        if (key == QLatin1String(kMeasures[i]))
            return static_cast<ReportMeasure>(i);
    }
    return std::nullopt;
}

QList<ReportMeasure> ReportDefinition::allMeasures()
{
    QList<ReportMeasure> all;
    for (size_t i = 0; i < kMeasures.size(); ++i)
        all.append(static_cast<ReportMeasure>(i));
    return all;
}

bool ReportDefinition::isRate(ReportMeasure measure)
{
    return measure == ReportMeasure::SlaAttainment || measure == ReportMeasure::ReopenRate
        || measure == ReportMeasure::OneTouchRate;
}

QString ReportDefinition::groupingName(ReportGrouping grouping)
{
    switch (grouping) {
    case ReportGrouping::Group:
        return tr("Group");
    case ReportGrouping::Agent:
        return tr("Agent");
    case ReportGrouping::Category:
        return tr("Category");
    case ReportGrouping::NeedType:
        return tr("Need type");
    case ReportGrouping::Priority:
        return tr("Priority");
    case ReportGrouping::Channel:
        return tr("Channel");
    case ReportGrouping::CustomerLevel:
        return tr("Customer level");
    case ReportGrouping::Region:
        return tr("Region");
    case ReportGrouping::Tag:
        return tr("Tag");
    case ReportGrouping::Day:
        return tr("Day");
    case ReportGrouping::Week:
        return tr("Week");
    case ReportGrouping::Month:
        return tr("Month");
    }
    return {};
}

QString ReportDefinition::measureName(ReportMeasure measure)
{
    switch (measure) {
    case ReportMeasure::Tickets:
        return tr("Tickets");
    case ReportMeasure::Closed:
        return tr("Closed");
    case ReportMeasure::FirstResponseAvg:
        return tr("First response, avg (min)");
    case ReportMeasure::FirstResponseMedian:
        return tr("First response, median (min)");
    case ReportMeasure::ResolutionAvg:
        return tr("Resolution, avg (min)");
    case ReportMeasure::ResolutionMedian:
        return tr("Resolution, median (min)");
    case ReportMeasure::HoursToCloseAvg:
        return tr("Hours to close, avg");
    case ReportMeasure::SlaAttainment:
        return tr("SLA attainment");
    case ReportMeasure::ReopenRate:
        return tr("Reopen rate (7 days)");
    case ReportMeasure::OneTouchRate:
        return tr("One-touch rate");
    case ReportMeasure::SatisfactionAvg:
        return tr("Satisfaction, avg (1-5)");
    case ReportMeasure::SatisfactionCount:
        return tr("Satisfaction scores");
    }
    return {};
}

} // namespace gongdan
