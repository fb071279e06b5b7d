#include "bench/FoundationBench.h"

#include "bench/BenchPaths.h"
#include "bench/DemoSeeder.h"
#include "storage/TicketSearch.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <algorithm>

namespace gongdan::demo {

namespace {

double timeQueries(TicketSearch& search, const QStringList& terms, int rounds, qint64* hits)
{
    QList<double> times;
    for (int round = 0; round < rounds; ++round) {
        for (const QString& term : terms) {
            QElapsedTimer timer;
            timer.start();
            auto result = search.search(term, 50);
            times.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            if (result)
                *hits += result.value().size();
        }
    }
    return median(times);
}

} // namespace

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
}

void printFigure(QTextStream& out, const QString& name, double value, const QString& unit)
{
    const QJsonObject object {
        {QStringLiteral("name"), name}, {QStringLiteral("value"), value}, {QStringLiteral("unit"), unit}};
    out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << Qt::endl;
}

int runFoundationBench(qint64 tickets, quint32 seed, const QString& directory, QTextStream& out, QTextStream& err)
{
    const QString parent = directory.isEmpty() ? QDir::tempPath() : directory;
    if (const QString problem = folderProblem(QStringLiteral("--dir"), parent); !problem.isEmpty()) {
        err << problem << Qt::endl;
        return 2;
    }
    QTemporaryDir temp(parent + QStringLiteral("/gongdan-bench-XXXXXX"));
    if (!temp.isValid()) {
        err << "cannot make a temporary folder in " << parent << ": " << temp.errorString() << Qt::endl;
        return 1;
    }
    const QString path = temp.filePath(QStringLiteral("bench.sqlite"));
    SystemClock clock;
    {
        auto db = Database::open(path, clock, Database::Options {true, -1});
        if (!db) {
            err << db.error().message << Qt::endl;
            return 1;
        }
        QElapsedTimer timer;
        timer.start();
        DemoSeeder seeder(*db.value(), SeedOptions {tickets, seed, QDateTime(QDate(2026, 11, 20), QTime(18, 0))});
        auto report = seeder.run();
        if (!report) {
            err << report.error().message << Qt::endl;
            return 1;
        }
        const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        printFigure(out, QStringLiteral("seed.seconds"), seconds, QStringLiteral("s"));
        printFigure(out, QStringLiteral("seed.tickets_per_s"), static_cast<double>(tickets) / seconds,
            QStringLiteral("tickets/s"));
        printFigure(
            out, QStringLiteral("seed.comments"), static_cast<double>(report.value().comments), QStringLiteral("rows"));
        printFigure(
            out, QStringLiteral("seed.events"), static_cast<double>(report.value().events), QStringLiteral("rows"));
        db.value()->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    printFigure(out, QStringLiteral("store.bytes_per_ticket"),
        static_cast<double>(bytes) / static_cast<double>(tickets), QStringLiteral("bytes"));

    auto db = Database::open(path, clock);
    if (!db) {
        err << db.error().message << Qt::endl;
        return 1;
    }
    TicketSearch search(*db.value());
    QStringList phones;
    QRandomGenerator pick(seed);
    QSqlQuery query(db.value()->sql());
    query.exec(QStringLiteral("SELECT contact_phone FROM ticket WHERE rowid % 997 = 1 LIMIT 20"));
    while (query.next()) {
        const QString phone = query.value(0).toString();
        const int length = 4 + pick.bounded(4);
        phones.append(phone.mid(pick.bounded(static_cast<int>(phone.size()) - length + 1), length));
    }
    const QStringList zh
        = QString::fromUtf8("退款|物流|维修|发票|快递|投诉|上门|故障|配件|延保").split(QLatin1Char('|'));
    const QStringList en {QStringLiteral("wifi"), QStringLiteral("app"), QStringLiteral("invoice"),
        QStringLiteral("bluetooth"), QStringLiteral("lite"), QStringLiteral("max")};
    qint64 hits = 0;
    timeQueries(search, zh, 1, &hits); // warm the page cache, as an agent's session would be
    printFigure(out, QStringLiteral("fts.zh2.median_ms"), timeQueries(search, zh, 5, &hits), QStringLiteral("ms"));
    printFigure(out, QStringLiteral("fts.en.median_ms"), timeQueries(search, en, 5, &hits), QStringLiteral("ms"));
    printFigure(
        out, QStringLiteral("fts.phone.median_ms"), timeQueries(search, phones, 5, &hits), QStringLiteral("ms"));
    printFigure(out, QStringLiteral("fts.hits"), static_cast<double>(hits), QStringLiteral("rows"));
    if (hits == 0)
        err << "no search found anything: the figures above measured empty results" << Qt::endl;
    return hits > 0 ? 0 : 1;
}

} // namespace gongdan::demo
