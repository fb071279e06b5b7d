// gongdan-bench: demo data and performance figures. Subcommands:
//   seed --tickets N [--seed S] --store PATH    seed a demo team into a store
//   foundation [--tickets N] [--seed S] [--dir D]   store, search and size figures (JSON lines)
//   workstation [--tickets N] [--store PATH]        queue, sort, search and count figures (JSON lines)
//   seed-team --database LOCATION [--password P] [--tickets N] [--seed S] [--fresh]
//                                                   the demo team, its customers and tickets into a gongdan-server
//                                                   database
//   sync [--tickets N] [--agents A] [--database L [--loaded]]  sync figures against its own gongdan-server (JSON lines)
//   server-hostile [--tickets N] [--database postgresql://…]   hostile-client figures against its own gongdan-server
//                                                   (SQLite, and PostgreSQL with --database or GONGDAN_TEST_POSTGRES)
// A path that cannot be used (a --dir or a --store's folder that does not exist…) stops it with a sentence
// naming the path on stderr and a non-zero exit, before anything is measured.
#include "bench/BenchPaths.h"
#include "bench/DemoSeeder.h"
#include "bench/DemoServer.h"
#include "bench/FoundationBench.h"
#include "bench/HostileBench.h"
#include "bench/SyncBench.h"
#include "bench/WorkstationBench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>

using namespace gongdan;

int main(int argc, char** argv)
{
    // Widgets are measured too (the generated form); off screen unless a platform is chosen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gongdan-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Gongdan demo data and benchmarks"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("command"),
        QStringLiteral("seed | seed-team | foundation | workstation | sync | server-hostile"));
    parser.addOption({QStringLiteral("tickets"), QStringLiteral("Number of tickets (seed-team: 2000, else 10000)."),
        QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("S"), QStringLiteral("20231001")});
    parser.addOption({QStringLiteral("store"), QStringLiteral("Store file to seed."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Folder for temporary stores."), QStringLiteral("DIR")});
    parser.addOption(
        {QStringLiteral("database"), QStringLiteral("Team database (seed-team)."), QStringLiteral("LOCATION")});
    parser.addOption({QStringLiteral("agents"), QStringLiteral("Simulated agents for the server latency (sync)."),
        QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("loaded"),
        QStringLiteral("The --database was loaded by an earlier sync run with the same --tickets: measure without "
                       "seeding and loading it again (sync).")});
    parser.addOption({QStringLiteral("password"), QStringLiteral("Password of every demo user (seed-team)."),
        QStringLiteral("P"), QStringLiteral("demo-password")});
    parser.addOption({QStringLiteral("fresh"),
        QStringLiteral("Empty the team database first: everything in it is dropped and seeded anew (seed-team).")});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    bool ticketsOk = false, seedOk = false;
    const QString command = parser.positionalArguments().value(0);
    const QString defaultTickets = command == QLatin1String("seed-team") ? QStringLiteral("2000")
        : command == QLatin1String("server-hostile")                     ? QStringLiteral("200")
                                                                         : QStringLiteral("10000");
    const qint64 tickets
        = (parser.isSet(QStringLiteral("tickets")) ? parser.value(QStringLiteral("tickets")) : defaultTickets)
              .toLongLong(&ticketsOk);
    const quint32 seed = parser.value(QStringLiteral("seed")).toUInt(&seedOk);
    if (!ticketsOk || tickets < 1 || tickets > 10'000'000 || !seedOk) {
        err << "--tickets must be 1 to 10000000 and --seed a non-negative whole number" << Qt::endl;
        return 2;
    }
    if (command == QLatin1String("workstation")) {
        return demo::runWorkstationBench(
            tickets, seed, parser.value(QStringLiteral("dir")), parser.value(QStringLiteral("store")), out, err);
    }
    if (command == QLatin1String("seed-team")) {
        if (!parser.isSet(QStringLiteral("database"))) {
            err << "seed-team needs --database LOCATION" << Qt::endl;
            return 2;
        }
        if (const QString problem
            = demo::databaseProblem(QStringLiteral("--database"), parser.value(QStringLiteral("database")));
            !problem.isEmpty()) {
            err << problem << Qt::endl;
            return 2;
        }
        demo::TeamSeedOptions options;
        options.database = parser.value(QStringLiteral("database"));
        options.password = parser.value(QStringLiteral("password"));
        options.tickets = tickets;
        options.seed = seed;
        options.fresh = parser.isSet(QStringLiteral("fresh"));
        return demo::seedTeamServer(options, out, err);
    }
    if (command == QLatin1String("sync")) {
        const demo::SyncBenchOptions options {tickets, parser.value(QStringLiteral("agents")).toInt(),
            parser.value(QStringLiteral("database")), parser.value(QStringLiteral("dir")),
            parser.isSet(QStringLiteral("loaded"))};
        return demo::runSyncBench(options, out, err);
    }
    if (command == QLatin1String("server-hostile")) {
        return demo::runHostileBench(
            {tickets, parser.value(QStringLiteral("database")), parser.value(QStringLiteral("dir"))}, out, err);
    }
    if (command == QLatin1String("foundation"))
        return demo::runFoundationBench(tickets, seed, parser.value(QStringLiteral("dir")), out, err);
    if (command == QLatin1String("seed")) {
        const QString store = parser.value(QStringLiteral("store"));
        if (store.isEmpty()) {
            err << "seed needs --store PATH" << Qt::endl;
            return 2;
        }
        if (const QString problem = demo::fileProblem(QStringLiteral("--store"), store); !problem.isEmpty()) {
            err << problem << Qt::endl;
            return 2;
        }
        SystemClock clock;
        auto db = Database::open(store, clock, Database::Options {true, -1});
        if (!db) {
            err << db.error().message << Qt::endl;
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        demo::DemoSeeder seeder(*db.value(), demo::SeedOptions {tickets, seed, {}});
        auto report = seeder.run([&](qint64 done) { err << "\rseeded " << done << " / " << tickets << Qt::flush; });
        err << Qt::endl;
        if (!report) {
            err << report.error().message << Qt::endl;
            return 1;
        }
        db.value()->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        out << "Seeded " << report.value().tickets << " tickets, " << report.value().comments << " comments, "
            << report.value().events << " events, " << report.value().customers << " customers into " << store << " in "
            << timer.elapsed() / 1000.0 << " s" << Qt::endl;
        return 0;
    }
    err << "unknown command " << (command.isEmpty() ? QStringLiteral("(none)") : command)
        << "; use seed, seed-team, foundation, workstation, sync or server-hostile (see --help)" << Qt::endl;
    return 2;
}
