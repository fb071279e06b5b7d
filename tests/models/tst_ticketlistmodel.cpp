#include "DemoSeeder.h"
#include "TempStore.h"
#include "TicketListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

class TestTicketListModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pagesOnDemandNewestFirst();
    void searchReplacesRows();
};

void TestTicketListModel::pagesOnDemandNewestFirst()
{
    TempStore store;
    QVERIFY(demo::DemoSeeder(store.db(), {450, 3, QDateTime(QDate(2026, 11, 20), QTime(18, 0), Qt::UTC)}).run().ok());
    TicketListModel model(store.db());
    QCOMPARE(model.rowCount(), TicketListModel::kPageSize); // one page, not the table
    QCOMPARE(model.columnCount(), int(TicketListModel::ColumnCount));
    QVERIFY(model.canFetchMore({}));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 450);
    QVERIFY(!model.canFetchMore({}));
    const QDateTime first = model.index(0, TicketListModel::Created).data(TicketListModel::RawValueRole).toDateTime();
    const QDateTime last = model.index(449, TicketListModel::Created).data(TicketListModel::RawValueRole).toDateTime();
    QVERIFY(first > last);
    QVERIFY(model.index(0, TicketListModel::Number).data().toString().startsWith(QLatin1Char('G')));
    QVERIFY(
        model.index(0, TicketListModel::Priority).data(TicketListModel::PriorityColorRole).value<QColor>().isValid());
    QCOMPARE(model.headerData(TicketListModel::Subject, Qt::Horizontal).toString(), QStringLiteral("Subject"));
}

void TestTicketListModel::searchReplacesRows()
{
    TempStore store;
    const Ticket wanted
        = store.tickets().create(draftTicket(QString::fromUtf8("扫地机器人无法回充")), QStringLiteral("a")).value();
    store.tickets().create(draftTicket(QString::fromUtf8("发票开具")), QStringLiteral("a"));
    TicketListModel model(store.db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setSearchText(QString::fromUtf8("回充"));
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(TicketListModel::TicketIdRole).toString(), wanted.id);
    QVERIFY(!model.canFetchMore({}));
    model.setSearchText(QString::fromUtf8("不存在的词"));
    QCOMPARE(model.rowCount(), 0);
    model.setSearchText(QString());
    QCOMPARE(model.rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestTicketListModel)
#include "tst_ticketlistmodel.moc"
