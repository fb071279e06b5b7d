#include "bench/SyncBench.h"

#include "bench/BenchPaths.h"
#include "bench/DemoServer.h"
#include "bench/DemoTeam.h"
#include "bench/FoundationBench.h"
#include "domain/JsonCodec.h"
#include "domain/Uuid.h"
#include "storage/LocalTicketWorld.h"
#include "sync/WorkstationCore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <unistd.h>

namespace gongdan::demo {

namespace {

const QString kPassword = QStringLiteral("bench-password");

/// How the bench turns the event loop while it waits.
enum class Turn {
    /// Without sleeping: for the latencies (a sleeping wait was tried and doubled the latencies it
    /// measures on PostgreSQL — some replies waited for the next wake-up).
    Spin,
    /// Sleeping until something happens, as the workstation's own event loop does: for a first sync,
    /// where a spinning loop would take a core from the decoding thread and the server.
    Sleep,
};

// The bench drives its clients by turning the event loop until a condition holds: a measuring harness,
// not product code.
bool waitFor(const std::function<bool()>& done, int ms, Turn turn = Turn::Spin)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > ms)
            return false;
        if (turn == Turn::Sleep) // (the overload with a time limit ignores WaitForMoreEvents)
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        else
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

/// CPU time this thread has used, in seconds; -1 where the platform does not say (POSIX only here).
double threadCpuSeconds()
{
#if defined(CLOCK_THREAD_CPUTIME_ID)
    timespec now {};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0)
        return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
#endif
    return -1;
}

/// CPU time, in seconds, of this process's thread whose name starts with `name` (Linux: /proc); -1 when
/// there is none. The sync engine stores on a thread of its own ("gongdan-sync-store").
double namedThreadCpuSeconds(const QString& name)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(task + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly) || !name.startsWith(QString::fromUtf8(comm.readAll().trimmed())))
            continue;
        QFile stat(tasks.filePath(task + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            return -1;
        // After the name in parentheses: state is field 3, utime and stime fields 14 and 15 (clock ticks).
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 13)
            return -1;
        return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
    }
    return -1;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min<qsizetype>(values.size() - 1, static_cast<qsizetype>(p * values.size()));
    return values.at(index);
}

/// One HTTP call, answered asynchronously.
QNetworkReply* call(QNetworkAccessManager& network, const QString& base, const QString& token, const QByteArray& verb,
    const QString& path, const QJsonObject& body = {})
{
    QNetworkRequest request(QUrl(base + path));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    if (verb == "GET")
        return network.get(request);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QString signIn(QNetworkAccessManager& network, const QString& base, const QString& login, QString* userId = nullptr)
{
    QNetworkReply* reply = call(network, base, {}, "POST", QStringLiteral("/api/v1/session"),
        {{QStringLiteral("login"), login}, {QStringLiteral("password"), kPassword}});
    waitFor([reply] { return reply->isFinished(); }, 30000);
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    if (userId)
        *userId = answer.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
    return answer.value(QStringLiteral("token")).toString();
}

/// A ticket of the PouchDB comparison's shape: about 1.6 KB of JSON, and three comments.
// Ids as workstations make them (UUIDv7: time-ordered). Random v4 ids, which nothing in Gongdan makes,
// scatter every insert across the comment index (see docs/PERFORMANCE.md, "Third pass").
QString newId()
{
    static SystemClock clock;
    static UuidV7Generator ids(clock);
    return ids.next();
}

Ticket benchTicket(qint64 i, const QString& groupId, const QString& assigneeId)
{
    static const QString body = QString::fromUtf8(
        "客户来电反映家中宽带自昨晚起频繁掉线，光猫指示灯闪红，已尝试重启路由器和光猫均无效。客户表示在家办公，"
        "急需恢复网络，希望今天之内安排师傅上门检修；如需更换设备请提前电话联系，客户下午三点后在家。");
    Ticket t;
    t.id = newId();
    t.number = QStringLiteral("BEN-%1").arg(i, 6, 10, QLatin1Char('0'));
    t.subject = QString::fromUtf8("宽带频繁掉线，需上门检修 #%1").arg(i);
    t.description = body + body.left(120);
    t.needType = NeedType::Repair;
    t.priority = i % 7 == 0 ? Priority::Urgent : Priority::Normal;
    t.tags = {QStringLiteral("宽带"), QStringLiteral("上门")};
    t.groupId = groupId;
    t.assigneeId = assigneeId;
    t.contactName = QString::fromUtf8("王小明");
    t.contactPhone = QStringLiteral("138%1").arg(10000000 + i % 89999999);
    // A field the team defines (the server refuses values of undefined ones: the ticket would not exist).
    t.customFields = {{QStringLiteral("order_no"), QStringLiteral("DD%1").arg(100000000000LL + i, 12, 10)}};
    t.createdAt = t.updatedAt = QDateTime::currentDateTimeUtc();
    return t;
}

/// A workstation without windows, in the bench's folder.
std::unique_ptr<WorkstationCore> openDesk(const QString& directory, const QString& name, const Clock& clock)
{
    auto opened = WorkstationCore::open(directory + QLatin1Char('/') + name + QStringLiteral(".sqlite"), clock,
        {WorkstationCore::Numbering::DeviceRefs, {}});
    if (!opened)
        qFatal("%s", qPrintable(opened.error().message));
    return std::move(opened.value());
}

qint64 count(Database& db, const QString& sql)
{
    QSqlQuery query(db.sql());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

int runSyncBench(const SyncBenchOptions& options, QTextStream& out, QTextStream& err)
{
    const QString parent = options.directory.isEmpty() ? QDir::tempPath() : options.directory;
    QString problem = folderProblem(QStringLiteral("--dir"), parent);
    if (problem.isEmpty() && !options.database.isEmpty())
        problem = databaseProblem(QStringLiteral("--database"), options.database);
    const QString file
        = options.database.startsWith(QLatin1String("sqlite:")) ? options.database.mid(7) : options.database;
    if (problem.isEmpty() && options.loaded && !file.isEmpty() && !file.startsWith(QLatin1String("postgres"))
        && !QFileInfo::exists(file))
        problem = QStringLiteral("--loaded: the --database \"%1\" does not exist").arg(file);
    if (!problem.isEmpty()) {
        err << problem << Qt::endl;
        return 2;
    }
    QTemporaryDir dir(parent + QStringLiteral("/gongdan-sync-bench-XXXXXX"));
    if (!dir.isValid()) {
        err << "cannot make a temporary folder in " << parent << ": " << dir.errorString() << Qt::endl;
        return 1;
    }
    const QString database
        = options.database.isEmpty() ? dir.filePath(QStringLiteral("team.sqlite")) : options.database;
    if (options.loaded && options.database.isEmpty()) {
        err << "--loaded needs the --database an earlier run loaded" << Qt::endl;
        return 2;
    }
    TeamSeedOptions seeding; // the team alone: the bench loads its own tickets below
    seeding.database = database;
    seeding.password = kPassword;
    seeding.tickets = 0;
    if (!options.loaded && seedTeamServer(seeding, err, err) != 0)
        return 1;

    QProcess server;
    server.setProgram(QCoreApplication::applicationDirPath() + QStringLiteral("/gongdan-server"));
    server.setArguments({QStringLiteral("--database"), database, QStringLiteral("--port"), QStringLiteral("0")});
    server.start();
    QByteArray log;
    int port = 0;
    waitFor(
        [&] {
            log += server.readAllStandardError();
            for (const QByteArray& line : log.split('\n')) {
                const QJsonObject entry = QJsonDocument::fromJson(line).object();
                if (entry.value(QStringLiteral("event")).toString() == QLatin1String("listening"))
                    port = entry.value(QStringLiteral("port")).toInt();
            }
            return port != 0 || server.state() == QProcess::NotRunning;
        },
        20000);
    if (port == 0) {
        err << "gongdan-server did not start: " << QString::fromUtf8(log) << Qt::endl;
        return 1;
    }
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    QNetworkAccessManager network;
    const DemoTeam& team = DemoTeam::instance();
    const QString adminToken = signIn(network, base, QStringLiteral("admin"));
    // agent1, a supervisor: sees every ticket (the full first sync, as PouchDB replicates everything),
    // and has a tenth of them assigned (the own queue).
    const QString ownId = team.agents.at(0).id;

    // Load: four devices push creates and comments in batches of 500, side by side.
    constexpr int kLoaders = 4, kBatch = 500;
    struct Loader {
        QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        qint64 seq = 0;
        qint64 next = 0; ///< next ticket index of this loader
        qint64 end = 0;
        bool done = false;
    };
    QList<Loader> loaders(kLoaders);
    for (int i = 0; i < kLoaders; ++i) {
        loaders[i].next = options.tickets * i / kLoaders;
        loaders[i].end = options.tickets * (i + 1) / kLoaders;
    }
    qint64 intents = 0, failures = 0;
    std::function<void(Loader&)> pushNext = [&](Loader& loader) {
        QJsonArray batch;
        while (loader.next < loader.end && batch.size() + 4 <= kBatch) {
            const qint64 i = loader.next++;
            const DemoAgent& agent = team.agents.at(5 + i % 10); // agents a-06 … a-15
            const Ticket t = benchTicket(i, team.groups.at(i % team.groups.size()).id,
                i % 10 == 0 ? ownId : (i % 3 == 0 ? agent.id : QString()));
            auto mutation = [&](const QString& name, const QJsonObject& args) {
                return QJsonObject {{QStringLiteral("seq"), ++loader.seq},
                    {QStringLiteral("mutation_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                    {QStringLiteral("name"), name}, {QStringLiteral("entity_id"), t.id},
                    {QStringLiteral("args"), args}};
            };
            batch.append(mutation(QStringLiteral("ticket.create"), {{QStringLiteral("ticket"), JsonCodec::toJson(t)}}));
            for (int c = 0; c < 3; ++c) {
                const Comment comment {newId(), t.id, QString(),
                    c == 1 ? CommentVisibility::Internal : CommentVisibility::Public,
                    QString::fromUtf8("第 %1 次跟进：已与客户确认上门时间，师傅预计下午到达。").arg(c + 1), {},
                    QDateTime::currentDateTimeUtc()};
                batch.append(
                    mutation(QStringLiteral("comment.add"), {{QStringLiteral("comment"), JsonCodec::toJson(comment)}}));
            }
        }
        if (batch.isEmpty()) {
            loader.done = true;
            return;
        }
        QNetworkReply* reply = call(network, base, adminToken, "POST", QStringLiteral("/v1/sync/push"),
            {{QStringLiteral("client_id"), loader.clientId}, {QStringLiteral("mutations"), batch}});
        const qsizetype size = batch.size();
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, size, l = &loader] {
            reply->deleteLater();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                intents += size;
            else
                ++failures;
            pushNext(*l);
        });
    };
    QElapsedTimer load;
    load.start();
    if (!options.loaded) {
        for (Loader& loader : loaders)
            pushNext(loader);
        waitFor([&] { return std::all_of(loaders.begin(), loaders.end(), [](const Loader& l) { return l.done; }); },
            3600 * 1000);
        const double loadSeconds = load.elapsed() / 1000.0;
        printFigure(out, QStringLiteral("server.intents_per_s"), intents / loadSeconds, QStringLiteral("intents/s"));
        printFigure(
            out, QStringLiteral("load.failed_pushes"), static_cast<double>(failures), QStringLiteral("requests"));
    }

    // The server's share of a first sync: every page pulled and parsed, nothing stored.
    qint64 headSeq = 0;
    if (!options.loaded) {
        QElapsedTimer raw;
        raw.start();
        qint64 cursor = 0;
        bool more = true;
        while (more) {
            QNetworkReply* reply = call(
                network, base, adminToken, "GET", QStringLiteral("/v1/sync/pull?cursor=%1&limit=1000").arg(cursor));
            waitFor([reply] { return reply->isFinished(); }, 60000);
            const QJsonObject page = QJsonDocument::fromJson(reply->readAll()).object();
            reply->deleteLater();
            cursor = page.value(QStringLiteral("next_cursor")).toInteger();
            more = page.value(QStringLiteral("has_more")).toBool();
        }
        printFigure(out, QStringLiteral("sync.pull_only.seconds"), raw.elapsed() / 1000.0, QStringLiteral("s"));
        headSeq = cursor;
    }

    // First sync of a new workstation.
    SystemClock clock;
    auto firstDesk = openDesk(dir.path(), QStringLiteral("first"), clock);
    WorkstationCore& first = *firstDesk;
    const QString token6 = signIn(network, base, team.agents.at(0).login);
    const qint64 expectedOwn = (options.tickets + 9) / 10;
    QElapsedTimer sync;
    double ownSeconds = -1;
    qint64 ownAtReady = 0;
    double queueSeconds = -1;
    QObject::connect(&first.engine(), &SyncEngine::queueReady, &first.engine(),
        [&] { queueSeconds = sync.elapsed() / 1000.0; }); // every ticket stored: the queue is usable
    QObject::connect(&first.engine(), &SyncEngine::ownQueueReady, &first.engine(), [&] {
        ownSeconds = sync.elapsed() / 1000.0; // what the workstation is told: its queue is usable
        ownAtReady
            = count(first.db(), QStringLiteral("SELECT count(*) FROM ticket WHERE assignee_id = '%1'").arg(ownId));
    });
    // How long the UI thread (this one, in the workstation the window's) is kept from its event loop
    // during the first sync: the longest gap between two ticks of a 5 ms timer.
    QTimer watchdog;
    watchdog.setTimerType(Qt::PreciseTimer);
    watchdog.setInterval(5);
    QElapsedTimer sinceTick;
    qint64 longestGapNs = 0;
    QObject::connect(&watchdog, &QTimer::timeout, &watchdog, [&] {
        longestGapNs = std::max(longestGapNs, sinceTick.nsecsElapsed());
        sinceTick.start();
    });
    const double storeCpuBefore = namedThreadCpuSeconds(QStringLiteral("gongdan-sync-store"));
    const double uiCpuBefore = threadCpuSeconds();
    sync.start();
    sinceTick.start();
    watchdog.start();
    first.engine().start(QUrl(base), token6);
    waitFor([&] { return first.engine().state() == SyncEngine::State::Idle; }, 3600 * 1000, Turn::Sleep);
    const double completeSeconds = sync.elapsed() / 1000.0;
    watchdog.stop();
    longestGapNs = std::max(longestGapNs, sinceTick.nsecsElapsed());
    printFigure(out, QStringLiteral("sync.first.ui_max_block_ms"), longestGapNs / 1e6, QStringLiteral("ms"));
    printFigure(out, QStringLiteral("sync.first.seconds"), queueSeconds, QStringLiteral("s"));
    // Every comment stored too, and the pull after the snapshot done: the engine is in step.
    printFigure(out, QStringLiteral("sync.first.complete_seconds"), completeSeconds, QStringLiteral("s"));
    // The workstation's thread — storing every page and the indexes at the end — is what a first sync
    // waits for; its CPU time varies far less than the wall time on a shared machine.
    if (const double after = namedThreadCpuSeconds(QStringLiteral("gongdan-sync-store"));
        after >= 0 && storeCpuBefore >= 0)
        printFigure(out, QStringLiteral("sync.first.store_cpu_seconds"), after - storeCpuBefore, QStringLiteral("s"));
    if (const double after = threadCpuSeconds(); after >= 0 && uiCpuBefore >= 0)
        printFigure(out, QStringLiteral("sync.first.ui_cpu_seconds"), after - uiCpuBefore, QStringLiteral("s"));
    if (headSeq == 0) // not measured (--loaded): the history up to where the first sync started
        headSeq = count(first.db(), QStringLiteral("SELECT cursor FROM sync_state WHERE id = 1"));
    // Only if every one of the user's tickets was there when the queue was declared usable.
    printFigure(out, QStringLiteral("sync.own_queue.seconds"), ownAtReady >= expectedOwn ? ownSeconds : -1,
        QStringLiteral("s"));
    printFigure(out, QStringLiteral("sync.first.tickets"),
        static_cast<double>(count(first.db(), QStringLiteral("SELECT count(*) FROM ticket"))),
        QStringLiteral("tickets"));
    // Full-text search is built behind the usable queue (SearchIndexer): when every row is searchable.
    waitFor([&] { return !first.engine().searching(); }, 3600 * 1000, Turn::Sleep);
    printFigure(out, QStringLiteral("sync.search_ready.seconds"), sync.elapsed() / 1000.0, QStringLiteral("s"));

    // Propagation: the same agent edits on one desk; the other desk (synced, socket up) shows it.
    auto otherDesk = openDesk(dir.path(), QStringLiteral("other"), clock);
    WorkstationCore& other = *otherDesk;
    other.engine().start(QUrl(base), token6);
    waitFor(
        [&] {
            return other.engine().state() == SyncEngine::State::Idle && other.engine().socketReady()
                && !other.engine().searching();
        },
        3600 * 1000);
    waitFor([&] { return first.engine().socketReady(); }, 10000);
    QSqlQuery pick(first.db().sql());
    pick.exec(QStringLiteral("SELECT id FROM ticket WHERE assignee_id = '%1' LIMIT 1").arg(ownId));
    const QString ticketId = pick.next() ? pick.value(0).toString() : QString();
    // A statement left active keeps its read transaction open: the desk's next write on this connection would
    // then meet the sync writer's newer commits and fail (SQLITE_BUSY_SNAPSHOT).
    pick.finish();
    QList<double> latencies;
    int lostRounds = 0; // edits that failed or were not seen on the other desk within 10 s
    for (int round = 0; round < 100 && !ticketId.isEmpty(); ++round) {
        const QString subject = QStringLiteral("改 %1").arg(round);
        bool seen = false;
        QElapsedTimer edit;
        auto watch = QObject::connect(
            &other.engine(), &SyncEngine::ticketsChanged, &other.engine(), [&](const QStringList& ids) {
                seen = seen || (ids.contains(ticketId) && other.tickets().find(ticketId)->subject == subject);
            });
        edit.start();
        const auto patched = first.tickets().patch(
            ticketId, {{QStringLiteral("subject"), subject}}, LocalTicketWorld::principalOf(first.db(), ownId));
        if (!patched) {
            ++lostRounds;
            std::fprintf(
                stderr, "propagation round %d: the edit failed: %s\n", round, qPrintable(patched.error().message));
            continue;
        }
        first.engine().changesQueued();
        if (waitFor([&] { return seen; }, 10000))
            latencies.append(edit.nsecsElapsed() / 1e6);
        else
            ++lostRounds;
        QObject::disconnect(watch);
        waitFor([&] { return first.engine().state() == SyncEngine::State::Idle; }, 10000);
    }
    printFigure(out, QStringLiteral("sync.propagation.median_ms"), percentile(latencies, 0.5), QStringLiteral("ms"));
    printFigure(out, QStringLiteral("sync.propagation.p99_ms"), percentile(latencies, 0.99), QStringLiteral("ms"));
    printFigure(out, QStringLiteral("sync.propagation.lost_rounds"), lostRounds, QStringLiteral("rounds"));
    first.engine().stop();
    other.engine().stop();

    if (options.agents > 0) {
        // N agents in step with the server (their cursors at the head), each pulling every 5 s and adding a
        // comment to a ticket in its scope once in the 30 s — a floor at work, not a floor bootstrapping.
        QStringList tokens;
        QList<QStringList> ticketsOf; // per token: tickets of that agent's group
        for (int i = 0; i < 10; ++i) {
            const DemoAgent& agent = team.agents.at(5 + i);
            tokens.append(signIn(network, base, agent.login));
            QStringList ids;
            QSqlQuery mine(first.db().sql());
            mine.exec(QStringLiteral("SELECT id FROM ticket WHERE group_id = '%1' LIMIT 50").arg(agent.groupId));
            while (mine.next())
                ids.append(mine.value(0).toString());
            ticketsOf.append(ids);
        }
        struct Agent {
            std::unique_ptr<QNetworkAccessManager> network = std::make_unique<QNetworkAccessManager>();
            QString token, ticketId, clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            qint64 cursor = 0;
            int pulls = 0;
            qint64 seq = 0;
        };
        std::vector<Agent> agents(static_cast<size_t>(options.agents));
        QList<double> requestMs;
        qint64 errors = 0;
        for (size_t i = 0; i < agents.size(); ++i) {
            const int which = static_cast<int>(i % tokens.size());
            agents[i].token = tokens.at(which);
            agents[i].ticketId = ticketsOf.at(which).value(
                static_cast<int>(i / tokens.size()) % std::max<qsizetype>(1, ticketsOf.at(which).size()));
            agents[i].cursor = headSeq;
        }
        QElapsedTimer soak;
        soak.start();
        std::function<void(Agent&)> pull = [&](Agent& a) {
            if (soak.elapsed() > 30000)
                return;
            auto* timer = new QElapsedTimer;
            timer->start();
            const bool pushTurn = a.pulls++ == 3 && !a.ticketId.isEmpty();
            QNetworkReply* reply = nullptr;
            if (pushTurn) {
                const Comment comment {newId(), a.ticketId, QString(), CommentVisibility::Public,
                    QString::fromUtf8("已回电客户，问题已记录。"), {}, QDateTime::currentDateTimeUtc()};
                const QJsonObject mutation {{QStringLiteral("seq"), ++a.seq},
                    {QStringLiteral("mutation_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                    {QStringLiteral("name"), QStringLiteral("comment.add")}, {QStringLiteral("entity_id"), a.ticketId},
                    {QStringLiteral("args"), QJsonObject {{QStringLiteral("comment"), JsonCodec::toJson(comment)}}}};
                reply = call(*a.network, base, a.token, "POST", QStringLiteral("/v1/sync/push"),
                    {{QStringLiteral("client_id"), a.clientId}, {QStringLiteral("mutations"), QJsonArray {mutation}}});
            } else {
                reply = call(*a.network, base, a.token, "GET",
                    QStringLiteral("/v1/sync/pull?client_id=%1&cursor=%2&limit=1000").arg(a.clientId).arg(a.cursor));
            }
            QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, timer, pushTurn, ag = &a] {
                requestMs.append(timer->nsecsElapsed() / 1e6);
                delete timer;
                reply->deleteLater();
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                    ++errors;
                else if (!pushTurn)
                    ag->cursor = QJsonDocument::fromJson(reply->readAll())
                                     .object()
                                     .value(QStringLiteral("next_cursor"))
                                     .toInteger(ag->cursor);
                QTimer::singleShot(5000, ag->network.get(), [&, ag] { pull(*ag); });
            });
        };
        for (size_t i = 0; i < agents.size(); ++i) // spread over the first 5 s, as a floor would be
            QTimer::singleShot(
                static_cast<int>(5000 * i / agents.size()), agents[i].network.get(), [&, i] { pull(agents[i]); });
        waitFor([&] { return soak.elapsed() > 36000; }, 40000);
        printFigure(out, QStringLiteral("server.p99_ms"), percentile(requestMs, 0.99), QStringLiteral("ms"));
        printFigure(out, QStringLiteral("server.median_ms"), percentile(requestMs, 0.5), QStringLiteral("ms"));
        printFigure(
            out, QStringLiteral("server.requests"), static_cast<double>(requestMs.size()), QStringLiteral("requests"));
        printFigure(out, QStringLiteral("server.errors"), static_cast<double>(errors), QStringLiteral("requests"));
    }
    server.terminate();
    server.waitForFinished(20000);
    return 0;
}

} // namespace gongdan::demo
