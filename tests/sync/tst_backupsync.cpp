// A restore under a running gongdan-server, seen from two desks (SQLite and PostgreSQL). li.na's desk pushes a
// ticket, the team is backed up, then li.na pushes another (it reaches the server and leaves her queue) while the
// boss, offline, queues a new ticket and a comment. The backup is restored with the server running: li.na's desk,
// online, hears of it by itself; the new epoch sends both desks through a resync that rebuilds their server copies
// and keeps their queues. The boss's queued
// changes arrive; li.na's ticket pushed after the backup is gone from the server, and from her desk too (no desk
// shows a ticket the server does not have); her next change — whose seq runs ahead of what the restored server
// remembers of her device — is applied, not refused as out of order; nothing is applied twice.
#include "tests/support/Desk.h"

#include <QJsonArray>
#include <QSet>

using namespace gongdan;
using namespace gongdan::test;

class TestBackupSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void desksResyncAndKeepTheirQueuesAfterARestore_data() { addBackendRows(); }
    void desksResyncAndKeepTheirQueuesAfterARestore();

private:
    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<QTemporaryDir> m_folder; ///< a new one per row
};

namespace {

QString newTicket(Desk& desk, const QString& subject)
{
    Ticket draft;
    draft.subject = subject;
    draft.needType = NeedType::Repair;
    draft.channel = Channel::Phone;
    draft.groupId = QStringLiteral("service");
    auto created = desk.tickets->create(draft, desk.me);
    return created ? created.value().id : QString();
}

QString stuck(Desk& desk)
{
    QStringList entries;
    QSqlQuery query(desk.db->sql());
    query.exec(QStringLiteral("SELECT seq, name, state, last_error FROM outbox ORDER BY seq"));
    while (query.next())
        entries.append(QStringLiteral("%1 %2 %3 %4")
                           .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                               query.value(3).toString()));
    return QStringLiteral("state %1, last error: %2; outbox: %3")
        .arg(int(desk.engine->state()))
        .arg(desk.engine->lastError(), entries.join(QStringLiteral("; ")));
}

/// Pushes what the desk has queued and pulls until nothing is waiting.
bool settle(Desk& desk)
{
    desk.engine->syncNow();
    return desk.idle(20000) && QTest::qWaitFor([&desk] { return desk.outbox() == 0; }, 20000);
}

QStringList serverTicketIds(const QString& server, const QString& token)
{
    HttpClient http(server);
    http.setToken(token);
    QStringList ids;
    for (const QJsonValue& t :
        http.get(QStringLiteral("/api/v1/tickets?limit=1000")).body[QStringLiteral("tickets")].toArray())
        ids.append(t[QStringLiteral("id")].toString());
    ids.sort();
    return ids;
}

} // namespace

void TestBackupSync::init()
{
    QFETCH(QString, backend);
    m_folder = std::make_unique<QTemporaryDir>();
    m_team = seededTeam(backend);
    if (!m_team->available())
        QFAIL(qPrintable(m_team->why()));
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(m_team->location()), qPrintable(m_server->lastLog()));
}

void TestBackupSync::cleanup()
{
    m_server.reset();
    m_team.reset();
}

void TestBackupSync::desksResyncAndKeepTheirQueuesAfterARestore()
{
    const QString url = m_server->baseUrl();
    Desk li(url, QStringLiteral("li.na"), QStringLiteral("agent-password"));
    Desk boss(url, QStringLiteral("boss"), QStringLiteral("boss-password"));
    li.start();
    boss.start();
    QVERIFY2(li.idle(), qPrintable(stuck(li)));
    QVERIFY2(boss.idle(), qPrintable(stuck(boss)));

    const QString before = newTicket(li, QStringLiteral("备份前：打印机卡纸"));
    QVERIFY(!before.isEmpty());
    QVERIFY2(settle(li), qPrintable(stuck(li)));
    QVERIFY2(settle(boss), qPrintable(stuck(boss)));
    QVERIFY(boss.tickets->find(before).has_value());
    const QString oldEpoch = li.cache->epoch();
    QVERIFY(!oldEpoch.isEmpty());

    const QString backupPath = m_folder->filePath(QStringLiteral("team.backup"));
    QString output;
    QCOMPARE(runServerCommand({QStringLiteral("backup"), QStringLiteral("--to"), backupPath,
                                  QStringLiteral("--database"), m_team->location()},
                 {}, &output),
        0);

    // After the backup: li.na's ticket reaches the server and leaves her queue; the boss, offline, queues two changes.
    const QString pushedAfter = newTicket(li, QStringLiteral("备份后：已推送的工单"));
    QVERIFY(!pushedAfter.isEmpty());
    QVERIFY2(settle(li), qPrintable(stuck(li)));
    QVERIFY(serverTicketIds(url, li.token).contains(pushedAfter));
    // ... and a comment of hers on the older ticket, which the restore takes away as well.
    QVERIFY(
        li.tickets->addComment(before, CommentVisibility::Public, QStringLiteral("备份后：已推送的备注"), {}, li.me));
    QVERIFY2(settle(li), qPrintable(stuck(li)));
    QCOMPARE(li.outbox(), 0);
    boss.engine->stop();
    const QString queued = newTicket(boss, QStringLiteral("离线排队：空调漏水"));
    QVERIFY(!queued.isEmpty());
    QVERIFY(boss.tickets->addComment(before, CommentVisibility::Public, QStringLiteral("离线补充说明"), {}, boss.me));
    QCOMPARE(boss.outbox(), 2);

    QCOMPARE(runServerCommand({QStringLiteral("restore"), QStringLiteral("--from"), backupPath,
                                  QStringLiteral("--database"), m_team->location()},
                 {}, &output),
        0);
    QVERIFY2(m_server->running(), qPrintable(m_server->lastLog()));

    // li.na's desk, online, hears of the restore by itself (a poke), and rebuilds its copy in the new history.
    QVERIFY2(QTest::qWaitFor([&] { return !li.cache->epoch().isEmpty() && li.cache->epoch() != oldEpoch; }, 20000),
        qPrintable(stuck(li)));
    QVERIFY2(li.idle(), qPrintable(stuck(li)));
    QVERIFY(!li.tickets->find(pushedAfter).has_value()); // gone from the server: gone from her desk
    // Her next change: her device's seq is ahead of what the restored server remembers of it.
    const QString afterRestore = newTicket(li, QStringLiteral("恢复后：新工单"));
    QVERIFY(!afterRestore.isEmpty());
    boss.start();
    QVERIFY2(settle(boss), qPrintable(stuck(boss)));
    QVERIFY2(settle(li), qPrintable(stuck(li)));
    QVERIFY2(settle(boss), qPrintable(stuck(boss))); // li.na's change reaches the boss's desk too

    // Both desks rebuilt their copies in the new history.
    QVERIFY(li.cache->epoch() != oldEpoch);
    QCOMPARE(boss.cache->epoch(), li.cache->epoch());
    // The server holds what the backup had, the boss's queue, li.na's new ticket — and not the ticket pushed after
    // the backup; every desk shows exactly that.
    QStringList expected {before, queued, afterRestore};
    expected.sort();
    QCOMPARE(serverTicketIds(url, boss.token), expected);
    QCOMPARE(boss.ticketIds(), expected);
    QCOMPARE(li.ticketIds(), expected);
    QVERIFY(!li.tickets->find(pushedAfter).has_value());
    for (Desk* desk : {&li, &boss}) {
        for (const QString& id : expected)
            QVERIFY2(isFinalNumber(desk->tickets->find(id)->number), qPrintable(desk->tickets->find(id)->number));
    }
    // The queued comment arrived once, on both desks and on the server.
    HttpClient rest(url);
    rest.setToken(boss.token);
    const QJsonArray comments = rest.get(QStringLiteral("/api/v1/tickets/%1/comments").arg(before))
                                    .body[QStringLiteral("comments")]
                                    .toArray();
    QCOMPARE(comments.size(), 1);
    // The comment pushed after the backup is gone from the server and from li.na's desk (no desk shows a comment
    // the server does not have); the boss's queued one is on both.
    for (Desk* desk : {&li, &boss}) {
        const QList<Comment> shown = desk->tickets->comments(before);
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.first().body, QStringLiteral("离线补充说明"));
    }
}

QTEST_GUILESS_MAIN(TestBackupSync)
#include "tst_backupsync.moc"
