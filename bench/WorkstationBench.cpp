#include "bench/WorkstationBench.h"

#include "bench/BenchPaths.h"
#include "bench/DemoSeeder.h"
#include "bench/DemoTeam.h"
#include "bench/FoundationBench.h"
#include "models/TicketQueueModel.h"
#include "models/ViewListModel.h"
#include "storage/FieldDefinitionRepository.h"
#include "storage/LocalNumberAllocator.h"
#include "storage/LocalTicketWorld.h"
#include "storage/TeamDirectory.h"
#include "storage/TicketRepository.h"
#include "ui/form/TicketForm.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <unistd.h>

namespace gongdan::demo {

namespace {

double ms(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

TicketView view(const QString& id)
{
    for (const TicketView& v : TicketView::builtIns()) {
        if (v.id == id)
            return v;
    }
    return {};
}

/// Drops the kernel's page cache when allowed (root), so that the first start is a cold one.
bool dropPageCache()
{
    QFile drop(QStringLiteral("/proc/sys/vm/drop_caches"));
    ::sync();
    return drop.open(QIODevice::WriteOnly) && drop.write("3\n") == 2;
}

/// Starts the workstation on `path` until its queue is first painted (it reports and quits), three
/// times: the first after dropping the page cache when allowed. Prints the start-up and memory figures.
int measureStartup(const QString& path, QTextStream& out, QTextStream& err)
{
    const QString binary = QCoreApplication::applicationDirPath() + QStringLiteral("/gongdan");
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("HOME"), home.path()); // fresh settings: the default layout
    QList<double> starts;
    double rssMb = -1;
    bool cold = false;
    for (int round = 0; round < 3; ++round) {
        if (round == 0)
            cold = dropPageCache();
        QProcess workstation;
        workstation.setProcessEnvironment(environment);
        QElapsedTimer timer;
        timer.start();
        workstation.start(binary,
            {QStringLiteral("--store"), path, QStringLiteral("--agent"), QStringLiteral("agent6"),
                QStringLiteral("--view"), QStringLiteral("all_open"), QStringLiteral("--report-first-paint")});
        QByteArray output;
        while (!output.contains("first-paint") && workstation.waitForReadyRead(30000))
            output += workstation.readAllStandardOutput();
        const double elapsed = ms(timer);
        workstation.waitForFinished(10000);
        const int at = output.indexOf("rss_kb=");
        if (at < 0) {
            err << "the workstation did not report its first paint: " << workstation.readAllStandardError() << Qt::endl;
            return 1;
        }
        starts.append(elapsed);
        rssMb = std::max(rssMb, output.mid(at + 7).trimmed().toDouble() / 1024.0);
        out << "# start " << round + 1 << (round == 0 && cold ? " (page cache dropped)" : "") << ": " << elapsed
            << " ms" << Qt::endl;
    }
    printFigure(out, QStringLiteral("startup.first_paint_ms"), starts.first(), QStringLiteral("ms"));
    printFigure(out, QStringLiteral("startup.warm_first_paint_ms"), median(starts.mid(1)), QStringLiteral("ms"));
    printFigure(out, QStringLiteral("rss.mb"), rssMb, QStringLiteral("MB"));
    return 0;
}

} // namespace

int runWorkstationBench(
    qint64 tickets, quint32 seed, const QString& directory, const QString& store, QTextStream& out, QTextStream& err)
{
    const QString parent = directory.isEmpty() ? QDir::tempPath() : directory;
    QString problem = store.isEmpty() ? folderProblem(QStringLiteral("--dir"), parent)
                                      : fileProblem(QStringLiteral("--store"), store);
    if (problem.isEmpty() && !store.isEmpty() && !directory.isEmpty())
        problem = folderProblem(QStringLiteral("--dir"), directory);
    if (!problem.isEmpty()) {
        err << problem << Qt::endl;
        return 2;
    }
    QTemporaryDir temp(parent + QStringLiteral("/gongdan-ws-XXXXXX"));
    if (store.isEmpty() && !temp.isValid()) {
        err << "cannot make a temporary folder in " << parent << ": " << temp.errorString() << Qt::endl;
        return 1;
    }
    const QString path = store.isEmpty() ? temp.filePath(QStringLiteral("bench.sqlite")) : store;
    SystemClock clock;
    const QDateTime end = QDateTime::currentDateTimeUtc();
    if (!QFileInfo::exists(path)) {
        auto seeding = Database::open(path, clock, Database::Options {true, -1});
        if (!seeding) {
            err << seeding.error().message << Qt::endl;
            return 1;
        }
        if (auto seeded = DemoSeeder(*seeding.value(), SeedOptions {tickets, seed, end}).run(); !seeded) {
            err << "seeding " << path << " failed: " << seeded.error().message << Qt::endl;
            return 1;
        }
        seeding.value()->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    auto db = Database::open(path, clock);
    if (!db) {
        err << db.error().message << Qt::endl;
        return 1;
    }
    TeamDirectory directoryOfNames(*db.value());
    const ViewContext context {
        QStringLiteral("a-06"), clock.now(), FieldDefinitionRepository(*db.value()).definitions()};
    TicketQueueModel queue(*db.value(), clock, directoryOfNames);
    queue.setView(view(QStringLiteral("closed")), context); // warm the page cache, as a running session has

    // Each view twice: the first visit may read from disk (the start-up measurement of a previous run
    // drops the page cache), the second is what an agent switching views all day sees.
    QList<double> coldRows, firstRows;
    for (QList<double>* round : {&coldRows, &firstRows}) {
        for (const char* id : {"my_open", "unassigned", "all_open", "follow_up", "overdue", "closed"}) {
            QElapsedTimer timer;
            timer.start();
            queue.setView(view(QLatin1String(id)), context);
            round->append(ms(timer));
            out << "# first rows of " << id << (round == &coldRows ? " (first visit)" : "") << ": " << round->last()
                << " ms" << Qt::endl;
        }
    }
    printFigure(out, QStringLiteral("queue.first_rows_ms"), *std::max_element(firstRows.begin(), firstRows.end()),
        QStringLiteral("ms"));
    printFigure(out, QStringLiteral("queue.first_rows_first_visit_ms"),
        *std::max_element(coldRows.begin(), coldRows.end()), QStringLiteral("ms"));

    QList<double> lastRows;
    for (const char* id : {"my_open", "unassigned", "all_open", "follow_up", "overdue", "closed"}) {
        queue.setView(view(QLatin1String(id)), context);
        QElapsedTimer timer;
        timer.start();
        queue.jumpToEnd();
        const QString lastNumber = queue.index(queue.rowCount() - 1, TicketQueueModel::Number).data().toString();
        lastRows.append(ms(timer));
        out << "# last row of " << id << ": " << lastNumber << " in " << lastRows.last() << " ms" << Qt::endl;
    }
    printFigure(out, QStringLiteral("queue.last_row_ms"), *std::max_element(lastRows.begin(), lastRows.end()),
        QStringLiteral("ms"));

    double worstSort = 0;
    QString worstColumn;
    for (const char* id : {"all_open", "closed"}) {
        queue.setView(view(QLatin1String(id)), context);
        for (int column = 0; column < TicketQueueModel::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                QElapsedTimer timer;
                timer.start();
                queue.sort(column, order);
                if (ms(timer) > worstSort) {
                    worstSort = ms(timer);
                    worstColumn = QLatin1String(id) + QLatin1Char('/') + TicketQueueModel::sortFieldOf(column);
                }
            }
        }
    }
    printFigure(out, QStringLiteral("queue.sort_ms.max"), worstSort, QStringLiteral("ms"));
    out << "# slowest sort: " << worstColumn << Qt::endl;

    queue.setView(view(QStringLiteral("all_open")), context);
    QList<double> searches;
    // As typed: the growing prefixes of what agents search for.
    for (const char* typed : {"退", "退款", "物", "物流", "wi", "wifi", "138", "13800", "G2026", "投诉 上门"}) {
        QElapsedTimer timer;
        timer.start();
        queue.setSearchText(QString::fromUtf8(typed));
        searches.append(ms(timer));
    }
    queue.setSearchText(QString());
    printFigure(out, QStringLiteral("search.median_ms"), median(searches), QStringLiteral("ms"));

    QList<TicketView> ten = TicketView::builtIns();
    const auto custom = [&](const char* name, ViewCondition condition) {
        TicketView v;
        v.id = QLatin1String(name);
        v.nameZh = QLatin1String(name);
        v.conditions = {condition};
        ten.append(v);
    };
    custom("critical", {QStringLiteral("priority"), ConditionOp::Is, QStringLiteral("critical")});
    custom("complaints", {QStringLiteral("need_type"), ConditionOp::Is, QStringLiteral("complaint")});
    custom("logistics", {QStringLiteral("group_id"), ConditionOp::Is, QStringLiteral("g-logistics")});
    custom("has_order", {QStringLiteral("custom_fields.order_no"), ConditionOp::IsNotEmpty, QJsonValue()});
    ViewListModel counts(*db.value(), ViewListModel::Counting::Synchronous);
    QElapsedTimer timer;
    timer.start();
    counts.setViews(ten, context);
    const double fullCount = ms(timer);
    // Live counts: 50 open tickets change (assigned to another agent and raised to 特急); the counts
    // follow from those tickets alone, before and after, as the window's do.
    QStringList changing;
    queue.setView(view(QStringLiteral("all_open")), context);
    for (int row = 0; changing.size() < 50 && row < queue.rowCount(); ++row)
        changing.append(queue.ticketId(row));
    FieldDefinitionRepository fieldRepository(*db.value());
    LocalNumberAllocator numbers(*db.value());
    TicketRepository repository(*db.value(), numbers, fieldRepository);
    // Alternate between two states, so that every run of the bench really changes these tickets.
    const bool second = !changing.isEmpty() && repository.find(changing.first())->assigneeId == QLatin1String("a-07");
    // Each assignee with their group: an assignee must belong to the ticket's group (TicketRules).
    const QJsonObject change {{QStringLiteral("assignee_id"), second ? QStringLiteral("a-08") : QStringLiteral("a-07")},
        {QStringLiteral("group_id"), second ? QStringLiteral("g-support") : QStringLiteral("g-logistics")},
        {QStringLiteral("priority"), second ? QStringLiteral("urgent") : QStringLiteral("critical")}};
    const Principal supervisor = LocalTicketWorld::principalOf(*db.value(), QStringLiteral("a-01"));
    QElapsedTimer live;
    live.start();
    counts.ticketsAboutToChange(changing);
    double liveMs = ms(live);
    for (const QString& id : std::as_const(changing)) {
        if (auto patched = repository.patch(id, change, supervisor); !patched)
            out << "# the change was refused: " << patched.error().message << Qt::endl;
    }
    live.restart();
    counts.ticketsChanged(changing);
    liveMs += ms(live);
    bool match = true;
    for (int row = 0; row < counts.rowCount(); ++row)
        match = match
            && counts.index(row).data(ViewListModel::CountRole).toLongLong()
                == ViewListModel::countOf(*db.value(), counts.view(row), context);
    out << "# live counts after the change equal a full count: " << (match ? "yes" : "NO") << Qt::endl;
    printFigure(out, QStringLiteral("counts.10views_ms"), liveMs, QStringLiteral("ms"));
    printFigure(out, QStringLiteral("counts.10views_full_ms"), fullCount, QStringLiteral("ms"));

    // A 50-field generated form: the demo definitions repeated under new keys, every type included.
    QList<FieldDefinition> fifty;
    for (int i = 0; fifty.size() < 50; ++i) {
        FieldDefinition def = DemoTeam::instance().fields.at(i % DemoTeam::instance().fields.size());
        def.key += QStringLiteral("_%1").arg(i);
        def.categoryIds.clear();
        fifty.append(def);
    }
    const CategoryTree categories = CategoryTree::build(DemoTeam::instance().categories).value();
    QList<double> forms;
    for (int round = 0; round < 11; ++round) {
        QElapsedTimer formTimer;
        formTimer.start();
        TicketForm form(clock);
        form.setDefinitions(fifty, categories, Role::Agent, true);
        form.adjustSize(); // lay it out, as showing it would
        forms.append(ms(formTimer));
    }
    printFigure(out, QStringLiteral("form.50fields_ms"), median(forms), QStringLiteral("ms"));
    // The workstation opens the store itself; this connection stays open, as a second reader (WAL).
    return measureStartup(path, out, err);
}

} // namespace gongdan::demo
