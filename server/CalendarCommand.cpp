#include "server/CalendarCommand.h"

#include "domain/BusinessCalendar.h"
#include "domain/Clock.h"
#include "server/IcalImport.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>

static void registerShippedCalendars()
{
    Q_INIT_RESOURCE(calendars); // a static library's resources are registered by hand
}

namespace gongdan {

namespace {

const char* const kUsage = R"(Usage:
  gongdan-server calendar due --calendar FILE --from INSTANT --minutes N [--pause FROM/TO]...
      the instant N business minutes after INSTANT (pauses not counted), ISO 8601 in UTC
  gongdan-server calendar check --calendar FILE
      whether FILE is a valid calendar, and what it holds
  gongdan-server calendar shipped china-2026
      a calendar Gongdan ships, as JSON to edit and import
  gongdan-server calendar import-ical --calendar FILE --ical FEED.ics [--today YYYY-MM-DD]
      FILE with the feed's holidays and make-up workdays merged in (dates FILE has stay), as JSON
Instants are ISO 8601 with an offset or Z, e.g. 2024-09-27T17:00:00+08:00.
)";

Result<BusinessCalendar> readCalendar(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {QStringLiteral("calendar.unreadable"),
            QStringLiteral("cannot read %1: %2").arg(path, file.errorString()), QStringLiteral("calendar")};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return Error {QStringLiteral("calendar.invalid"),
            QStringLiteral("%1 is not a JSON object: %2 at offset %3")
                .arg(path, parseError.errorString())
                .arg(parseError.offset),
            QStringLiteral("calendar")};
    return BusinessCalendar::fromJson(document.object());
}

void report(QTextStream& err, const Error& error)
{
    err << "error: " << error.message;
    if (!error.field.isEmpty())
        err << " (" << error.field << ")";
    err << "\n";
}

} // namespace

Result<QJsonObject> shippedCalendar(const QString& name)
{
    registerShippedCalendars();
    QFile file(QStringLiteral(":/calendars/%1.json").arg(name));
    if (name.contains(QLatin1Char('/')) || !file.open(QIODevice::ReadOnly))
        return Error {QStringLiteral("calendar.unknown"), QStringLiteral("no shipped calendar is called %1").arg(name),
            QStringLiteral("name")};
    return QJsonDocument::fromJson(file.readAll()).object();
}

int runCalendarCommand(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("calendar"), QStringLiteral("Calendar file (JSON)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("from"), QStringLiteral("Start instant."), QStringLiteral("INSTANT")});
    parser.addOption({QStringLiteral("minutes"), QStringLiteral("Business minutes."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("pause"), QStringLiteral("A pause, FROM/TO."), QStringLiteral("FROM/TO")});
    parser.addOption({QStringLiteral("ical"), QStringLiteral("Holiday feed (.ics)."), QStringLiteral("FEED")});
    parser.addOption(
        {QStringLiteral("today"), QStringLiteral("The date recurrences are expanded around."), QStringLiteral("DATE")});
    QStringList args = arguments;
    args.removeAt(1); // "calendar"
    if (!parser.parse(args) || parser.positionalArguments().isEmpty()) {
        err << kUsage;
        return 2;
    }
    const QString command = parser.positionalArguments().first();
    if (command == QLatin1String("shipped")) {
        if (parser.positionalArguments().size() != 2) {
            err << kUsage;
            return 2;
        }
        auto shipped = shippedCalendar(parser.positionalArguments().at(1));
        if (!shipped) {
            report(err, shipped.error());
            return 1;
        }
        out << QJsonDocument(shipped.value()).toJson(QJsonDocument::Indented);
        return 0;
    }
    if ((command != QLatin1String("due") && command != QLatin1String("check")
            && command != QLatin1String("import-ical"))
        || parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("calendar"))) {
        err << kUsage;
        return 2;
    }
    auto calendar = readCalendar(parser.value(QStringLiteral("calendar")));
    if (!calendar) {
        report(err, calendar.error());
        return 1;
    }
    if (command == QLatin1String("import-ical")) {
        QFile feed(parser.value(QStringLiteral("ical")));
        if (!parser.isSet(QStringLiteral("ical")) || !feed.open(QIODevice::ReadOnly)) {
            report(err,
                Error {QStringLiteral("calendar.unreadable"), QStringLiteral("cannot read the feed"),
                    QStringLiteral("ical")});
            return 1;
        }
        const QDate today = parser.isSet(QStringLiteral("today"))
            ? QDate::fromString(parser.value(QStringLiteral("today")), Qt::ISODate)
            : SystemClock().now().toTimeZone(calendar.value().zone()).date();
        if (!today.isValid()) {
            report(err,
                Error {QStringLiteral("calendar.bad_date"), QStringLiteral("--today takes YYYY-MM-DD"),
                    QStringLiteral("today")});
            return 1;
        }
        BusinessCalendar merged = calendar.value();
        auto imported = importIcal(feed.readAll(), merged, today);
        if (!imported) {
            report(err, imported.error());
            return 1;
        }
        err << "imported " << imported.value().holidays << " holidays and " << imported.value().workdays
            << " workdays; kept " << imported.value().kept << " dates already in the calendar; dropped "
            << imported.value().dropped << " events\n";
        out << QJsonDocument(merged.toJson()).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (command == QLatin1String("check")) {
        const BusinessCalendar& c = calendar.value();
        out << "ok: " << c.name << ", " << c.zoneId() << ", " << c.holidays().size() << " holidays, "
            << c.workdays().size() << " workdays\n";
        return 0;
    }
    if (!parser.isSet(QStringLiteral("from")) || !parser.isSet(QStringLiteral("minutes"))) {
        err << kUsage;
        return 2;
    }
    auto from = instant::parse(parser.value(QStringLiteral("from")), QStringLiteral("from"));
    if (!from) {
        report(err, from.error());
        return 1;
    }
    bool number = false;
    const qint64 minutes = parser.value(QStringLiteral("minutes")).toLongLong(&number);
    if (!number || minutes < 0 || minutes > 366LL * 24 * 60) {
        report(err,
            Error {QStringLiteral("calendar.bad_minutes"),
                QStringLiteral("--minutes takes a whole number from 0 to 527040 (a year)"), QStringLiteral("minutes")});
        return 1;
    }
    QList<InstantSpan> pauses;
    for (const QString& text : parser.values(QStringLiteral("pause"))) {
        auto pause = instant::parseSpan(text, QStringLiteral("pause"));
        if (!pause) {
            report(err, pause.error());
            return 1;
        }
        pauses.append(pause.value());
    }
    auto due = calendar.value().addBusinessSeconds(from.value(), minutes * 60, pauses);
    if (!due) {
        report(err, due.error());
        return 1;
    }
    out << instant::format(due.value()) << "\n";
    return 0;
}

} // namespace gongdan
