// Kills a writer process at random moments, many times, and checks after each kill that the store passes
// integrity_check and that data and outbox are in step: every committed change has exactly its intent.
#include "storage/Outbox.h"
#include "tests/support/TempStore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

namespace {

// The child: writes mutations as fast as it can until it is killed.
int runWriter(const QString& path)
{
    SystemClock clock;
    auto db = Database::open(path, clock);
    if (!db)
        return 3;
    LocalNumberAllocator numbers(*db.value());
    FieldDefinitionRepository fields(*db.value());
    CustomerRepository customers(*db.value());
    TicketRepository tickets(*db.value(), numbers, fields);
    const Principal actor {QStringLiteral("a"), Role::Supervisor, {}};
    QRandomGenerator random(QRandomGenerator::system()->generate());
    QStringList ids;
    QSqlQuery existing(db.value()->sql());
    existing.exec(QStringLiteral("SELECT id FROM ticket"));
    while (existing.next())
        ids.append(existing.value(0).toString());
    for (int i = 0;; ++i) {
        const int kind = ids.isEmpty() ? 0 : static_cast<int>(random.bounded(4));
        if (kind == 0) {
            auto t = tickets.create(
                draftTicket(QStringLiteral("崩溃测试 %1").arg(i), QStringLiteral("描述").repeated(20)), actor);
            if (t)
                ids.append(t.value().id);
        } else if (kind == 1) {
            tickets.addComment(ids.at(random.bounded(static_cast<int>(ids.size()))), CommentVisibility::Public,
                QStringLiteral("回复 %1").arg(i), {}, actor);
        } else if (kind == 2) {
            tickets.patch(ids.at(random.bounded(static_cast<int>(ids.size()))),
                QJsonObject {{QStringLiteral("subject"), QStringLiteral("改 %1").arg(i)}}, actor);
        } else {
            Customer c;
            c.name = QStringLiteral("客户%1").arg(i);
            c.phones = {QStringLiteral("139%1").arg(i, 8, 10, QLatin1Char('0'))};
            customers.save(c);
        }
    }
}

} // namespace

class TestOutboxCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killedWriterLeavesConsistentStore();
};

void TestOutboxCrash::killedWriterLeavesConsistentStore()
{
    TempStore store;
    QVERIFY(store.ok());
    store.close();
    const int kills = qEnvironmentVariableIntValue("GONGDAN_CRASH_KILLS") > 0
        ? qEnvironmentVariableIntValue("GONGDAN_CRASH_KILLS")
        : 30;
    QRandomGenerator random(20231001);
    qint64 lastSeq = 0;
    for (int round = 0; round < kills; ++round) {
        QProcess writer;
        writer.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--writer"), store.path()});
        QVERIFY(writer.waitForStarted());
        QTest::qWait(40 + static_cast<int>(random.bounded(260)));
        QCOMPARE(writer.state(), QProcess::Running); // it must still be writing when killed
        writer.kill(); // SIGKILL: no cleanup of any kind
        QVERIFY(writer.waitForFinished());

        QVERIFY(store.reopen());
        Database& db = store.db();
        QVERIFY(db.checkIntegrity().ok());
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM ticket")),
            scalar(db, QStringLiteral("SELECT count(*) FROM outbox WHERE name = 'ticket.create'")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM comment")),
            scalar(db, QStringLiteral("SELECT count(*) FROM outbox WHERE name = 'comment.add'")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM customer")),
            scalar(db, QStringLiteral("SELECT count(DISTINCT entity_id) FROM outbox WHERE name = 'customer.upsert'")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM ticket_event WHERE kind = 'field'")),
            scalar(db, QStringLiteral("SELECT count(*) FROM outbox WHERE name = 'ticket.patch'")));
        // Every ticket is the one its create intent describes, with the number it was given.
        QCOMPARE(scalar(db,
                     QStringLiteral("SELECT count(*) FROM ticket t JOIN outbox o ON o.entity_id = t.id AND "
                                    "o.name = 'ticket.create' AND json_extract(o.args, '$.ticket.number') = t.number")),
            scalar(db, QStringLiteral("SELECT count(*) FROM ticket")));
        // Sequence numbers are contiguous, only grow across kills, and the next one is free.
        const qint64 maxSeq = scalar(db, QStringLiteral("SELECT coalesce(max(seq), 0) FROM outbox"));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM outbox")), maxSeq);
        QCOMPARE(Outbox(db).nextSeq(), maxSeq + 1);
        QVERIFY(maxSeq >= lastSeq);
        lastSeq = maxSeq;
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT mutation_id) FROM outbox")), maxSeq);
        QVERIFY(db.exec(QStringLiteral("INSERT INTO ticket_fts(ticket_fts, rank) VALUES ('integrity-check', 1)")).ok());
        store.close();
    }
    QVERIFY2(lastSeq > kills, "the writer made too little progress for the kills to mean anything");
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--writer") == 0)
        return runWriter(QString::fromLocal8Bit(argv[2]));
    TestOutboxCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_outboxcrash.moc"
