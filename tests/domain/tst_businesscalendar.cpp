// Business calendars (workflows.md §0 and the T-SLA rows of §9.1 that are calendar arithmetic): weekly hours with
// several intervals, holidays and 调休 workdays, pauses, DST in both directions, closing-time deadlines, and the
// JSON that admins import and export.
#include "domain/BusinessCalendar.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gongdan;

namespace {

/// CN9-18: Mon–Fri 09:00–18:00 Asia/Shanghai, with optional exceptions.
QJsonObject cn918(const QJsonObject& holidays = {}, const QJsonObject& workdays = {})
{
    const QJsonArray day {QJsonArray {QStringLiteral("09:00"), QStringLiteral("18:00")}};
    return QJsonObject {{QStringLiteral("name"), QStringLiteral("CN9-18")},
        {QStringLiteral("timezone"), QStringLiteral("Asia/Shanghai")},
        {QStringLiteral("weekly"),
            QJsonObject {{QStringLiteral("mon"), day}, {QStringLiteral("tue"), day}, {QStringLiteral("wed"), day},
                {QStringLiteral("thu"), day}, {QStringLiteral("fri"), day}, {QStringLiteral("sat"), QJsonArray {}},
                {QStringLiteral("sun"), QJsonArray {}}}},
        {QStringLiteral("holidays"), holidays}, {QStringLiteral("workdays"), workdays}};
}

QJsonObject national2024()
{
    QJsonObject holidays;
    for (int day = 1; day <= 7; ++day)
        holidays.insert(QStringLiteral("2024-10-0%1").arg(day), QStringLiteral("国庆节"));
    return holidays;
}

QJsonObject makeUpDays2024()
{
    const QJsonArray day {QJsonArray {QStringLiteral("09:00"), QStringLiteral("18:00")}};
    return QJsonObject {{QStringLiteral("2024-09-29"), day}, {QStringLiteral("2024-10-12"), day}};
}

QJsonObject withLunch()
{
    QJsonObject json = cn918();
    const QJsonArray day {QJsonArray {QStringLiteral("09:00"), QStringLiteral("12:00")},
        QJsonArray {QStringLiteral("13:30"), QStringLiteral("18:00")}};
    QJsonObject week = json.value(QStringLiteral("weekly")).toObject();
    for (const char* name : {"mon", "tue", "wed", "thu", "fri"})
        week.insert(QLatin1String(name), day);
    json.insert(QStringLiteral("weekly"), week);
    return json;
}

/// Every day the same intervals, in `zone`.
QJsonObject everyDay(const QString& zone, const QJsonArray& day)
{
    QJsonObject week;
    for (const char* name : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        week.insert(QLatin1String(name), day);
    return QJsonObject {{QStringLiteral("name"), QStringLiteral("every day")}, {QStringLiteral("timezone"), zone},
        {QStringLiteral("weekly"), week}};
}

qint64 at(const char* text)
{
    return instant::parse(QLatin1String(text), QStringLiteral("t")).value();
}

} // namespace

class TestBusinessCalendar : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dueTimes_data();
    void dueTimes();
    void elapsedIsTheInverseOfDue_data() { dueTimes_data(); }
    void elapsedIsTheInverseOfDue();
    void aTimeInTheSpringGapMovesToTheGapsEnd();
    void badCalendarsNameTheField_data();
    void badCalendarsNameTheField();
    void jsonRoundTrips();
    void instantsNeedAnOffset();
    void aCalendarThatNeverOpensIsAnError();
};

void TestBusinessCalendar::dueTimes_data()
{
    QTest::addColumn<QJsonObject>("calendar");
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("minutes");
    QTest::addColumn<QStringList>("pauses");
    QTest::addColumn<QString>("due");
    // T-SLA-11: a make-up Sunday (调休) is worked; without the exceptions, Monday.
    QTest::newRow("T-SLA-11 workday") << cn918(national2024(), makeUpDays2024()) << "2024-09-27T17:00:00+08:00" << 240
                                      << QStringList() << "2024-09-29T04:00:00Z";
    QTest::newRow("T-SLA-11 plain") << cn918() << "2024-09-27T17:00:00+08:00" << 240 << QStringList()
                                    << "2024-09-30T04:00:00Z";
    // T-SLA-12: the National Day week is skipped.
    QTest::newRow("T-SLA-12") << cn918(national2024()) << "2024-09-30T17:00:00+08:00" << 120 << QStringList()
                              << "2024-10-08T02:00:00Z";
    // T-SLA-12b: lunch is not counted.
    QTest::newRow("T-SLA-12b") << withLunch() << "2024-06-17T11:30:00+08:00" << 60 << QStringList()
                               << "2024-06-17T06:00:00Z";
    // T-SLA-12c: over a weekend, and from inside a weekend.
    QTest::newRow("T-SLA-12c Friday") << cn918() << "2024-06-14T16:30:00+08:00" << 120 << QStringList()
                                      << "2024-06-17T01:30:00Z";
    QTest::newRow("T-SLA-12c Saturday") << cn918() << "2024-06-15T10:00:00+08:00" << 30 << QStringList()
                                        << "2024-06-17T01:30:00Z";
    // T-SLA-13: paused Mon 14:00 → Tue 11:00 (待客户确认).
    QTest::newRow("T-SLA-13 pause") << cn918() << "2024-06-17T10:00:00+08:00" << 480
                                    << QStringList {QStringLiteral(
                                           "2024-06-17T14:00:00+08:00/2024-06-18T11:00:00+08:00")}
                                    << "2024-06-18T07:00:00Z";
    // Overlapping and out-of-order pauses count once.
    QTest::newRow("pauses overlap") << cn918() << "2024-06-17T10:00:00+08:00" << 480
                                    << QStringList {QStringLiteral(
                                                        "2024-06-17T16:00:00+08:00/2024-06-18T11:00:00+08:00"),
                                           QStringLiteral("2024-06-17T14:00:00+08:00/2024-06-17T17:00:00+08:00")}
                                    << "2024-06-18T07:00:00Z";
    // T-SLA-14: landing exactly on the closing time is that closing time, not the next morning.
    QTest::newRow("T-SLA-14") << cn918() << "2024-06-17T17:00:00+08:00" << 60 << QStringList()
                              << "2024-06-17T10:00:00Z";
    QTest::newRow("zero minutes") << cn918() << "2024-06-15T10:00:00+08:00" << 0 << QStringList()
                                  << "2024-06-15T02:00:00Z";
    QTest::newRow("from before opening") << cn918() << "2024-06-17T07:00:00+08:00" << 30 << QStringList()
                                         << "2024-06-17T01:30:00Z";
    // DST, spring: 24/7 counts real time (24 h, not 25); business hours follow the wall clock.
    const QJsonArray allDay {QJsonArray {QStringLiteral("00:00"), QStringLiteral("24:00")}};
    QTest::newRow("24/7 over spring DST")
        << everyDay(QStringLiteral("Europe/Berlin"), allDay) << "2024-03-30T12:00:00+01:00" << 24 * 60 << QStringList()
        << "2024-03-31T11:00:00Z";
    const QJsonArray night {QJsonArray {QStringLiteral("01:00"), QStringLiteral("04:00")}};
    QTest::newRow("spring day is shorter") << everyDay(QStringLiteral("Europe/Berlin"), night) << "2024-03-31T00:00:00Z"
                                           << 180 << QStringList() << "2024-04-01T00:00:00Z";
    // DST, autumn: 01:00–04:00 on the fold day holds four real hours.
    QTest::newRow("autumn day is longer") << everyDay(QStringLiteral("Europe/Berlin"), night) << "2024-10-26T23:00:00Z"
                                          << 240 << QStringList() << "2024-10-27T03:00:00Z";
    QTest::newRow("24/7 over autumn DST")
        << everyDay(QStringLiteral("Europe/Berlin"), allDay) << "2024-10-26T12:00:00+02:00" << 24 * 60 << QStringList()
        << "2024-10-27T10:00:00Z";
}

void TestBusinessCalendar::dueTimes()
{
    QFETCH(QJsonObject, calendar);
    QFETCH(QString, from);
    QFETCH(int, minutes);
    QFETCH(QStringList, pauses);
    QFETCH(QString, due);
    auto parsed = BusinessCalendar::fromJson(calendar);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QList<InstantSpan> spans;
    for (const QString& pause : pauses)
        spans.append(instant::parseSpan(pause, QStringLiteral("pause")).value());
    auto result = parsed.value().addBusinessSeconds(at(from.toLatin1().constData()), qint64(minutes) * 60, spans);
    QVERIFY(result);
    QCOMPARE(instant::format(result.value()), due);
}

void TestBusinessCalendar::elapsedIsTheInverseOfDue()
{
    QFETCH(QJsonObject, calendar);
    QFETCH(QString, from);
    QFETCH(int, minutes);
    QFETCH(QStringList, pauses);
    QFETCH(QString, due);
    const BusinessCalendar parsed = BusinessCalendar::fromJson(calendar).value();
    QList<InstantSpan> spans;
    for (const QString& pause : pauses)
        spans.append(instant::parseSpan(pause, QStringLiteral("pause")).value());
    QCOMPARE(parsed.businessSecondsBetween(at(from.toLatin1().constData()), at(due.toLatin1().constData()), spans),
        qint64(minutes) * 60);
}

void TestBusinessCalendar::aTimeInTheSpringGapMovesToTheGapsEnd()
{
    const BusinessCalendar berlin
        = BusinessCalendar::fromJson(everyDay(QStringLiteral("Europe/Berlin"),
                                         QJsonArray {QJsonArray {QStringLiteral("02:30"), QStringLiteral("05:00")}}))
              .value();
    // 02:30 does not exist on 2024-03-31: the interval opens at 03:00 CEST (01:00Z).
    QCOMPARE(instant::format(berlin.instantOf(QDate(2024, 3, 31), 150)), QStringLiteral("2024-03-31T01:00:00Z"));
    QCOMPARE(berlin.openSpansOn(QDate(2024, 3, 31)).value(0).from, at("2024-03-31T01:00:00Z"));
    // 02:30 happens twice on 2024-10-27: the first occurrence (CEST).
    QCOMPARE(instant::format(berlin.instantOf(QDate(2024, 10, 27), 150)), QStringLiteral("2024-10-27T00:30:00Z"));
}

void TestBusinessCalendar::badCalendarsNameTheField_data()
{
    QTest::addColumn<QJsonObject>("calendar");
    QTest::addColumn<QString>("field");
    QJsonObject zone = cn918();
    zone.insert(QStringLiteral("timezone"), QStringLiteral("Mars/Olympus"));
    QTest::newRow("unknown zone") << zone << "timezone";
    QJsonObject unnamed = cn918();
    unnamed.remove(QStringLiteral("name"));
    QTest::newRow("no name") << unnamed << "name";
    const auto withMonday = [](const QJsonArray& day) {
        QJsonObject json = cn918();
        QJsonObject week = json.value(QStringLiteral("weekly")).toObject();
        week.insert(QStringLiteral("mon"), day);
        json.insert(QStringLiteral("weekly"), week);
        return json;
    };
    QTest::newRow("25 o'clock") << withMonday({QJsonArray {QStringLiteral("09:00"), QStringLiteral("25:00")}})
                                << "weekly.mon[0]";
    QTest::newRow("24:00 as a start") << withMonday({QJsonArray {QStringLiteral("24:00"), QStringLiteral("24:00")}})
                                      << "weekly.mon[0]";
    QTest::newRow("backwards") << withMonday({QJsonArray {QStringLiteral("18:00"), QStringLiteral("09:00")}})
                               << "weekly.mon[0]";
    QTest::newRow("overlap") << withMonday({QJsonArray {QStringLiteral("09:00"), QStringLiteral("13:00")},
        QJsonArray {QStringLiteral("12:00"), QStringLiteral("18:00")}})
                             << "weekly.mon";
    QTest::newRow("not a pair") << withMonday({QJsonArray {QStringLiteral("09:00")}}) << "weekly.mon[0]";
    QJsonObject weekday = cn918();
    QJsonObject week = weekday.value(QStringLiteral("weekly")).toObject();
    week.insert(QStringLiteral("monday"), QJsonArray {});
    weekday.insert(QStringLiteral("weekly"), week);
    QTest::newRow("unknown weekday") << weekday << "weekly.monday";
    QTest::newRow("holiday named by a number")
        << cn918(QJsonObject {{QStringLiteral("2024-10-01"), 1}}) << "holidays.2024-10-01";
    QTest::newRow("bad holiday date") << cn918(QJsonObject {{QStringLiteral("2024-13-01"), QStringLiteral("x")}})
                                      << "holidays.2024-13-01";
    QTest::newRow("bad workday hours") << cn918(
        {}, QJsonObject {{QStringLiteral("2024-09-29"), QStringLiteral("09:00-18:00")}})
                                       << "workdays.2024-09-29";
}

void TestBusinessCalendar::badCalendarsNameTheField()
{
    QFETCH(QJsonObject, calendar);
    QFETCH(QString, field);
    auto parsed = BusinessCalendar::fromJson(calendar);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, QStringLiteral("calendar.invalid"));
    QCOMPARE(parsed.error().field, field);
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestBusinessCalendar::jsonRoundTrips()
{
    const QJsonObject json = withLunch();
    QJsonObject exceptions = json;
    exceptions.insert(QStringLiteral("holidays"), national2024());
    exceptions.insert(QStringLiteral("workdays"), makeUpDays2024());
    const BusinessCalendar calendar = BusinessCalendar::fromJson(exceptions).value();
    const QJsonObject written = calendar.toJson();
    QCOMPARE(written, exceptions);
    QCOMPARE(BusinessCalendar::fromJson(written).value().toJson(), written);
    // A date in both lists is a workday.
    QJsonObject both = exceptions;
    QJsonObject holidays = national2024();
    holidays.insert(QStringLiteral("2024-09-29"), QStringLiteral("x"));
    both.insert(QStringLiteral("holidays"), holidays);
    QCOMPARE(BusinessCalendar::fromJson(both).value().intervalsOn(QDate(2024, 9, 29)).size(), 1);
}

void TestBusinessCalendar::instantsNeedAnOffset()
{
    QVERIFY(instant::parse(QStringLiteral("2024-09-27T17:00:00+08:00"), QStringLiteral("from")));
    QVERIFY(instant::parse(QStringLiteral("2024-09-27T09:00:00Z"), QStringLiteral("from")));
    const auto local = instant::parse(QStringLiteral("2024-09-27T17:00:00"), QStringLiteral("from"));
    QVERIFY(!local);
    QCOMPARE(local.error().field, QStringLiteral("from"));
    QVERIFY(!instant::parse(QStringLiteral("yesterday"), QStringLiteral("from")));
    QVERIFY(!instant::parseSpan(QStringLiteral("2024-09-27T17:00:00Z"), QStringLiteral("pause")));
    QVERIFY(!instant::parseSpan(QStringLiteral("2024-09-28T17:00:00Z/2024-09-27T17:00:00Z"), QStringLiteral("pause")));
}

void TestBusinessCalendar::aCalendarThatNeverOpensIsAnError()
{
    QJsonObject closed = cn918();
    closed.insert(QStringLiteral("weekly"), QJsonObject {});
    const BusinessCalendar never = BusinessCalendar::fromJson(closed).value();
    const auto due = never.addBusinessSeconds(at("2024-06-17T10:00:00Z"), 60);
    QVERIFY(!due);
    QCOMPARE(due.error().code, QStringLiteral("calendar.never_open"));
}

QTEST_GUILESS_MAIN(TestBusinessCalendar)
#include "tst_businesscalendar.moc"
