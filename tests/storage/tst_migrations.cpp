#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/TicketSearch.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gongdan;

namespace {

qint64 count(Database& db, const QString& table)
{
    QSqlQuery q(db.sql());
    return q.exec(QStringLiteral("SELECT count(*) FROM ") + table) && q.next() ? q.value(0).toLongLong() : -1;
}

// Writes rows the way a store at `version` held them.
void fillAtVersion(Database& db, int version)
{
    if (version < 1)
        return;
    QVERIFY(db.exec(QStringLiteral("INSERT INTO ticket(id, number, subject, description, need_type, channel, status, "
                                   "created_ms, updated_ms, contact_phone) VALUES ('t1', 'G20231001001', '申请退款', "
                                   "'物流延误', 'complaint', 'phone', 'new', 1, 1, '13912345678')"))
                .ok());
    QVERIFY(db.exec(QStringLiteral("INSERT INTO comment(id, ticket_rowid, visibility, body, created_ms) "
                                   "VALUES ('c1', 1, 'public', '已安排 refund', 2)"))
                .ok());
    QVERIFY(db.exec(QStringLiteral("INSERT INTO customer(id, name, phones, created_ms, updated_ms) "
                                   "VALUES ('cu1', '张伟', '13912345678', 1, 1)"))
                .ok());
    QVERIFY(db.exec(QStringLiteral("INSERT INTO outbox(seq, mutation_id, name, entity_id, args, created_local_ms) "
                                   "VALUES (1, 'm1', 'ticket.create', 't1', '{\"payload_version\":1}', 1)"))
                .ok());
    if (version >= 3) {
        QVERIFY(
            db.exec(QStringLiteral("INSERT INTO attachment(sha256, size, data, created_ms) VALUES ('h', 1, x'00', 1)"))
                .ok());
    }
    if (version >= 8) {
        QVERIFY(db.exec(QStringLiteral(
                            "INSERT INTO ticket_synced(id, data, server_seq) VALUES ('t1', '{\"id\":\"t1\"}', 7)"))
                    .ok());
        // A pulled ticket with nothing queued: its copy is its row (v12).
        QVERIFY(db.exec(QStringLiteral("INSERT INTO ticket(id, number, subject, description, need_type, channel, "
                                       "status, created_ms, updated_ms) VALUES ('t2', 'G20231001002', '同步的', '', "
                                       "'complaint', 'phone', 'new', 1, 1)"))
                    .ok());
        if (version < 12) {
            QVERIFY(db.exec(QStringLiteral(
                                "INSERT INTO ticket_synced(id, data, server_seq) VALUES ('t2', '{\"id\":\"t2\"}', 9)"))
                        .ok());
        } else { // the layout of v12 on: the row is the copy
            QVERIFY(db.exec(QStringLiteral("UPDATE ticket SET server_seq = 9 WHERE id = 't2'")).ok());
        }
    }
    if (version >= 9) {
        QVERIFY(db.exec(QStringLiteral("INSERT INTO record_synced(kind, id, data, server_seq) "
                                       "VALUES ('customer', 'cu1', '{\"id\":\"cu1\"}', 8)"))
                    .ok());
    }
}

// The server's copies kept through the migration that moved them into rowid tables (v10).
void verifySyncedCopies(Database& db, int from)
{
    QSqlQuery q(db.sql());
    if (from >= 8) {
        // t1 has a change queued: its copy stays apart; t2 has none: its row is the copy (v12).
        QVERIFY(q.exec(QStringLiteral("SELECT data, server_seq FROM ticket_synced WHERE id = 't1'")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("{\"id\":\"t1\"}"));
        QCOMPARE(q.value(1).toLongLong(), 7);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM ticket_synced WHERE id = 't2'")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT server_seq FROM ticket WHERE id = 't2'")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), 9);
        QVERIFY(q.exec(QStringLiteral("SELECT server_seq IS NULL FROM ticket WHERE id = 't1'")) && q.next());
        QVERIFY(q.value(0).toBool());
    }
    if (from >= 9) {
        QVERIFY(q.exec(QStringLiteral("SELECT data, server_seq FROM record_synced WHERE kind = 'customer' AND "
                                      "id = 'cu1'"))
            && q.next());
        QCOMPARE(q.value(1).toLongLong(), 8);
    }
    QVERIFY(q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE name IN ('ticket_synced', 'record_synced')")));
    int tables = 0;
    for (; q.next(); ++tables)
        QVERIFY2(!q.value(0).toString().contains(QStringLiteral("WITHOUT ROWID")), qPrintable(q.value(0).toString()));
    QCOMPARE(tables, 2);
}

} // namespace

class TestMigrations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void freshStoreIsAtLatest();
    void fromEveryOlderVersion_data();
    void fromEveryOlderVersion();
    void refusesNewerStore();
};

void TestMigrations::freshStoreIsAtLatest()
{
    QTemporaryDir dir;
    ManualClock clock(QDateTime(QDate(2023, 10, 1), QTime(8, 0), Qt::UTC));
    auto db = Database::open(dir.filePath(QStringLiteral("s.sqlite")), clock);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
    QCOMPARE(db.value()->schemaVersion(), Migrations::latest());
    QVERIFY(Migrations::latest() >= 3);
    QSqlQuery mode(db.value()->sql());
    QVERIFY(mode.exec(QStringLiteral("PRAGMA journal_mode")) && mode.next());
    QCOMPARE(mode.value(0).toString(), QStringLiteral("wal"));
    QCOMPARE(count(*db.value(), QStringLiteral("client_meta")), 1);
    QVERIFY(db.value()->checkIntegrity().ok());
}

void TestMigrations::fromEveryOlderVersion_data()
{
    QTest::addColumn<int>("from");
    for (int v = 0; v < Migrations::latest(); ++v)
        QTest::newRow(qPrintable(QStringLiteral("v%1").arg(v))) << v;
}

void TestMigrations::fromEveryOlderVersion()
{
    QFETCH(int, from);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    ManualClock clock(QDateTime(QDate(2023, 10, 1), QTime(8, 0), Qt::UTC));
    {
        auto old = Database::open(path, clock, Database::Options {false, from});
        QVERIFY(old.ok());
        QCOMPARE(old.value()->schemaVersion(), from);
        fillAtVersion(*old.value(), from);
    }
    auto db = Database::open(path, clock);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
    QCOMPARE(db.value()->schemaVersion(), Migrations::latest());
    QVERIFY(db.value()->checkIntegrity().ok());
    verifySyncedCopies(*db.value(), from);
    // v13: no first sync is bringing conversations.
    QCOMPARE(count(*db.value(), QStringLiteral("sync_state WHERE talk_after IS NULL AND talk_upto IS NULL")), 1);
    // v14: nor the own tickets' conversations.
    QCOMPARE(count(*db.value(), QStringLiteral("sync_state WHERE talk_own = 0")), 1);
    if (from >= 1) {
        QCOMPARE(count(*db.value(), QStringLiteral("ticket")), from >= 8 ? 2 : 1);
        QCOMPARE(count(*db.value(), QStringLiteral("outbox")), 1);
        // Rows written before the search step are indexed by it.
        TicketSearch search(*db.value());
        QCOMPARE(search.search(QString::fromUtf8("退款")).value().size(), 1);
        QCOMPARE(search.search(QStringLiteral("refund")).value().size(), 1);
        QCOMPARE(search.search(QStringLiteral("2345")).value().size(), 1);
    }
    QVERIFY(
        db.value()
            ->exec(QStringLiteral("INSERT INTO attachment(sha256, size, data, created_ms) VALUES ('z', 1, x'01', 1)"))
            .ok());
    // v20: bytes stored before the upload queue existed are queued for upload (a store at v20 or later
    // queues its files itself, through AttachmentStore).
    QCOMPARE(count(*db.value(), QStringLiteral("attachment_state WHERE sha256 = 'h' AND uploaded = 0")),
        from >= 3 && from < 20 ? 1 : 0);
    QCOMPARE(count(*db.value(), QStringLiteral("attachment_limit")), 0);
}

void TestMigrations::refusesNewerStore()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.sqlite"));
    ManualClock clock(QDateTime(QDate(2023, 10, 1), QTime(8, 0), Qt::UTC));
    {
        auto db = Database::open(path, clock);
        QVERIFY(db.ok());
        QVERIFY(db.value()->exec(QStringLiteral("PRAGMA user_version = %1").arg(Migrations::latest() + 1)).ok());
    }
    auto db = Database::open(path, clock);
    QVERIFY(!db.ok());
    QCOMPARE(db.error().code, QStringLiteral("storage.too_new"));
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
