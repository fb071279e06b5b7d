// Dispatch end to end with a real workstation and a real server, both backends: an agent sets 在线 from the desk;
// two tickets come in for a group whose agents take one each; the first is offered to the agent and appears on the
// desk as an offer with its deadline (storage/DeskDispatch), the second waits; the agent accepts (确认接收) on the
// desk, later asks the customer to confirm (待客户确认 does not count toward load), and the waiting ticket goes out to
// the desk at once.
#include "storage/DeskDispatch.h"
#include "sync/PresenceClient.h"
#include "tests/support/Desk.h"

#include <QSignalSpy>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

class TestDispatchSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void offerAcceptedCapacityFreesQueuedGoesOut_data() { addBackendRows(); }
    void offerAcceptedCapacityFreesQueuedGoesOut();
};

void TestDispatchSync::offerAcceptedCapacityFreesQueuedGoesOut()
{
    QFETCH(QString, backend);
    SeededServer fixture(backend);
    if (const QString why = fixture.skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(fixture.start(), qPrintable(fixture.server().lastLog()));
    HttpClient boss(fixture.baseUrl());
    boss.setToken(signIn(fixture.baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    QCOMPARE(boss.post(QStringLiteral("/api/v1/dispatch-settings"),
                     {{QStringLiteral("group_id"), QStringLiteral("service")}, {QStringLiteral("capacity"), 1},
                         {QStringLiteral("accept_timeout_min"), 7}})
                 .status,
        201);

    Desk li(fixture.baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    li.start();
    QVERIFY(li.idle());
    QSignalSpy confirmed(&li.store->presence(), &PresenceClient::confirmed);
    QVERIFY(li.store->presence().send(Presence::Online));
    QTRY_COMPARE_WITH_TIMEOUT(confirmed.size(), 1, 5000);

    const auto create = [&boss](const QString& subject) {
        const HttpResult created = boss.post(QStringLiteral("/api/v1/tickets"),
            {{QStringLiteral("subject"), subject}, {QStringLiteral("group_id"), QStringLiteral("service")}});
        return created.body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("id")).toString();
    };
    const QString first = create(QStringLiteral("第一单"));
    const QString second = create(QStringLiteral("第二单"));
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    // The offer reaches the desk (poked, pulled) with its deadline from the group's synced settings.
    DeskDispatch& desk = li.store->dispatch();
    QTRY_COMPARE_WITH_TIMEOUT(desk.openOffers(li.userId).size(), 1, 5000);
    const DeskOffer offer = desk.openOffers(li.userId).first();
    QCOMPARE(offer.ticketId, first);
    QCOMPARE(offer.offeredAt.secsTo(offer.expiresAt), 7 * 60);
    QCOMPARE(offer.explanation, QStringLiteral("assigned to 李娜: least loaded 0/1 in 客服部"));
    const auto serverTicket = [&boss](const QString& id) {
        return boss.get(QStringLiteral("/api/v1/tickets/") + id).body.value(QStringLiteral("ticket")).toObject();
    };
    QVERIFY(serverTicket(second).value(QStringLiteral("assignee_id")).toString().isEmpty()); // li is full: it waits

    // 确认接收 on the desk.
    TransitionRequest accept;
    accept.action = TicketAction::Accept;
    QVERIFY(li.tickets->transition(first, accept, li.me).ok());
    QVERIFY(desk.openOffers(li.userId).isEmpty());
    QVERIFY(li.idle());
    QTRY_COMPARE_WITH_TIMEOUT(
        serverTicket(first).value(QStringLiteral("status")).toString(), QStringLiteral("in_progress"), 5000);
    QTest::qWait(500);
    QVERIFY(serverTicket(second).value(QStringLiteral("assignee_id")).toString().isEmpty()); // still full

    // 待客户确认: the load drops, and the waiting ticket is offered to the desk at once.
    TransitionRequest wait;
    wait.action = TicketAction::RequestConfirmation;
    wait.resolution = QStringLiteral("已远程重置");
    QVERIFY(li.tickets->transition(first, wait, li.me).ok());
    QTRY_COMPARE_WITH_TIMEOUT(desk.openOffers(li.userId).size(), 1, 5000);
    QCOMPARE(desk.openOffers(li.userId).first().ticketId, second);
}

QTEST_GUILESS_MAIN(TestDispatchSync)
#include "tst_dispatchsync.moc"
