// The adversarial suite, parsing class (issue 17): a hostile client sends text the team database cannot hold (NUL,
// lone UTF-16 surrogates) in every kind of string field of every writing route, and bodies and queries that break
// JSON or its types, to a real gongdan-server on both backends. Each is refused with a 4xx naming the field, never a
// 5xx; every answer is held to docs/api/openapi.yaml (tests/support/OpenApiContract).
#include "tests/support/OpenApiContract.h"
#include "tests/support/SyncDevice.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <map>
#include <memory>

using namespace gongdan::test;

namespace {

/// One backend's server, kept across the rows that use it: boss signed in, and the records the rows' paths name.
struct Fixture {
    std::unique_ptr<SeededServer> server;
    std::unique_ptr<HttpClient> boss;
    QString ticket; ///< a ticket's number
    QString customer;
    QString li; ///< li.na's user id
};

/// A slot a hostile string goes into: `%1` in the body is replaced by the string's JSON text.
struct Slot {
    const char* name;
    QByteArray verb;
    const char* path;
    QByteArray body;
    const char* field;
};

QList<Slot> stringSlots()
{
    const QByteArray ticket = "\"subject\":\"s\",\"group_id\":\"service\"";
    const QByteArray user = "\"name\":\"n\",\"role\":\"agent\",\"password\":\"12345678\"";
    return {
        {"sign-in login", "POST", "/api/v1/session", "{\"login\":\"%1\",\"password\":\"x\"}", "login"},
        {"sign-in device", "POST", "/api/v1/session", "{\"login\":\"boss\",\"password\":\"x\",\"device\":\"%1\"}",
            "device"},
        {"ticket subject", "POST", "/api/v1/tickets", "{\"subject\":\"%1\",\"group_id\":\"service\"}", "subject"},
        {"ticket description", "POST", "/api/v1/tickets", "{" + ticket + ",\"description\":\"%1\"}", "description"},
        {"ticket tag", "POST", "/api/v1/tickets", "{" + ticket + ",\"tags\":[\"ok\",\"%1\"]}", "tags[1]"},
        {"ticket contact", "POST", "/api/v1/tickets", "{" + ticket + ",\"contact_name\":\"%1\"}", "contact_name"},
        {"ticket custom field", "POST", "/api/v1/tickets", "{" + ticket + ",\"custom_fields\":{\"x\":{\"y\":\"%1\"}}}",
            "custom_fields.x.y"},
        {"ticket edit", "PATCH", "/api/v1/tickets/{ticket}", "{\"subject\":\"%1\"}", "subject"},
        {"comment body", "POST", "/api/v1/tickets/{ticket}/comments", "{\"body\":\"%1\"}", "body"},
        {"transition note", "POST", "/api/v1/tickets/{ticket}/transitions",
            "{\"action\":\"transfer\",\"target_group\":\"field-ops\",\"note\":\"%1\"}", "note"},
        {"link target", "POST", "/api/v1/tickets/{ticket}/links", "{\"target_id\":\"%1\"}", "target_id"},
        {"unmask field", "POST", "/api/v1/tickets/{ticket}/unmask", "{\"fields\":[\"%1\"]}", "fields[0]"},
        {"customer name", "POST", "/api/v1/customers", "{\"name\":\"%1\"}", "name"},
        {"customer phone", "POST", "/api/v1/customers", "{\"name\":\"c\",\"phones\":[\"%1\"]}", "phones[0]"},
        {"customer id card", "POST", "/api/v1/customers", "{\"name\":\"c\",\"id_card\":\"%1\"}", "id_card"},
        {"customer notes", "PATCH", "/api/v1/customers/{customer}", "{\"notes\":\"%1\"}", "notes"},
        {"user login", "POST", "/api/v1/users", "{\"login\":\"%1\"," + user + "}", "login"},
        {"user skill", "POST", "/api/v1/users", "{\"login\":\"new\"," + user + ",\"skills\":[\"%1\"]}", "skills[0]"},
        {"user name", "PATCH", "/api/v1/users/{li}", "{\"name\":\"%1\"}", "name"},
        {"view name", "POST", "/api/v1/views", "{\"name_zh\":\"%1\"}", "name_zh"},
        {"view condition value", "POST", "/api/v1/views",
            "{\"name_zh\":\"v\",\"conditions\":[{\"field\":\"subject\",\"op\":\"contains\",\"value\":\"%1\"}]}",
            "conditions[0].value"},
        {"category name", "POST", "/api/v1/categories", "{\"name_zh\":\"%1\"}", "name_zh"},
        {"field label", "POST", "/api/v1/field-definitions",
            "{\"key\":\"k\",\"type\":\"text\",\"label_zh\":\"%1\",\"label_en\":\"k\"}", "label_zh"},
        {"calendar name", "POST", "/api/v1/calendars", "{\"name\":\"%1\",\"timezone\":\"Asia/Shanghai\"}", "name"},
        {"SLA policy name", "POST", "/api/v1/sla-policies", "{\"name\":\"%1\"}", "name"},
        {"device id", "POST", "/v1/sync/register", "{\"client_id\":\"%1\"}", "client_id"},
        {"a key", "POST", "/api/v1/tickets", "{" + ticket + ",\"x%1\":1}", "x%1"},
    };
}

} // namespace

class TestHostileParsing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase();
    void textTheDatabaseCannotHoldIsRefused_data();
    void textTheDatabaseCannotHoldIsRefused();
    void brokenJsonIsRefused_data();
    void brokenJsonIsRefused();

private:
    Fixture& fixture(const QString& backend);
    /// Sends the row's request as boss; checks status, code and field, the document, and that the server goes on.
    void expectRefusal(const QString& backend, const QByteArray& verb, QString path, const QByteArray& body, int status,
        const QString& code, const QString& field, const QByteArray& contentType = "application/json");

    std::map<QString, Fixture> m_fixtures;
    std::optional<OpenApiContract> m_contract = OpenApiContract::load();
};

Fixture& TestHostileParsing::fixture(const QString& backend)
{
    Fixture& f = m_fixtures[backend];
    if (f.server)
        return f;
    f.server = std::make_unique<SeededServer>(backend);
    if (!f.server->skipReason().isEmpty())
        qFatal("%s", qPrintable(f.server->skipReason()));
    if (!f.server->start())
        qFatal("%s", qPrintable(f.server->server().lastLog()));
    f.boss = std::make_unique<HttpClient>(f.server->baseUrl());
    f.boss->setToken(signIn(f.server->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    f.ticket = f.boss
                   ->post(QStringLiteral("/api/v1/tickets"),
                       {{QStringLiteral("subject"), QStringLiteral("打印机")},
                           {QStringLiteral("group_id"), QStringLiteral("service")}})
                   .body.value(QStringLiteral("ticket"))
                   .toObject()
                   .value(QStringLiteral("number"))
                   .toString();
    f.customer = f.boss->post(QStringLiteral("/api/v1/customers"), {{QStringLiteral("name"), QStringLiteral("王")}})
                     .body.value(QStringLiteral("id"))
                     .toString();
    for (const QJsonValue& user :
        f.boss->get(QStringLiteral("/api/v1/users")).body.value(QStringLiteral("users")).toArray()) {
        if (user.toObject().value(QStringLiteral("login")).toString() == QLatin1String("li.na"))
            f.li = user.toObject().value(QStringLiteral("id")).toString();
    }
    if (f.ticket.isEmpty() || f.customer.isEmpty() || f.li.isEmpty())
        qFatal("fixture incomplete on %s", qPrintable(backend));
    f.boss->holdTo(m_contract ? &*m_contract : nullptr);
    return f;
}

void TestHostileParsing::cleanupTestCase()
{
    for (auto& [backend, f] : m_fixtures) {
        // Whatever the rows sent, the log stays JSON lines only.
        if (f.server->server().running())
            f.server->server().terminate();
        for (const QString& line : f.server->server().lastLog().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(
                QJsonDocument::fromJson(line.toUtf8()).isObject(), qPrintable(QStringLiteral("not JSON: ") + line));
    }
    m_fixtures.clear();
}

void TestHostileParsing::expectRefusal(const QString& backend, const QByteArray& verb, QString path,
    const QByteArray& body, int status, const QString& code, const QString& field, const QByteArray& contentType)
{
    Fixture& f = fixture(backend);
    QVERIFY2(m_contract, "docs/api/openapi.yaml could not be read");
    path.replace(QStringLiteral("{ticket}"), f.ticket)
        .replace(QStringLiteral("{customer}"), f.customer)
        .replace(QStringLiteral("{li}"), f.li);
    const qsizetype violationsBefore = f.boss->contractViolations().size();
    QElapsedTimer clock;
    clock.start();
    const HttpResult answer = f.boss->send(verb, path, body, contentType);
    // No refusal holds the request thread: each is answered at once (the 1 MiB lists of the too_many rows took
    // 13–23 s when every member was compared with every other).
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(answer.status < 500, answer.raw.constData());
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.code(), code);
    if (!field.isNull())
        QCOMPARE(answer.body.value(QStringLiteral("field")).toString(), field);
    const QStringList violations = f.boss->contractViolations().mid(violationsBefore);
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
    QCOMPARE(f.boss->get(QStringLiteral("/health")).status, 200);
}

void TestHostileParsing::textTheDatabaseCannotHoldIsRefused_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    const QList<std::pair<const char*, QByteArray>> kinds {
        {"NUL", "a\\u0000b"}, {"lone high surrogate", "a\\ud800b"}, {"lone low surrogate", "\\udc00"}};
    for (const char* backend : {"sqlite", "postgresql"}) {
        for (const Slot& slot : stringSlots()) {
            for (const auto& [kind, text] : kinds) {
                const QByteArray name(slot.name);
                if (qstrcmp(kind, "lone low surrogate") == 0 && name != "sign-in login" && name != "ticket subject")
                    continue; // the low half twice is enough; NUL and the high half everywhere
                QByteArray body = slot.body;
                body.replace("%1", text);
                QString field = QString::fromLatin1(slot.field);
                field.replace(QStringLiteral("%1"), QString::fromUtf8(text));
                QTest::addRow("%s: %s in %s", backend, kind, slot.name)
                    << QString::fromLatin1(backend) << slot.verb << QString::fromLatin1(slot.path) << body << field;
            }
        }
    }
}

void TestHostileParsing::textTheDatabaseCannotHoldIsRefused()
{
    QFETCH(QString, backend);
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    expectRefusal(backend, verb, path, body, 400, QStringLiteral("request.bad_text"), field);
}

void TestHostileParsing::brokenJsonIsRefused_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    const QByteArray json = "application/json";
    const QByteArray ticket = "\"subject\":\"s\",\"group_id\":\"service\"";
    const QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
    for (const char* backend : {"sqlite", "postgresql"}) {
        const QString b = QString::fromLatin1(backend);
        const auto row = [&](const char* name, const QByteArray& verb, const char* path, const QByteArray& body,
                             int status, const char* code, const char* field, const QByteArray& type) {
            QTest::addRow("%s: %s", backend, name)
                << b << verb << QString::fromLatin1(path) << body << type << status << QString::fromLatin1(code)
                << (field ? QString::fromLatin1(field) : QString());
        };
        const auto post
            = [&](const char* name, const char* path, const QByteArray& body, int status, const char* code,
                  const char* field = nullptr) { row(name, "POST", path, body, status, code, field, json); };
        post("raw unit separator", "/api/v1/tickets", "{\"subject\":\"a\x1f\",\"group_id\":\"service\"}", 400,
            "request.control_character");
        post("raw newline in a key", "/api/v1/tickets", "{\"sub\nject\":\"a\"}", 400, "request.control_character");
        post("a nested key twice", "/api/v1/tickets", "{" + ticket + ",\"custom_fields\":{\"a\":1,\"a\":2}}", 400,
            "request.duplicate_key", "a");
        post("nested 5000 deep", "/api/v1/tickets", "{" + ticket + ",\"custom_fields\":{\"x\":" + deep + "}}", 400,
            "request.malformed_json");
        post("a number past double", "/api/v1/views", "{\"name_zh\":\"v\",\"order\":1e400}", 400,
            "request.malformed_json");
        post("an order past int", "/api/v1/views", "{\"name_zh\":\"v\",\"order\":123456789012345678901234567890}", 400,
            "request.wrong_type", "order");
        post("a string for a number", "/api/v1/categories", "{\"name_zh\":\"c\",\"order\":\"1\"}", 400,
            "request.wrong_type", "order");
        post("NaN", "/api/v1/views", "{\"name_zh\":\"v\",\"order\":NaN}", 400, "request.malformed_json");
        post("tags of a number", "/api/v1/tickets", "{" + ticket + ",\"tags\":[1]}", 400, "json.invalid", "tags");
        post("tags of null", "/api/v1/tickets", "{" + ticket + ",\"tags\":[null]}", 400, "json.invalid", "tags");
        const auto many = [](int n, const char* format) {
            QByteArrayList items;
            for (int i = 0; i < n; ++i)
                items.append(QByteArray(format).replace("%d", QByteArray::number(i)));
            return items.join(',');
        };
        post("1000 tags are taken", "/api/v1/tickets", "{" + ticket + ",\"tags\":[" + many(1000, "\"t%d\"") + "]}", 201,
            "");
        post("1001 tags", "/api/v1/tickets", "{" + ticket + ",\"tags\":[" + many(1001, "\"t%d\"") + "]}", 400,
            "request.too_many", "tags");
        post("80,000 distinct tags", "/api/v1/tickets", "{" + ticket + ",\"tags\":[" + many(80000, "\"t%d\"") + "]}",
            400, "request.too_many", "tags");
        post("90,000 custom fields", "/api/v1/tickets",
            "{" + ticket + ",\"custom_fields\":{" + many(90000, "\"k%d\":0") + "}}", 400, "request.too_many",
            "custom_fields");
        post("1001 values of one custom field", "/api/v1/tickets",
            "{" + ticket + ",\"custom_fields\":{\"x\":[" + many(1001, "%d") + "]}}", 400, "request.too_many",
            "custom_fields.x");
        post("1001 phones", "/api/v1/customers", "{\"name\":\"c\",\"phones\":[" + many(1001, "\"1380000%d\"") + "]}",
            400, "request.too_many", "phones");
        post("1001 field options", "/api/v1/field-definitions",
            "{\"key\":\"k\",\"type\":\"select\",\"label_zh\":\"k\",\"label_en\":\"k\",\"options\":["
                + many(1001, "{\"value\":\"v%d\"}") + "]}",
            400, "request.too_many", "options");
        post("1001 view conditions", "/api/v1/views",
            "{\"name_zh\":\"v\",\"conditions\":[" + many(1001, "{\"field\":\"subject\",\"op\":\"is_empty\"}") + "]}",
            400, "request.too_many", "conditions");
        post("a view order with a fraction", "/api/v1/views", "{\"name_zh\":\"v\",\"order\":1.5}", 400,
            "request.wrong_type", "order");
        post("a category order past int", "/api/v1/categories", "{\"name_zh\":\"c\",\"order\":1e12}", 400,
            "request.wrong_type", "order");
        post("a policy position with a fraction", "/api/v1/sla-policies", "{\"name\":\"p\",\"position\":2.5}", 400,
            "request.wrong_type", "position");
        post("a field length past int", "/api/v1/field-definitions",
            "{\"key\":\"k\",\"type\":\"text\",\"label_zh\":\"k\",\"label_en\":\"k\",\"max_length\":4294967296}", 400,
            "request.wrong_type", "max_length");
        post("tags not a list", "/api/v1/tickets", "{" + ticket + ",\"tags\":\"a,b\"}", 400, "request.wrong_type",
            "tags");
        post("skills of true", "/api/v1/users",
            "{\"login\":\"n1\",\"name\":\"n\",\"role\":\"agent\",\"password\":\"12345678\",\"skills\":[true]}", 400,
            "request.wrong_type", "skills");
        post("groups of an object", "/api/v1/users",
            "{\"login\":\"n2\",\"name\":\"n\",\"role\":\"agent\",\"password\":\"12345678\",\"groups\":[{}]}", 400,
            "request.wrong_type", "groups");
        post("phones of null", "/api/v1/customers", "{\"name\":\"c\",\"phones\":[null]}", 400, "request.wrong_type",
            "phones");
        post("customer tags of a number", "/api/v1/customers", "{\"name\":\"c\",\"tags\":[7]}", 400,
            "request.wrong_type", "tags");
        post("view columns of objects", "/api/v1/views", "{\"name_zh\":\"v\",\"columns\":[{}]}", 400,
            "request.wrong_type", "columns");
        post("shared groups of true", "/api/v1/views", "{\"name_zh\":\"v\",\"shared_group_ids\":[true]}", 400,
            "request.wrong_type", "shared_group_ids");
        post("unmask fields of a number", "/api/v1/tickets/{ticket}/unmask", "{\"fields\":[1]}", 400,
            "request.wrong_type", "fields");
        post("a subject of an object", "/api/v1/tickets", "{\"subject\":{},\"group_id\":\"service\"}", 400,
            "request.wrong_type", "subject");
        post("invalid UTF-8", "/api/v1/tickets", "{\"subject\":\"\xff\xfe\",\"group_id\":\"service\"}", 400,
            "request.malformed_json");
        post("overlong UTF-8 slash", "/api/v1/tickets", "{\"subject\":\"\xc0\xaf\",\"group_id\":\"service\"}", 400,
            "request.malformed_json");
        post("a surrogate as UTF-8 bytes", "/api/v1/tickets", "{\"subject\":\"\xed\xa0\x80\",\"group_id\":\"service\"}",
            400, "request.malformed_json");
        post("trailing bytes", "/api/v1/customers", "{\"name\":\"c\"}x", 400, "request.malformed_json");
        post("a list, not an object", "/api/v1/customers", "[{\"name\":\"c\"}]", 400, "request.not_object");
        post("an empty body", "/api/v1/customers", "", 400, "request.malformed_json");
        post("a field no route knows", "/api/v1/customers", "{\"name\":\"c\",\"is_admin\":true}", 400,
            "request.unknown_field", "is_admin");
        row("sent as text/plain", "POST", "/api/v1/customers", "{\"name\":\"c\"}", 415, "request.media_type", nullptr,
            "text/plain");
        row("sent as a form", "POST", "/api/v1/session", "login=boss&password=boss-password", 415, "request.media_type",
            nullptr, "application/x-www-form-urlencoded");
        row("a limit past int", "GET", "/api/v1/audit?limit=99999999999999999999", {}, 400, "request.wrong_type",
            "limit", json);
        row("a negative limit", "GET", "/api/v1/calendars?limit=-1", {}, 400, "request.wrong_type", "limit", json);
        for (const auto& [query, field] :
            QList<std::pair<const char*, const char*>> {{"limit=0", "limit"}, {"limit=-1", "limit"},
                {"limit=5001", "limit"}, {"cursor=-1", "cursor"}, {"mine=2", "mine"}, {"team=yes", "team"}}) {
            const QByteArray name = QByteArray("a pull with ") + query;
            const QByteArray path = QByteArray("/v1/sync/pull?") + query;
            row(name.constData(), "GET", path.constData(), {}, 400, "request.wrong_type", field, json);
        }
        row("a cursor that is not a number", "GET", "/v1/sync/pull?cursor=abc", {}, 400, "request.wrong_type", "cursor",
            json);
    }
}

void TestHostileParsing::brokenJsonIsRefused()
{
    QFETCH(QString, backend);
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    expectRefusal(backend, verb, path, body, status, code, field, contentType);
}

QTEST_GUILESS_MAIN(TestHostileParsing)
#include "tst_hostileparsing.moc"
