#pragma once

#include "domain/Result.h"
#include "domain/TicketView.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QTimeZone>

namespace gongdan {

/// What a report's rows are: one row per group, agent, category, … or per day, week or month of creation.
enum class ReportGrouping {
    Group,
    Agent,
    Category,
    NeedType,
    Priority,
    Channel,
    CustomerLevel,
    Region,
    Tag,
    Day,
    Week,
    Month
};

/// What a report counts per row (workflows.md §9.6 for the definitions).
enum class ReportMeasure {
    Tickets, ///< tickets created in the period
    Closed, ///< of them, closed now
    FirstResponseAvg, ///< minutes to the first response (business minutes under an SLA policy, else wall minutes)
    FirstResponseMedian,
    ResolutionAvg, ///< minutes to resolution (business under a policy, else wall), closed tickets
    ResolutionMedian,
    HoursToCloseAvg, ///< wall hours from creation to closing, closed tickets
    SlaAttainment, ///< SLA 达标率: clocks fulfilled without breach / clocks fulfilled or breached (running excluded)
    ReopenRate, ///< tickets reopened within 7 days of being closed / tickets closed at least once
    OneTouchRate, ///< closed tickets with < 2 public agent replies / closed tickets
    SatisfactionAvg, ///< average 1–5 score over the tickets that have one
    SatisfactionCount ///< tickets with a score
};

/// The span a report covers: the last N days (up to now), this or last month, or from one date to another (both
/// included), in the team's time zone. A ticket belongs to the span when it was created in it.
struct ReportPeriod {
    enum class Kind { LastDays, ThisMonth, LastMonth, Range };
    Kind kind = Kind::LastDays;
    int days = 30;
    QDate from, to;

    /// [start, end) as instants.
    std::pair<QDateTime, QDateTime> resolve(const QDateTime& now, const QTimeZone& zone) const;
    QJsonObject toJson() const;
    static Result<ReportPeriod> fromJson(const QJsonObject& json);
};

/// A saved report (报表定义): its period, the view condition language's filter (all or any of the conditions), what
/// its rows are and what each row counts. Saved as the team record kind "report" (`report.upsert`, supervisors and
/// admins); the examples ship built in (ids "builtin-…") and a saved record with the same id replaces one.
struct ReportDefinition {
    Q_DECLARE_TR_FUNCTIONS(ReportDefinition)

public:
    QString id;
    QString name;
    ReportPeriod period;
    MatchMode match = MatchMode::All;
    QList<ViewCondition> conditions;
    ReportGrouping grouping = ReportGrouping::Group;
    QList<ReportMeasure> measures;
    int version = 0;

    bool builtIn() const { return id.startsWith(QLatin1String("builtin-")); }
    QJsonObject toJson() const;
    /// Checks the name, period, conditions (the fields a view can filter on, or customer_level / region), grouping
    /// and measures; the Error names the offending field ("period.days", "match.all[1].op", "measures[0]", …).
    static Result<ReportDefinition> fromJson(const QJsonObject& json);
    /// The match object alone ({"all": [...]} or {"any": [...]}), as the report editor shows it.
    QJsonObject matchJson() const;
    /// Reads a match object into `match` and `conditions`.
    static Status readMatch(const QJsonObject& match, ReportDefinition& into);

    /// 各部门处理效率 (avg hours to close per group) and 各类工单满意度 (satisfaction per need type).
    static QList<ReportDefinition> examples();

    static QString groupingKey(ReportGrouping grouping);
    static std::optional<ReportGrouping> groupingFromKey(const QString& key);
    static QList<ReportGrouping> groupings();
    static QString measureKey(ReportMeasure measure);
    static std::optional<ReportMeasure> measureFromKey(const QString& key);
    static QList<ReportMeasure> allMeasures();
    /// Translated names for people.
    static QString groupingName(ReportGrouping grouping);
    static QString measureName(ReportMeasure measure);
    /// A rate (0–1), shown as a percentage.
    static bool isRate(ReportMeasure measure);
};

} // namespace gongdan
