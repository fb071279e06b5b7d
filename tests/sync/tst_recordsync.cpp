// Customers, field definitions and categories syncing between workstations through a real gongdan-server
// (SQLite and PostgreSQL): a customer made on one desk reaches the other, and two offline edits end as
// the server's last one on every desk; an admin's new field and category reach an agent's desk (its forms
// are told to reload); an agent's edit of a definition is refused by the server and the agent's desk goes
// back to the server's definition, the refusal kept in its outbox. Each ends comparing the desks' copies
// with the server's, byte for byte.
#include "domain/JsonCodec.h"
#include "storage/CustomerRepository.h"
#include "storage/FieldDefinitionRepository.h"
#include "tests/support/Desk.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>

using namespace gongdan;
using namespace gongdan::test;

class TestRecordSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void customersReachEveryDeskAndConverge_data() { addBackendRows(); }
    void customersReachEveryDeskAndConverge();
    void definitionsComeFromAdminsOnly_data() { addBackendRows(); }
    void definitionsComeFromAdminsOnly();
    void slaSettingsReachEveryDesk_data() { addBackendRows(); }
    void slaSettingsReachEveryDesk();

private:
    /// The server's copy of a record over REST, as compact JSON.
    QByteArray onServer(const QString& path, Desk& desk);

    std::unique_ptr<SeededServer> m_fixture;
};

void TestRecordSync::init()
{
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
}

void TestRecordSync::cleanup()
{
    m_fixture.reset();
}

QByteArray TestRecordSync::onServer(const QString& path, Desk& desk)
{
    HttpClient http(m_fixture->baseUrl());
    http.setToken(desk.token);
    const HttpResult result = http.get(path);
    return result.status == 200 ? QJsonDocument(result.body).toJson(QJsonDocument::Compact) : QByteArray();
}

namespace {

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

void TestRecordSync::customersReachEveryDeskAndConverge()
{
    Desk li(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    Desk wang(m_fixture->baseUrl(), QStringLiteral("wang"), QStringLiteral("field-password"));
    CustomerRepository liCustomers(*li.db);
    CustomerRepository wangCustomers(*wang.db);
    Customer customer;
    customer.name = QStringLiteral("陈静");
    customer.number = QStringLiteral("C-7001");
    customer.phones = {QStringLiteral("139 1234 5678")};
    auto saved = liCustomers.save(customer); // offline: the engine is not started yet
    QVERIFY(saved);
    const QString id = saved.value().id;
    Customer walkIn; // no phone, no number: as a counter clerk would add one
    walkIn.name = QStringLiteral("到店客户");
    auto savedWalkIn = liCustomers.save(walkIn);
    QVERIFY2(savedWalkIn, savedWalkIn ? "" : qPrintable(savedWalkIn.error().message));
    li.start();
    wang.start();
    QVERIFY(li.idle());
    QVERIFY(QTest::qWaitFor([&] { return wangCustomers.find(id).has_value(); }, 10000));
    QCOMPARE(wangCustomers.findByPhone(QStringLiteral("13912345678")).size(), 1); // the screen pop finds it
    QVERIFY(QTest::qWaitFor([&] { return wangCustomers.find(savedWalkIn.value().id).has_value(); }, 10000));
    QVERIFY(wang.idle());

    // Both edit offline; the server takes them in the order they arrive, the last one stands everywhere.
    li.engine->stop();
    wang.engine->stop();
    Customer liEdit = *liCustomers.find(id);
    liEdit.notes = QStringLiteral("只在工作日来电");
    QVERIFY(liCustomers.save(liEdit));
    Customer wangEdit = *wangCustomers.find(id);
    wangEdit.region = QStringLiteral("闵行");
    QVERIFY(wangCustomers.save(wangEdit));
    li.start();
    QVERIFY(li.idle());
    wang.start();
    QVERIFY(wang.idle());
    li.engine->syncNow();
    QVERIFY(li.idle());
    const QByteArray server = onServer(QStringLiteral("/api/v1/customers/") + id, li);
    QVERIFY(!server.isEmpty());
    QVERIFY(server.contains("闵行"));
    QCOMPARE(compact(JsonCodec::toJson(*liCustomers.find(id))), server);
    QCOMPARE(compact(JsonCodec::toJson(*wangCustomers.find(id))), server);
    QCOMPARE(li.outbox(), 0);
    QCOMPARE(wang.outbox(), 0);
}

void TestRecordSync::definitionsComeFromAdminsOnly()
{
    Desk boss(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    Desk li(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    FieldDefinitionRepository bossFields(*boss.db);
    FieldDefinitionRepository liFields(*li.db);
    const Category repair {
        QStringLiteral("cat-repair"), QString(), QStringLiteral("维修"), QStringLiteral("Repair"), 1, true, {}};
    QVERIFY(bossFields.saveCategory(repair));
    FieldDefinition serial;
    serial.key = QStringLiteral("serial_no");
    serial.type = FieldType::Text;
    serial.labelZh = QStringLiteral("序列号");
    serial.labelEn = QStringLiteral("Serial number");
    serial.categoryIds = {repair.id};
    auto saved = bossFields.save(serial);
    QVERIFY(saved);
    QSignalSpy reload(li.engine, &SyncEngine::teamChanged);
    boss.start();
    li.start();
    QVERIFY(boss.idle());
    QVERIFY(QTest::qWaitFor([&] { return liFields.find(QStringLiteral("serial_no")).has_value(); }, 10000));
    QVERIFY(li.idle());
    QVERIFY(!reload.isEmpty());
    QCOMPARE(liFields.categories().value().pathText(repair.id, true), QStringLiteral("维修"));

    // The agent's desk lets nobody but admins edit definitions in its UI; an intent that gets through
    // anyway (an old workstation, a script) is refused by the server and undone on the desk.
    reload.clear();
    FieldDefinition renamed = *liFields.find(QStringLiteral("serial_no"));
    renamed.labelZh = QStringLiteral("机身号");
    QVERIFY(liFields.save(renamed));
    QCOMPARE(liFields.find(QStringLiteral("serial_no"))->labelZh, QStringLiteral("机身号"));
    li.engine->syncNow();
    QVERIFY(QTest::qWaitFor([&] { return li.engine->state() == SyncEngine::State::Idle; }, 10000));
    QCOMPARE(liFields.find(QStringLiteral("serial_no"))->labelZh, QStringLiteral("序列号"));
    QVERIFY(!reload.isEmpty());
    const QList<OutboxEntry> refused = Outbox(*li.db).entries();
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().state, QStringLiteral("rejected"));
    QVERIFY(refused.first().lastError.contains(QLatin1String("access.denied")));

    QJsonObject definition
        = QJsonDocument::fromJson(onServer(QStringLiteral("/api/v1/field-definitions/") + saved.value().id, li))
              .object();
    QCOMPARE(definition.take(QStringLiteral("version")).toInt(), 1); // REST adds the server's version
    const QByteArray server = compact(definition);
    QCOMPARE(compact(liFields.find(QStringLiteral("serial_no"))->toJson()), server);
    QCOMPARE(compact(bossFields.find(QStringLiteral("serial_no"))->toJson()), server);
}

void TestRecordSync::slaSettingsReachEveryDesk()
{
    // An admin's business calendar and SLA policy (REST) reach an agent's desk, which keeps the server's copies
    // to show and count SLA clocks offline.
    HttpClient rest(m_fixture->baseUrl());
    rest.setToken(signIn(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    const QJsonArray day {QJsonArray {QStringLiteral("09:00"), QStringLiteral("18:00")}};
    const HttpResult calendar = rest.post(QStringLiteral("/api/v1/calendars"),
        {{QStringLiteral("name"), QStringLiteral("CN9-18")},
            {QStringLiteral("timezone"), QStringLiteral("Asia/Shanghai")},
            {QStringLiteral("weekly"), QJsonObject {{QStringLiteral("mon"), day}, {QStringLiteral("fri"), day}}}});
    QCOMPARE(calendar.status, 201);
    const HttpResult policy = rest.post(QStringLiteral("/api/v1/sla-policies"),
        {{QStringLiteral("name"), QStringLiteral("标准")},
            {QStringLiteral("calendar_id"), calendar.body.value(QStringLiteral("id")).toString()},
            {QStringLiteral("targets"),
                QJsonObject {{QStringLiteral("normal"), QJsonObject {{QStringLiteral("first_response"), 60}}}}}});
    QCOMPARE(policy.status, 201);
    Desk li(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    li.start();
    QVERIFY(li.idle());
    QSqlQuery kept(li.db->sql());
    QVERIFY(kept.exec(QStringLiteral("SELECT kind, data FROM record_synced WHERE kind IN ('calendar', 'sla_policy') "
                                     "ORDER BY kind")));
    QVERIFY(kept.next());
    QCOMPARE(kept.value(0).toString(), QStringLiteral("calendar"));
    QCOMPARE(QJsonDocument::fromJson(kept.value(1).toByteArray()).object().value(QStringLiteral("timezone")).toString(),
        QStringLiteral("Asia/Shanghai"));
    QVERIFY(kept.next());
    QCOMPARE(kept.value(0).toString(), QStringLiteral("sla_policy"));
    QVERIFY(!kept.next());
}

QTEST_GUILESS_MAIN(TestRecordSync)
#include "tst_recordsync.moc"
