#pragma once

#include "domain/BusinessCalendar.h"

#include <QByteArray>

namespace gongdan {

/// What an iCal import changed in a calendar.
struct IcalImported {
    int holidays = 0; ///< dates closed from the feed
    int workdays = 0; ///< make-up working dates (补班) from the feed, with the calendar's weekday hours
    int kept = 0; ///< dates the calendar already had: manual edits win over the feed
    int dropped = 0; ///< DST pseudo-events and events outside the range
};

/// Merges a holiday feed (an .ics file, e.g. a public-holiday calendar) into `calendar` through libical
/// (workflows.md §9.1 R8): recurrences are expanded for one year before `today` to three years after it; DST
/// pseudo-events ("Daylight Saving Time starts") are dropped; an event named as a make-up working day (补班, 上班)
/// becomes a workday with the calendar's usual weekday hours, any other event closes its dates as a holiday named
/// by its summary; a date the calendar already lists is left as it is.
Result<IcalImported> importIcal(const QByteArray& ics, BusinessCalendar& calendar, const QDate& today);

} // namespace gongdan
