// The queue's search says where it looks and can look everywhere: in the real main window over a seeded
// store, a ticket that is not in the open view is not found "in this view" — the window says so in place
// of a blank list, naming the text and the view, with a button to widen the search —, one press finds it
// among all the agent's tickets, and the scope switch takes the search back into the view. Widgets are
// found by objectName, as an agent's keyboard and mouse would reach them.
#include "sync/WorkstationCore.h"
#include "tests/support/DemoDesk.h"
#include "ui/main/MainWindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

class TestSearchScope : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void searchWidensFromTheViewToAllTickets();
    void nothingAnywhereSaysSoWithoutAWayToWiden();
    void theNoticeFollowsTheInterfaceLanguage();

private:
    QString numberWithStatus(const QString& status);

    DemoDesk m_desk;
};

void TestSearchScope::initTestCase()
{
    QVERIFY(m_desk.prepare(QStringLiteral("GongdanSearchScopeTest"), 300));
}

QString TestSearchScope::numberWithStatus(const QString& status)
{
    QSqlQuery query(m_desk.store->db().sql());
    query.prepare(QStringLiteral("SELECT number FROM ticket WHERE status = ? ORDER BY rowid LIMIT 1"));
    query.addBindValue(status);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

void TestSearchScope::searchWidensFromTheViewToAllTickets()
{
    const QString open = numberWithStatus(QStringLiteral("in_progress"));
    QVERIFY(!open.isEmpty());
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::supervisor, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openView(QStringLiteral("closed")); // 已关闭: the open ticket is not in it
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("searchBox"));
    auto* scope = window.findChild<QComboBox*>(QStringLiteral("searchScope"));
    auto* where = window.findChild<QLabel*>(QStringLiteral("searchWhere"));
    auto* empty = window.findChild<QWidget*>(QStringLiteral("searchEmpty"));
    auto* emptyText = window.findChild<QLabel*>(QStringLiteral("searchEmptyText"));
    auto* widen = window.findChild<QPushButton*>(QStringLiteral("searchWiden"));
    auto* table = window.findChild<QTableView*>(QStringLiteral("queueTable"));
    QVERIFY(search && scope && where && empty && emptyText && widen && table);
    QCOMPARE(scope->currentIndex(), 0); // this view, as before
    QVERIFY2(where->text().contains(QString::fromUtf8("已关闭")), qPrintable(where->text()));
    QVERIFY(!empty->isVisible());

    QTest::keyClicks(search, open);
    QCOMPARE(table->model()->rowCount(), 0);
    QTRY_VERIFY(empty->isVisible());
    QVERIFY2(emptyText->text().contains(open), qPrintable(emptyText->text()));
    QVERIFY(emptyText->text().contains(QString::fromUtf8("已关闭")));
    QVERIFY(widen->isVisible());

    QTest::mouseClick(widen, Qt::LeftButton);
    QCOMPARE(scope->currentIndex(), 1); // all my tickets
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, 0).data().toString(), open);
    QVERIFY(!empty->isVisible());
    QVERIFY(!where->text().contains(QString::fromUtf8("已关闭")));

    // Back to the view from the scope switch, by keyboard: nothing there again.
    scope->setFocus();
    QTest::keyClick(scope, Qt::Key_Up);
    QCOMPARE(scope->currentIndex(), 0);
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(empty->isVisible());
    QVERIFY(where->text().contains(QString::fromUtf8("已关闭")));

    // Clearing the text shows the whole view; the notice goes.
    search->clear();
    QVERIFY(table->model()->rowCount() > 0);
    QVERIFY(!empty->isVisible());
}

void TestSearchScope::nothingAnywhereSaysSoWithoutAWayToWiden()
{
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::supervisor, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openView(QStringLiteral("all_open"));
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("searchBox"));
    auto* scope = window.findChild<QComboBox*>(QStringLiteral("searchScope"));
    auto* empty = window.findChild<QWidget*>(QStringLiteral("searchEmpty"));
    auto* emptyText = window.findChild<QLabel*>(QStringLiteral("searchEmptyText"));
    auto* widen = window.findChild<QPushButton*>(QStringLiteral("searchWiden"));
    QVERIFY(search && scope && empty && emptyText && widen);
    scope->setCurrentIndex(1);
    QTest::keyClicks(search, QStringLiteral("qzxv"));
    QTRY_VERIFY(empty->isVisible());
    QVERIFY(emptyText->text().contains(QStringLiteral("qzxv")));
    QVERIFY(!widen->isVisible()); // already everywhere
}

// Switching the language at run time renames the built-in view the notice names, not only the notice.
void TestSearchScope::theNoticeFollowsTheInterfaceLanguage()
{
    WorkstationCore core(m_desk.store->db());
    MainWindow window(core, DemoDesk::supervisor, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openView(QStringLiteral("closed"));
    auto* where = window.findChild<QLabel*>(QStringLiteral("searchWhere"));
    QVERIFY(where);
    QVERIFY2(where->text().contains(QString::fromUtf8("已关闭")), qPrintable(where->text()));
    QVERIFY(m_desk.languages.switchTo(QLocale(QLocale::English, QLocale::UnitedStates)));
    QTRY_VERIFY2(where->text().startsWith(QStringLiteral("Searching in")), qPrintable(where->text()));
    QVERIFY2(where->text().contains(QStringLiteral("Closed")), qPrintable(where->text()));
    QVERIFY(!where->text().contains(QString::fromUtf8("已关闭")));
    QVERIFY(m_desk.languages.switchTo(QLocale(QLocale::Chinese, QLocale::China)));
    QTRY_VERIFY2(where->text().contains(QString::fromUtf8("已关闭")), qPrintable(where->text()));
}

QTEST_MAIN(TestSearchScope)
#include "tst_searchscope.moc"
