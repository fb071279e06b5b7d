// Automatic dispatch on the agent's main window against a real gongdan-server, both backends: the presence combo in
// the status bar (its four states, chosen and kept in the store, sent and confirmed by the server; chosen before the
// desk connects, sent once it does), and an offer arriving — the banner above the queue with the time left, the
// queue's status saying "offered", the timeline's words — accepted with the banner's button. Screenshots of the
// window with an offer in zh_CN and en go to the temporary folder (gongdan-dispatch-offer-zh.png / -en.png).
#include "storage/DeskDispatch.h"
#include "sync/PresenceClient.h"
#include "tests/support/Desk.h"
#include "tests/support/ThrowawaySettings.h"
#include "ui/dispatch/OfferBanner.h"
#include "ui/dispatch/PresenceCombo.h"
#include "ui/main/LanguageSwitcher.h"
#include "ui/main/MainWindow.h"

#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

class TestDispatchUi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void presenceComboAndOffer_data() { addBackendRows(); }
    void presenceComboAndOffer();

private:
    QString localStatus(const QString& ticketId)
    {
        QSqlQuery q(m_desk->db->sql());
        q.prepare(QStringLiteral("SELECT status FROM ticket WHERE id = ?"));
        q.addBindValue(ticketId);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

    QTemporaryDir m_settings;
    LanguageSwitcher m_languages;
    std::unique_ptr<SeededServer> m_fixture;
    std::unique_ptr<Desk> m_desk;
    AgentSession m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestDispatchUi::initTestCase()
{
    useThrowawaySettings(m_settings.path(), QStringLiteral("GongdanTestDispatch"));
}

void TestDispatchUi::init()
{
    QVERIFY(m_languages.switchTo(QLocale(QLocale::Chinese, QLocale::China)));
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
}

void TestDispatchUi::cleanup()
{
    m_window.reset();
    m_desk.reset();
    m_fixture.reset();
}

void TestDispatchUi::presenceComboAndOffer()
{
    HttpClient boss(m_fixture->baseUrl());
    boss.setToken(signIn(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    QCOMPARE(boss.post(QStringLiteral("/api/v1/dispatch-settings"),
                     {{QStringLiteral("group_id"), QStringLiteral("service")}, {QStringLiteral("capacity"), 3}})
                 .status,
        201);

    // The window opens before the desk connects: the agent chooses 在线 offline, and it is sent once connected.
    m_desk = std::make_unique<Desk>(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    m_session = AgentSession {m_desk->userId, QStringLiteral("李娜"), m_desk->me.role, m_desk->me.groupIds};
    m_window = std::make_unique<MainWindow>(*m_desk->store, m_session, m_languages);
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto* combo = m_window->findChild<PresenceCombo*>(QStringLiteral("presenceCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 4);
    QCOMPARE(combo->itemText(0), QStringLiteral("在线"));
    QCOMPARE(combo->itemText(3), QStringLiteral("离线"));
    QCOMPARE(combo->presence(), Presence::Offline); // nothing chosen yet
    QSignalSpy confirmed(&m_desk->store->presence(), &PresenceClient::confirmed);
    combo->choose(Presence::Online);
    QCOMPARE(m_desk->store->dispatch().chosenPresence(), Presence::Online); // kept in the store
    QCOMPARE(confirmed.size(), 0); // not connected: nothing sent
    m_desk->start();
    QVERIFY(m_desk->idle());
    QTRY_COMPARE_WITH_TIMEOUT(confirmed.size(), 1, 5000); // sent when the desk connected
    QCOMPARE(confirmed.at(0).at(0).value<Presence>(), Presence::Online);
    const QJsonArray presence
        = boss.get(QStringLiteral("/api/v1/presence")).body.value(QStringLiteral("presence")).toArray();
    QCOMPARE(presence.size(), 1);
    QCOMPARE(presence.at(0).toObject().value(QStringLiteral("presence")).toString(), QStringLiteral("online"));

    // A ticket comes into the group: offered to 李娜, on her desk within seconds.
    const HttpResult created = boss.post(QStringLiteral("/api/v1/tickets"),
        {{QStringLiteral("subject"), QStringLiteral("空调不制冷")},
            {QStringLiteral("group_id"), QStringLiteral("service")}});
    QCOMPARE(created.status, 201);
    const QString ticketId
        = created.body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("id")).toString();
    auto* banner = m_window->findChild<OfferBanner*>(QStringLiteral("offerBanner"));
    QVERIFY(banner);
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    auto* text = banner->findChild<QLabel*>(QStringLiteral("offerText"));
    QVERIFY2(text->text().contains(QStringLiteral("空调不制冷")), qPrintable(text->text()));
    QVERIFY2(text->text().contains(QStringLiteral(" 5:0")) || text->text().contains(QStringLiteral(" 4:5")),
        qPrintable(text->text()));
    QCOMPARE(text->toolTip(), QStringLiteral("assigned to 李娜: least loaded 0/3 in 客服部"));
    QCOMPARE(banner->offers().size(), 1);
    QCOMPARE(banner->offers().first().ticketId, ticketId);
    QTest::qWait(100); // the layout settles before the picture
    m_window->grab().save(QDir::temp().filePath(QStringLiteral("gongdan-dispatch-offer-zh.png")));
    QVERIFY(m_languages.switchTo(QLocale(QLocale::English, QLocale::UnitedStates)));
    QTRY_COMPARE(combo->itemText(0), QStringLiteral("Online")); // the language change is a posted event
    QTRY_VERIFY(text->text().startsWith(QStringLiteral("Offered to you")));
    QTest::qWait(100);
    m_window->grab().save(QDir::temp().filePath(QStringLiteral("gongdan-dispatch-offer-en.png")));

    // 确认接收 from the banner: the ticket is in progress here and on the server, and the banner goes.
    QTest::mouseClick(banner->findChild<QPushButton*>(QStringLiteral("acceptOfferButton")), Qt::LeftButton);
    QCOMPARE(localStatus(ticketId), QStringLiteral("in_progress"));
    QVERIFY(!banner->isVisible());
    QVERIFY(m_desk->idle());
    QTRY_COMPARE_WITH_TIMEOUT(boss.get(QStringLiteral("/api/v1/tickets/") + ticketId)
                                  .body.value(QStringLiteral("ticket"))
                                  .toObject()
                                  .value(QStringLiteral("status"))
                                  .toString(),
        QStringLiteral("in_progress"), 5000);

    // Busy: the server has it, and the next ticket waits in the queue.
    combo->choose(Presence::Busy);
    QTRY_COMPARE_WITH_TIMEOUT(confirmed.size(), 2, 5000);
    QCOMPARE(boss.post(QStringLiteral("/api/v1/tickets"),
                     {{QStringLiteral("subject"), QStringLiteral("忙时来单")},
                         {QStringLiteral("group_id"), QStringLiteral("service")}})
                 .status,
        201);
    QTest::qWait(1000);
    QVERIFY(m_desk->idle());
    QVERIFY(!banner->isVisible());
}

QTEST_MAIN(TestDispatchUi)
#include "tst_dispatchui.moc"
