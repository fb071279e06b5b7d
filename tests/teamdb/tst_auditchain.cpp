// teamdb/AuditLog on both team-database backends: entries are chained by SHA-256 over every field, commit
// or roll back with the transaction they were appended in (seqs stay gapless), the anchor follows the newest
// entry, filters and the cursor select what they say, and an unmask is recorded for the masking feature.
#include "teamdb/AuditLog.h"
#include "tests/support/ServerHarness.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

class TestAuditChain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hashCoversEveryField_data();
    void hashCoversEveryField();
    void entriesCommitWithTheirTransaction_data() { addBackendRows(); }
    void entriesCommitWithTheirTransaction();
    void filtersSelectAndPage_data() { addBackendRows(); }
    void filtersSelectAndPage();
    void theAnchorCatchesEditsAtTheEnd_data() { addBackendRows(); }
    void theAnchorCatchesEditsAtTheEnd();

private:
    std::unique_ptr<ServerDatabase> open(TeamDatabase& team);
};

namespace {

AuditEntry sample()
{
    AuditEntry entry;
    entry.seq = 7;
    entry.atMs = 1764900000000;
    entry.actor = {QStringLiteral("u1"), QStringLiteral("li.na"), QStringLiteral("10.0.0.5"), QStringLiteral("api")};
    entry.kind = QStringLiteral("ticket_change");
    entry.entity = QStringLiteral("ticket");
    entry.entityId = QStringLiteral("t1");
    entry.detail = QStringLiteral("{\"fields\":[\"subject\"]}");
    entry.prevHash = QString(64, QLatin1Char('a'));
    return entry;
}

} // namespace

std::unique_ptr<ServerDatabase> TestAuditChain::open(TeamDatabase& team)
{
    if (!team.available())
        qFatal("%s", qPrintable(team.why()));
    auto db = ServerDatabase::open(team.location());
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    return std::move(db.value());
}

void TestAuditChain::hashCoversEveryField_data()
{
    QTest::addColumn<int>("field");
    const char* names[] = {"seq", "at_ms", "actor_id", "actor_login", "address", "client", "kind", "entity",
        "entity_id", "detail", "prev_hash", "boundary"};
    for (int i = 0; i < 12; ++i)
        QTest::newRow(names[i]) << i;
}

void TestAuditChain::hashCoversEveryField()
{
    QFETCH(int, field);
    const AuditEntry original = sample();
    AuditEntry changed = original;
    QString* texts[] = {&changed.actor.userId, &changed.actor.login, &changed.actor.address, &changed.actor.client,
        &changed.kind, &changed.entity, &changed.entityId, &changed.detail, &changed.prevHash};
    if (field == 0)
        ++changed.seq;
    else if (field == 1)
        ++changed.atMs;
    else if (field < 11)
        texts[field - 2]->append(QLatin1Char('x'));
    else { // one character moved from one field to the next: the lengths keep them apart
        changed.entity = QStringLiteral("ticke");
        changed.entityId = QStringLiteral("tt1");
    }
    QCOMPARE(AuditLog::hashOf(original), AuditLog::hashOf(original)); // the same entry, the same hash
    QCOMPARE(AuditLog::hashOf(original).size(), 64);
    QVERIFY(AuditLog::hashOf(changed) != AuditLog::hashOf(original));
}

void TestAuditChain::entriesCommitWithTheirTransaction()
{
    QFETCH(QString, backend);
    TeamDatabase team(backend);
    auto db = open(team);
    ManualClock clock(QDateTime(QDate(2026, 12, 5), QTime(9, 0), Qt::UTC));
    AuditLog audit(*db, clock);
    audit.setActor({QStringLiteral("u1"), QStringLiteral("li.na"), QStringLiteral("10.0.0.5"), QStringLiteral("api")});
    {
        ServerTransaction transaction(*db);
        QVERIFY(audit.append(QStringLiteral("sign_in"), QStringLiteral("user"), QStringLiteral("u1"), {}).ok());
        clock.advanceMs(5);
        QVERIFY(audit
                    .append(QStringLiteral("ticket_change"), QStringLiteral("ticket"), QStringLiteral("t1"),
                        {{QStringLiteral("fields"), QJsonArray {QStringLiteral("subject")}}})
                    .ok());
        QVERIFY(transaction.commit().ok());
    }
    { // appended, then rolled back with the change it recorded: neither is there
        ServerTransaction transaction(*db);
        QVERIFY(audit.append(QStringLiteral("ticket_change"), QStringLiteral("ticket"), QStringLiteral("t2"), {}).ok());
    }
    QVERIFY(audit.recordUnmask(QStringLiteral("customer"), QStringLiteral("c1"), {QStringLiteral("id_card")}).ok());

    auto list = audit.list({});
    QVERIFY(list);
    QCOMPARE(list.value().size(), 3);
    const AuditEntry unmask = list.value().at(0);
    const AuditEntry change = list.value().at(1);
    const AuditEntry signIn = list.value().at(2);
    QCOMPARE(signIn.seq, 1);
    QCOMPARE(change.seq, 2);
    QCOMPARE(unmask.seq, 3); // gapless: the rolled-back entry took no seq
    QCOMPARE(signIn.prevHash, AuditLog::genesisHash());
    QCOMPARE(change.prevHash, signIn.hash);
    QCOMPARE(unmask.prevHash, change.hash);
    for (const AuditEntry& entry : list.value())
        QCOMPARE(entry.hash, AuditLog::hashOf(entry));
    QCOMPARE(change.atMs, clock.nowMs());
    QCOMPARE(change.actor.login, QStringLiteral("li.na"));
    QCOMPARE(change.actor.address, QStringLiteral("10.0.0.5"));
    QCOMPARE(change.detail, QStringLiteral("{\"fields\":[\"subject\"]}"));
    QCOMPARE(unmask.kind, QStringLiteral("unmask"));
    QCOMPARE(unmask.entity, QStringLiteral("customer"));
    QCOMPARE(unmask.detail, QStringLiteral("{\"fields\":[\"id_card\"]}"));

    auto verdict = audit.verify();
    QVERIFY(verdict);
    QVERIFY2(verdict.value().ok, qPrintable(verdict.value().problem));
    QCOMPARE(verdict.value().entries, 3);
    QCOMPARE(verdict.value().headHash, unmask.hash);
    QSqlQuery anchor(db->sql());
    QVERIFY(anchor.exec(QStringLiteral("SELECT value FROM server_meta WHERE name = 'audit_head'")) && anchor.next());
    QCOMPARE(anchor.value(0).toString(), QStringLiteral("3 ") + unmask.hash);

    // Text PostgreSQL cannot hold (NUL) is kept as U+FFFD rather than failing the change it records.
    anchor.finish();
    audit.setActor(
        {QString(), QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")), QStringLiteral("::1"), QString()});
    const Status nul = audit.appendAlone(QStringLiteral("sign_in_failed"), QStringLiteral("user"), QString(),
        {{QStringLiteral("device"), QString(QStringLiteral("x") + QChar(0) + QStringLiteral("y"))}});
    QVERIFY2(nul.ok(), qPrintable(nul.ok() ? QString() : nul.error().message));
    QCOMPARE(audit.list({}).value().first().actor.login, QStringLiteral("a\uFFFDb"));
    QCOMPARE(audit.list({}).value().first().detail, QStringLiteral("{\"device\":\"x\\u0000y\"}"));
    QVERIFY(audit.verify().value().ok);
}

void TestAuditChain::filtersSelectAndPage()
{
    QFETCH(QString, backend);
    TeamDatabase team(backend);
    auto db = open(team);
    ManualClock clock(QDateTime(QDate(2026, 12, 5), QTime(9, 0), Qt::UTC));
    const qint64 start = clock.nowMs();
    AuditLog audit(*db, clock);
    const AuditActor li {
        QStringLiteral("u1"), QStringLiteral("li.na"), QStringLiteral("10.0.0.5"), QStringLiteral("api")};
    const AuditActor boss {
        QStringLiteral("u0"), QStringLiteral("boss"), QStringLiteral("10.0.0.9"), QStringLiteral("api")};
    for (int i = 0; i < 10; ++i) { // one a minute: li changes t<i>, boss changes u<i>'s role
        ServerTransaction transaction(*db);
        QVERIFY(audit
                    .append(li, QStringLiteral("ticket_change"), QStringLiteral("ticket"),
                        QStringLiteral("t%1").arg(i % 3), {})
                    .ok());
        QVERIFY(
            audit.append(boss, QStringLiteral("role_change"), QStringLiteral("user"), QStringLiteral("u%1").arg(i), {})
                .ok());
        QVERIFY(transaction.commit().ok());
        clock.advanceSeconds(60);
    }
    const auto seqs = [&audit](const AuditFilter& filter) {
        QList<qint64> out;
        const auto list = audit.list(filter);
        for (const AuditEntry& entry : list.value())
            out.append(entry.seq);
        return out;
    };
    AuditFilter filter;
    filter.actor = QStringLiteral("boss");
    QCOMPARE(seqs(filter).size(), 10);
    filter.actor = QStringLiteral("u1");
    QCOMPARE(seqs(filter).size(), 10);
    filter.kind = QStringLiteral("role_change");
    QCOMPARE(seqs(filter).size(), 0);
    filter = {};
    filter.entity = QStringLiteral("ticket");
    filter.entityId = QStringLiteral("t1");
    QCOMPARE(seqs(filter), (QList<qint64> {15, 9, 3})); // i = 7, 4, 1: newest first
    filter = {};
    filter.sinceMs = start + 2 * 60000;
    filter.untilMs = start + 4 * 60000;
    QCOMPARE(seqs(filter), (QList<qint64> {8, 7, 6, 5}));
    filter = {};
    filter.limit = 4;
    QCOMPARE(seqs(filter), (QList<qint64> {20, 19, 18, 17}));
    filter.beforeSeq = 17;
    QCOMPARE(seqs(filter), (QList<qint64> {16, 15, 14, 13}));
    filter.limit = 100000; // clamped
    filter.beforeSeq = 0;
    QCOMPARE(seqs(filter).size(), 20);
}

void TestAuditChain::theAnchorCatchesEditsAtTheEnd()
{
    QFETCH(QString, backend);
    TeamDatabase team(backend);
    auto db = open(team);
    ManualClock clock(QDateTime(QDate(2026, 12, 5), QTime(9, 0), Qt::UTC));
    AuditLog audit(*db, clock);
    for (int i = 0; i < 4; ++i) {
        const Status appended
            = audit.appendAlone(QStringLiteral("sign_in"), QStringLiteral("user"), QStringLiteral("u1"), {});
        QVERIFY2(appended.ok(), qPrintable(appended.ok() ? QString() : appended.error().message));
    }
    QVERIFY(audit.verify().value().ok);
    QSqlQuery query(db->sql());
    // The newest entry edited and re-hashed: nothing after it in the chain, but the anchor has its hash.
    AuditEntry last = audit.list({}).value().first();
    last.actor.login = QStringLiteral("mallory");
    QVERIFY(query.exec(QStringLiteral("UPDATE audit_entry SET actor_login = 'mallory', hash = '%1' WHERE seq = 4")
                           .arg(AuditLog::hashOf(last))));
    auto verdict = audit.verify().value();
    QVERIFY(!verdict.ok);
    QCOMPARE(verdict.seq, 4);
    QVERIFY2(verdict.problem.contains(QStringLiteral("anchor")), qPrintable(verdict.problem));
    // The anchor gone: no verdict of ok.
    QVERIFY(query.exec(QStringLiteral("DELETE FROM server_meta WHERE name = 'audit_head'")));
    verdict = audit.verify().value();
    QVERIFY(!verdict.ok);
    QVERIFY(!audit.appendAlone(QStringLiteral("sign_in"), QStringLiteral("user"), QStringLiteral("u1"), {}).ok());
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"
