// The Reports window's models and exports (workflows.md §9.7): the report table (labels, formatted measures, the
// total row, the numbers behind them) and the definitions list, each under QAbstractItemModelTester; CSV and .xlsx
// written from the table, every row, cancellable between rows (the unfinished file removed), on a worker thread.
#include "models/ReportExport.h"
#include "models/ReportTableModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gongdan;

namespace {

QByteArray line(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// The server's answer for a report by need type: repair and complaint rows, then the total.
ReportResult answer()
{
    ReportResult result;
    QJsonObject report = ReportDefinition::examples().last().toJson();
    report.insert(QStringLiteral("measures"),
        QJsonArray {QStringLiteral("tickets"), QStringLiteral("sla_attainment"), QStringLiteral("satisfaction_avg")});
    const QList<QJsonObject> lines {
        {{QStringLiteral("type"), QStringLiteral("report")}, {QStringLiteral("report"), report},
            {QStringLiteral("from"), QStringLiteral("2026-03-01T16:00:00Z")},
            {QStringLiteral("to"), QStringLiteral("2026-03-31T16:00:00Z")},
            {QStringLiteral("columns"),
                QJsonArray {QJsonObject {{QStringLiteral("key"), QStringLiteral("tickets")}},
                    QJsonObject {{QStringLiteral("key"), QStringLiteral("sla_attainment")}},
                    QJsonObject {{QStringLiteral("key"), QStringLiteral("satisfaction_avg")}}}}},
        {{QStringLiteral("type"), QStringLiteral("row")}, {QStringLiteral("key"), QStringLiteral("repair")},
            {QStringLiteral("label"), QStringLiteral("Repair")},
            {QStringLiteral("values"),
                QJsonObject {{QStringLiteral("tickets"), 40}, {QStringLiteral("sla_attainment"), 0.925},
                    {QStringLiteral("satisfaction_avg"), 4.5}}}},
        {{QStringLiteral("type"), QStringLiteral("row")}, {QStringLiteral("key"), QString()},
            {QStringLiteral("values"),
                QJsonObject {{QStringLiteral("tickets"), 2}, {QStringLiteral("sla_attainment"), QJsonValue::Null},
                    {QStringLiteral("satisfaction_avg"), QJsonValue::Null}}}},
        {{QStringLiteral("type"), QStringLiteral("total")}, {QStringLiteral("tickets"), 42},
            {QStringLiteral("values"),
                QJsonObject {{QStringLiteral("tickets"), 42}, {QStringLiteral("sla_attainment"), 0.925},
                    {QStringLiteral("satisfaction_avg"), 4.5}}}}};
    for (const QJsonObject& l : lines) {
        if (Status read = result.addLine(line(l)); !read)
            qFatal("%s", qPrintable(read.error().message));
    }
    return result;
}

ReportSheet bigSheet(int rows)
{
    ReportSheet sheet;
    sheet.header = {QStringLiteral("日期"), QStringLiteral("Tickets"), QStringLiteral("SLA")};
    sheet.rates = {false, true};
    for (int i = 0; i < rows; ++i)
        sheet.lines.append(
            {QStringLiteral("第 %1 行").arg(i), {double(i), i % 2 ? std::optional<double>(0.5) : std::nullopt}});
    return sheet;
}

} // namespace

class TestReportModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tableShowsTheRowsAndTheTotal();
    void answerLinesAreChecked();
    void englishNamesInEnglish();
    void listHasTheExamplesAfterTheSaved();
    void csvHasEveryRow();
    void xlsxHasEveryRow();
    void cancelRemovesTheUnfinishedFile_data();
    void cancelRemovesTheUnfinishedFile();
    void exporterRunsOnAWorker();
    void cancelStopsTheWorker();

private:
    QTemporaryDir m_dir;
};

void TestReportModels::tableShowsTheRowsAndTheTotal()
{
    ReportTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setResult(answer());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Need type"));
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("SLA attainment"));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Repair")); // the need type's name, not the key
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("40"));
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("92.5%"));
    QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("4.50"));
    QCOMPARE(model.index(0, 2).data(ReportTableModel::ValueRole).toDouble(), 0.925);
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("(none)"));
    QCOMPARE(model.index(1, 2).data().toString(), QStringLiteral("—"));
    QVERIFY(!model.index(1, 2).data(ReportTableModel::ValueRole).isValid());
    QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("Total"));
    QVERIFY(model.index(2, 0).data(ReportTableModel::TotalRole).toBool());
    QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("42"));
    const ReportSheet sheet = model.sheet();
    QCOMPARE(sheet.header.size(), 4);
    QCOMPARE(sheet.rates, (QList<bool> {false, true, false}));
    QCOMPARE(sheet.lines.size(), 3);
    QCOMPARE(sheet.lines.at(1).values.at(1), std::nullopt);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestReportModels::answerLinesAreChecked()
{
    ReportResult result;
    QVERIFY(!result.addLine("not json"));
    QVERIFY(!result.addLine(line({{QStringLiteral("type"), QStringLiteral("report")},
        {QStringLiteral("report"), QJsonObject {{QStringLiteral("name"), QStringLiteral("x")}}}})));
    QVERIFY(answer().complete);
    QCOMPARE(answer().tickets, 42);
    QCOMPARE(answer().from, QDateTime(QDate(2026, 3, 1), QTime(16, 0), Qt::UTC));
}

void TestReportModels::englishNamesInEnglish()
{
    ReportResult result;
    QJsonObject report = ReportDefinition::examples().first().toJson(); // by group
    QVERIFY(result.addLine(line({{QStringLiteral("type"), QStringLiteral("report")}, {QStringLiteral("report"), report},
        {QStringLiteral("columns"), QJsonArray {QJsonObject {{QStringLiteral("key"), QStringLiteral("tickets")}}}}})));
    QVERIFY(result.addLine(line({{QStringLiteral("type"), QStringLiteral("row")},
        {QStringLiteral("key"), QStringLiteral("service")}, {QStringLiteral("label"), QStringLiteral("客服部")},
        {QStringLiteral("label_en"), QStringLiteral("Customer service")},
        {QStringLiteral("values"), QJsonObject {{QStringLiteral("tickets"), 1}}}})));
    ReportTableModel model;
    model.setResult(result);
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    QCOMPARE(model.labelOf(0), QStringLiteral("客服部"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(model.labelOf(0), QStringLiteral("Customer service"));
    QLocale::setDefault(before);
}

void TestReportModels::listHasTheExamplesAfterTheSaved()
{
    ReportListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ReportDefinition mine = ReportDefinition::examples().first();
    mine.id = QStringLiteral("r1");
    mine.name = QStringLiteral("周报");
    model.setDefinitions({mine});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("周报"));
    QVERIFY(model.index(1).data(ReportListModel::BuiltInRole).toBool());
    QVERIFY(model.index(1).data().toString().endsWith(QStringLiteral("(example)")));
    // A saved record with an example's id replaces it.
    ReportDefinition changed = ReportDefinition::examples().first();
    changed.name = QStringLiteral("改过的效率报表");
    model.setDefinitions({mine, changed});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(changed.id), 1);
    QCOMPARE(model.definitions().at(1).name, changed.name);
}

void TestReportModels::csvHasEveryRow()
{
    ReportTableModel model;
    model.setResult(answer());
    const QString path = m_dir.filePath(QStringLiteral("report.csv"));
    int steps = 0;
    QVERIFY(ReportExporter::writeCsv(
        model.sheet(), path, [] { return true; }, [&steps](int) { ++steps; }));
    QCOMPARE(steps, 3);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(),
        QByteArray("\xEF\xBB\xBFNeed type,Tickets,SLA attainment (%),\"Satisfaction, avg (1-5)\"\r\n"
                   "Repair,40,92.5,4.5\r\n"
                   "(none),2,,\r\n"
                   "Total,42,92.5,4.5\r\n"));
}

void TestReportModels::xlsxHasEveryRow()
{
    const QString path = m_dir.filePath(QStringLiteral("big.xlsx"));
    const int rows = 70000; // past the old .xls limit of 65,536 rows: no cap
    int last = 0;
    QVERIFY(ReportExporter::writeXlsx(
        bigSheet(rows), path, [] { return true; }, [&last](int r) { last = r; }));
    QCOMPARE(last, rows);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(2), QByteArray("PK")); // a zip, as .xlsx is
    if (QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty())
        QSKIP("unzip is not installed: the sheet's rows are not read back");
    QProcess unzip;
    unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), path, QStringLiteral("xl/worksheets/sheet1.xml")});
    QVERIFY(unzip.waitForFinished(60000));
    const QByteArray xml = unzip.readAllStandardOutput();
    QVERIFY(xml.contains("<row r=\"70001\""));
    QVERIFY(!xml.contains("<row r=\"70002\""));
    unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), path, QStringLiteral("xl/sharedStrings.xml")});
    QVERIFY(unzip.waitForFinished(60000));
    const QByteArray strings = unzip.readAllStandardOutput();
    // constant memory mode writes strings inline, not to a shared table.
    QVERIFY2(strings.isEmpty() || !strings.contains("第 69999 行"), strings.left(200).constData());
    QVERIFY(xml.contains(QStringLiteral("第 69999 行").toUtf8()));
}

void TestReportModels::cancelRemovesTheUnfinishedFile_data()
{
    QTest::addColumn<bool>("xlsx");
    QTest::newRow("xlsx") << true;
    QTest::newRow("csv") << false;
}

void TestReportModels::cancelRemovesTheUnfinishedFile()
{
    QFETCH(bool, xlsx);
    const QString path = m_dir.filePath(xlsx ? QStringLiteral("cancelled.xlsx") : QStringLiteral("cancelled.csv"));
    int written = 0;
    const auto wanted = [&written] { return written < 5; };
    const auto step = [&written](int r) { written = r; };
    const Status status = xlsx ? ReportExporter::writeXlsx(bigSheet(100), path, wanted, step)
                               : ReportExporter::writeCsv(bigSheet(100), path, wanted, step);
    QVERIFY(!status);
    QCOMPARE(status.error().code, QStringLiteral("export.cancelled"));
    QCOMPARE(written, 5);
    QVERIFY(!QFile::exists(path));
}

void TestReportModels::exporterRunsOnAWorker()
{
    ReportExporter exporter;
    QSignalSpy progress(&exporter, &ReportExporter::progress);
    QSignalSpy finished(&exporter, &ReportExporter::finished);
    const QString path = m_dir.filePath(QStringLiteral("worker.xlsx"));
    QVERIFY(exporter.start(bigSheet(1000), path, ReportExporter::Format::Xlsx));
    QVERIFY(exporter.running());
    QVERIFY(!exporter.start(bigSheet(10), path, ReportExporter::Format::Csv)); // one at a time
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(!exporter.running());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toInt(), 1000);
    QCOMPARE(progress.last().at(1).toInt(), 1000);
    QVERIFY(QFile::exists(path));
}

void TestReportModels::cancelStopsTheWorker()
{
    // Cancel (the window's button) right after the start: 500,000 rows are far from written by then.
    ReportExporter exporter;
    QSignalSpy finished(&exporter, &ReportExporter::finished);
    const QString path = m_dir.filePath(QStringLiteral("stopped.xlsx"));
    QVERIFY(exporter.start(bigSheet(500000), path, ReportExporter::Format::Xlsx));
    exporter.cancel();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(finished.first().at(1).toBool(), true); // cancelled
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestReportModels)
#include "tst_reportmodels.moc"
