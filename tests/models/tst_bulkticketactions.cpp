#include "models/BulkTicketActions.h"
#include "storage/Outbox.h"
#include "tests/support/TempStore.h"

#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

class TestBulkTicketActions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void assignsEveryTicketWithItsIntent();
    void skipsWhatDoesNotApplyAndSaysWhy();
    void tagsAndPriorities();
};

namespace {

QStringList createTickets(TempStore& store, int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids.append(store.tickets()
                       .create(draftTicket(QStringLiteral("批量 %1").arg(i)), store.agent(QStringLiteral("a-01")))
                       .value()
                       .id);
    return ids;
}

} // namespace

void TestBulkTicketActions::assignsEveryTicketWithItsIntent()
{
    TempStore store;
    const QStringList ids = createTickets(store, 50);
    const qint64 before = Outbox(store.db()).count();
    BulkTicketActions bulk(store.tickets(), store.agent(QStringLiteral("a-09")));
    store.agent(QStringLiteral("a-02"), Role::Agent, QStringLiteral("g-logistics")); // an assignee of that group
    const BulkOutcome outcome = bulk.assign(ids, QStringLiteral("a-02"), QStringLiteral("g-logistics"));
    QCOMPARE(outcome.changed.size(), 50);
    QVERIFY(outcome.skipped.isEmpty());
    for (const QString& id : ids) {
        const Ticket t = *store.tickets().find(id);
        QCOMPARE(t.assigneeId, QStringLiteral("a-02"));
        QCOMPARE(t.groupId, QStringLiteral("g-logistics"));
        QCOMPARE(store.tickets().events(id).last().actorId, QStringLiteral("a-09"));
    }
    QCOMPARE(Outbox(store.db()).count(), before + 50); // one ticket.patch each
    QCOMPARE(BulkTicketActions::summary(outcome), QStringLiteral("50 ticket(s) changed"));
}

void TestBulkTicketActions::skipsWhatDoesNotApplyAndSaysWhy()
{
    TempStore store;
    const QStringList ids = createTickets(store, 3);
    QVERIFY(store.tickets()
                .transition(ids.at(1), {TicketAction::Accept, {}, {}, {}, {}, {}}, store.agent(QStringLiteral("a")))
                .ok());
    BulkTicketActions bulk(store.tickets(), store.agent(QStringLiteral("a-01")));
    BulkOutcome accepted = bulk.transition(ids + QStringList {QStringLiteral("gone")}, TicketAction::Accept);
    QCOMPARE(accepted.changed, (QStringList {ids.at(0), ids.at(2)}));
    QCOMPARE(accepted.skipped.size(), 2);
    QCOMPARE(accepted.skipped.at(0).first, store.tickets().find(ids.at(1))->number); // already in progress
    QVERIFY(!accepted.skipped.at(0).second.isEmpty());
    QCOMPARE(accepted.skipped.at(1).first, QStringLiteral("gone"));
    QVERIFY(BulkTicketActions::summary(accepted).contains(QStringLiteral("2 skipped")));
    const BulkOutcome closing = bulk.transition(ids, TicketAction::Close);
    QVERIFY(closing.changed.isEmpty()); // closing needs a resolution and the customer's answer
    QCOMPARE(closing.skipped.size(), 3);
    QCOMPARE(store.tickets().find(ids.at(0))->status, TicketStatus::InProgress);
}

void TestBulkTicketActions::tagsAndPriorities()
{
    TempStore store;
    const QStringList ids = createTickets(store, 4);
    BulkTicketActions bulk(store.tickets(), store.agent(QStringLiteral("a-01")));
    QCOMPARE(bulk.addTag(ids, QStringLiteral(" 回访 ")).changed.size(), 4);
    QCOMPARE(store.tickets().find(ids.at(2))->tags, QStringList {QStringLiteral("回访")});
    QCOMPARE(bulk.addTag(ids, QStringLiteral("回访")).changed.size(), 4); // already there: nothing to do, no error
    QCOMPARE(store.tickets().find(ids.at(2))->tags.size(), 1);
    QCOMPARE(bulk.addTag(ids, QStringLiteral("  ")).skipped.size(), 4);
    QCOMPARE(bulk.setPriority(ids, Priority::Critical).changed.size(), 4);
    QCOMPARE(store.tickets().find(ids.at(3))->priority, Priority::Critical);
}

QTEST_GUILESS_MAIN(TestBulkTicketActions)
#include "tst_bulkticketactions.moc"
