// The Reports window driven as a supervisor would, against a real gongdan-server, both backends (workflows.md §9.7):
// only supervisors and admins have it (View ▸ Reports); the built-in per-department efficiency report runs on the
// server and shows the supervisor's group alone, as a table and a bar chart; a new definition with a condition that
// is not JSON is refused with the reason, fixed it runs; saved, it is a team record the server has after the sync;
// the table exports to .xlsx and CSV on a worker (progress, then the file) and to PDF. Screenshots in zh_CN and en go
// to $GONGDAN_SCREENSHOT_DIR (scripts/screenshots) or the temporary folder.
#include "models/ReportTableModel.h"
#include "storage/WorkflowRecords.h"
#include "tests/support/Desk.h"
#include "tests/support/ThrowawaySettings.h"
#include "ui/main/LanguageSwitcher.h"
#include "ui/main/MainWindow.h"
#include "ui/reports/ReportChart.h"
#include "ui/reports/ReportWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace gongdan;
using namespace gongdan::test;

class TestReportWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void agentsHaveNoReports_data() { addBackendRows(); }
    void agentsHaveNoReports();
    void aSupervisorRunsSavesAndExports_data() { addBackendRows(); }
    void aSupervisorRunsSavesAndExports();

private:
    HttpClient& as(const QString& login, const QString& password)
    {
        m_clients.push_back(std::make_unique<HttpClient>(m_fixture->baseUrl()));
        m_clients.back()->setToken(signIn(m_fixture->baseUrl(), login, password));
        return *m_clients.back();
    }
    void openWindow(const QString& login, const QString& password, const QString& name);
    template<typename T>
    T* child(const char* name)
    {
        auto* found = m_reports->findChild<T*>(QLatin1String(name));
        if (!found)
            qFatal("no %s", name);
        return found;
    }
    /// Clicks Run and waits for the answer; whether it was shown.
    bool runReport()
    {
        QSignalSpy ran(m_reports, &ReportWindow::ran);
        QTest::mouseClick(child<QPushButton>("runReport"), Qt::LeftButton);
        if (ran.isEmpty() && !ran.wait(20000))
            return false;
        return ran.first().at(0).toBool();
    }
    QString shotPath(const QString& name) const
    {
        const QString dir = qEnvironmentVariable("GONGDAN_SCREENSHOT_DIR", QDir::tempPath());
        return QDir(dir).filePath(name);
    }

    QTemporaryDir m_settings;
    QTemporaryDir m_files;
    LanguageSwitcher m_languages;
    std::unique_ptr<SeededServer> m_fixture;
    std::vector<std::unique_ptr<HttpClient>> m_clients;
    std::unique_ptr<Desk> m_desk;
    AgentSession m_session;
    std::unique_ptr<MainWindow> m_window;
    ReportWindow* m_reports = nullptr;
};

void TestReportWindow::initTestCase()
{
    useThrowawaySettings(m_settings.path(), QStringLiteral("GongdanTestReports"));
}

void TestReportWindow::init()
{
    QVERIFY(m_languages.switchTo(QLocale(QLocale::Chinese, QLocale::China)));
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
    HttpClient& boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const HttpResult chen = boss.post(QStringLiteral("/api/v1/users"),
        {{QStringLiteral("login"), QStringLiteral("chen")},
            {QStringLiteral("password"), QStringLiteral("chen-password")},
            {QStringLiteral("name"), QStringLiteral("陈主管")}, {QStringLiteral("role"), QStringLiteral("supervisor")},
            {QStringLiteral("groups"), QJsonArray {QStringLiteral("service")}}});
    QVERIFY2(chen.status == 201, chen.raw.constData());
}

void TestReportWindow::cleanup()
{
    m_reports = nullptr;
    m_window.reset();
    m_desk.reset();
    m_clients.clear();
    m_fixture.reset();
}

void TestReportWindow::openWindow(const QString& login, const QString& password, const QString& name)
{
    m_desk = std::make_unique<Desk>(m_fixture->baseUrl(), login, password);
    m_session = AgentSession {m_desk->userId, name, m_desk->me.role, m_desk->me.groupIds};
    m_window = std::make_unique<MainWindow>(*m_desk->store, m_session, m_languages);
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_desk->start();
    QVERIFY(m_desk->idle());
}

void TestReportWindow::agentsHaveNoReports()
{
    openWindow(QStringLiteral("li.na"), QStringLiteral("agent-password"), QStringLiteral("李娜"));
    auto* action = m_window->findChild<QAction*>(QStringLiteral("reportsAction"));
    QVERIFY(action);
    QVERIFY(!action->isVisible());
    QCOMPARE(m_window->openReports(), nullptr);
    QVERIFY(!m_window->findChild<ReportWindow*>());
}

void TestReportWindow::aSupervisorRunsSavesAndExports()
{
    HttpClient& boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    HttpClient& li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    // Three tickets in 客服部 (one answered once and closed), one in another group the supervisor does not see.
    QStringList service;
    for (int i = 0; i < 4; ++i) {
        const HttpResult created = boss.post(QStringLiteral("/api/v1/tickets"),
            {{QStringLiteral("subject"), QStringLiteral("空调不制冷 %1").arg(i)},
                {QStringLiteral("group_id"), i < 3 ? QStringLiteral("service") : QStringLiteral("field-ops")},
                {QStringLiteral("priority"), i == 0 ? QStringLiteral("urgent") : QStringLiteral("normal")}});
        QCOMPARE(created.status, 201);
        service.append(created.body[QStringLiteral("ticket")][QStringLiteral("id")].toString());
    }
    const QString path = QStringLiteral("/api/v1/tickets/") + service.first();
    QCOMPARE(
        li.post(path + QStringLiteral("/transitions"), {{QStringLiteral("action"), QStringLiteral("accept")}}).status,
        200);
    QCOMPARE(li.post(path + QStringLiteral("/comments"),
                   {{QStringLiteral("body"), QStringLiteral("已上门")},
                       {QStringLiteral("visibility"), QStringLiteral("public")}})
                 .status,
        201);
    QCOMPARE(li.post(path + QStringLiteral("/transitions"),
                   {{QStringLiteral("action"), QStringLiteral("close")},
                       {QStringLiteral("resolution"), QStringLiteral("已修好")},
                       {QStringLiteral("answer"), QStringLiteral("satisfied")}})
                 .status,
        200);

    openWindow(QStringLiteral("chen"), QStringLiteral("chen-password"), QStringLiteral("陈主管"));
    auto* action = m_window->findChild<QAction*>(QStringLiteral("reportsAction"));
    QVERIFY(action && action->isVisible());
    action->trigger();
    m_reports = m_window->findChild<ReportWindow*>();
    if (!m_reports) // a window of its own: not a child widget of the main window
        m_reports = m_window->openReports();
    QVERIFY(m_reports && m_reports->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(m_reports));

    // The example listed and shown first: 各部门处理效率, the supervisor's group alone.
    auto* list = child<QListView>("reportList");
    QCOMPARE(list->model()->rowCount(), 2);
    QCOMPARE(child<QLineEdit>("reportName")->text(), QStringLiteral("各部门处理效率"));
    QVERIFY(runReport());
    ReportTableModel& table = m_reports->table();
    QCOMPARE(table.rowCount(), 2); // 客服部 and the total
    QCOMPARE(table.index(0, 0).data().toString(), QStringLiteral("客服部"));
    QCOMPARE(table.index(1, 1).data().toString(), QStringLiteral("3")); // tickets
    QCOMPARE(table.index(1, 2).data().toString(), QStringLiteral("1")); // closed
    QCOMPARE(m_reports->chart().labels(), QStringList {QStringLiteral("客服部")});
    QCOMPARE(m_reports->chart().values(), QList<double> {3});
    QVERIFY(child<QLabel>("reportMessage")->text().contains(QLatin1String("3")));
    // The chart shows the measure chosen above it.
    auto* chartMeasure = child<QComboBox>("chartMeasure");
    QCOMPARE(chartMeasure->count(), 6);
    chartMeasure->setCurrentIndex(1); // closed
    QCOMPARE(m_reports->chart().values(), QList<double> {1});
    chartMeasure->setCurrentIndex(0);
    // The period's days in the team's time zone (Asia/Shanghai): the last of them is today there.
    const QString today = QDateTime::currentDateTimeUtc()
                              .toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai")))
                              .date()
                              .toString(Qt::ISODate);
    QVERIFY2(child<QLabel>("reportMessage")->text().endsWith(today + QStringLiteral("。")),
        qPrintable(child<QLabel>("reportMessage")->text()));
    QCoreApplication::processEvents(); // the chart lays itself out before the screenshot
    m_reports->grab().save(shotPath(QStringLiteral("reports-zh_CN.png")));

    // A new report by priority with a condition: not JSON first, refused with the reason.
    QTest::mouseClick(child<QPushButton>("newReport"), Qt::LeftButton);
    auto* name = child<QLineEdit>("reportName");
    QVERIFY(name->hasFocus() || !name->isActiveWindow()); // the new report's name is ready to type over
    name->setText(QStringLiteral("紧急工单周报")); // (QTest types no 中文: an input method would)
    auto* grouping = child<QComboBox>("reportGrouping");
    grouping->setCurrentIndex(grouping->findData(QStringLiteral("priority")));
    for (QCheckBox* box : m_reports->findChildren<QCheckBox*>()) {
        if (box->objectName().startsWith(QLatin1String("measure_")))
            box->setChecked(box->objectName() == QLatin1String("measure_tickets")
                || box->objectName() == QLatin1String("measure_one_touch_rate"));
    }
    // From … to …: the two dates show and make the period.
    auto* period = child<QComboBox>("reportPeriod");
    QVERIFY(!child<QDateEdit>("reportFrom")->isVisible());
    period->setCurrentIndex(period->count() - 1);
    QVERIFY(child<QDateEdit>("reportFrom")->isVisible());
    child<QDateEdit>("reportFrom")->setDate(QDate(2026, 1, 1));
    child<QDateEdit>("reportTo")->setDate(QDate(2026, 1, 31));
    const auto ranged = m_reports->editedDefinition();
    QVERIFY(ranged.ok());
    QCOMPARE(ranged.value().period.kind, ReportPeriod::Kind::Range);
    QCOMPARE(ranged.value().period.to, QDate(2026, 1, 31));
    period->setCurrentIndex(1); // the last 30 days again
    QVERIFY(!child<QDateEdit>("reportFrom")->isVisible());
    auto* condition = child<QPlainTextEdit>("reportCondition");
    condition->setPlainText(QStringLiteral("{\"all\": [{\"field\": \"priority\", \"op\": \"is\""));
    QVERIFY(!runReport());
    QVERIFY(child<QLabel>("reportMessage")->text().contains(QStringLiteral("JSON")));
    condition->setPlainText(
        QStringLiteral("{\"all\": [{\"field\": \"priority\", \"op\": \"is\", \"value\": \"urgent\"}]}"));
    QVERIFY(runReport());
    QCOMPARE(table.rowCount(), 2);
    QCOMPARE(table.index(0, 1).data().toString(), QStringLiteral("1"));
    QCOMPARE(table.index(0, 2).data().toString(), QStringLiteral("100.0%")); // closed with one public reply

    // Saved: listed at once, and on the server after the sync.
    QTest::mouseClick(child<QPushButton>("saveReportAsNew"), Qt::LeftButton);
    QCOMPARE(list->model()->rowCount(), 3);
    QCOMPARE(list->currentIndex().data().toString(), QStringLiteral("紧急工单周报"));
    QVERIFY(m_desk->idle());
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QJsonArray saved
                = boss.get(QStringLiteral("/api/v1/reports")).body[QStringLiteral("reports")].toArray();
            return saved.size() == 1
                && saved.at(0)[QStringLiteral("name")].toString() == QStringLiteral("紧急工单周报");
        },
        10000));

    // Another desk of the team keeps it too (the record kind "report" pulled like the other team records).
    Desk other(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    other.start();
    QVERIFY(other.idle());
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QList<QJsonObject> kept = WorkflowRecords(*other.db).list(WorkflowRecords::kReport);
            return kept.size() == 1
                && kept.first().value(QStringLiteral("name")).toString() == QStringLiteral("紧急工单周报");
        },
        10000));

    // Exports: .xlsx and CSV on a worker with the progress bar; PDF.
    QSignalSpy exported(&m_reports->exporter(), &ReportExporter::finished);
    const QString xlsx = m_files.filePath(QStringLiteral("report.xlsx"));
    QVERIFY(m_reports->exportTo(xlsx, ReportExporter::Format::Xlsx));
    QVERIFY(child<QProgressBar>("exportProgress")->isVisible());
    QVERIFY(exported.wait(20000));
    QVERIFY(exported.last().at(0).toBool());
    QVERIFY(!child<QProgressBar>("exportProgress")->isVisible());
    QVERIFY(QFile::exists(xlsx));
    const QString csv = m_files.filePath(QStringLiteral("report.csv"));
    QVERIFY(m_reports->exportTo(csv, ReportExporter::Format::Csv));
    QVERIFY(exported.wait(20000));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QVERIFY(csvFile.readLine().contains("紧急程度"));
    const QString pdf = m_files.filePath(QStringLiteral("report.pdf"));
    QVERIFY(m_reports->printToPdf(pdf));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QCOMPARE(pdfFile.read(4), QByteArray("%PDF"));

    // English: the window follows the language.
    QVERIFY(m_languages.switchTo(QLocale(QLocale::English, QLocale::UnitedStates)));
    QCoreApplication::processEvents(); // the language change reaches the window
    QVERIFY(m_reports->selectDefinition(QStringLiteral("builtin-satisfaction-by-type")));
    QVERIFY(runReport());
    QCOMPARE(child<QPushButton>("runReport")->text(), QStringLiteral("Run"));
    QCOMPARE(child<QLineEdit>("reportName")->text(), QStringLiteral("Satisfaction per ticket type"));
    QCOMPARE(m_reports->chart().labels(), QStringList {QStringLiteral("Consultation")});
    QCoreApplication::processEvents();
    m_reports->grab().save(shotPath(QStringLiteral("reports-en.png")));
}

QTEST_MAIN(TestReportWindow)
#include "tst_reportwindow.moc"
