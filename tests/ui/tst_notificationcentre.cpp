// The notification centre on the demo desk (ui/notify/NotificationCentre in the main window's status bar): the bell
// shows the unread count; its panel lists the agent's notifications newest first, unread in bold; a click opens the
// ticket and reads its notification (queued as notification.read for the server); opening a ticket from anywhere
// reads its notifications; "Mark all read"; a new one pops up as a toast, except during do-not-disturb hours.
// Screenshots of the panel in zh_CN and en go to $GONGDAN_SCREENSHOTS when set.
#include "models/NotificationListModel.h"
#include "storage/NotificationInbox.h"
#include "sync/WorkstationCore.h"
#include "tests/support/DemoDesk.h"
#include "ui/main/MainWindow.h"
#include "ui/main/WorkTabs.h"
#include "ui/notify/NotificationCentre.h"
#include "ui/ticket/TicketEditor.h"

#include <QCheckBox>
#include <QDir>
#include <QFrame>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QPushButton>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeEdit>
#include <QToolButton>

using namespace gongdan;
using namespace gongdan::test;

class TestNotificationCentre : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bellPanelClicksAndMarkAllRead();
    void newOnesToastOutsideQuietHours();
    void openAllUnreadAndClearAll();

private:
    struct Row {
        QString id;
        QString number;
        QString subject;
    };
    QList<Row> tickets(int count);
    /// A notification as a pull stores it (record_synced), for the demo agent.
    void pulled(const QString& id, const QString& type, const Row& ticket, const QDateTime& at, bool read);

    DemoDesk m_desk;
};

void TestNotificationCentre::initTestCase()
{
    QVERIFY(m_desk.prepare(QStringLiteral("GongdanNotifyTest"), 60));
    m_desk.store->db().setSignedInUser(DemoDesk::agent.agentId);
}

QList<TestNotificationCentre::Row> TestNotificationCentre::tickets(int count)
{
    QSqlQuery query(m_desk.store->db().sql());
    query.exec(QStringLiteral("SELECT id, number, subject FROM ticket ORDER BY rowid LIMIT %1").arg(count));
    QList<Row> rows;
    while (query.next())
        rows.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    return rows;
}

void TestNotificationCentre::pulled(
    const QString& id, const QString& type, const Row& ticket, const QDateTime& at, bool read)
{
    Notification n;
    n.id = id;
    n.userId = DemoDesk::agent.agentId;
    n.type = type;
    n.ticketId = ticket.id;
    n.ticketNumber = ticket.number;
    n.subject = ticket.subject;
    n.text = QStringLiteral("…");
    n.createdAt = at;
    if (read)
        n.readAt = at.addSecs(60);
    QSqlQuery insert(m_desk.store->db().sql());
    insert.prepare(QStringLiteral("INSERT OR REPLACE INTO record_synced(kind, id, data, server_seq) VALUES "
                                  "('notification', ?, ?, 1)"));
    insert.addBindValue(id);
    insert.addBindValue(QString::fromUtf8(QJsonDocument(n.toJson()).toJson(QJsonDocument::Compact)));
    QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
}

void TestNotificationCentre::bellPanelClicksAndMarkAllRead()
{
    const QList<Row> rows = tickets(4);
    QCOMPARE(rows.size(), 4);
    const QDateTime end = DemoDesk::end;
    pulled(QStringLiteral("n-1"), QStringLiteral("assigned"), rows.at(0), end.addSecs(-3600), true);
    pulled(QStringLiteral("n-2"), QStringLiteral("sla_warning"), rows.at(1), end.addSecs(-1800), false);
    pulled(QStringLiteral("n-3"), QStringLiteral("breach"), rows.at(2), end.addSecs(-600), false);
    pulled(QStringLiteral("n-4"), QStringLiteral("escalation"), rows.at(3), end.addSecs(-60), false);

    WorkstationCore& core = m_desk.core();
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
    window.resize(1240, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* bell = window.findChild<QToolButton*>(QStringLiteral("notificationBell"));
    QVERIFY(bell);
    QVERIFY(bell->isVisible());
    QCOMPARE(bell->text(), QString::fromUtf8("通知 3"));
    if (const QString dir = qEnvironmentVariable("GONGDAN_SCREENSHOTS"); !dir.isEmpty())
        QVERIFY(window.grab().save(QDir(dir).filePath(QStringLiteral("notification-bell-zh_CN.png"))));

    QTest::mouseClick(bell, Qt::LeftButton);
    NotificationCentre& centre = window.notificationCentre();
    QFrame* panel = centre.panel();
    QTRY_VERIFY(panel->isVisible());
    auto* list = panel->findChild<QListView*>(QStringLiteral("notificationList"));
    QVERIFY(list);
    QCOMPARE(list->model()->rowCount(), 4);
    QCOMPARE(list->model()->index(0, 0).data(NotificationListModel::IdRole).toString(), QStringLiteral("n-4"));
    QVERIFY(list->model()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!list->model()->index(3, 0).data(Qt::FontRole).value<QFont>().bold()); // n-1 was read
    QVERIFY(list->model()->index(0, 0).data().toString().contains(rows.at(3).number));
    QVERIFY(list->model()->index(0, 0).data().toString().contains(QString::fromUtf8("升级")));
    if (const QString dir = qEnvironmentVariable("GONGDAN_SCREENSHOTS"); !dir.isEmpty()) {
        QVERIFY(panel->grab().save(QDir(dir).filePath(QStringLiteral("notifications-zh_CN.png"))));
        QVERIFY(m_desk.languages.switchTo(QLocale(QLocale::English, QLocale::UnitedStates)));
        QTRY_COMPARE(panel->findChild<QPushButton*>(QStringLiteral("markAllReadButton"))->text(),
            QStringLiteral("Mark all read"));
        list->reset();
        QVERIFY(panel->grab().save(QDir(dir).filePath(QStringLiteral("notifications-en.png"))));
        QVERIFY(m_desk.languages.switchTo(QLocale(QLocale::Chinese, QLocale::China)));
    }

    // A click on the newest opens its ticket and reads it, queued for the server.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(0, 0)).center());
    QTRY_VERIFY(!panel->isVisible());
    auto* editor = qobject_cast<TicketEditor*>(window.workTabs()->currentWidget());
    QVERIFY(editor);
    QCOMPARE(editor->ticketId(), rows.at(3).id);
    QCOMPARE(bell->text(), QString::fromUtf8("通知 2"));
    QSqlQuery queued(core.db().sql());
    QVERIFY(queued.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE name = 'notification.read'")));
    QVERIFY(queued.next());
    QCOMPARE(queued.value(0).toInt(), 1);

    // Opening a ticket any other way reads its notifications too.
    QVERIFY(window.openTicketNumber(rows.at(2).number));
    QCOMPARE(bell->text(), QString::fromUtf8("通知 1"));

    // Mark all read.
    QTest::mouseClick(bell, Qt::LeftButton);
    QTRY_VERIFY(panel->isVisible());
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("markAllReadButton")), Qt::LeftButton);
    QCOMPARE(bell->text(), QString::fromUtf8("通知"));
    QCOMPARE(core.notifications().unreadCount(), 0);
    panel->hide();
}

void TestNotificationCentre::newOnesToastOutsideQuietHours()
{
    const QList<Row> rows = tickets(6);
    WorkstationCore& core = m_desk.core();
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    NotificationCentre& centre = window.notificationCentre();
    QVERIFY(core.notifications().markAllRead()); // whatever an earlier test left
    const qsizetype before = centre.toasts().size();

    pulled(QStringLiteral("n-5"), QStringLiteral("transfer"), rows.at(4), DemoDesk::end, false);
    core.changes().publish(StoreChange::only(StoreChange::Kind::Team)); // what a pull tells
    QCOMPARE(centre.toasts().size(), before + 1);
    QVERIFY(centre.toasts().last().contains(rows.at(4).number));

    // Do not disturb all day: nothing pops up, but the bell counts it.
    auto* quiet = centre.panel()->findChild<QCheckBox*>(QStringLiteral("quietHoursCheck"));
    auto* from = centre.panel()->findChild<QTimeEdit*>(QStringLiteral("quietFromEdit"));
    auto* to = centre.panel()->findChild<QTimeEdit*>(QStringLiteral("quietToEdit"));
    QVERIFY(quiet && from && to);
    from->setTime(QTime(0, 0));
    to->setTime(QTime(0, 0));
    quiet->setChecked(true);
    pulled(QStringLiteral("n-6"), QStringLiteral("assigned"), rows.at(5), DemoDesk::end, false);
    core.changes().publish(StoreChange::only(StoreChange::Kind::Team));
    QCOMPARE(centre.toasts().size(), before + 1);
    QCOMPARE(window.findChild<QToolButton*>(QStringLiteral("notificationBell"))->text(), QString::fromUtf8("通知 2"));
    QVERIFY(centre.quietAt(QTime(13, 0)));
    from->setTime(QTime(22, 0));
    to->setTime(QTime(8, 0));
    QVERIFY(centre.quietAt(QTime(23, 30)));
    QVERIFY(centre.quietAt(QTime(7, 59)));
    QVERIFY(!centre.quietAt(QTime(8, 0)));
    quiet->setChecked(false);
    QVERIFY(!centre.quietAt(QTime(23, 30)));
}

// §9.7: "Open all unread" opens each unread notification's ticket once (an @mention's too) and reads them; "Clear
// all" asks first, in the panel, and then empties it, queued as one notification.clear naming what was shown. Nothing
// older than 90 days is listed.
void TestNotificationCentre::openAllUnreadAndClearAll()
{
    const QList<Row> rows = tickets(8);
    WorkstationCore& core = m_desk.core();
    QVERIFY(core.notifications().markAllRead()); // whatever an earlier test left
    pulled(QStringLiteral("n-7"), QStringLiteral("assigned"), rows.at(6), DemoDesk::end.addSecs(-300), false);
    pulled(QStringLiteral("n-8"), QStringLiteral("mention"), rows.at(7), DemoDesk::end.addSecs(-200), false);
    pulled(QStringLiteral("n-9"), QStringLiteral("sla_warning"), rows.at(6), DemoDesk::end.addSecs(-100), false);
    pulled(QStringLiteral("n-old"), QStringLiteral("assigned"), rows.at(5), DemoDesk::end.addDays(-91), false);
    MainWindow window(core, DemoDesk::agent, m_desk.languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* bell = window.findChild<QToolButton*>(QStringLiteral("notificationBell"));
    QCOMPARE(bell->text(), QString::fromUtf8("通知 3")); // not the one past the retention
    QTest::mouseClick(bell, Qt::LeftButton);
    QFrame* panel = window.notificationCentre().panel();
    QTRY_VERIFY(panel->isVisible());
    auto* list = panel->findChild<QListView*>(QStringLiteral("notificationList"));
    for (int row = 0; row < list->model()->rowCount(); ++row)
        QVERIFY(list->model()->index(row, 0).data(NotificationListModel::IdRole).toString() != QLatin1String("n-old"));

    const int tabsBefore = window.workTabs()->count();
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("openAllUnreadButton")), Qt::LeftButton);
    QTRY_VERIFY(!panel->isVisible());
    QCOMPARE(window.workTabs()->count(), tabsBefore + 2); // two tickets, each once
    QCOMPARE(qobject_cast<TicketEditor*>(window.workTabs()->currentWidget())->ticketId(), rows.at(6).id); // newest
    QCOMPARE(core.notifications().unreadCount(), 0); // the mention too: opened on purpose
    QCOMPARE(bell->text(), QString::fromUtf8("通知"));
    QVERIFY(!panel->findChild<QPushButton*>(QStringLiteral("openAllUnreadButton"))->isEnabled());

    // Clear all: asked in the panel; "Keep" keeps them, "Clear" clears them.
    QTest::mouseClick(bell, Qt::LeftButton);
    QTRY_VERIFY(panel->isVisible());
    const int shown = list->model()->rowCount();
    QVERIFY(shown >= 3);
    auto* confirmation = panel->findChild<QFrame*>(QStringLiteral("clearConfirmation"));
    QVERIFY(!confirmation->isVisible());
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("clearAllButton")), Qt::LeftButton);
    QVERIFY(confirmation->isVisible());
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("clearKeepButton")), Qt::LeftButton);
    QVERIFY(!confirmation->isVisible());
    QCOMPARE(list->model()->rowCount(), shown);
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("clearAllButton")), Qt::LeftButton);
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("clearConfirmButton")), Qt::LeftButton);
    QCOMPARE(list->model()->rowCount(), 0);
    QVERIFY(core.notifications().list().isEmpty());
    QVERIFY(!panel->findChild<QPushButton*>(QStringLiteral("clearAllButton"))->isEnabled());
    QSqlQuery queued(core.db().sql());
    QVERIFY(queued.exec(QStringLiteral("SELECT args FROM outbox WHERE name = 'notification.clear'")));
    QVERIFY(queued.next());
    const QJsonArray ids
        = QJsonDocument::fromJson(queued.value(0).toByteArray()).object().value(QStringLiteral("ids")).toArray();
    QCOMPARE(ids.size(), shown);
    QVERIFY(!ids.contains(QStringLiteral("n-old")));
    QVERIFY(!queued.next()); // one intent for all of them
    panel->hide();
}

QTEST_MAIN(TestNotificationCentre)
#include "tst_notificationcentre.moc"
