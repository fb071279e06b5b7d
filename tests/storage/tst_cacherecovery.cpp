#include "storage/CacheRecovery.h"
#include "storage/Outbox.h"
#include "tests/support/TempStore.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

namespace {

struct Fixture {
    int tickets = 0, comments = 0, patches = 0;
    QString clientId;
    QString firstTicketId;
    qint64 outbox = 0;
};

// Work done offline: tickets, comments, a patch, a transition and a customer, all unsynced.
Fixture fill(TempStore& store)
{
    Fixture f;
    f.clientId = Outbox(store.db()).clientId();
    for (int i = 0; i < 40; ++i) {
        auto t = store.tickets().create(
            draftTicket(QStringLiteral("离线工单 %1").arg(i), QStringLiteral("退款说明").repeated(30)),
            store.agent(QStringLiteral("a-09")));
        if (f.firstTicketId.isEmpty())
            f.firstTicketId = t.value().id;
        ++f.tickets;
        store.tickets().addComment(t.value().id, CommentVisibility::Internal, QStringLiteral("现场照片已拍"), {},
            store.agent(QStringLiteral("a-09")));
        ++f.comments;
        store.clock.advanceSeconds(30);
    }
    store.tickets().patch(f.firstTicketId, QJsonObject {{QStringLiteral("subject"), QStringLiteral("已改标题")}},
        store.agent(QStringLiteral("a-09")));
    store.tickets().transition(
        f.firstTicketId, {TicketAction::Accept, {}, {}, {}, {}, {}}, store.agent(QStringLiteral("a-09")));
    Customer c;
    c.name = QStringLiteral("赵磊");
    c.phones = {QStringLiteral("13700001234")};
    store.customers().save(c);
    f.outbox = Outbox(store.db()).count();
    return f;
}

void overwrite(const QString& path, qint64 offset, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(offset));
    QCOMPARE(file.write(bytes), bytes.size());
}

void checkRebuilt(TempStore& store, const Fixture& f, const RecoveryReport& report)
{
    QCOMPARE(report.salvaged, f.outbox);
    QCOMPARE(report.reapplied, f.outbox);
    QVERIFY(report.notReapplied.isEmpty());
    QVERIFY(report.identityKept);
    QVERIFY(QFile::exists(report.damagedCopy));
    QVERIFY(store.reopen());
    Database& db = store.db();
    QVERIFY(db.checkIntegrity().ok());
    QCOMPARE(Outbox(db).count(), f.outbox);
    QCOMPARE(Outbox(db).clientId(), f.clientId);
    QCOMPARE(Outbox(db).nextSeq(), f.outbox + 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM ticket")), f.tickets);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM comment")), f.comments);
    const auto first = store.tickets().find(f.firstTicketId);
    QVERIFY(first);
    QCOMPARE(first->subject, QStringLiteral("已改标题"));
    QCOMPARE(first->status, TicketStatus::InProgress);
    QCOMPARE(first->number, QStringLiteral("G20231001001"));
    QCOMPARE(store.customers().findByPhone(QStringLiteral("13700001234")).size(), 1);
    // New work continues the same sequence.
    QVERIFY(store.tickets().create(draftTicket(QStringLiteral("恢复后")), store.agent(QStringLiteral("a-09"))).ok());
    QCOMPARE(scalar(db, QStringLiteral("SELECT max(seq) FROM outbox")), f.outbox + 1);
}

} // namespace

class TestCacheRecovery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void garbageHeaderIsReportedAndRebuilt();
    void damagedTablePageIsDetectedAndRebuilt();
    void truncatedFileKeepsWhatCanBeRead();
    void notADatabaseAtAll();
};

void TestCacheRecovery::garbageHeaderIsReportedAndRebuilt()
{
    TempStore store;
    const Fixture f = fill(store);
    store.close();
    overwrite(store.path(), 0, QByteArray(100, '\x5A'));

    auto failed = Database::open(store.path(), store.clock);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, QStringLiteral("storage.corrupt"));
    QVERIFY(failed.error().message.contains(store.path()));
    QVERIFY(failed.error().message.contains(QStringLiteral("rebuilt")));

    auto report = CacheRecovery::rebuild(store.path(), store.clock);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
    checkRebuilt(store, f, report.value());
}

void TestCacheRecovery::damagedTablePageIsDetectedAndRebuilt()
{
    TempStore store;
    const Fixture f = fill(store);
    const qint64 root = scalar(store.db(), QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'ticket'"));
    const qint64 pageSize = scalar(store.db(), QStringLiteral("PRAGMA page_size"));
    store.close();
    overwrite(store.path(), (root - 1) * pageSize, QByteArray(static_cast<int>(pageSize), '\xFF'));

    auto opened = Database::open(store.path(), store.clock);
    QVERIFY(opened.ok()); // the schema page is fine...
    const Status integrity = opened.value()->checkIntegrity();
    QVERIFY(!integrity.ok()); // ...but the store is not
    QCOMPARE(integrity.error().code, QStringLiteral("storage.corrupt"));
    QSqlQuery q(opened.value()->sql());
    // count(*) would be answered from an index; reading the rows must touch the damaged table pages.
    QVERIFY(!q.exec(QStringLiteral("SELECT count(subject) FROM ticket NOT INDEXED")) || !q.next()
        || q.value(0).toInt() != f.tickets);
    opened = Error {};

    auto report = CacheRecovery::rebuild(store.path(), store.clock);
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
    checkRebuilt(store, f, report.value());
}

void TestCacheRecovery::truncatedFileKeepsWhatCanBeRead()
{
    TempStore store;
    fill(store);
    store.close();
    QFile file(store.path());
    QVERIFY(file.resize(file.size() / 2));
    auto report = CacheRecovery::rebuild(store.path(), store.clock);
    QVERIFY(report.ok());
    QVERIFY(store.reopen());
    QVERIFY(store.db().checkIntegrity().ok());
    // Whatever was salvaged is queued again; nothing that was salvaged is lost.
    QCOMPARE(Outbox(store.db()).count(), report.value().salvaged);
}

void TestCacheRecovery::notADatabaseAtAll()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("these are someone's notes, not a store");
    file.close();
    ManualClock clock(QDateTime(QDate(2023, 10, 1), QTime(8, 0), Qt::UTC));
    auto failed = Database::open(path, clock);
    QCOMPARE(failed.error().code, QStringLiteral("storage.corrupt"));
    auto report = CacheRecovery::rebuild(path, clock);
    QVERIFY(report.ok());
    QCOMPARE(report.value().salvaged, 0);
    QFile kept(report.value().damagedCopy);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("these are someone's notes, not a store")); // never deleted
    QVERIFY(Database::open(path, clock).ok());
}

QTEST_GUILESS_MAIN(TestCacheRecovery)
#include "tst_cacherecovery.moc"
