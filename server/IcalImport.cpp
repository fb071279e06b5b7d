#include "server/IcalImport.h"

#include <QRegularExpression>
#include <libical/ical.h>
#include <memory>

namespace gongdan {

namespace {

struct Occurrences {
    QList<std::pair<qint64, qint64>> spans; ///< UTC seconds, end exclusive
};

void collect(icalcomponent*, struct icaltime_span* span, void* data)
{
    static_cast<Occurrences*>(data)->spans.append({qint64(span->start), qint64(span->end)});
}

icaltimetype dateOf(const QDate& date)
{
    icaltimetype time = icaltime_null_date();
    time.year = date.year();
    time.month = date.month();
    time.day = date.day();
    return time;
}

bool makeUpWorkday(const QString& summary)
{
    static const QRegularExpression work(
        QStringLiteral("补班|上班|调休.*班|\\bmake-?up work(ing)? ?day\\b|\\bworking day\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return work.match(summary).hasMatch();
}

bool daylightSaving(const QString& summary)
{
    static const QRegularExpression dst(
        QStringLiteral("daylight saving|summer time|夏令时|冬令时"), QRegularExpression::CaseInsensitiveOption);
    return dst.match(summary).hasMatch();
}

} // namespace

Result<IcalImported> importIcal(const QByteArray& ics, BusinessCalendar& calendar, const QDate& today)
{
    std::unique_ptr<icalcomponent, void (*)(icalcomponent*)> root(
        icalparser_parse_string(ics.constData()), icalcomponent_free);
    if (!root
        || (icalcomponent_isa(root.get()) != ICAL_VCALENDAR_COMPONENT
            && icalcomponent_isa(root.get()) != ICAL_VEVENT_COMPONENT))
        return Error {QStringLiteral("calendar.bad_ical"),
            QStringLiteral("The feed is not an iCalendar file (BEGIN:VCALENDAR … END:VCALENDAR)."),
            QStringLiteral("ical")};
    // A workday from the feed gets the hours of the calendar's usual working weekday.
    QList<DayInterval> usualHours;
    for (int weekday = 1; weekday <= 7 && usualHours.isEmpty(); ++weekday)
        usualHours = calendar.intervalsOn(QDate(2001, 1, weekday)); // 2001-01-01 was a Monday
    QList<icalcomponent*> events;
    if (icalcomponent_isa(root.get()) == ICAL_VEVENT_COMPONENT) {
        events.append(root.get());
    } else {
        for (icalcomponent* event = icalcomponent_get_first_component(root.get(), ICAL_VEVENT_COMPONENT); event;
             event = icalcomponent_get_next_component(root.get(), ICAL_VEVENT_COMPONENT))
            events.append(event);
    }
    const QDate from = today.addYears(-1);
    const QDate until = today.addYears(3);
    IcalImported imported;
    for (icalcomponent* event : std::as_const(events)) {
        const QString summary = QString::fromUtf8(icalcomponent_get_summary(event)).trimmed();
        if (daylightSaving(summary)) {
            ++imported.dropped;
            continue;
        }
        const icaltimetype dtstart = icalcomponent_get_dtstart(event);
        const bool allDay = icaltime_is_date(dtstart);
        // All-day: as many dates as DTSTART to DTEND (exclusive) holds, at least one (libical's span would end at
        // the end of DTEND's date).
        qint64 allDayDates = 1;
        if (allDay) {
            const icaltimetype dtend = icalcomponent_get_dtend(event);
            if (!icaltime_is_null_time(dtend))
                allDayDates = std::max<qint64>(1,
                    QDate(dtstart.year, dtstart.month, dtstart.day).daysTo(QDate(dtend.year, dtend.month, dtend.day)));
        }
        Occurrences occurrences;
        icalcomponent_foreach_recurrence(event, dateOf(from), dateOf(until), collect, &occurrences);
        if (occurrences.spans.isEmpty())
            ++imported.dropped;
        for (const auto& [start, end] : std::as_const(occurrences.spans)) {
            // All-day dates come as UTC midnights; a timed event covers the local dates it touches.
            const auto dateAt = [&calendar, allDay](qint64 secs) {
                return allDay ? QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).date()
                              : QDateTime::fromSecsSinceEpoch(secs, calendar.zone()).date();
            };
            const QDate first = dateAt(start);
            const QDate last = allDay ? first.addDays(allDayDates - 1) : dateAt(std::max(start, end - 1));
            for (QDate date = first; date.isValid() && date <= last; date = date.addDays(1)) {
                if (date < from || date > until)
                    continue;
                if (calendar.holidays().contains(date) || calendar.workdays().contains(date)) {
                    ++imported.kept; // edited by hand (or imported before): the calendar's entry stays
                    continue;
                }
                if (makeUpWorkday(summary)) {
                    calendar.addWorkday(date, usualHours);
                    ++imported.workdays;
                } else {
                    calendar.addHoliday(date, summary);
                    ++imported.holidays;
                }
            }
        }
    }
    return imported;
}

} // namespace gongdan
