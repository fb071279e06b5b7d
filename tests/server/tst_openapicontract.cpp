// The contract checker the API tests hold the server to (tests/support/OpenApiContract): it accepts what the document
// says and names what it does not — an unlisted status, a missing required property, a wrong type, a value outside an
// enum, an unknown property where none are allowed, an operation the document lacks. Run on the real document too.
#include "tests/support/OpenApiContract.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace gongdan::test;

class TestOpenApiContract : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void answers_data();
    void answers();
    void theRealDocumentLoads();

private:
    QTemporaryDir m_dir;
    std::optional<OpenApiContract> m_contract;
};

void TestOpenApiContract::initTestCase()
{
    const QByteArray document = R"({
      "openapi": "3.0.3",
      "paths": {
        "/api/v1/things": {"get": {"responses": {
          "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object",
            "required": ["things"], "properties": {"things": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}}}}},
          "401": {"$ref": "#/components/responses/Unauthorized"}}}},
        "/api/v1/things/{id}": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json":
          {"schema": {"$ref": "#/components/schemas/Thing"}}}}, "4XX": {"description": "refused"}}}},
        "/api/v1/things/due": {"post": {"responses": {"200": {"description": "literal path"}}}}
      },
      "components": {
        "schemas": {
          "Thing": {"type": "object", "additionalProperties": false, "required": ["id"],
            "properties": {"id": {"type": "string"}, "count": {"type": "integer", "minimum": 0},
              "state": {"type": "string", "enum": ["open", "closed"]}}},
          "Error": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}}
        },
        "responses": {"Unauthorized": {"description": "no", "content": {"application/json": {"schema":
          {"$ref": "#/components/schemas/Error"}}}}}
      }})";
    const QString path = m_dir.filePath(QStringLiteral("doc.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(document);
    file.close();
    QString error;
    m_contract = OpenApiContract::fromFile(path, &error);
    QVERIFY2(m_contract, qPrintable(error));
}

void TestOpenApiContract::answers_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mismatch"); // empty: it matches
    QTest::newRow("ok") << QByteArray("GET") << "/api/v1/things?limit=2" << 200
                        << QByteArray(R"({"things":[{"id":"a","count":2,"state":"open"}]})") << "";
    QTest::newRow("listed error") << QByteArray("GET") << "/api/v1/things" << 401 << QByteArray(R"({"code":"auth.x"})")
                                  << "";
    QTest::newRow("status not listed") << QByteArray("GET") << "/api/v1/things" << 500 << QByteArray("{}")
                                       << "status 500 is not listed";
    QTest::newRow("required missing") << QByteArray("GET") << "/api/v1/things" << 200 << QByteArray("{}")
                                      << "lacks the required \"things\"";
    QTest::newRow("wrong type in items") << QByteArray("GET") << "/api/v1/things" << 200
                                         << QByteArray(R"({"things":[{"id":3}]})")
                                         << "body.things[0].id should be string";
    QTest::newRow("not an integer") << QByteArray("GET") << "/api/v1/things" << 200
                                    << QByteArray(R"({"things":[{"id":"a","count":1.5}]})") << "should be integer";
    QTest::newRow("below minimum") << QByteArray("GET") << "/api/v1/things" << 200
                                   << QByteArray(R"({"things":[{"id":"a","count":-1}]})") << "below its minimum";
    QTest::newRow("outside the enum") << QByteArray("GET") << "/api/v1/things" << 200
                                      << QByteArray(R"({"things":[{"id":"a","state":"lost"}]})") << "listed values";
    QTest::newRow("unknown property") << QByteArray("GET") << "/api/v1/things/a" << 200
                                      << QByteArray(R"({"id":"a","secret":1})") << "body.secret is not in the document";
    QTest::newRow("4XX range") << QByteArray("GET") << "/api/v1/things/a" << 404 << QByteArray(R"({"code":"x"})") << "";
    QTest::newRow("literal before template") << QByteArray("POST") << "/api/v1/things/due" << 200 << QByteArray() << "";
    QTest::newRow("no such operation") << QByteArray("DELETE") << "/api/v1/things/a" << 204 << QByteArray()
                                       << "no such operation";
    QTest::newRow("not JSON") << QByteArray("GET") << "/api/v1/things" << 200 << QByteArray("<html>") << "not JSON";
}

void TestOpenApiContract::answers()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, mismatch);
    const QString said = m_contract->check(verb, path, status, body);
    if (mismatch.isEmpty())
        QVERIFY2(said.isEmpty(), qPrintable(said));
    else
        QVERIFY2(said.contains(mismatch), qPrintable(said));
}

void TestOpenApiContract::theRealDocumentLoads()
{
    QString error;
    const std::optional<OpenApiContract> real = OpenApiContract::load(&error);
    QVERIFY2(real, qPrintable(error));
    QVERIFY(real->check("GET", QStringLiteral("/health"), 200, {}).isEmpty());
    QVERIFY(!real->check("GET", QStringLiteral("/health"), 418, {}).isEmpty());
}

QTEST_GUILESS_MAIN(TestOpenApiContract)
#include "tst_openapicontract.moc"
