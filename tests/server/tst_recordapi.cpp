// Customers, field definitions and categories over the REST API against a real gongdan-server on both
// backends: everyone reads them, anyone creates and edits customers, only admins change definitions and
// categories; every bad input (unknown field, wrong type, missing name, taken number or key, a changed
// field type, a category under a missing parent or under itself) is a 4xx JSON error that changes
// nothing; what is written reaches the devices' pulls as team-wide changes.
#include "tests/support/SyncDevice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

class TestRecordApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void customers_data() { addBackendRows(); }
    void customers();
    void fieldDefinitions_data() { addBackendRows(); }
    void fieldDefinitions();
    void categories_data() { addBackendRows(); }
    void categories();

private:
    std::unique_ptr<HttpClient> as(const QString& login, const QString& password);
    /// The list at `path` as compact JSON (to show a refusal changed nothing).
    static QByteArray listed(HttpClient& http, const QString& path);

    std::unique_ptr<SeededServer> m_fixture;
};

void TestRecordApi::init()
{
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
}

void TestRecordApi::cleanup()
{
    m_fixture.reset();
}

std::unique_ptr<HttpClient> TestRecordApi::as(const QString& login, const QString& password)
{
    auto http = std::make_unique<HttpClient>(m_fixture->baseUrl());
    http->setToken(signIn(m_fixture->baseUrl(), login, password));
    return http;
}

QByteArray TestRecordApi::listed(HttpClient& http, const QString& path)
{
    return QJsonDocument(http.get(path).body).toJson(QJsonDocument::Compact);
}

void TestRecordApi::customers()
{
    auto liClient = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto wangClient = as(QStringLiteral("wang"), QStringLiteral("field-password"));
    HttpClient& li = *liClient;
    HttpClient& wang = *wangClient;
    const QString path = QStringLiteral("/api/v1/customers");

    const HttpResult created = li.post(path,
        {{QStringLiteral("name"), QStringLiteral(" 王芳 ")}, {QStringLiteral("number"), QStringLiteral("C-1001")},
            {QStringLiteral("phones"), QJsonArray {QStringLiteral("138 0013 8000")}},
            {QStringLiteral("level"), QStringLiteral("vip")}});
    QCOMPARE(created.status, 201);
    const QString id = created.body.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(created.body.value(QStringLiteral("name")).toString(), QStringLiteral("王芳")); // trimmed by the rules
    QCOMPARE(created.body.value(QStringLiteral("version")).toInt(), 1);

    // Found by a phone fragment and by name; field staff read customers too, and edit them.
    const QJsonArray byPhone
        = wang.get(path + QStringLiteral("?q=0013")).body.value(QStringLiteral("customers")).toArray();
    QCOMPARE(byPhone.size(), 1);
    QCOMPARE(byPhone.at(0).toObject().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(li.get(path + QStringLiteral("?q=%E7%8E%8B")).body.value(QStringLiteral("customers")).toArray().size(), 1);
    QVERIFY(li.get(path + QStringLiteral("?q=zzz")).body.value(QStringLiteral("customers")).toArray().isEmpty());
    const HttpResult edited
        = wang.patch(path + QLatin1Char('/') + id, {{QStringLiteral("region"), QStringLiteral("浦东")}});
    QCOMPARE(edited.status, 200);
    QCOMPARE(edited.body.value(QStringLiteral("region")).toString(), QStringLiteral("浦东"));
    QCOMPARE(edited.body.value(QStringLiteral("name")).toString(), QStringLiteral("王芳")); // the rest kept
    QCOMPARE(edited.body.value(QStringLiteral("version")).toInt(), 2);

    const QByteArray before = listed(li, path);
    const QList<QPair<QJsonObject, QString>> bad {
        {{{QStringLiteral("name"), 7}}, QStringLiteral("request.wrong_type")},
        {{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("phones"), QJsonArray {1}}},
            QStringLiteral("request.wrong_type")},
        {{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("email"), QStringLiteral("x@y")}},
            QStringLiteral("request.unknown_field")},
        {{{QStringLiteral("number"), QStringLiteral("C-2")}}, QStringLiteral("request.missing_field")},
        {{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("phones"), QJsonArray {QStringLiteral("12")}}},
            QStringLiteral("customer.phone_invalid")},
        {{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("level"), QStringLiteral("gold")}},
            QStringLiteral("json.invalid")},
        {{{QStringLiteral("name"), QStringLiteral("张伟")}, {QStringLiteral("number"), QStringLiteral("C-1001")}},
            QStringLiteral("customer.number_taken")},
    };
    expectRefusals(li, path, bad);
    QCOMPARE(li.patch(path + QLatin1Char('/') + id, {{QStringLiteral("name"), QStringLiteral("  ")}}).code(),
        QStringLiteral("customer.name_required"));
    QCOMPARE(
        li.patch(path + QStringLiteral("/no-such-id"), {{QStringLiteral("name"), QStringLiteral("x")}}).status, 404);
    QCOMPARE(li.get(path + QStringLiteral("/no-such-id")).code(), QStringLiteral("customer.not_found"));
    QCOMPARE(listed(li, path), before); // none of them wrote
    HttpClient anonymous(m_fixture->baseUrl());
    QCOMPARE(anonymous.get(path).status, 401);
    QCOMPARE(anonymous.post(path, {{QStringLiteral("name"), QStringLiteral("x")}}).status, 401);

    // Both versions went to every device's pull as team-wide changes, in server order.
    SyncDevice zhang(
        m_fixture->baseUrl(), signIn(m_fixture->baseUrl(), QStringLiteral("zhang"), QStringLiteral("zhang-password")));
    QStringList regions;
    for (const QJsonValue& change : zhang.pullAll(1000)) {
        const QJsonObject c = change.toObject();
        if (c.value(QStringLiteral("entity")).toString() == QLatin1String("customer"))
            regions.append(c.value(QStringLiteral("data")).toObject().value(QStringLiteral("region")).toString());
    }
    QCOMPARE(regions, (QStringList {QString(), QStringLiteral("浦东")}));
}

void TestRecordApi::fieldDefinitions()
{
    auto liClient = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto bossClient = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    HttpClient& li = *liClient;
    HttpClient& boss = *bossClient;
    const QString path = QStringLiteral("/api/v1/field-definitions");
    const QJsonObject refund {{QStringLiteral("key"), QStringLiteral("refund_amount")},
        {QStringLiteral("type"), QStringLiteral("decimal")}, {QStringLiteral("label_zh"), QStringLiteral("退款金额")},
        {QStringLiteral("label_en"), QStringLiteral("Refund amount")}, {QStringLiteral("precision"), 2}};

    const HttpResult denied = li.post(path, refund);
    QCOMPARE(denied.code(), QStringLiteral("access.denied"));
    QCOMPARE(denied.body.value(QStringLiteral("field")).toString(), QString()); // about the user, not a field
    QVERIFY(li.get(path).body.value(QStringLiteral("field_definitions")).toArray().isEmpty());
    const HttpResult created = boss.post(path, refund);
    QCOMPARE(created.status, 201);
    const QString id = created.body.value(QStringLiteral("id")).toString();
    const QJsonArray seen = li.get(path).body.value(QStringLiteral("field_definitions")).toArray();
    QCOMPARE(seen.size(), 1); // agents read definitions: their forms are built from them
    QCOMPARE(seen.at(0).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("refund_amount"));

    const QByteArray before = listed(li, path);
    QCOMPARE(
        li.patch(path + QLatin1Char('/') + id, {{QStringLiteral("label_zh"), QStringLiteral("金额")}}).status, 403);
    QJsonObject again = refund;
    again.insert(QStringLiteral("label_zh"), QStringLiteral("又一个"));
    QCOMPARE(boss.post(path, again).code(), QStringLiteral("field.key_taken"));
    QCOMPARE(boss.patch(path + QLatin1Char('/') + id, {{QStringLiteral("type"), QStringLiteral("text")}}).code(),
        QStringLiteral("field_definition.type_fixed")); // a field's type never changes: values would not fit
    QCOMPARE(
        boss.post(path,
                {{QStringLiteral("key"), QStringLiteral("Bad Key")}, {QStringLiteral("type"), QStringLiteral("text")},
                    {QStringLiteral("label_zh"), QStringLiteral("坏")},
                    {QStringLiteral("label_en"), QStringLiteral("Bad")}})
            .code(),
        QStringLiteral("field_definition.invalid"));
    QCOMPARE(boss.post(path,
                     {{QStringLiteral("key"), QStringLiteral("x")}, {QStringLiteral("type"), QStringLiteral("colour")},
                         {QStringLiteral("label_zh"), QStringLiteral("色")},
                         {QStringLiteral("label_en"), QStringLiteral("Colour")}})
                 .status,
        400);
    QCOMPARE(
        boss.post(path, QJsonObject {{QStringLiteral("key"), QStringLiteral("y")}, {QStringLiteral("required"), 1}})
            .code(),
        QStringLiteral("request.wrong_type"));
    QCOMPARE(listed(li, path), before);

    const HttpResult renamed
        = boss.patch(path + QLatin1Char('/') + id, {{QStringLiteral("label_zh"), QStringLiteral("退款额")}});
    QCOMPARE(renamed.status, 200);
    QCOMPARE(renamed.body.value(QStringLiteral("label_zh")).toString(), QStringLiteral("退款额"));
    QCOMPARE(renamed.body.value(QStringLiteral("version")).toInt(), 2);
}

void TestRecordApi::categories()
{
    auto liClient = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto bossClient = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    HttpClient& li = *liClient;
    HttpClient& boss = *bossClient;
    const QString path = QStringLiteral("/api/v1/categories");

    const HttpResult root = boss.post(path,
        {{QStringLiteral("name_zh"), QStringLiteral("售后")},
            {QStringLiteral("name_en"), QStringLiteral("After-sales")}});
    QCOMPARE(root.status, 201);
    const QString rootId = root.body.value(QStringLiteral("id")).toString();
    const HttpResult child = boss.post(
        path, {{QStringLiteral("name_zh"), QStringLiteral("产品维修")}, {QStringLiteral("parent_id"), rootId}});
    QCOMPARE(child.status, 201);
    const QString childId = child.body.value(QStringLiteral("id")).toString();

    const QByteArray before = listed(li, path);
    QCOMPARE(
        li.post(path, {{QStringLiteral("name_zh"), QStringLiteral("投诉")}}).code(), QStringLiteral("access.denied"));
    QCOMPARE(boss.post(path,
                     {{QStringLiteral("name_zh"), QStringLiteral("孤儿")},
                         {QStringLiteral("parent_id"), QStringLiteral("nowhere")}})
                 .status,
        400);
    QCOMPARE(boss.patch(path + QLatin1Char('/') + rootId, {{QStringLiteral("parent_id"), childId}}).status,
        400); // under its own child: a cycle
    QCOMPARE(boss.post(path,
                     {{QStringLiteral("name_zh"), QStringLiteral("x")}, {QStringLiteral("order"), QStringLiteral("1")}})
                 .code(),
        QStringLiteral("request.wrong_type"));
    QCOMPARE(boss.post(path, {{QStringLiteral("name_en"), QStringLiteral("No Chinese name")}}).code(),
        QStringLiteral("request.missing_field"));
    QCOMPARE(listed(li, path), before);
    QCOMPARE(li.get(path).body.value(QStringLiteral("categories")).toArray().size(), 2);
    QCOMPARE(li.get(path + QLatin1Char('/') + childId).body.value(QStringLiteral("parent_id")).toString(), rootId);
}

QTEST_GUILESS_MAIN(TestRecordApi)
#include "tst_recordapi.moc"
