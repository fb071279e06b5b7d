// Sensitive data on the desks (requirements §10, 敏感信息脱敏) against a real gongdan-server on both backends:
// after a sync, no workstation's store file — an agent's or an admin's — holds the clear ID card, bank card or
// sensitive custom field value, only the masked form (a stolen field laptop leaks nothing); a desk that edits a
// customer sends back the masked form it holds, and the server keeps the clear value; a number typed on a desk
// is masked there once the server has it.
#include "storage/CustomerRepository.h"
#include "tests/support/Desk.h"

#include <QFile>
#include <QJsonArray>

using namespace gongdan;
using namespace gongdan::test;

namespace {

const QString kIdCard = QStringLiteral("110101199003071234");
const QString kBankCard = QStringLiteral("6222021234567890123");
const QString kTicketId = QStringLiteral("320102198811110022");

/// Every byte of the store: the database file and its write-ahead log.
QByteArray storeBytes(const Desk& desk)
{
    QByteArray all;
    for (const QString& name : {QStringLiteral("desk.sqlite"), QStringLiteral("desk.sqlite-wal")}) {
        QFile file(desk.dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

} // namespace

class TestMaskingSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void desksHoldOnlyMaskedValues_data() { addBackendRows(); }
    void desksHoldOnlyMaskedValues();

private:
    std::unique_ptr<SeededServer> m_fixture;
};

void TestMaskingSync::init()
{
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
}

void TestMaskingSync::cleanup()
{
    m_fixture.reset();
}

void TestMaskingSync::desksHoldOnlyMaskedValues()
{
    HttpClient boss(m_fixture->baseUrl());
    boss.setToken(signIn(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    HttpClient li(m_fixture->baseUrl());
    li.setToken(signIn(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password")));
    QCOMPARE(
        boss.post(QStringLiteral("/api/v1/field-definitions"),
                {{QStringLiteral("key"), QStringLiteral("id_no")}, {QStringLiteral("type"), QStringLiteral("text")},
                    {QStringLiteral("label_zh"), QStringLiteral("证件号")},
                    {QStringLiteral("label_en"), QStringLiteral("ID number")}, {QStringLiteral("sensitive"), true}})
            .status,
        201);
    const HttpResult customer = li.post(QStringLiteral("/api/v1/customers"),
        {{QStringLiteral("name"), QStringLiteral("王芳")}, {QStringLiteral("id_card"), kIdCard},
            {QStringLiteral("bank_card"), kBankCard}});
    QCOMPARE(customer.status, 201);
    const QString customerId = customer.body.value(QStringLiteral("id")).toString();
    const HttpResult ticket = li.post(QStringLiteral("/api/v1/tickets"),
        {{QStringLiteral("subject"), QStringLiteral("实名认证失败")},
            {QStringLiteral("group_id"), QStringLiteral("service")}, {QStringLiteral("customer_id"), customerId},
            {QStringLiteral("custom_fields"), QJsonObject {{QStringLiteral("id_no"), kTicketId}}}});
    QCOMPARE(ticket.status, 201);
    const QString ticketId
        = ticket.body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("id")).toString();
    // The value is changed once more, so the event log holds an old and a new value.
    QCOMPARE(li.patch(QStringLiteral("/api/v1/tickets/") + ticketId,
                   {{QStringLiteral("custom_fields"), QJsonObject {{QStringLiteral("id_no"), kIdCard}}}})
                 .status,
        200);

    Desk agent(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    Desk admin(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    agent.start();
    admin.start();
    QVERIFY(agent.idle());
    QVERIFY(admin.idle());
    CustomerRepository customers(*agent.db);
    QVERIFY(QTest::qWaitFor([&] { return customers.find(customerId).has_value(); }, 10000));
    QCOMPARE(customers.find(customerId)->idCard, QStringLiteral("110***********1234"));
    QCOMPARE(customers.find(customerId)->bankCard, QStringLiteral("622************0123"));
    const std::optional<Ticket> held = agent.tickets->find(ticketId);
    QVERIFY(held);
    QCOMPARE(held->customFields.value(QStringLiteral("id_no")).toString(), QStringLiteral("110***********1234"));

    // The desk edits the customer: it sends back the masked form it holds, and the server keeps the clear value.
    Customer edit = *customers.find(customerId);
    edit.notes = QStringLiteral("回访：工作日");
    QVERIFY(customers.save(edit));
    QVERIFY(QTest::qWaitFor([&] { return agent.outbox() == 0; }, 15000));
    QVERIFY(agent.idle());
    const HttpResult shown
        = boss.post(QStringLiteral("/api/v1/customers/") + customerId + QStringLiteral("/unmask"), {});
    QCOMPARE(shown.status, 200);
    QCOMPARE(
        shown.body.value(QStringLiteral("values")).toObject().value(QStringLiteral("id_card")).toString(), kIdCard);
    QCOMPARE(
        shown.body.value(QStringLiteral("values")).toObject().value(QStringLiteral("bank_card")).toString(), kBankCard);
    QCOMPARE(customers.find(customerId)->notes, QStringLiteral("回访：工作日"));

    // A number typed on the desk goes up in clear and comes back masked: the desk's copy is the masked one.
    Customer walkIn;
    walkIn.name = QStringLiteral("到店客户");
    walkIn.bankCard = QStringLiteral("6217001234567890");
    auto typed = customers.save(walkIn);
    QVERIFY(typed);
    QVERIFY(QTest::qWaitFor(
        [&] { return customers.find(typed.value().id)->bankCard == QStringLiteral("621*********7890"); }, 15000));
    const HttpResult typedShown
        = boss.post(QStringLiteral("/api/v1/customers/") + typed.value().id + QStringLiteral("/unmask"), {});
    QCOMPARE(typedShown.body.value(QStringLiteral("values")).toObject().value(QStringLiteral("bank_card")).toString(),
        QStringLiteral("6217001234567890"));

    // No store file holds a clear value: not the agent's, not even the admin's (clear values are asked for).
    admin.engine->syncNow();
    QVERIFY(admin.idle());
    for (const Desk* desk : {&agent, &admin}) {
        const QByteArray bytes = storeBytes(*desk);
        QVERIFY(bytes.size() > 0);
        QVERIFY(bytes.contains("110***********1234"));
        QVERIFY2(!bytes.contains(kIdCard.toUtf8()), qPrintable(desk->dir.path()));
        QVERIFY(!bytes.contains(kBankCard.toUtf8()));
        QVERIFY(!bytes.contains(kTicketId.toUtf8()));
    }
}

QTEST_MAIN(TestMaskingSync)
#include "tst_maskingsync.moc"
