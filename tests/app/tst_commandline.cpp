// The command-line tools as run from a shell: the workstation answers --help and --version without a
// display, and gongdan-bench refuses a path it cannot use with a sentence naming it instead of figures.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCommandLine : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void workstationAnswersWithoutADisplay_data();
    void workstationAnswersWithoutADisplay();
    void benchRefusesPathsItCannotUse_data();
    void benchRefusesPathsItCannotUse();

private:
    struct Run {
        int exitCode = -1;
        QString out, err;
    };
    static Run run(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment);

    QTemporaryDir m_dir;
};

TestCommandLine::Run TestCommandLine::run(
    const QString& program, const QStringList& arguments, const QProcessEnvironment& environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Run result;
    if (!process.waitForStarted(10000))
        return result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestCommandLine::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile file(m_dir.filePath(QStringLiteral("a-file")));
    QVERIFY(file.open(QIODevice::WriteOnly));
}

void TestCommandLine::workstationAnswersWithoutADisplay_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--help") << QStringLiteral("--help") << QStringLiteral("--store <PATH>");
    QTest::newRow("-h") << QStringLiteral("-h") << QStringLiteral("--report-first-paint");
    QTest::newRow("--version") << QStringLiteral("--version") << QStringLiteral("gongdan 0.");
}

void TestCommandLine::workstationAnswersWithoutADisplay()
{
    QFETCH(QString, option);
    QFETCH(QString, expected);
    // A shell on a server, over ssh: no display, no platform chosen.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        environment.remove(QLatin1String(name));
    environment.insert(QStringLiteral("HOME"), m_dir.path());
    const Run result = run(QStringLiteral(GONGDAN_BINARY), {option}, environment);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(expected), qPrintable(result.out));
}

void TestCommandLine::benchRefusesPathsItCannotUse_data()
{
    const QString missing = m_dir.filePath(QStringLiteral("no-such-folder"));
    const QString file = m_dir.filePath(QStringLiteral("a-file"));
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::newRow("foundation --dir missing")
        << QStringList {QStringLiteral("foundation"), QStringLiteral("--dir"), missing} << missing;
    QTest::newRow("foundation --dir a file")
        << QStringList {QStringLiteral("foundation"), QStringLiteral("--dir"), file} << file;
    QTest::newRow("workstation --dir missing")
        << QStringList {QStringLiteral("workstation"), QStringLiteral("--dir"), missing} << missing;
    QTest::newRow("workstation --store in a missing folder")
        << QStringList {QStringLiteral("workstation"), QStringLiteral("--store"), missing + QStringLiteral("/s.sqlite")}
        << missing;
    QTest::newRow("seed --store in a missing folder") << QStringList {QStringLiteral("seed"), QStringLiteral("--store"),
        missing + QStringLiteral("/s.sqlite")} << missing;
    QTest::newRow("seed-team --database in a missing folder") << QStringList {QStringLiteral("seed-team"),
        QStringLiteral("--database"), missing + QStringLiteral("/t.sqlite")}
                                                              << missing;
    QTest::newRow("sync --dir missing") << QStringList {QStringLiteral("sync"), QStringLiteral("--dir"), missing}
                                        << missing;
    QTest::newRow("sync --database in a missing folder")
        << QStringList {QStringLiteral("sync"), QStringLiteral("--database"), missing + QStringLiteral("/t.sqlite")}
        << missing;
    QTest::newRow("sync --loaded without the database") << QStringList {QStringLiteral("sync"),
        QStringLiteral("--loaded"), QStringLiteral("--database"), m_dir.filePath(QStringLiteral("never-loaded.sqlite"))}
                                                        << m_dir.filePath(QStringLiteral("never-loaded.sqlite"));
}

void TestCommandLine::benchRefusesPathsItCannotUse()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    const Run result = run(QStringLiteral(GONGDAN_BENCH_BINARY),
        arguments + QStringList {QStringLiteral("--tickets"), QStringLiteral("50")},
        QProcessEnvironment::systemEnvironment());
    QVERIFY2(result.exitCode > 0, qPrintable(QStringLiteral("exit %1: %2").arg(result.exitCode).arg(result.out)));
    QVERIFY2(result.err.contains(QDir::toNativeSeparators(named)), qPrintable(result.err));
    QVERIFY2(!result.out.contains(QLatin1String("\"name\"")), qPrintable(result.out)); // no figures
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("no-such-folder"))));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
