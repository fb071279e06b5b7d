#include "domain/BusinessCalendar.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>

namespace gongdan {

namespace {

const char* const kDays[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr int kDayMinutes = 24 * 60;
constexpr int kSearchDays = 3653; ///< how far a deadline is looked for: ten years

Error invalid(const QString& message, const QString& field)
{
    return Error {QStringLiteral("calendar.invalid"), message, field};
}

/// "HH:MM" → minutes after midnight; "24:00" only where a day ends.
std::optional<int> minutesOf(const QString& text, bool end)
{
    static const QRegularExpression shape(QStringLiteral("^([0-9]{2}):([0-9]{2})$"));
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const int hours = match.captured(1).toInt();
    const int minutes = match.captured(2).toInt();
    if (minutes > 59 || hours > 24 || (hours == 24 && (minutes != 0 || !end)))
        return std::nullopt;
    return hours * 60 + minutes;
}

QString textOf(int minutes)
{
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

Result<QList<DayInterval>> intervalsFrom(const QJsonValue& value, const QString& field)
{
    if (!value.isArray() && !value.isNull() && !value.isUndefined())
        return invalid(QCoreApplication::translate(
                           "BusinessCalendar", "A day's hours are a list of [\"HH:MM\", \"HH:MM\"] pairs."),
            field);
    QList<DayInterval> intervals;
    const QJsonArray list = value.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("%1[%2]").arg(field).arg(i);
        const QJsonArray pair = list.at(i).toArray();
        if (!list.at(i).isArray() || pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString())
            return invalid(QCoreApplication::translate(
                               "BusinessCalendar", "Each interval is a pair of times such as [\"09:00\", \"18:00\"]."),
                where);
        const auto start = minutesOf(pair.at(0).toString(), false);
        const auto end = minutesOf(pair.at(1).toString(), true);
        if (!start || !end)
            return invalid(QCoreApplication::translate("BusinessCalendar",
                               "Times are written HH:MM, from 00:00 to 24:00 (24:00 only as an end)."),
                where);
        if (*end <= *start)
            return invalid(QCoreApplication::translate("BusinessCalendar", "An interval ends after it starts."), where);
        intervals.append({*start, *end});
    }
    std::sort(intervals.begin(), intervals.end(),
        [](const DayInterval& a, const DayInterval& b) { return a.start < b.start; });
    for (qsizetype i = 1; i < intervals.size(); ++i) {
        if (intervals.at(i).start < intervals.at(i - 1).end)
            return invalid(
                QCoreApplication::translate("BusinessCalendar", "A day's intervals must not overlap."), field);
    }
    return intervals;
}

QJsonArray intervalsJson(const QList<DayInterval>& intervals)
{
    QJsonArray list;
    for (const DayInterval& interval : intervals)
        list.append(QJsonArray {textOf(interval.start), textOf(interval.end)});
    return list;
}

Result<QDate> dateOf(const QString& text, const QString& field)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid() || text.size() != 10)
        return invalid(QCoreApplication::translate("BusinessCalendar", "Dates are written YYYY-MM-DD."), field);
    return date;
}

/// `pauses` sorted by start, overlapping ones joined, empty ones dropped.
QList<InstantSpan> merged(QList<InstantSpan> pauses)
{
    pauses.erase(std::remove_if(pauses.begin(), pauses.end(), [](const InstantSpan& p) { return p.to <= p.from; }),
        pauses.end());
    std::sort(pauses.begin(), pauses.end(), [](const InstantSpan& a, const InstantSpan& b) { return a.from < b.from; });
    QList<InstantSpan> out;
    for (const InstantSpan& pause : std::as_const(pauses)) {
        if (!out.isEmpty() && pause.from <= out.last().to)
            out.last().to = std::max(out.last().to, pause.to);
        else
            out.append(pause);
    }
    return out;
}

/// The parts of [from, to) outside the (merged) pauses.
QList<InstantSpan> without(qint64 from, qint64 to, const QList<InstantSpan>& pauses)
{
    QList<InstantSpan> pieces;
    qint64 at = from;
    for (const InstantSpan& pause : pauses) {
        if (pause.to <= at)
            continue;
        if (pause.from >= to)
            break;
        if (pause.from > at)
            pieces.append({at, pause.from});
        at = std::max(at, pause.to);
        if (at >= to)
            break;
    }
    if (at < to)
        pieces.append({at, to});
    return pieces;
}

} // namespace

Result<BusinessCalendar> BusinessCalendar::fromJson(const QJsonObject& json)
{
    BusinessCalendar calendar;
    calendar.id = json.value(QStringLiteral("id")).toString();
    calendar.name = json.value(QStringLiteral("name")).toString().trimmed();
    calendar.version = json.value(QStringLiteral("version")).toInt();
    if (calendar.name.isEmpty())
        return invalid(
            QCoreApplication::translate("BusinessCalendar", "A calendar needs a name."), QStringLiteral("name"));
    const QByteArray zone = json.value(QStringLiteral("timezone")).toString().toUtf8();
    if (zone.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(zone))
        return invalid(QCoreApplication::translate(
                           "BusinessCalendar", "The time zone must be an IANA name such as Asia/Shanghai."),
            QStringLiteral("timezone"));
    calendar.m_zone = QTimeZone(zone);
    const QJsonValue weekly = json.value(QStringLiteral("weekly"));
    if (!weekly.isObject())
        return invalid(
            QCoreApplication::translate("BusinessCalendar", "A calendar needs its weekly hours (mon … sun)."),
            QStringLiteral("weekly"));
    const QJsonObject week = weekly.toObject();
    for (auto it = week.constBegin(); it != week.constEnd(); ++it) {
        if (std::none_of(
                std::begin(kDays), std::end(kDays), [&it](const char* day) { return it.key() == QLatin1String(day); }))
            return invalid(
                QCoreApplication::translate("BusinessCalendar", "Weekdays are mon, tue, wed, thu, fri, sat and sun."),
                QStringLiteral("weekly.") + it.key());
    }
    for (int day = 0; day < 7; ++day) {
        const QString key = QLatin1String(kDays[day]);
        auto intervals = intervalsFrom(week.value(key), QStringLiteral("weekly.") + key);
        if (!intervals)
            return intervals.error();
        calendar.m_weekly[day] = intervals.value();
    }
    const QJsonObject holidays = json.value(QStringLiteral("holidays")).toObject();
    for (auto it = holidays.constBegin(); it != holidays.constEnd(); ++it) {
        auto date = dateOf(it.key(), QStringLiteral("holidays.") + it.key());
        if (!date)
            return date.error();
        if (!it.value().isString())
            return invalid(QCoreApplication::translate(
                               "BusinessCalendar", "A holiday is named by a text, e.g. \"2026-10-01\": \"国庆节\"."),
                QStringLiteral("holidays.") + it.key());
        calendar.m_holidays.insert(date.value(), it.value().toString());
    }
    const QJsonObject workdays = json.value(QStringLiteral("workdays")).toObject();
    for (auto it = workdays.constBegin(); it != workdays.constEnd(); ++it) {
        const QString field = QStringLiteral("workdays.") + it.key();
        auto date = dateOf(it.key(), field);
        if (!date)
            return date.error();
        auto intervals = intervalsFrom(it.value(), field);
        if (!intervals)
            return intervals.error();
        calendar.m_workdays.insert(date.value(), intervals.value());
    }
    return calendar;
}

QJsonObject BusinessCalendar::toJson() const
{
    QJsonObject week;
    for (int day = 0; day < 7; ++day)
        week.insert(QLatin1String(kDays[day]), intervalsJson(m_weekly[day]));
    QJsonObject holidays;
    for (auto it = m_holidays.constBegin(); it != m_holidays.constEnd(); ++it)
        holidays.insert(it.key().toString(Qt::ISODate), it.value());
    QJsonObject workdays;
    for (auto it = m_workdays.constBegin(); it != m_workdays.constEnd(); ++it)
        workdays.insert(it.key().toString(Qt::ISODate), intervalsJson(it.value()));
    QJsonObject json {{QStringLiteral("name"), name}, {QStringLiteral("timezone"), QString::fromUtf8(m_zone.id())},
        {QStringLiteral("weekly"), week}, {QStringLiteral("holidays"), holidays},
        {QStringLiteral("workdays"), workdays}};
    if (!id.isEmpty())
        json.insert(QStringLiteral("id"), id);
    if (version > 0)
        json.insert(QStringLiteral("version"), version);
    return json;
}

BusinessCalendar BusinessCalendar::allDay(const QByteArray& zone)
{
    BusinessCalendar calendar;
    calendar.name = QStringLiteral("24/7");
    calendar.m_zone = QTimeZone(zone);
    for (auto& day : calendar.m_weekly)
        day = {{0, kDayMinutes}};
    return calendar;
}

void BusinessCalendar::setWeekday(int weekday, QList<DayInterval> intervals)
{
    if (weekday >= 1 && weekday <= 7)
        m_weekly[weekday - 1] = std::move(intervals);
}

QList<DayInterval> BusinessCalendar::intervalsOn(const QDate& date) const
{
    if (const auto workday = m_workdays.constFind(date); workday != m_workdays.constEnd())
        return *workday;
    if (m_holidays.contains(date))
        return {};
    return m_weekly[date.dayOfWeek() - 1];
}

qint64 BusinessCalendar::instantOf(const QDate& date, int minute) const
{
    const QDate day = date.addDays(minute / kDayMinutes);
    const int rest = minute % kDayMinutes;
    // The wall-clock time read as if it were UTC; the zone's offset around it says which instant it is.
    const qint64 local = QDateTime(day, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch() + qint64(rest) * 60;
    const auto offsetAt = [this](qint64 utc) {
        return qint64(m_zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(utc, QTimeZone::utc())));
    };
    const qint64 before = offsetAt(local - 86400);
    const qint64 after = offsetAt(local + 86400);
    qint64 best = -1;
    bool found = false;
    for (const qint64 offset : {before, after}) {
        const qint64 utc = local - offset;
        if (offsetAt(utc) == offset && (!found || utc < best)) { // in a fold: the first occurrence
            best = utc;
            found = true;
        }
    }
    if (found)
        return best;
    // In a gap: the instant the clocks jumped, the first valid one after it.
    const QTimeZone::OffsetData next
        = m_zone.nextTransition(QDateTime::fromSecsSinceEpoch(local - std::max(before, after), QTimeZone::utc()));
    return next.atUtc.isValid() ? next.atUtc.toSecsSinceEpoch() : local - before;
}

QList<InstantSpan> BusinessCalendar::openSpansOn(const QDate& date) const
{
    QList<InstantSpan> spans;
    for (const DayInterval& interval : intervalsOn(date)) {
        const qint64 from = instantOf(date, interval.start);
        const qint64 to = instantOf(date, interval.end);
        if (to > from)
            spans.append({from, to});
    }
    return spans;
}

Result<qint64> BusinessCalendar::addBusinessSeconds(qint64 from, qint64 seconds, const QList<InstantSpan>& pauses) const
{
    if (seconds <= 0)
        return from;
    const QList<InstantSpan> stops = merged(pauses);
    qint64 remaining = seconds;
    // The day before the local date of `from` too: its last interval may run past that date's midnight (DST).
    QDate date = QDateTime::fromSecsSinceEpoch(from, m_zone).date().addDays(-1);
    for (int i = 0; i < kSearchDays; ++i, date = date.addDays(1)) {
        for (const InstantSpan& span : openSpansOn(date)) {
            if (span.to <= from)
                continue;
            for (const InstantSpan& piece : without(std::max(span.from, from), span.to, stops)) {
                const qint64 available = piece.to - piece.from;
                if (remaining <= available) // exactly at a closing time: that closing time
                    return piece.from + remaining;
                remaining -= available;
            }
        }
    }
    return Error {QStringLiteral("calendar.never_open"),
        QCoreApplication::translate(
            "BusinessCalendar", "The calendar has no working hours in the ten years after this instant."),
        QStringLiteral("calendar")};
}

Result<qint64> BusinessCalendar::subtractBusinessSeconds(qint64 to, qint64 seconds) const
{
    if (seconds <= 0)
        return to;
    qint64 remaining = seconds;
    QDate date = QDateTime::fromSecsSinceEpoch(to, m_zone).date().addDays(1);
    for (int i = 0; i < kSearchDays; ++i, date = date.addDays(-1)) {
        const QList<InstantSpan> spans = openSpansOn(date);
        for (auto span = spans.crbegin(); span != spans.crend(); ++span) {
            if (span->from >= to)
                continue;
            const qint64 end = std::min(span->to, to);
            const qint64 available = end - span->from;
            if (remaining <= available)
                return end - remaining;
            remaining -= available;
        }
    }
    return Error {QStringLiteral("calendar.never_open"),
        QCoreApplication::translate(
            "BusinessCalendar", "The calendar has no working hours in the ten years before this instant."),
        QStringLiteral("calendar")};
}

Result<qint64> BusinessCalendar::nextOpening(qint64 at) const
{
    QDate date = QDateTime::fromSecsSinceEpoch(at, m_zone).date().addDays(-1);
    for (int i = 0; i < kSearchDays; ++i, date = date.addDays(1)) {
        for (const InstantSpan& span : openSpansOn(date)) {
            if (span.to > at)
                return std::max(span.from, at);
        }
    }
    return Error {QStringLiteral("calendar.never_open"),
        QCoreApplication::translate(
            "BusinessCalendar", "The calendar has no working hours in the ten years after this instant."),
        QStringLiteral("calendar")};
}

qint64 BusinessCalendar::businessSecondsBetween(qint64 from, qint64 to, const QList<InstantSpan>& pauses) const
{
    if (to <= from)
        return 0;
    const QList<InstantSpan> stops = merged(pauses);
    const QDate last = QDateTime::fromSecsSinceEpoch(to, m_zone).date();
    qint64 total = 0;
    for (QDate date = QDateTime::fromSecsSinceEpoch(from, m_zone).date().addDays(-1); date <= last;
         date = date.addDays(1)) {
        for (const InstantSpan& span : openSpansOn(date)) {
            const qint64 a = std::max(span.from, from);
            const qint64 b = std::min(span.to, to);
            if (b <= a)
                continue;
            for (const InstantSpan& piece : without(a, b, stops))
                total += piece.to - piece.from;
        }
    }
    return total;
}

namespace instant {

Result<qint64> parse(const QString& text, const QString& field)
{
    // An offset or Z is required: a wall-clock time alone names no instant.
    static const QRegularExpression zoned(QStringLiteral("(Z|[+-][0-9]{2}:?[0-9]{2})$"));
    const QDateTime parsed = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!parsed.isValid() || !zoned.match(text.trimmed()).hasMatch())
        return Error {QStringLiteral("calendar.bad_instant"),
            QCoreApplication::translate("BusinessCalendar",
                "\"%1\" is not an instant: write ISO 8601 with an offset or Z, e.g. 2024-09-27T17:00:00+08:00.")
                .arg(text),
            field};
    return parsed.toSecsSinceEpoch();
}

QString format(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC).toString(Qt::ISODate); // "…Z"
}

Result<InstantSpan> parseSpan(const QString& text, const QString& field)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    if (parts.size() != 2)
        return Error {QStringLiteral("calendar.bad_pause"),
            QCoreApplication::translate("BusinessCalendar", "A pause is FROM/TO, two instants."), field};
    auto from = parse(parts.at(0), field);
    if (!from)
        return from.error();
    auto to = parse(parts.at(1), field);
    if (!to)
        return to.error();
    if (to.value() < from.value())
        return Error {QStringLiteral("calendar.bad_pause"),
            QCoreApplication::translate("BusinessCalendar", "A pause ends after it starts."), field};
    return InstantSpan {from.value(), to.value()};
}

} // namespace instant

} // namespace gongdan
