#pragma once

#include "domain/Result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QTimeZone>
#include <array>

namespace gongdan {

/// An open interval of a day in the calendar's wall clock: minutes after midnight, `end` up to 1440 ("24:00").
struct DayInterval {
    int start = 0;
    int end = 0;
    bool operator==(const DayInterval&) const = default;
};

/// A closed span of instants in UTC seconds since the epoch: [from, to).
struct InstantSpan {
    qint64 from = 0;
    qint64 to = 0;
    bool operator==(const InstantSpan&) const = default;
};

/// When a team works (docs/ARCHITECTURE.md "Business calendars"; workflows.md §0): weekly hours with several
/// intervals a day in an IANA time zone, holidays that close whole dates, and workdays that replace a date's
/// hours (调休 make-up working days, half days; a date in both is a workday). SLA clocks count business time in
/// it: `addBusinessSeconds` and `businessSecondsBetween` work at second precision on UTC instants, mapping each
/// local date's intervals through the time zone, so business hours on a DST day follow the wall clock and a
/// 24/7 calendar counts real elapsed time. A local time that does not exist (the spring gap) moves to the next
/// valid instant; an ambiguous one (the autumn fold) takes its first occurrence.
class BusinessCalendar {
public:
    /// Reads the JSON of workflows.md §0 (the REST and file shape). Every error names the field.
    static Result<BusinessCalendar> fromJson(const QJsonObject& json);
    QJsonObject toJson() const;
    /// Around the clock, every day, in `zone` (the calendar of a policy that names none).
    static BusinessCalendar allDay(const QByteArray& zone = QByteArrayLiteral("Asia/Shanghai"));

    QString id;
    QString name;
    int version = 0;

    QTimeZone zone() const { return m_zone; }
    QByteArray zoneId() const { return m_zone.id(); }
    /// The open intervals of `date` (Monday = weekday 1): a workday's own, none on a holiday, else the week's.
    QList<DayInterval> intervalsOn(const QDate& date) const;
    const QMap<QDate, QString>& holidays() const { return m_holidays; }
    const QMap<QDate, QList<DayInterval>>& workdays() const { return m_workdays; }
    void setWeekday(int weekday, QList<DayInterval> intervals);
    void addHoliday(const QDate& date, const QString& holiday) { m_holidays.insert(date, holiday); }
    void addWorkday(const QDate& date, QList<DayInterval> intervals) { m_workdays.insert(date, intervals); }
    void removeHoliday(const QDate& date) { m_holidays.remove(date); }
    void removeWorkday(const QDate& date) { m_workdays.remove(date); }

    /// The instant at which `seconds` business seconds have elapsed after `from`, not counting `pauses`
    /// (spans of instants, in any order, may overlap). A deadline that lands exactly at a closing time is that
    /// closing time. An error when the calendar never opens within ten years of `from`.
    Result<qint64> addBusinessSeconds(qint64 from, qint64 seconds, const QList<InstantSpan>& pauses = {}) const;
    /// The instant `seconds` business seconds before `to` (a warning level's instant before a due time).
    Result<qint64> subtractBusinessSeconds(qint64 to, qint64 seconds) const;
    /// `at` when the calendar is open then, else the instant it next opens (when a held notification goes out).
    Result<qint64> nextOpening(qint64 at) const;
    /// The business seconds in [from, to), not counting `pauses`.
    qint64 businessSecondsBetween(qint64 from, qint64 to, const QList<InstantSpan>& pauses = {}) const;
    /// The open spans of the local date `date`, as UTC instants.
    QList<InstantSpan> openSpansOn(const QDate& date) const;
    /// The UTC instant of `minute` after local midnight of `date` (1440: the next date's midnight); a time in a
    /// DST gap gives the gap's end, one in a fold its first occurrence.
    qint64 instantOf(const QDate& date, int minute) const;

private:
    QTimeZone m_zone {QByteArrayLiteral("Asia/Shanghai")};
    std::array<QList<DayInterval>, 7> m_weekly; ///< Monday first
    QMap<QDate, QString> m_holidays;
    QMap<QDate, QList<DayInterval>> m_workdays;
};

/// Instants as the calendar tool and the REST preview write and read them: ISO 8601 with an offset or `Z` in,
/// `2024-09-29T04:00:00Z` out; second precision.
namespace instant {
Result<qint64> parse(const QString& text, const QString& field);
QString format(qint64 secondsSinceEpoch);
/// `FROM/TO`, two instants: a pause of the due-time tool.
Result<InstantSpan> parseSpan(const QString& text, const QString& field);
} // namespace instant

} // namespace gongdan
