// Sensitive data over REST and sync against a real gongdan-server on both backends (requirements §10, 敏感信息脱敏):
// a customer's ID card and bank card and a custom field marked sensitive are answered masked to everyone
// (110***********1234) — lists, one record, events, pulls; only a supervisor or admin sees the clear value, by
// asking (POST …/unmask), and each look is an `unmask` entry of the audit trail; a write carrying the masked
// form (what every desk holds) never replaces the clear value.
#include "tests/support/SyncDevice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

namespace {

const QString kIdCard = QStringLiteral("110101199003071234");
const QString kIdCardMasked = QStringLiteral("110***********1234");
const QString kBankCard = QStringLiteral("6222021234567890123");
const QString kBankCardMasked = QStringLiteral("622************0123");

} // namespace

class TestMaskingApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void customerMasked_data() { addBackendRows(); }
    void customerMasked();
    void sensitiveCustomField_data() { addBackendRows(); }
    void sensitiveCustomField();

private:
    std::unique_ptr<HttpClient> as(const QString& login, const QString& password);
    /// Adds the supervisor zhao (both groups) as the admin.
    void addSupervisor();
    QJsonArray unmaskEntries();

    std::unique_ptr<SeededServer> m_fixture;
};

void TestMaskingApi::init()
{
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
}

void TestMaskingApi::cleanup()
{
    m_fixture.reset();
}

std::unique_ptr<HttpClient> TestMaskingApi::as(const QString& login, const QString& password)
{
    auto http = std::make_unique<HttpClient>(m_fixture->baseUrl());
    http->setToken(signIn(m_fixture->baseUrl(), login, password));
    return http;
}

void TestMaskingApi::addSupervisor()
{
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const HttpResult created = boss->post(QStringLiteral("/api/v1/users"),
        {{QStringLiteral("login"), QStringLiteral("zhao")}, {QStringLiteral("name"), QStringLiteral("赵主管")},
            {QStringLiteral("role"), QStringLiteral("supervisor")},
            {QStringLiteral("password"), QStringLiteral("zhao-password")},
            {QStringLiteral("groups"), QJsonArray {QStringLiteral("service"), QStringLiteral("field-ops")}}});
    QCOMPARE(created.status, 201);
}

QJsonArray TestMaskingApi::unmaskEntries()
{
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const HttpResult answer = boss->get(QStringLiteral("/api/v1/audit?kind=unmask"));
    if (answer.status != 200)
        qWarning("%s", answer.raw.constData());
    return answer.body.value(QStringLiteral("entries")).toArray();
}

void TestMaskingApi::customerMasked()
{
    addSupervisor();
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto zhao = as(QStringLiteral("zhao"), QStringLiteral("zhao-password"));
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    SyncDevice desk(m_fixture->baseUrl(), li->token());
    const QString path = QStringLiteral("/api/v1/customers");

    // An agent takes the numbers down in clear; the answer already holds them masked.
    const HttpResult created = li->post(path,
        {{QStringLiteral("name"), QStringLiteral("王芳")}, {QStringLiteral("id_card"), kIdCard},
            {QStringLiteral("bank_card"), kBankCard}});
    QCOMPARE(created.status, 201);
    const QString id = created.body.value(QStringLiteral("id")).toString();
    QCOMPARE(created.body.value(QStringLiteral("id_card")).toString(), kIdCardMasked);
    QCOMPARE(created.body.value(QStringLiteral("bank_card")).toString(), kBankCardMasked);
    const QString one = path + QLatin1Char('/') + id;
    // Every read is masked, whoever reads (an admin too: showing is asked for, and recorded).
    for (HttpClient* reader : {li.get(), zhao.get(), boss.get()}) {
        const HttpResult read = reader->get(one);
        QCOMPARE(read.body.value(QStringLiteral("id_card")).toString(), kIdCardMasked);
        const HttpResult listed = reader->get(path);
        QVERIFY(!listed.raw.contains(kIdCard.toUtf8()));
        QVERIFY(listed.raw.contains(kIdCardMasked.toUtf8()));
        QVERIFY(!listed.raw.contains(kBankCard.toUtf8()));
    }
    // What desks pull is masked too.
    const QJsonArray pulled = desk.pullAll(50, true);
    const QByteArray pulledBytes = QJsonDocument(pulled).toJson(QJsonDocument::Compact);
    QVERIFY(pulledBytes.contains(kIdCardMasked.toUtf8()));
    QVERIFY(!pulledBytes.contains(kIdCard.toUtf8()));
    QVERIFY(!pulledBytes.contains(kBankCard.toUtf8()));

    // Agents may not see it in clear; nothing is recorded for a refusal.
    const QString unmask = one + QStringLiteral("/unmask");
    QCOMPARE(li->post(unmask, {}).status, 403);
    QCOMPARE(li->post(unmask, {}).code(), QStringLiteral("access.denied"));
    QVERIFY(unmaskEntries().isEmpty());
    // A supervisor asks: the clear value, recorded with who, when and which field (never the value).
    const HttpResult shown = zhao->post(unmask, {{QStringLiteral("fields"), QJsonArray {QStringLiteral("id_card")}}});
    QCOMPARE(shown.status, 200);
    QCOMPARE(
        shown.body.value(QStringLiteral("values")).toObject().value(QStringLiteral("id_card")).toString(), kIdCard);
    QVERIFY(!shown.body.value(QStringLiteral("values")).toObject().contains(QStringLiteral("bank_card")));
    QJsonArray entries = unmaskEntries();
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.at(0).toObject();
    QCOMPARE(entry.value(QStringLiteral("actor")).toObject().value(QStringLiteral("login")).toString(),
        QStringLiteral("zhao"));
    QCOMPARE(entry.value(QStringLiteral("target")).toObject().value(QStringLiteral("entity")).toString(),
        QStringLiteral("customer"));
    QCOMPARE(entry.value(QStringLiteral("target")).toObject().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(entry.value(QStringLiteral("detail")).toObject().value(QStringLiteral("fields")).toArray(),
        QJsonArray {QStringLiteral("id_card")});
    QVERIFY(entry.value(QStringLiteral("at_ms")).toInteger() > 0);
    QVERIFY(!QJsonDocument(entries).toJson().contains(kIdCard.toUtf8()));
    // No field named: every sensitive field; admins may too.
    const HttpResult all = boss->post(unmask, {});
    QCOMPARE(
        all.body.value(QStringLiteral("values")).toObject().value(QStringLiteral("bank_card")).toString(), kBankCard);
    QCOMPARE(unmaskEntries().size(), 2);
    QCOMPARE(zhao->post(unmask, {{QStringLiteral("fields"), QJsonArray {QStringLiteral("name")}}}).code(),
        QStringLiteral("unmask.not_sensitive"));
    QCOMPARE(zhao->post(path + QStringLiteral("/no-such/unmask"), {}).status, 404);

    // A desk sends the customer back as it holds it — masked — with another edit: the clear value stays.
    QCOMPARE(li->patch(one,
                   {{QStringLiteral("region"), QStringLiteral("浦东")}, {QStringLiteral("id_card"), kIdCardMasked},
                       {QStringLiteral("bank_card"), QStringLiteral("622*****")}})
                 .status,
        200);
    QCOMPARE(zhao->post(unmask, {}).body.value(QStringLiteral("values")).toObject(),
        (QJsonObject {{QStringLiteral("id_card"), kIdCard}, {QStringLiteral("bank_card"), kBankCard}}));
    // The same through a sync push (the workstation's customer.upsert carries the whole record).
    QJsonObject record = li->get(one).body;
    record.remove(QStringLiteral("version"));
    record.insert(QStringLiteral("notes"), QStringLiteral("回访"));
    const HttpResult pushed = desk.push(
        QJsonArray {desk.mutation(QStringLiteral("customer.upsert"), id, {{QStringLiteral("customer"), record}})});
    QCOMPARE(pushed.body.value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("status")),
        QStringLiteral("applied"));
    QCOMPARE(zhao->post(unmask, {}).body.value(QStringLiteral("values")).toObject().value(QStringLiteral("id_card")),
        kIdCard);
    // A new number typed in clear replaces it, masked at once; a malformed one is refused.
    const HttpResult changed = li->patch(one, {{QStringLiteral("id_card"), QStringLiteral("11010119900307123x")}});
    QCOMPARE(changed.body.value(QStringLiteral("id_card")).toString(), QStringLiteral("110***********123X"));
    QCOMPARE(zhao->post(unmask, {}).body.value(QStringLiteral("values")).toObject().value(QStringLiteral("id_card")),
        QStringLiteral("11010119900307123X"));
    QCOMPARE(li->patch(one, {{QStringLiteral("id_card"), QStringLiteral("12345")}}).code(),
        QStringLiteral("customer.id_card_invalid"));
    QCOMPARE(li->patch(one, {{QStringLiteral("bank_card"), QStringLiteral("6222-abc")}}).code(),
        QStringLiteral("customer.bank_card_invalid"));
    // The server's log never holds a clear value.
    QVERIFY(!m_fixture->server().lastLog().contains(kIdCard));
    QVERIFY(!m_fixture->server().lastLog().contains(kBankCard));
}

void TestMaskingApi::sensitiveCustomField()
{
    addSupervisor();
    auto li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto zhao = as(QStringLiteral("zhao"), QStringLiteral("zhao-password"));
    auto boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const QString fields = QStringLiteral("/api/v1/field-definitions");
    const QJsonObject definition {{QStringLiteral("key"), QStringLiteral("id_no")},
        {QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("label_zh"), QStringLiteral("证件号")},
        {QStringLiteral("label_en"), QStringLiteral("ID number")}, {QStringLiteral("sensitive"), true}};
    const HttpResult defined = boss->post(fields, definition);
    QCOMPARE(defined.status, 201);
    QCOMPARE(defined.body.value(QStringLiteral("sensitive")).toBool(), true);
    // Only text can be sensitive, and whether it is never changes after creation.
    QJsonObject number = definition;
    number.insert(QStringLiteral("key"), QStringLiteral("amount"));
    number.insert(QStringLiteral("type"), QStringLiteral("integer"));
    QCOMPARE(boss->post(fields, number).status, 400);
    QCOMPARE(boss->patch(fields + QLatin1Char('/') + defined.body.value(QStringLiteral("id")).toString(),
                     {{QStringLiteral("sensitive"), false}})
                 .code(),
        QStringLiteral("field_definition.sensitive_fixed"));

    const HttpResult created = li->post(QStringLiteral("/api/v1/tickets"),
        {{QStringLiteral("subject"), QStringLiteral("实名认证失败")},
            {QStringLiteral("group_id"), QStringLiteral("service")},
            {QStringLiteral("custom_fields"), QJsonObject {{QStringLiteral("id_no"), kIdCard}}}});
    QCOMPARE(created.status, 201);
    const QJsonObject ticket = created.body.value(QStringLiteral("ticket")).toObject();
    QCOMPARE(ticket.value(QStringLiteral("custom_fields")).toObject().value(QStringLiteral("id_no")).toString(),
        kIdCardMasked);
    const QString path = QStringLiteral("/api/v1/tickets/") + ticket.value(QStringLiteral("id")).toString();
    QVERIFY(!li->get(path).raw.contains(kIdCard.toUtf8()));
    QVERIFY(!zhao->get(QStringLiteral("/api/v1/tickets")).raw.contains(kIdCard.toUtf8()));
    QVERIFY(!li->get(path + QStringLiteral("/events")).raw.contains(kIdCard.toUtf8()));
    SyncDevice desk(m_fixture->baseUrl(), li->token());
    const QByteArray pulled = QJsonDocument(desk.pullAll(50, true)).toJson(QJsonDocument::Compact);
    QVERIFY(pulled.contains(kIdCardMasked.toUtf8()));
    QVERIFY(!pulled.contains(kIdCard.toUtf8()));

    // The masked form sent back with another edit is no edit of the field: the clear value stays, no event.
    const HttpResult patched = li->patch(path,
        {{QStringLiteral("subject"), QStringLiteral("实名认证失败（已回电）")},
            {QStringLiteral("custom_fields"), QJsonObject {{QStringLiteral("id_no"), kIdCardMasked}}}});
    QCOMPARE(patched.status, 200);
    const QString unmask = path + QStringLiteral("/unmask");
    QCOMPARE(li->post(unmask, {}).status, 403);
    const HttpResult shown = zhao->post(unmask, {});
    QCOMPARE(shown.status, 200);
    QCOMPARE(
        shown.body.value(QStringLiteral("values")).toObject().value(QStringLiteral("custom_fields.id_no")), kIdCard);
    const QJsonArray events = li->get(path + QStringLiteral("/events")).body.value(QStringLiteral("events")).toArray();
    int idEvents = 0;
    for (const QJsonValue& event : events)
        idEvents += event.toObject().value(QStringLiteral("field")).toString() == QLatin1String("custom_fields.id_no");
    QCOMPARE(idEvents, 0);
    // A new value: the event's old and new values are masked.
    QCOMPARE(
        li->patch(path, {{QStringLiteral("custom_fields"), QJsonObject {{QStringLiteral("id_no"), kBankCard}}}}).status,
        200);
    const HttpResult history = li->get(path + QStringLiteral("/events"));
    QVERIFY(history.raw.contains(kIdCardMasked.toUtf8()));
    QVERIFY(history.raw.contains(kBankCardMasked.toUtf8()));
    QVERIFY(!history.raw.contains(kIdCard.toUtf8()));
    QVERIFY(!history.raw.contains(kBankCard.toUtf8()));
    QCOMPARE(zhao->post(unmask, {{QStringLiteral("fields"), QJsonArray {QStringLiteral("custom_fields.id_no")}}})
                 .body.value(QStringLiteral("values"))
                 .toObject()
                 .value(QStringLiteral("custom_fields.id_no")),
        kBankCard);
    const QJsonArray entries = unmaskEntries();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).toObject().value(QStringLiteral("target")).toObject().value(QStringLiteral("entity")),
        QStringLiteral("ticket"));
    // A ticket the supervisor may read, but not one out of an agent's sight: zhang (field-ops) gets 404.
    auto zhang = as(QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    QCOMPARE(zhang->post(unmask, {}).status, 404);
    QVERIFY(!m_fixture->server().lastLog().contains(kIdCard));
}

QTEST_GUILESS_MAIN(TestMaskingApi)
#include "tst_maskingapi.moc"
