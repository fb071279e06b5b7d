#pragma once

#include "domain/Result.h"

#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

namespace gongdan {

/// `gongdan-server calendar …` (workflows.md §0), for admins checking a calendar before they import it:
///   due --calendar FILE --from INSTANT --minutes N [--pause FROM/TO]...
///       one line: the instant N business minutes after INSTANT, pauses not counted, ISO 8601 in UTC;
///   check --calendar FILE      "ok" and what the calendar holds, or the first error and its field;
///   shipped NAME               prints a calendar Gongdan ships (china-2026) as JSON, to edit and import.
/// Exit 0, 1 for a calendar or instant that is wrong (the message names the field), 2 for bad usage.
int runCalendarCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);

/// A calendar Gongdan ships (resources/calendars): "china-2026" (the State Council's 2026 holidays and 调休
/// make-up workdays on Mon–Fri 09:00–12:00, 13:30–18:00 Asia/Shanghai). An error for an unknown name.
Result<QJsonObject> shippedCalendar(const QString& name);

} // namespace gongdan
