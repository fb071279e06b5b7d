// Notifications reaching the desks of their user only, through a real gongdan-server (SQLite and PostgreSQL): the
// admin gives li.na a ticket; li.na's two desks receive the "assigned" notification in their pulls (zhang's desk
// does not); li.na opens it on one desk (marked read there at once, the notification.read intent pushed), and the
// read state follows to her other desk with its next pull; "mark all read" the same way. The model behind the
// notification centre counts unread ones and announces new ones (the toast) but not those there at first load.
// "Clear all" on one desk empties the list on the others.
#include "models/NotificationListModel.h"
#include "storage/NotificationInbox.h"
#include "tests/support/Desk.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>

using namespace gongdan;
using namespace gongdan::test;

class TestNotificationSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aNotificationReachesItsUsersDesksAndReadFollows_data() { addBackendRows(); }
    void aNotificationReachesItsUsersDesksAndReadFollows();

private:
    std::unique_ptr<SeededServer> m_fixture;
};

void TestNotificationSync::init()
{
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
}

void TestNotificationSync::cleanup()
{
    m_fixture.reset();
}

void TestNotificationSync::aNotificationReachesItsUsersDesksAndReadFollows()
{
    Desk office(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    Desk laptop(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    Desk zhang(m_fixture->baseUrl(), QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    for (Desk* desk : {&office, &laptop, &zhang}) {
        desk->start();
        QVERIFY(desk->idle());
    }
    NotificationListModel model(office.store->notifications(), office.store->changes());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy arrived(&model, &NotificationListModel::arrived);
    QSignalSpy counted(&model, &NotificationListModel::unreadCountChanged);
    QCOMPARE(model.rowCount(), 0);

    HttpClient boss(m_fixture->baseUrl());
    boss.setToken(signIn(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    QStringList ticketIds;
    for (const QString& subject : {QStringLiteral("打印机卡纸"), QStringLiteral("网络断开")}) {
        const HttpResult created = boss.post(QStringLiteral("/api/v1/tickets"),
            {{QStringLiteral("subject"), subject}, {QStringLiteral("group_id"), QStringLiteral("service")},
                {QStringLiteral("assignee_id"), office.userId}});
        QCOMPARE(created.status, 201);
        ticketIds.append(
            created.body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("id")).toString());
    }
    for (Desk* desk : {&office, &laptop, &zhang}) {
        desk->engine->syncNow();
        QVERIFY(desk->idle());
    }
    QCOMPARE(office.store->notifications().list().size(), 2);
    QCOMPARE(laptop.store->notifications().list().size(), 2);
    QCOMPARE(zhang.store->notifications().list().size(), 0); // never another user's
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.unreadCount(), 2);
    QVERIFY(!counted.isEmpty());
    // The toast: each notification announced once. The desk's socket may have pulled between the two creations, so
    // they arrive in one or two announcements.
    const auto announced = [&arrived] {
        QStringList ids;
        for (const QList<QVariant>& emission : arrived)
            for (const Notification& n : emission.first().value<QList<Notification>>())
                ids.append(n.id);
        return ids;
    };
    const QStringList announcedIds = announced();
    QCOMPARE(announcedIds.size(), 2);
    QCOMPARE(QSet<QString>(announcedIds.cbegin(), announcedIds.cend()).size(), 2);
    const qsizetype announcements = arrived.size();
    QVERIFY(announcements == 1 || announcements == 2);
    QCOMPARE(model.data(model.index(0), NotificationListModel::TypeRole).toString(), QStringLiteral("assigned"));
    QCOMPARE(model.data(model.index(0), NotificationListModel::TicketIdRole).toString(), ticketIds.last()); // newest
    QVERIFY(model.data(model.index(0), Qt::FontRole).value<QFont>().bold());

    // Opening the first ticket on the office desk reads its notification there at once, then on the laptop.
    model.markTicketRead(ticketIds.first());
    QCOMPARE(model.unreadCount(), 1);
    QCOMPARE(office.store->notifications().unreadCount(), 1);
    office.engine->syncNow();
    QVERIFY(office.idle());
    QCOMPARE(office.store->notifications().unreadCount(), 1); // the server's copy agrees
    laptop.engine->syncNow();
    QVERIFY(laptop.idle());
    QCOMPARE(laptop.store->notifications().unreadCount(), 1);
    for (const Notification& n : laptop.store->notifications().list())
        QCOMPARE(n.unread(), n.ticketId != ticketIds.first());

    // Mark all read on the laptop: the office follows.
    QCOMPARE(laptop.store->notifications().markAllRead().value().size(), 1);
    laptop.engine->syncNow();
    QVERIFY(laptop.idle());
    office.engine->syncNow();
    QVERIFY(office.idle());
    QCOMPARE(office.store->notifications().unreadCount(), 0);
    QCOMPARE(model.unreadCount(), 0);
    QCOMPARE(arrived.size(), announcements); // read ones are no news

    // An @mention arrives like the others, but opening its ticket does not read it (§9.7, "never auto-read").
    const QJsonObject first = boss.get(QStringLiteral("/api/v1/tickets/%1").arg(ticketIds.first()))
                                  .body.value(QStringLiteral("ticket"))
                                  .toObject();
    QCOMPARE(
        boss.post(QStringLiteral("/api/v1/tickets/%1/comments").arg(first.value(QStringLiteral("number")).toString()),
                {{QStringLiteral("body"), QString::fromUtf8("@李娜 客户下午再来电")},
                    {QStringLiteral("visibility"), QStringLiteral("internal")}})
            .status,
        201);
    office.engine->syncNow();
    QVERIFY(office.idle());
    QCOMPARE(model.unreadCount(), 1);
    QCOMPARE(model.data(model.index(0), NotificationListModel::TypeRole).toString(), QStringLiteral("mention"));
    model.markTicketRead(ticketIds.first());
    QCOMPARE(model.unreadCount(), 1);
    QCOMPARE(office.store->notifications().unreadCount(), 1);

    // "Clear all" on the laptop: gone there at once, from the server with the push, from the office with its pull.
    laptop.engine->syncNow();
    QVERIFY(laptop.idle());
    const auto cleared = laptop.store->notifications().clearAll();
    QVERIFY(cleared.ok());
    QCOMPARE(cleared.value().size(), 3);
    QVERIFY(laptop.store->notifications().list().isEmpty());
    laptop.engine->syncNow();
    QVERIFY(laptop.idle());
    QVERIFY(laptop.store->notifications().list().isEmpty()); // the pull brings none back
    office.engine->syncNow();
    QVERIFY(office.idle());
    QVERIFY(office.store->notifications().list().isEmpty());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.unreadCount(), 0);
    HttpClient li(m_fixture->baseUrl());
    li.setToken(signIn(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password")));
    QVERIFY(li.get(QStringLiteral("/api/v1/notifications"))
                .body.value(QStringLiteral("notifications"))
                .toArray()
                .isEmpty());
    const HttpResult again = li.post(QStringLiteral("/api/v1/notifications/clear"), {{QStringLiteral("all"), true}});
    QCOMPARE(again.status, 200);
    QVERIFY(again.body.value(QStringLiteral("cleared")).toArray().isEmpty());
}

QTEST_GUILESS_MAIN(TestNotificationSync)
#include "tst_notificationsync.moc"
