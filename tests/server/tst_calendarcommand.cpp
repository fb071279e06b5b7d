// `gongdan-server calendar` as an admin runs it (workflows.md §0): the due-time tool prints one UTC instant, with
// pauses; the shipped China 2026 calendar holds the State Council's holidays and 调休 workdays; a wrong calendar or
// instant is said with its field, and nothing else is printed.
#include "tests/support/ServerHarness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace gongdan::test;

class TestCalendarCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dueTimes_data();
    void dueTimes();
    void shippedChina2026();
    void importsAHolidayFeed();
    void mistakesAreSaid_data();
    void mistakesAreSaid();

private:
    QString write(const QByteArray& json);

    QTemporaryDir m_folder;
    QString m_cn918;
    QString m_china;
};

QString TestCalendarCommand::write(const QByteArray& json)
{
    static int n = 0;
    const QString path = m_folder.filePath(QStringLiteral("calendar-%1.json").arg(++n));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(json);
    return path;
}

void TestCalendarCommand::initTestCase()
{
    QVERIFY(m_folder.isValid());
    m_cn918 = write(R"({"name": "CN9-18", "timezone": "Asia/Shanghai",
        "weekly": {"mon": [["09:00", "18:00"]], "tue": [["09:00", "18:00"]], "wed": [["09:00", "18:00"]],
                   "thu": [["09:00", "18:00"]], "fri": [["09:00", "18:00"]], "sat": [], "sun": []},
        "holidays": {"2024-10-01": "国庆节", "2024-10-02": "国庆节", "2024-10-03": "国庆节", "2024-10-04": "国庆节",
                     "2024-10-05": "国庆节", "2024-10-06": "国庆节", "2024-10-07": "国庆节"},
        "workdays": {"2024-09-29": [["09:00", "18:00"]], "2024-10-12": [["09:00", "18:00"]]}})");
    QString output;
    QCOMPARE(runServerCommand(
                 {QStringLiteral("calendar"), QStringLiteral("shipped"), QStringLiteral("china-2026")}, {}, &output),
        0);
    m_china = write(output.toUtf8());
}

void TestCalendarCommand::dueTimes_data()
{
    QTest::addColumn<bool>("china");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("due");
    QTest::newRow("T-SLA-11") << false
                              << QStringList {QStringLiteral("--from"), QStringLiteral("2024-09-27T17:00:00+08:00"),
                                     QStringLiteral("--minutes"), QStringLiteral("240")}
                              << "2024-09-29T04:00:00Z";
    QTest::newRow("T-SLA-13 pause") << false
                                    << QStringList {QStringLiteral("--from"), QStringLiteral("2024-06-17T02:00:00Z"),
                                           QStringLiteral("--minutes"), QStringLiteral("480"),
                                           QStringLiteral("--pause"),
                                           QStringLiteral("2024-06-17T14:00:00+08:00/2024-06-18T11:00:00+08:00")}
                                    << "2024-06-18T07:00:00Z";
    QTest::newRow("two pauses") << false
                                << QStringList {QStringLiteral("--from"), QStringLiteral("2024-06-17T09:00:00+08:00"),
                                       QStringLiteral("--minutes"), QStringLiteral("60"), QStringLiteral("--pause"),
                                       QStringLiteral("2024-06-17T09:10:00+08:00/2024-06-17T09:20:00+08:00"),
                                       QStringLiteral("--pause"),
                                       QStringLiteral("2024-06-17T09:30:00+08:00/2024-06-17T09:40:00+08:00")}
                                << "2024-06-17T02:20:00Z";
    // China 2026: National Day (Oct 1–7) skipped; the Saturday before the Spring Festival (Feb 14) is worked;
    // lunch (12:00–13:30) is not counted.
    QTest::newRow("2026 National Day") << true
                                       << QStringList {QStringLiteral("--from"),
                                              QStringLiteral("2026-09-30T17:00:00+08:00"), QStringLiteral("--minutes"),
                                              QStringLiteral("120")}
                                       << "2026-10-08T02:00:00Z";
    QTest::newRow("2026 make-up Saturday")
        << true
        << QStringList {QStringLiteral("--from"), QStringLiteral("2026-02-13T17:00:00+08:00"),
               QStringLiteral("--minutes"), QStringLiteral("120")}
        << "2026-02-14T02:00:00Z";
    QTest::newRow("2026 Spring Festival")
        << true
        << QStringList {QStringLiteral("--from"), QStringLiteral("2026-02-14T17:00:00+08:00"),
               QStringLiteral("--minutes"), QStringLiteral("120")}
        << "2026-02-24T02:00:00Z";
    QTest::newRow("2026 lunch") << true
                                << QStringList {QStringLiteral("--from"), QStringLiteral("2026-06-01T11:30:00+08:00"),
                                       QStringLiteral("--minutes"), QStringLiteral("60")}
                                << "2026-06-01T06:00:00Z";
}

void TestCalendarCommand::dueTimes()
{
    QFETCH(bool, china);
    QFETCH(QStringList, arguments);
    QFETCH(QString, due);
    QString output;
    const QStringList command = QStringList {QStringLiteral("calendar"), QStringLiteral("due"),
                                    QStringLiteral("--calendar"), china ? m_china : m_cn918}
        + arguments;
    QCOMPARE(runServerCommand(command, {}, &output), 0);
    QCOMPARE(output, due + QLatin1Char('\n')); // one line, nothing else
}

void TestCalendarCommand::shippedChina2026()
{
    QFile file(m_china);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject calendar = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(calendar.value(QStringLiteral("timezone")).toString(), QStringLiteral("Asia/Shanghai"));
    const QJsonObject holidays = calendar.value(QStringLiteral("holidays")).toObject();
    const QJsonObject workdays = calendar.value(QStringLiteral("workdays")).toObject();
    QCOMPARE(holidays.size(), 3 + 9 + 3 + 5 + 3 + 3 + 7);
    QCOMPARE(holidays.value(QStringLiteral("2026-02-15")).toString(), QString::fromUtf8("春节"));
    QCOMPARE(holidays.value(QStringLiteral("2026-10-07")).toString(), QString::fromUtf8("国庆节"));
    QCOMPARE(workdays.keys(),
        QStringList({QStringLiteral("2026-01-04"), QStringLiteral("2026-02-14"), QStringLiteral("2026-02-28"),
            QStringLiteral("2026-05-09"), QStringLiteral("2026-09-20"), QStringLiteral("2026-10-10")}));
    QString output;
    QCOMPARE(
        runServerCommand(
            {QStringLiteral("calendar"), QStringLiteral("check"), QStringLiteral("--calendar"), m_china}, {}, &output),
        0);
    QVERIFY2(output.startsWith(QStringLiteral("ok: ")), qPrintable(output));
}

void TestCalendarCommand::importsAHolidayFeed()
{
    // A feed as public-holiday calendars publish them: all-day events (DTEND exclusive), a yearly recurrence, a
    // make-up working day (补班) and a DST pseudo-event. The calendar already lists 2026-10-01 by hand.
    const QString feed = write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//holidays//CN\r\n"
                               "BEGIN:VEVENT\r\nUID:national@test\r\nDTSTAMP:20251104T000000Z\r\n"
                               "DTSTART;VALUE=DATE:20261001\r\nDTEND;VALUE=DATE:20261008\r\n"
                               "SUMMARY:国庆节 假期\r\nEND:VEVENT\r\n"
                               "BEGIN:VEVENT\r\nUID:makeup@test\r\nDTSTAMP:20251104T000000Z\r\n"
                               "DTSTART;VALUE=DATE:20260920\r\nDTEND;VALUE=DATE:20260921\r\n"
                               "SUMMARY:国庆节 补班\r\nEND:VEVENT\r\n"
                               "BEGIN:VEVENT\r\nUID:newyear@test\r\nDTSTAMP:20251104T000000Z\r\n"
                               "DTSTART;VALUE=DATE:20250101\r\nDTEND;VALUE=DATE:20250102\r\n"
                               "RRULE:FREQ=YEARLY\r\nSUMMARY:元旦\r\nEND:VEVENT\r\n"
                               "BEGIN:VEVENT\r\nUID:dst@test\r\nDTSTAMP:20251104T000000Z\r\n"
                               "DTSTART;VALUE=DATE:20260329\r\nDTEND;VALUE=DATE:20260330\r\n"
                               "SUMMARY:Daylight Saving Time starts\r\nEND:VEVENT\r\n"
                               "END:VCALENDAR\r\n");
    const QString manual = write(R"({"name": "CN", "timezone": "Asia/Shanghai",
        "weekly": {"mon": [["09:00", "12:00"], ["13:30", "18:00"]], "tue": [["09:00", "18:00"]]},
        "holidays": {"2026-10-01": "国庆节（手工）"}})");
    QString output;
    QCOMPARE(runServerCommand(
                 {QStringLiteral("calendar"), QStringLiteral("import-ical"), QStringLiteral("--calendar"), manual,
                     QStringLiteral("--ical"), feed, QStringLiteral("--today"), QStringLiteral("2026-12-05")},
                 {}, &output),
        0);
    const qsizetype json = output.indexOf(QLatin1Char('{'));
    QVERIFY2(json >= 0, qPrintable(output));
    QVERIFY2(output.left(json).contains(QStringLiteral("kept 1")), qPrintable(output.left(json)));
    const QJsonObject merged = QJsonDocument::fromJson(output.mid(json).toUtf8()).object();
    const QJsonObject holidays = merged.value(QStringLiteral("holidays")).toObject();
    QCOMPARE(
        holidays.value(QStringLiteral("2026-10-01")).toString(), QString::fromUtf8("国庆节（手工）")); // manual wins
    QCOMPARE(holidays.value(QStringLiteral("2026-10-07")).toString(), QString::fromUtf8("国庆节 假期"));
    QVERIFY(!holidays.contains(QStringLiteral("2026-10-08"))); // DTEND is exclusive
    for (const char* date : {"2026-01-01", "2027-01-01", "2028-01-01", "2029-01-01"}) // expanded to +3 years
        QVERIFY2(holidays.contains(QLatin1String(date)), date);
    QVERIFY(!holidays.contains(QStringLiteral("2025-01-01"))); // before one year back
    QVERIFY(!holidays.contains(QStringLiteral("2030-01-01")));
    QVERIFY(!holidays.contains(QStringLiteral("2026-03-29"))); // the DST pseudo-event is dropped
    // The make-up Sunday works the calendar's usual (Monday) hours.
    QCOMPARE(
        merged.value(QStringLiteral("workdays")).toObject().value(QStringLiteral("2026-09-20")).toArray().size(), 2);
    // Not a feed: said, exit 1.
    const QString notIcs = write("hello");
    QCOMPARE(runServerCommand({QStringLiteral("calendar"), QStringLiteral("import-ical"), QStringLiteral("--calendar"),
                                  manual, QStringLiteral("--ical"), notIcs},
                 {}, &output),
        1);
    QVERIFY2(output.contains(QStringLiteral("(ical)")), qPrintable(output));
}

void TestCalendarCommand::mistakesAreSaid_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("said");
    QTest::newRow("no offset") << QStringList {QStringLiteral("--from"), QStringLiteral("2024-09-27T17:00:00"),
        QStringLiteral("--minutes"), QStringLiteral("60")}
                               << 1 << "(from)";
    QTest::newRow("bad minutes") << QStringList {QStringLiteral("--from"), QStringLiteral("2024-09-27T17:00:00Z"),
        QStringLiteral("--minutes"), QStringLiteral("-5")}
                                 << 1 << "(minutes)";
    QTest::newRow("bad pause") << QStringList {QStringLiteral("--from"), QStringLiteral("2024-09-27T17:00:00Z"),
        QStringLiteral("--minutes"), QStringLiteral("5"), QStringLiteral("--pause"),
        QStringLiteral("2024-09-27T17:00:00Z")}
                               << 1 << "(pause)";
    QTest::newRow("no minutes") << QStringList {QStringLiteral("--from"), QStringLiteral("2024-09-27T17:00:00Z")} << 2
                                << "Usage:";
}

void TestCalendarCommand::mistakesAreSaid()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, said);
    QString output;
    QCOMPARE(runServerCommand(
                 QStringList {QStringLiteral("calendar"), QStringLiteral("due"), QStringLiteral("--calendar"), m_cn918}
                     + arguments,
                 {}, &output),
        exitCode);
    QVERIFY2(output.contains(said), qPrintable(output));
    // A calendar with a wrong field: its name is said.
    const QString broken
        = write(R"({"name": "x", "timezone": "Asia/Shanghai", "weekly": {"mon": [["09:00", "25:00"]]}})");
    QCOMPARE(
        runServerCommand(
            {QStringLiteral("calendar"), QStringLiteral("check"), QStringLiteral("--calendar"), broken}, {}, &output),
        1);
    QVERIFY2(output.contains(QStringLiteral("weekly.mon[0]")), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestCalendarCommand)
#include "tst_calendarcommand.moc"
