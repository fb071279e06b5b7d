// `gongdan-server backup` and `gongdan-server restore` against a real, running gongdan-server (SQLite and
// PostgreSQL): a backup taken while tickets are being created is a consistent copy (the tickets it holds are
// exactly the first N created, with their attachment bytes) and restores into a new database; a restore under the
// running server brings the backed-up data back, drops what came after, names a new epoch (a device's pull with
// the old one is told to resync), keeps the sign-ins made after the backup (and the sign-outs), and never hands out
// a ticket number twice; bad paths and unreachable databases end with clear messages and exit codes, and no
// half-written file is left anywhere. A device whose pushes after the backup were lost goes on from its next seq
// (once: a later gap is refused as ever), its earlier seqs still answered as duplicates; a device registered after
// the backup keeps its device code and goes on too.
#include "tests/support/ServerHarness.h"
#include "tests/support/SyncDevice.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

using namespace gongdan;
using namespace gongdan::test;

namespace {

const QString kTickets = QStringLiteral("/api/v1/tickets");

void signInWith(HttpClient& http, const QString& login, const QString& password)
{
    const HttpResult signedIn = http.post(
        QStringLiteral("/api/v1/session"), {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
    QVERIFY2(signedIn.body.contains(QStringLiteral("token")), signedIn.raw.constData());
    http.setToken(signedIn.body.value(QStringLiteral("token")).toString());
}

HttpResult createTicket(HttpClient& http, const QString& subject)
{
    return http.post(
        kTickets, {{QStringLiteral("subject"), subject}, {QStringLiteral("group_id"), QStringLiteral("service")}});
}

QStringList subjects(HttpClient& http)
{
    QStringList out;
    for (const QJsonValue& t :
        http.get(kTickets + QStringLiteral("?limit=1000")).body.value(QStringLiteral("tickets")).toArray())
        out.append(t.toObject().value(QStringLiteral("subject")).toString());
    return out;
}

QByteArray pngBytes(int size)
{
    QByteArray bytes("\x89PNG\r\n\x1a\n", 8);
    while (bytes.size() < size) // random: pg_dump's compression cannot make it smaller
        bytes.append(char(QRandomGenerator::global()->bounded(256)));
    return bytes;
}

QString pathOf(const QByteArray& bytes)
{
    return QStringLiteral("/api/v1/attachments/")
        + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// The files in `folder` (partial backups would show here).
QStringList filesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

} // namespace

class TestBackupRestore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void backupWhileRequestsRunIsConsistent_data() { addBackendRows(); }
    void backupWhileRequestsRunIsConsistent();
    void restoreUnderTheRunningServer_data() { addBackendRows(); }
    void restoreUnderTheRunningServer();
    void devicesGoOnAfterARestore_data() { addBackendRows(); }
    void devicesGoOnAfterARestore();
    void badPathsAndDatabasesAreRefused_data() { addBackendRows(); }
    void badPathsAndDatabasesAreRefused();

private:
    /// Runs backup or restore on this test's team; its exit code, the output in `output`.
    int run(const QString& command, const QString& path, QString* output, const QString& database = {});

    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<QTemporaryDir> m_folder; ///< a new one per row
    QTemporaryDir& folder() { return *m_folder; }
};

void TestBackupRestore::init()
{
    QFETCH(QString, backend);
    m_folder = std::make_unique<QTemporaryDir>();
    m_team = seededTeam(backend);
    if (!m_team->available())
        QFAIL(qPrintable(m_team->why()));
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(m_team->location()), qPrintable(m_server->lastLog()));
}

void TestBackupRestore::cleanup()
{
    if (m_server && m_server->running())
        QCOMPARE(m_server->terminate(), 0); // the restore under it left it healthy
    m_server.reset();
    m_team.reset();
}

int TestBackupRestore::run(const QString& command, const QString& path, QString* output, const QString& database)
{
    return runServerCommand(
        {command, command == QLatin1String("backup") ? QStringLiteral("--to") : QStringLiteral("--from"), path,
            QStringLiteral("--database"), database.isEmpty() ? m_team->location() : database},
        {}, output);
}

void TestBackupRestore::backupWhileRequestsRunIsConsistent()
{
    QFETCH(QString, backend);
    HttpClient li(m_server->baseUrl());
    signInWith(li, QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const QByteArray attachment = pngBytes(3 * 1024 * 1024);
    QCOMPARE(li.send("POST", QStringLiteral("/api/v1/attachments"), attachment, "image/png").status, 201);
    int created = 0;
    for (; created < 10; ++created)
        QCOMPARE(createTicket(li, QStringLiteral("工单-%1").arg(created, 3, 10, QLatin1Char('0'))).status, 201);

    // The backup runs while tickets keep being created.
    const QString path = folder().filePath(QStringLiteral("team.backup"));
    QProcess backup;
    backup.setProcessChannelMode(QProcess::MergedChannels);
    backup.start(QStringLiteral(GONGDAN_SERVER_BINARY),
        {QStringLiteral("backup"), QStringLiteral("--to"), path, QStringLiteral("--database"), m_team->location()});
    QVERIFY(backup.waitForStarted());
    const int before = created;
    while (backup.state() != QProcess::NotRunning || created < before + 5) {
        QCOMPARE(createTicket(li, QStringLiteral("工单-%1").arg(created, 3, 10, QLatin1Char('0'))).status, 201);
        ++created;
    }
    QVERIFY(backup.state() == QProcess::NotRunning || backup.waitForFinished());
    QVERIFY2(backup.exitCode() == 0, backup.readAll().constData());
    QVERIFY(QFileInfo(path).size() > attachment.size());
    QCOMPARE(filesIn(folder().path()), QStringList {QStringLiteral("team.backup")}); // nothing half-written beside it

    // Restored into a new database (the machine the server ran on is gone): a server there holds exactly the
    // first N tickets, N at least those made before the backup began, and the attachment's bytes.
    TeamDatabase fresh(backend);
    QVERIFY(fresh.available());
    QString output;
    QCOMPARE(run(QStringLiteral("restore"), path, &output, fresh.location()), 0);
    ServerProcess second;
    QVERIFY2(second.start(fresh.location()), qPrintable(second.lastLog()));
    HttpClient there(second.baseUrl());
    signInWith(there, QStringLiteral("li.na"), QStringLiteral("agent-password"));
    QStringList held = subjects(there);
    held.sort();
    QVERIFY2(held.size() >= before && held.size() <= created, qPrintable(held.join(QLatin1Char(','))));
    for (int i = 0; i < held.size(); ++i)
        QCOMPARE(held.at(i), QStringLiteral("工单-%1").arg(i, 3, 10, QLatin1Char('0')));
    const HttpResult bytes = there.get(pathOf(attachment));
    QCOMPARE(bytes.status, 200);
    QVERIFY(bytes.raw == attachment);
    QCOMPARE(second.terminate(), 0);
}

void TestBackupRestore::restoreUnderTheRunningServer()
{
    HttpClient boss(m_server->baseUrl()), li(m_server->baseUrl());
    signInWith(boss, QStringLiteral("boss"), QStringLiteral("boss-password"));
    signInWith(li, QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const QByteArray attachment = pngBytes(200 * 1024);
    QCOMPARE(boss.send("POST", QStringLiteral("/api/v1/attachments"), attachment, "image/png").status, 201);
    const HttpResult kept = createTicket(boss, QStringLiteral("备份前的工单"));
    QCOMPARE(kept.status, 201);
    const QString keptId = kept.body[QStringLiteral("ticket")][QStringLiteral("id")].toString();
    const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const HttpResult registered
        = boss.post(QStringLiteral("/v1/sync/register"), {{QStringLiteral("client_id"), clientId}});
    QCOMPARE(registered.status, 200);
    const QString oldEpoch = registered.body.value(QStringLiteral("epoch")).toString();
    QVERIFY(!oldEpoch.isEmpty());

    const QString path = folder().filePath(QStringLiteral("team.backup"));
    QString output;
    QCOMPARE(run(QStringLiteral("backup"), path, &output), 0);
    QVERIFY2(output.contains(path), qPrintable(output));

    // After the backup: a ticket (numbered), a new sign-in, a sign-out.
    const HttpResult lost = createTicket(boss, QStringLiteral("备份后的工单"));
    QCOMPARE(lost.status, 201);
    const QString lostId = lost.body[QStringLiteral("ticket")][QStringLiteral("id")].toString();
    const QString lostNumber = lost.body[QStringLiteral("ticket")][QStringLiteral("number")].toString();
    HttpClient later(m_server->baseUrl());
    signInWith(later, QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    QCOMPARE(li.del(QStringLiteral("/api/v1/session")).status, 204);

    QCOMPARE(run(QStringLiteral("restore"), path, &output), 0);
    QVERIFY2(m_server->running(), qPrintable(m_server->lastLog()));

    // The running server serves the backed-up data: the ticket from before, not the one after, the bytes.
    QCOMPARE(boss.get(kTickets + QLatin1Char('/') + keptId).status, 200);
    QCOMPARE(boss.get(kTickets + QLatin1Char('/') + lostId).status, 404);
    const HttpResult bytes = boss.get(pathOf(attachment));
    QCOMPARE(bytes.status, 200);
    QVERIFY(bytes.raw == attachment);
    // Sessions as they were at the restore: zhang's later sign-in holds, li.na stays signed out.
    QCOMPARE(later.get(kTickets).status, 200);
    QCOMPARE(li.get(kTickets).status, 401);
    // A new epoch: a device that synced before is told to rebuild; its registration names the new history.
    const HttpResult pulled
        = boss.get(QStringLiteral("/v1/sync/pull?client_id=%1&cursor=0&epoch=%2").arg(clientId, oldEpoch));
    QCOMPARE(pulled.status, 409);
    QCOMPARE(pulled.code(), QStringLiteral("sync.resync_required"));
    const HttpResult again = boss.post(QStringLiteral("/v1/sync/register"), {{QStringLiteral("client_id"), clientId}});
    QCOMPARE(again.status, 200);
    const QString newEpoch = again.body.value(QStringLiteral("epoch")).toString();
    QVERIFY(!newEpoch.isEmpty() && newEpoch != oldEpoch);
    QCOMPARE(
        boss.get(QStringLiteral("/v1/sync/pull?client_id=%1&cursor=0&epoch=%2").arg(clientId, newEpoch)).status, 200);
    // The number handed out after the backup is not handed out again.
    const HttpResult next = createTicket(boss, QStringLiteral("恢复后的工单"));
    QCOMPARE(next.status, 201);
    QVERIFY(next.body[QStringLiteral("ticket")][QStringLiteral("number")].toString() != lostNumber);
    QCOMPARE(filesIn(folder().path()), QStringList {QStringLiteral("team.backup")});
}

void TestBackupRestore::devicesGoOnAfterARestore()
{
    const QString token = signIn(m_server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    SyncDevice early(m_server->baseUrl(), token);
    const Ticket first = newTicket(QStringLiteral("备份前"), QStringLiteral("service"), QStringLiteral("AAA-0001"));
    const HttpResult pushed
        = early.push({early.mutation(QStringLiteral("ticket.create"), first.id, createArgs(first))});
    QCOMPARE(pushed.status, 200);
    const QString path = folder().filePath(QStringLiteral("team.backup"));
    QString output;
    QCOMPARE(run(QStringLiteral("backup"), path, &output), 0);

    // After the backup: the early device pushes seq 2 (lost with the restore); a new device registers and pushes.
    const Ticket lost = newTicket(QStringLiteral("备份后"), QStringLiteral("service"), QStringLiteral("AAA-0002"));
    QCOMPARE(early.push({early.mutation(QStringLiteral("ticket.create"), lost.id, createArgs(lost))}).status, 200);
    SyncDevice late(m_server->baseUrl(), token);
    const HttpResult registered
        = late.http.post(QStringLiteral("/v1/sync/register"), {{QStringLiteral("client_id"), late.clientId}});
    QCOMPARE(registered.status, 200);
    const QString lateCode = registered.body.value(QStringLiteral("device_code")).toString();
    const Ticket fromLate
        = newTicket(QStringLiteral("新设备"), QStringLiteral("service"), lateCode + QStringLiteral("-0001"));
    QCOMPARE(
        late.push({late.mutation(QStringLiteral("ticket.create"), fromLate.id, createArgs(fromLate))}).status, 200);

    QCOMPARE(run(QStringLiteral("restore"), path, &output), 0);

    // The early device's seq 3 follows its restored seq 1: applied, not 409.
    const HttpResult next = early.push(
        {early.mutation(QStringLiteral("comment.add"), first.id, commentArgs(first.id, QStringLiteral("恢复后")))});
    QVERIFY2(next.status == 200 && !next.body.contains(QStringLiteral("error")), next.raw.constData());
    QCOMPARE(next.body[QStringLiteral("results")][0][QStringLiteral("status")].toString(), QStringLiteral("applied"));
    QCOMPARE(next.body.value(QStringLiteral("last_seq_applied")).toInteger(), 3);
    // Its seq 1 again: the stored answer, nothing applied twice.
    QJsonObject again = early.mutation(QStringLiteral("ticket.create"), first.id, createArgs(first));
    again.insert(QStringLiteral("seq"), 1);
    const HttpResult replayed = early.push({again});
    QCOMPARE(replayed.status, 200);
    QVERIFY(replayed.body[QStringLiteral("results")][0][QStringLiteral("duplicate")].toBool());
    // Once it has pushed, a gap is refused as ever.
    ++early.nextSeq;
    const HttpResult gap = early.push(
        {early.mutation(QStringLiteral("comment.add"), first.id, commentArgs(first.id, QStringLiteral("跳号")))});
    QCOMPARE(gap.status, 409);
    QCOMPARE(gap.body[QStringLiteral("error")][QStringLiteral("code")].toString(), QStringLiteral("sync.out_of_order"));

    // The late device keeps its code and goes on.
    const HttpResult lateAgain
        = late.http.post(QStringLiteral("/v1/sync/register"), {{QStringLiteral("client_id"), late.clientId}});
    QCOMPARE(lateAgain.body.value(QStringLiteral("device_code")).toString(), lateCode);
    const HttpResult lateNext = late.push(
        {late.mutation(QStringLiteral("comment.add"), first.id, commentArgs(first.id, QStringLiteral("新设备说")))});
    QVERIFY2(lateNext.status == 200 && !lateNext.body.contains(QStringLiteral("error")), lateNext.raw.constData());

    HttpClient boss(m_server->baseUrl());
    boss.setToken(token);
    QCOMPARE(boss.get(kTickets + QLatin1Char('/') + first.id).status, 200);
    QCOMPARE(boss.get(kTickets + QLatin1Char('/') + lost.id).status, 404);
    QCOMPARE(boss.get(kTickets + QLatin1Char('/') + fromLate.id).status, 404);
    QCOMPARE(boss.get(QStringLiteral("%1/%2/comments").arg(kTickets, first.id))
                 .body[QStringLiteral("comments")]
                 .toArray()
                 .size(),
        2);
}

void TestBackupRestore::badPathsAndDatabasesAreRefused()
{
    QFETCH(QString, backend);
    HttpClient boss(m_server->baseUrl());
    signInWith(boss, QStringLiteral("boss"), QStringLiteral("boss-password"));
    QCOMPARE(createTicket(boss, QStringLiteral("仍然在这里")).status, 201);
    QString output;

    const QString existing = folder().filePath(QStringLiteral("existing.backup"));
    {
        QFile file(existing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not to be overwritten");
    }
    QCOMPARE(run(QStringLiteral("backup"), existing, &output), 2);
    QVERIFY2(output.contains(QLatin1String("exists already")), qPrintable(output));
    QFile kept(existing);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("not to be overwritten"));

    QCOMPARE(
        run(QStringLiteral("backup"), folder().filePath(QStringLiteral("no-such-folder/team.backup")), &output), 2);
    QVERIFY2(output.contains(QLatin1String("does not exist")), qPrintable(output));
    QCOMPARE(run(QStringLiteral("backup"), QStringLiteral("/proc/gongdan-team.backup"), &output), 2);
    QVERIFY2(output.contains(QLatin1String("Cannot write")), qPrintable(output));
    QCOMPARE(
        runServerCommand({QStringLiteral("backup"), QStringLiteral("--database"), m_team->location()}, {}, &output), 2);
    QVERIFY2(output.contains(QLatin1String("--to PATH")), qPrintable(output));

    const QString unreachable = backend == QLatin1String("sqlite")
        ? folder().filePath(QStringLiteral("missing.sqlite"))
        : QStringLiteral("postgresql://nobody@127.0.0.1:%1/none").arg(freePort());
    QCOMPARE(run(QStringLiteral("backup"), folder().filePath(QStringLiteral("a.backup")), &output, unreachable), 3);
    QVERIFY2(output.contains(QLatin1String("error:")), qPrintable(output));

    QCOMPARE(run(QStringLiteral("restore"), folder().filePath(QStringLiteral("missing.backup")), &output), 1);
    QVERIFY2(output.contains(QLatin1String("Cannot read")), qPrintable(output));
    QCOMPARE(run(QStringLiteral("restore"), existing, &output), 1); // not a backup: nothing changes
    QVERIFY2(output.contains(QLatin1String("not a")), qPrintable(output));
    QCOMPARE(subjects(boss), QStringList {QStringLiteral("仍然在这里")});
    QCOMPARE(boss.get(kTickets).status, 200);

    // Nothing half-written was left under any name (and the server's folder holds no staging copy).
    QCOMPARE(filesIn(folder().path()), QStringList {QStringLiteral("existing.backup")});
    if (backend == QLatin1String("sqlite")) {
        for (const QString& name : filesIn(QFileInfo(m_team->location()).absolutePath()))
            QVERIFY2(!name.contains(QLatin1String(".restoring-")), qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(TestBackupRestore)
#include "tst_backuprestore.moc"
