// Database::watchInserts, which the workstation's sync controller uses to push every new outbox entry at
// once: called for each row inserted into the watched table — whichever repository wrote it — and for
// nothing else (updates, deletes, other tables), and never again once cleared.
#include "tests/support/TempStore.h"

#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

class TestInsertWatch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyOutboxEntryIsSeenAndNothingElse();
};

void TestInsertWatch::everyOutboxEntryIsSeenAndNothingElse()
{
    TempStore store;
    QVERIFY2(store.ok(), qPrintable(store.openError()));
    int seen = 0;
    store.db().watchInserts(QStringLiteral("outbox"), [&seen] { ++seen; });

    Ticket draft;
    draft.subject = QStringLiteral("打印机卡纸");
    auto created = store.tickets().create(draft, store.agent(QStringLiteral("li.na")));
    QVERIFY(created);
    QCOMPARE(seen, 1); // ticket.create — its events and search rows are other tables
    QVERIFY(store.tickets().patch(created.value().id, {{QStringLiteral("subject"), QStringLiteral("卡纸")}},
        store.agent(QStringLiteral("li.na"))));
    Customer customer;
    customer.name = QStringLiteral("王芳");
    const auto saved = store.customers().save(customer);
    QVERIFY2(saved, saved ? "" : qPrintable(saved.error().message));
    QCOMPARE(seen, 3); // ticket.patch, customer.upsert
    QVERIFY(store.db().exec(QStringLiteral("UPDATE outbox SET attempts = attempts + 1")));
    QVERIFY(store.db().exec(QStringLiteral("DELETE FROM outbox WHERE seq = 1")));
    QCOMPARE(seen, 3); // updates and deletes are not new changes

    store.db().watchInserts({}, {});
    QVERIFY(store.tickets().patch(created.value().id, {{QStringLiteral("subject"), QStringLiteral("复印机卡纸")}},
        store.agent(QStringLiteral("li.na"))));
    QCOMPARE(seen, 3);
}

QTEST_GUILESS_MAIN(TestInsertWatch)
#include "tst_insertwatch.moc"
