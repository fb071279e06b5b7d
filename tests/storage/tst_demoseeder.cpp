#include "bench/DemoSeeder.h"
#include "domain/FieldValidator.h"
#include "domain/TicketNumber.h"
#include "tests/support/TempStore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

namespace {

const QDateTime kEnd(QDate(2026, 11, 20), QTime(18, 0), Qt::UTC);

QByteArray contentHash(Database& db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char* table :
        {"ticket", "comment", "ticket_event", "customer", "field_definition", "category", "agent"}) {
        QSqlQuery q(db.sql());
        q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(QLatin1String(table)));
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                hash.addData(QByteArray(q.value(i).toString().toUtf8() + '\x1F'));
        }
    }
    return hash.result().toHex();
}

} // namespace

class TestDemoSeeder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void reproducibleFromSeed();
    void realisticAndValid();
};

void TestDemoSeeder::reproducibleFromSeed()
{
    TempStore a, b, c;
    QVERIFY(demo::DemoSeeder(a.db(), {300, 7, kEnd, 10000}).run().ok());
    QVERIFY(demo::DemoSeeder(b.db(), {300, 7, kEnd, 10000}).run().ok());
    QVERIFY(demo::DemoSeeder(c.db(), {300, 8, kEnd, 10000}).run().ok());
    QCOMPARE(contentHash(a.db()), contentHash(b.db()));
    QVERIFY(contentHash(a.db()) != contentHash(c.db()));
}

void TestDemoSeeder::realisticAndValid()
{
    TempStore store;
    // Small batches put transaction boundaries inside days: numbering must carry on across them.
    auto report = demo::DemoSeeder(store.db(), {2000, 42, kEnd, 7}).run();
    QVERIFY(report.ok());
    Database& db = store.db();
    QCOMPARE(report.value().tickets, 2000);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM ticket")), 2000);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM outbox")), 0); // server data, nothing to push
    const double comments = double(report.value().comments) / 2000, events = double(report.value().events) / 2000;
    QVERIFY2(comments > 2.3 && comments < 3.7, qPrintable(QString::number(comments)));
    QVERIFY2(events > 4 && events < 7, qPrintable(QString::number(events))); // (a score on 4 in 10 closed tickets)
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT status) FROM ticket")), 7);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT priority) FROM ticket")), 3);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT number) FROM ticket")), 2000);
    QVERIFY(scalar(db, QStringLiteral("SELECT count(*) FROM customer")) >= 50);

    const QList<FieldDefinition> defs = store.fields().definitions();
    QVERIFY(defs.size() >= 15);
    QSet<FieldType> types;
    for (const FieldDefinition& d : defs) {
        types.insert(d.type);
        QVERIFY2(checkFieldDefinition(d).ok(), qPrintable(d.key));
    }
    QCOMPARE(types.size(), FieldDefinition::allTypes().size());
    auto tree = store.fields().categories();
    QVERIFY(tree.ok());
    QCOMPARE(tree.value().pathText(QStringLiteral("order.logistics"), true), QString::fromUtf8("订单 › 物流异常"));

    QSqlQuery q(db.sql());
    QVERIFY(q.exec(QStringLiteral("SELECT number, custom_fields, category_id, subject FROM ticket")));
    int chinese = 0;
    while (q.next()) {
        QVERIFY(TicketNumber::parse(q.value(0).toString(), nullptr, nullptr));
        ValidationContext context;
        context.categoryId = q.value(2).toString();
        context.categories = &tree.value();
        const auto issues
            = FieldValidator::validate(defs, QJsonDocument::fromJson(q.value(1).toByteArray()).object(), context);
        QVERIFY2(issues.isEmpty(), qPrintable(issues.isEmpty() ? QString() : issues.first().message));
        chinese += q.value(3).toString().contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))) ? 1 : 0;
    }
    QVERIFY(chinese > 1900);
    // The local allocator continues after the seeded numbers.
    store.clock.set(kEnd);
    auto next = store.tickets().create(draftTicket(QStringLiteral("新工单")), store.agent(QStringLiteral("a-01")));
    QVERIFY(next.ok());
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM ticket WHERE number = '%1'").arg(next.value().number)), 1);
}

QTEST_GUILESS_MAIN(TestDemoSeeder)
#include "tst_demoseeder.moc"
