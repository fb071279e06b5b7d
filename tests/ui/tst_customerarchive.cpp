#include "models/CustomerListModel.h"
#include "sync/WorkstationCore.h"
#include "tests/support/DemoDesk.h"
#include "tests/support/InputMethod.h"
#include "ui/customer/CustomerArchive.h"
#include "ui/main/MainWindow.h"
#include "ui/main/WorkTabs.h"
#include "ui/ticket/TicketEditor.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

/// The customer archive in the real window: search as you type, edit with inline refusals, edits
/// never dropped by picking another customer, tickets and calls that open the ticket.
class TestCustomerArchive : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void findsByPhoneFragmentAndShowsTicketsAndCalls();
    void editsAreSavedOrRefusedInline();
    void pickingAnotherCustomerKeepsUnsavedEdits();
    void createsACustomer();

private:
    CustomerArchive* archive() const { return m_window->workTabs()->findChild<CustomerArchive*>(); }
    template<typename T>
    T* find(const char* name) const
    {
        return archive()->findChild<T*>(QLatin1String(name));
    }
    void searchFor(const QString& text);

    DemoDesk m_desk;
    std::unique_ptr<MainWindow> m_window;
    Customer m_caller;
};

void TestCustomerArchive::initTestCase()
{
    QVERIFY(m_desk.prepare(QStringLiteral("GongdanTestCustomers"), 300));
    // A customer with tickets, one of them from a logged call.
    QSqlQuery query(m_desk.store->db().sql());
    QVERIFY(query.exec(QStringLiteral("SELECT customer_id FROM ticket WHERE customer_id IS NOT NULL "
                                      "GROUP BY customer_id HAVING count(*) >= 2 ORDER BY customer_id LIMIT 1")));
    QVERIFY(query.next());
    m_caller = *m_desk.store->customers().find(query.value(0).toString());
    Ticket call = draftTicket(QString::fromUtf8("来电咨询保修"));
    call.customerId = m_caller.id;
    call.callStartedAt = m_desk.store->clock.now().addSecs(-200);
    call.callSeconds = 200;
    QVERIFY(m_desk.store->tickets().create(call, DemoDesk::agent.principal()).ok());
}

void TestCustomerArchive::init()
{
    m_window = std::make_unique<MainWindow>(m_desk.core(), DemoDesk::agent, m_desk.languages);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(archive());
    QCOMPARE(m_window->workTabs()->currentWidget(), archive());
    QCOMPARE(QApplication::focusWidget(), find<QLineEdit>("customerSearch"));
}

void TestCustomerArchive::cleanup()
{
    m_window.reset();
}

void TestCustomerArchive::searchFor(const QString& text)
{
    auto* search = find<QLineEdit>("customerSearch");
    search->clear();
    commitText(search, text);
    QTest::keyClick(search, Qt::Key_Return); // runs at once and moves to the results
}

void TestCustomerArchive::findsByPhoneFragmentAndShowsTicketsAndCalls()
{
    auto* table = find<QTableView>("customerTable");
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(table->model()->rowCount() > 0); // the recently changed, before anything is typed
    searchFor(normalizePhone(m_caller.phones.first()).right(7));
    QCOMPARE(QApplication::focusWidget(), table);
    const int row = qobject_cast<CustomerListModel*>(table->model())->rowOf(m_caller.id);
    QVERIFY(row >= 0);
    table->selectRow(row);
    QCOMPARE(find<QLineEdit>("customerName")->text(), m_caller.name);
    auto* tickets = find<QListWidget>("customerTicketList");
    QCOMPARE(tickets->count(), m_desk.store->tickets().ofCustomer(m_caller.id, 200).size());
    auto* calls = find<QListWidget>("customerCallList");
    QVERIFY(calls->count() >= 1);
    QVERIFY2(calls->item(0)->text().contains(QStringLiteral("3")), qPrintable(calls->item(0)->text()));
    // Enter on a call opens its ticket in a tab.
    calls->setFocus();
    calls->setCurrentRow(0);
    QTest::keyClick(calls, Qt::Key_Return);
    auto* editor = qobject_cast<TicketEditor*>(m_window->workTabs()->currentWidget());
    QVERIFY(editor);
    QCOMPARE(m_desk.store->tickets().find(editor->ticketId())->customerId, m_caller.id);
}

void TestCustomerArchive::editsAreSavedOrRefusedInline()
{
    searchFor(m_caller.name);
    auto* table = find<QTableView>("customerTable");
    table->selectRow(qobject_cast<CustomerListModel*>(table->model())->rowOf(m_caller.id));
    auto* phones = find<QLineEdit>("customerPhones");
    phones->setFocus();
    QTest::keyClick(phones, Qt::Key_End);
    QTest::keyClicks(phones, QStringLiteral(", 12"));
    QTest::keyClick(phones, Qt::Key_S, Qt::ControlModifier);
    auto* error = find<QLabel>("customerError");
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("12")));
    QCOMPARE(QApplication::focusWidget(), phones);
    QCOMPARE(m_desk.store->customers().find(m_caller.id)->phones, m_caller.phones);

    QTest::keyClick(phones, Qt::Key_Backspace);
    QTest::keyClicks(phones, QStringLiteral("3-5550-1234"));
    auto* region = find<QLineEdit>("customerRegion");
    region->clear();
    commitText(region, QString::fromUtf8("苏州"));
    QTest::keyClick(region, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!error->isVisible());
    const Customer saved = *m_desk.store->customers().find(m_caller.id);
    QCOMPARE(saved.region, QString::fromUtf8("苏州"));
    QCOMPARE(saved.phones.size(), m_caller.phones.size() + 1);
    QVERIFY(!archive()->hasUnsavedChanges());
    m_caller = saved;
}

void TestCustomerArchive::pickingAnotherCustomerKeepsUnsavedEdits()
{
    searchFor(QString());
    auto* table = find<QTableView>("customerTable");
    QVERIFY(table->model()->rowCount() >= 2);
    table->selectRow(0);
    const QString first = find<QLineEdit>("customerName")->text();
    auto* notes = find<QWidget>("customerNotes");
    notes->setFocus();
    commitText(notes, QString::fromUtf8("改天回访"));
    QVERIFY(archive()->hasUnsavedChanges());
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Down);
    QCOMPARE(find<QLineEdit>("customerName")->text(), first); // still the one being edited
    QVERIFY(archive()->hasUnsavedChanges());
    QVERIFY(find<QLabel>("customerError")->isVisible());
    QTest::mouseClick(find<QPushButton>("customerDiscard"), Qt::LeftButton);
    QVERIFY(!archive()->hasUnsavedChanges());
    QTest::keyClick(table, Qt::Key_Down);
    QVERIFY(find<QLineEdit>("customerName")->text() != first || table->model()->rowCount() < 2);
}

void TestCustomerArchive::createsACustomer()
{
    QTest::mouseClick(find<QPushButton>("customerNew"), Qt::LeftButton);
    QCOMPARE(QApplication::focusWidget(), find<QLineEdit>("customerName"));
    QTest::keyClick(find<QLineEdit>("customerName"), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(find<QLabel>("customerError")->isVisible()); // a name is needed
    commitText(find<QLineEdit>("customerName"), QString::fromUtf8("周新"));
    QTest::keyClicks(find<QLineEdit>("customerPhones"), QStringLiteral("0512-6666 8888"));
    QTest::keyClick(find<QLineEdit>("customerPhones"), Qt::Key_S, Qt::ControlModifier);
    const auto found = m_desk.store->customers().findByPhone(QStringLiteral("051266668888"));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().name, QString::fromUtf8("周新"));
    auto* table = find<QTableView>("customerTable");
    QCOMPARE(table->currentIndex().data(CustomerListModel::CustomerIdRole).toString(), found.first().id);
}

QTEST_MAIN(TestCustomerArchive)
#include "tst_customerarchive.moc"
