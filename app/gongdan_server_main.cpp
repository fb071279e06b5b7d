// gongdan-server: the team server (or, as `gongdan-server admin …`, its account tool; `backup` and `restore`: its
// database's, beside the running server — server/BackupCommand). The team database is a SQLite
// file by default and PostgreSQL in production (--database postgresql://user@host:port/db); migrations run on start.
// Logs are JSON lines on stderr. SIGTERM and SIGINT stop it cleanly: the request in progress finishes, the database
// closes.
#include "server/AccountRoutes.h"
#include "server/AdminCommand.h"
#include "server/AttachmentRoutes.h"
#include "server/AuditCommand.h"
#include "server/AuditRoutes.h"
#include "server/BackupCommand.h"
#include "server/CalendarCommand.h"
#include "server/CalendarRoutes.h"
#include "server/DashboardRoutes.h"
#include "server/DashboardStream.h"
#include "server/DispatchRoutes.h"
#include "server/Dispatcher.h"
#include "server/EpochWatch.h"
#include "server/EscalationScheduler.h"
#include "server/HeapPolicy.h"
#include "server/HttpApi.h"
#include "server/NotificationRoutes.h"
#include "server/PokeHub.h"
#include "server/RecordRoutes.h"
#include "server/ReportRoutes.h"
#include "server/ServerLog.h"
#include "server/SignInOptions.h"
#include "server/SyncRoutes.h"
#include "server/TicketRoutes.h"
#include "server/UnmaskRoutes.h"
#include "server/ViewRoutes.h"
#include "teamdb/ServerDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace gongdan;

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1); // async-signal-safe
}

} // namespace

int main(int argc, char** argv)
{
    HeapPolicy::keepFreedMemoryForReuse(); // (only faster, or not)
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gongdan-server"));
    if (app.arguments().value(1) == QLatin1String("admin")) {
        QTextStream in(stdin), out(stdout), err(stderr);
        return runAdminCommand(app.arguments(), in, out, err);
    }
    if (app.arguments().value(1) == QLatin1String("audit")) {
        QTextStream out(stdout), err(stderr);
        return runAuditCommand(app.arguments(), out, err);
    }
    if (app.arguments().value(1) == QLatin1String("calendar")) {
        QTextStream out(stdout), err(stderr);
        return runCalendarCommand(app.arguments(), out, err);
    }
    if (app.arguments().value(1) == QLatin1String("backup") || app.arguments().value(1) == QLatin1String("restore")) {
        QTextStream out(stdout), err(stderr);
        BackupCommand command(app.arguments(), out, err);
        QObject::connect(&command, &BackupCommand::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
        command.start();
        return app.exec();
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Gongdan team server"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("database"),
        QStringLiteral("Team database: a SQLite file (default gongdan-team.sqlite) or postgresql://user@host:port/db."),
        QStringLiteral("LOCATION"), QStringLiteral("gongdan-team.sqlite")});
    parser.addOption({QStringLiteral("listen"), QStringLiteral("Address to listen on (default 127.0.0.1)."),
        QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1")});
    parser.addOption({QStringLiteral("port"), QStringLiteral("Port (default 8734; 0 takes any free port)."),
        QStringLiteral("PORT"), QStringLiteral("8734")});
    parser.addOption({QStringLiteral("tls-cert"), QStringLiteral("Serve HTTPS with this PEM certificate (chain)."),
        QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("tls-key"), QStringLiteral("The PEM private key of --tls-cert."), QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("attachment-limit-mb"), QStringLiteral("Largest attachment taken, in MB (MiB; default 25)."),
            QStringLiteral("N"), QStringLiteral("25")});
    QCommandLineOption limitBytes(QStringLiteral("attachment-limit-bytes"),
        QStringLiteral("The same in bytes (tests)."), QStringLiteral("BYTES"));
    limitBytes.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(limitBytes);
    parser.addOption({QStringLiteral("upload-dir"),
        QStringLiteral("Folder for resumable uploads not finished yet (default: beside a SQLite file, else under the "
                       "temporary folder)."),
        QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("header-timeout"),
        QStringLiteral("Seconds a request may take to send its headers, and a body to stall (default 10)."),
        QStringLiteral("SECONDS"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("idle-timeout"),
        QStringLiteral("Seconds a kept-alive connection may wait for its next request (default 75)."),
        QStringLiteral("SECONDS"), QStringLiteral("75")});
    parser.addOption({QStringLiteral("max-connections-per-address"),
        QStringLiteral("Open connections one address may hold (default 256)."), QStringLiteral("N"),
        QStringLiteral("256")});
    addSignInOptions(parser);
    parser.process(app);

    QTextStream err(stderr);
    SystemClock clock;
    ServerLog log(clock, err);
    log.takeQtMessages();
    bool portOk = false;
    const uint port = parser.value(QStringLiteral("port")).toUInt(&portOk);
    const QHostAddress address(parser.value(QStringLiteral("listen")));
    if (!portOk || port > 65535 || address.isNull()) {
        log.error(QStringLiteral("bad_arguments"),
            {{QStringLiteral("message"), QStringLiteral("--listen needs an IP address, --port 0 to 65535")}});
        return 2;
    }

    bool limitOk = false;
    const qint64 attachmentLimit = parser.isSet(limitBytes)
        ? parser.value(limitBytes).toLongLong(&limitOk)
        : parser.value(QStringLiteral("attachment-limit-mb")).toLongLong(&limitOk) * 1024 * 1024;
    if (!limitOk || attachmentLimit < 1 || attachmentLimit > qint64(1) << 30) {
        log.error(QStringLiteral("bad_arguments"),
            {{QStringLiteral("message"), QStringLiteral("--attachment-limit-mb takes a whole number from 1 to 1024")}});
        return 2;
    }

    bool timeoutsOk = true;
    int headerTimeout = 0, idleTimeout = 0, perAddress = 0;
    for (auto [name, value] : {std::pair {"header-timeout", &headerTimeout}, std::pair {"idle-timeout", &idleTimeout},
             std::pair {"max-connections-per-address", &perAddress}}) {
        bool ok = false;
        *value = parser.value(QLatin1String(name)).toInt(&ok);
        timeoutsOk = timeoutsOk && ok && *value > 0 && *value <= 100000;
    }
    if (!timeoutsOk) {
        log.error(QStringLiteral("bad_arguments"),
            {{QStringLiteral("message"),
                QStringLiteral("--header-timeout, --idle-timeout and --max-connections-per-address take a whole "
                               "number from 1 to 100000")}});
        return 2;
    }
    if (parser.isSet(QStringLiteral("tls-cert")) != parser.isSet(QStringLiteral("tls-key"))) {
        log.error(QStringLiteral("bad_arguments"),
            {{QStringLiteral("message"), QStringLiteral("--tls-cert and --tls-key go together")}});
        return 2;
    }

    const Result<SignInSettings> signIn = signInSettings(parser);
    if (!signIn) {
        log.error(QStringLiteral("bad_arguments"), {{QStringLiteral("message"), signIn.error().message}});
        return 2;
    }

    auto database = ServerDatabase::open(parser.value(QStringLiteral("database")));
    if (!database) {
        log.error(QStringLiteral("database_failed"),
            {{QStringLiteral("code"), database.error().code}, {QStringLiteral("message"), database.error().message}});
        return 1;
    }
    if (database.value()->migratedFrom() != database.value()->schemaVersion())
        log.info(QStringLiteral("migrated"),
            {{QStringLiteral("from"), database.value()->migratedFrom()},
                {QStringLiteral("to"), database.value()->schemaVersion()}});
    log.info(QStringLiteral("database_ready"),
        {{QStringLiteral("backend"), database.value()->backendName()},
            {QStringLiteral("schema_version"), database.value()->schemaVersion()}});

    ServerDatabase& db = *database.value();
    AuditLog audit(db, clock); // every change, sign-in and unmask, in the change's transaction
    UserRepository users(db, clock);
    users.setAuditLog(&audit);
    SessionStore sessions(db);
    PasswordHasher hasher;
    AuthService auth(users, sessions, hasher, clock);
    auth.setAuditLog(&audit);
    AccountRoutes accounts(auth, users, signIn.value());
    const Failpoints failpoints = Failpoints::fromEnvironment();
    if (!failpoints.active().isEmpty())
        log.warning(
            QStringLiteral("failpoints"), {{QStringLiteral("active"), failpoints.active().join(QLatin1Char(','))}});
    SyncStore syncStore(db, clock, failpoints);
    // Users and groups reach the workstations through the change log, in the same transaction.
    users.setChangeLogger([&syncStore](const QString& entity, const QString& id, const QJsonObject& data,
                              const QString& actorId) { return syncStore.logTeamChange(entity, id, data, actorId); });
    SyncService sync(syncStore, users, clock, failpoints);
    sync.applier().setAuditLog(&audit);
    SyncRoutes syncRoutes(auth, sync);
    TicketRoutes ticketRoutes(auth, syncStore, sync, sync.applier(), clock);
    RecordRoutes recordRoutes(auth, sync);
    ViewRoutes viewRoutes(auth, sync);
    BlobStore blobs(db, clock);
    blobs.setAuditLog(&audit);
    if (db.migratedFrom() < BlobStore::kSchema) { // comments and fields that referred to files before
        if (Status indexed = blobs.indexEarlierReferences(); !indexed) {
            log.error(QStringLiteral("database_failed"),
                {{QStringLiteral("code"), indexed.error().code}, {QStringLiteral("message"), indexed.error().message}});
            return 1;
        }
    }
    PartialUploads partialUploads(parser.isSet(QStringLiteral("upload-dir"))
            ? parser.value(QStringLiteral("upload-dir"))
            : PartialUploads::defaultDirectory(parser.value(QStringLiteral("database"))),
        clock);
    partialUploads.sweep(); // what expired while the server was down
    AttachmentRoutes attachmentRoutes(auth, blobs, partialUploads, attachmentLimit);
    accounts.announceAttachmentLimit(attachmentLimit);
    syncRoutes.announceAttachmentLimit(attachmentLimit);
    HttpApi api(db, log);
    api.limits().headTimeoutMs = headerTimeout * 1000;
    api.limits().bodyStallMs = headerTimeout * 1000;
    api.limits().idleTimeoutMs = idleTimeout * 1000;
    api.limits().maxPerAddress = perAddress;
    if (parser.isSet(QStringLiteral("tls-cert"))) {
        if (Status tls = api.useTls(parser.value(QStringLiteral("tls-cert")), parser.value(QStringLiteral("tls-key")));
            !tls) {
            log.error(QStringLiteral("tls_failed"),
                {{QStringLiteral("code"), tls.error().code}, {QStringLiteral("message"), tls.error().message}});
            return 2;
        }
    }
    accounts.install(api);
    syncRoutes.install(api.http());
    ticketRoutes.install(api.http());
    // Reports (workflows.md §9.7): run before the records' routes, so /api/v1/reports/run is never a record's id.
    ReportRunner reportRunner(
        db, users, sync.applier().records(), clock, [&sync] { return sync.applier().slaSetup(); });
    ReportRoutes reportRoutes(auth, reportRunner);
    reportRoutes.install(api);
    recordRoutes.install(api.http());
    viewRoutes.install(api.http());
    attachmentRoutes.install(api.http());
    AuditRoutes auditRoutes(auth, audit);
    auditRoutes.install(api.http());
    // Open tickets' SLA clocks counted again, in batches, after a calendar or policy changes.
    SlaRecompute recompute(sync, clock);
    QObject::connect(&sync, &SyncService::slaSettingsChanged, &recompute, &SlaRecompute::start);
    CalendarRoutes calendarRoutes(auth, recompute); // the due-time preview (workflows.md §0)
    calendarRoutes.install(api.http());
    NotificationRoutes notificationRoutes(auth, sync);
    notificationRoutes.install(api.http());
    UnmaskRoutes unmaskRoutes(auth, syncStore, sync, audit);
    unmaskRoutes.install(api.http());
    api.setBodyLimit("POST", "/api/v1/attachments", attachmentLimit, attachmentRoutes.refusal());
    api.setBodyLimit("PUT", "/api/v1/attachments/", AttachmentRoutes::kMaxChunkBytes, attachmentRoutes.chunkRefusal());
    PokeHub pokes(auth);
    pokes.attach(api.http());
    QObject::connect(&sync, &SyncService::committed, &pokes, &PokeHub::poke);
    // Escalation chains: a tick every 30 s and an exact timer for the nearest level (workflows.md §9.2).
    EscalationScheduler escalations(sync, users, clock);
    escalations.start();
    // Automatic dispatch (workflows.md §9.3): offers, reclaims, presence.
    Dispatcher dispatcher(syncStore, sync, users, clock);
    dispatcher.setAuditLog(&audit);
    QObject::connect(&dispatcher, &Dispatcher::committed, &pokes, &PokeHub::poke);
    QObject::connect(&pokes, &PokeHub::userLeft, &dispatcher, &Dispatcher::userLeft);
    QObject::connect(&pokes, &PokeHub::userArrived, &dispatcher, &Dispatcher::userArrived);
    DispatchRoutes dispatchRoutes(auth, dispatcher);
    dispatchRoutes.install(api.http());
    dispatcher.start();
    // The supervisor dashboard (workflows.md §9.6): figures kept in memory from the change log, over REST and the
    // socket.
    DashboardStore dashboardStore(db);
    DashboardAggregates dashboard(
        dashboardStore, users, dispatcher.store(), clock, [&sync] { return sync.applier().slaSetup(); },
        [&dispatcher] { return dispatcher.settings(); });
    if (Status counted = dashboard.start(); !counted) {
        log.error(QStringLiteral("database_failed"),
            {{QStringLiteral("code"), counted.error().code}, {QStringLiteral("message"), counted.error().message}});
        return 1;
    }
    QObject::connect(&sync, &SyncService::committed, &dashboard, &DashboardAggregates::committed);
    QObject::connect(&dispatcher, &Dispatcher::committed, &dashboard, &DashboardAggregates::committed);
    QObject::connect(&dispatcher, &Dispatcher::presenceChanged, &dashboard, &DashboardAggregates::presenceChanged);
    DashboardRoutes dashboardRoutes(auth, dashboard);
    dashboardRoutes.install(api.http());
    DashboardStream dashboardStream(pokes, dashboard);
    EpochWatch restores(syncStore, 2000); // `gongdan-server restore` under this server: every desk resyncs
    QObject::connect(&restores, &EpochWatch::restored, &pokes, [&](const QString& from, const QString& to, qint64 seq) {
        log.info(QStringLiteral("restored"), {{QStringLiteral("from_epoch"), from}, {QStringLiteral("epoch"), to}});
        pokes.poke(seq, {ChangeScope {true, {}, {}, {}, {}}});
    });
    const quint16 bound = api.listen(address, static_cast<quint16>(port));
    if (bound == 0) {
        log.error(QStringLiteral("listen_failed"),
            {{QStringLiteral("address"), address.toString()}, {QStringLiteral("port"), static_cast<int>(port)}});
        return 1;
    }
    log.info(QStringLiteral("listening"),
        {{QStringLiteral("address"), address.toString()}, {QStringLiteral("port"), bound}});

    // Signals arrive on a socket pair and become an ordinary event: quit after the current request.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        log.error(QStringLiteral("signal_setup_failed"));
        return 1;
    }
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalPipe[0], &byte, 1);
        log.info(QStringLiteral("stopping"));
        QCoreApplication::quit();
    });
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);

    const int code = app.exec();
    log.info(QStringLiteral("stopped"), {{QStringLiteral("exit_code"), code}});
    return code;
}
