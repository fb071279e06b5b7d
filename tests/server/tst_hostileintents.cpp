// The adversarial suite, sync class (issue 17): a hostile desk pushes intents holding text the team database
// cannot hold (NUL, lone UTF-16 surrogates) in every kind of string they carry — ticket fields, comments,
// customers, views, categories, field definitions, transitions, and the intent's own id, name and entity —
// to a real gongdan-server on both backends. Each is rejected alone with request.bad_text naming the field; the
// intent after it in the same push is applied, the device's cursor moves past both, and its next push is taken.
// Every answer is held to docs/api/openapi.yaml.
#include "tests/support/OpenApiContract.h"
#include "tests/support/SyncDevice.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>
#include <map>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

namespace {

constexpr char kMark[] = "@@BAD@@";

QString fresh()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// The intent a slot sends: `name` on `entity` with `args`, one string of which is kMark.
struct Slot {
    const char* name;
    QString mutation;
    QJsonObject args;
    const char* field; ///< after "mutations[0]."
};

QList<Slot> intentSlots()
{
    const Ticket ticket = newTicket(QStringLiteral("好"), QStringLiteral("service"), {});
    const auto ticketWith = [&](const char* key, const QJsonValue& value) {
        QJsonObject args = createArgs(ticket);
        QJsonObject t = args.value(QStringLiteral("ticket")).toObject();
        t.insert(QLatin1String(key), value);
        args.insert(QStringLiteral("ticket"), t);
        return args;
    };
    const QString mark = QLatin1String(kMark);
    const auto record = [&](const char* key, const QJsonObject& data) {
        return QJsonObject {{QLatin1String(key), data}};
    };
    return {
        {"ticket subject", QStringLiteral("ticket.create"), ticketWith("subject", mark), "args.ticket.subject"},
        {"ticket description", QStringLiteral("ticket.create"), ticketWith("description", mark),
            "args.ticket.description"},
        {"ticket tag", QStringLiteral("ticket.create"), ticketWith("tags", QJsonArray {QStringLiteral("ok"), mark}),
            "args.ticket.tags[1]"},
        {"ticket contact", QStringLiteral("ticket.create"), ticketWith("contact_name", mark),
            "args.ticket.contact_name"},
        {"ticket custom field", QStringLiteral("ticket.create"),
            ticketWith("custom_fields", QJsonObject {{QStringLiteral("x"), mark}}), "args.ticket.custom_fields.x"},
        {"comment body", QStringLiteral("comment.add"), commentArgs(ticket.id, mark), "args.comment.body"},
        {"transition note", QStringLiteral("ticket.transition"),
            {{QStringLiteral("action"), QStringLiteral("transfer")}, {QStringLiteral("note"), mark}}, "args.note"},
        {"customer name", QStringLiteral("customer.upsert"),
            record("customer", {{QStringLiteral("id"), fresh()}, {QStringLiteral("name"), mark}}),
            "args.customer.name"},
        {"customer phone", QStringLiteral("customer.upsert"),
            record("customer",
                {{QStringLiteral("id"), fresh()}, {QStringLiteral("name"), QStringLiteral("c")},
                    {QStringLiteral("phones"), QJsonArray {mark}}}),
            "args.customer.phones[0]"},
        {"view name", QStringLiteral("view.upsert"),
            record("view", {{QStringLiteral("id"), fresh()}, {QStringLiteral("name_zh"), mark}}), "args.view.name_zh"},
        {"category name", QStringLiteral("category.upsert"),
            record("category", {{QStringLiteral("id"), fresh()}, {QStringLiteral("name_zh"), mark}}),
            "args.category.name_zh"},
        {"field label", QStringLiteral("field.upsert"),
            record("definition", {{QStringLiteral("key"), QStringLiteral("k")}, {QStringLiteral("label_zh"), mark}}),
            "args.definition.label_zh"},
        {"the intent's id", QStringLiteral("ticket.create"), createArgs(ticket), "mutation_id"},
        {"the intent's name", mark, createArgs(ticket), "name"},
        {"the intent's entity", QStringLiteral("ticket.create"), createArgs(ticket), "entity_id"},
    };
}

} // namespace

class TestHostileIntents : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase();
    void aBadIntentIsRejectedAloneAndTheQueueGoesOn_data();
    void aBadIntentIsRejectedAloneAndTheQueueGoesOn();
    void aHugeListInAnIntentIsRejectedAlone_data();
    void aHugeListInAnIntentIsRejectedAlone();

private:
    SeededServer& server(const QString& backend);
    std::map<QString, std::unique_ptr<SeededServer>> m_servers;
    std::optional<OpenApiContract> m_contract = OpenApiContract::load();
};

SeededServer& TestHostileIntents::server(const QString& backend)
{
    auto& slot = m_servers[backend];
    if (!slot) {
        slot = std::make_unique<SeededServer>(backend);
        if (!slot->skipReason().isEmpty())
            qFatal("%s", qPrintable(slot->skipReason()));
        if (!slot->start())
            qFatal("%s", qPrintable(slot->server().lastLog()));
    }
    return *slot;
}

void TestHostileIntents::cleanupTestCase()
{
    for (auto& [backend, s] : m_servers) {
        s->server().terminate();
        for (const QString& line : s->server().lastLog().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(
                QJsonDocument::fromJson(line.toUtf8()).isObject(), qPrintable(QStringLiteral("not JSON: ") + line));
    }
    m_servers.clear();
}

void TestHostileIntents::aBadIntentIsRejectedAloneAndTheQueueGoesOn_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<int>("slot");
    QTest::addColumn<QByteArray>("text");
    const QList<std::pair<const char*, QByteArray>> kinds {{"NUL", "a\\u0000b"}, {"lone surrogate", "\\udbff"}};
    const QList<Slot> all = intentSlots();
    for (const char* backend : {"sqlite", "postgresql"}) {
        for (int i = 0; i < all.size(); ++i) {
            for (const auto& [kind, text] : kinds)
                QTest::addRow("%s: %s in the %s", backend, kind, all.at(i).name)
                    << QString::fromLatin1(backend) << i << text;
        }
    }
}

void TestHostileIntents::aBadIntentIsRejectedAloneAndTheQueueGoesOn()
{
    QFETCH(QString, backend);
    QFETCH(int, slot);
    QFETCH(QByteArray, text);
    SeededServer& s = server(backend);
    const Slot bad = intentSlots().at(slot);
    SyncDevice desk(s.baseUrl(), signIn(s.baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password")));
    desk.http.holdTo(m_contract ? &*m_contract : nullptr);
    const Ticket ticket = newTicket(QStringLiteral("好标题"), QStringLiteral("service"), {});
    QJsonObject first = desk.mutation(bad.mutation, ticket.id, bad.args);
    const QString field = QString::fromLatin1(bad.field);
    if (field == QLatin1String("mutation_id") || field == QLatin1String("entity_id"))
        first.insert(field, QLatin1String(kMark));
    const QJsonObject second = desk.mutation(QStringLiteral("ticket.create"), ticket.id, createArgs(ticket));
    QByteArray body = HttpClient::jsonBytes(
        {{QStringLiteral("client_id"), desk.clientId}, {QStringLiteral("mutations"), QJsonArray {first, second}}});
    body.replace(kMark, text);
    const HttpResult pushed = desk.http.send("POST", QStringLiteral("/v1/sync/push"), body);
    QVERIFY2(pushed.status == 200, pushed.raw.constData());
    const QJsonArray results = pushed.body.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 2);
    const QJsonObject refused = results.at(0).toObject();
    QCOMPARE(refused.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    const QJsonObject error = refused.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("request.bad_text"));
    QCOMPARE(error.value(QStringLiteral("field")).toString(), QStringLiteral("mutations[0].") + field);
    QCOMPARE(results.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(pushed.body.value(QStringLiteral("last_seq_applied")).toInteger(), 2);
    // The queue goes on: the desk's next intent is taken.
    const QJsonObject comment
        = desk.mutation(QStringLiteral("comment.add"), ticket.id, commentArgs(ticket.id, QStringLiteral("续")));
    const HttpResult next = desk.push({comment});
    QCOMPARE(next.body.value(QStringLiteral("results"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    QVERIFY2(
        desk.http.contractViolations().isEmpty(), qPrintable(desk.http.contractViolations().join(QLatin1Char('\n'))));
}

void TestHostileIntents::aHugeListInAnIntentIsRejectedAlone_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("list");
    for (const char* backend : {"sqlite", "postgresql"}) {
        QTest::addRow("%s: 50,000 tags", backend) << QString::fromLatin1(backend) << QStringLiteral("tags");
        QTest::addRow("%s: 50,000 custom fields", backend)
            << QString::fromLatin1(backend) << QStringLiteral("custom_fields");
    }
}

void TestHostileIntents::aHugeListInAnIntentIsRejectedAlone()
{
    // A ticket.create whose list has 50,000 members is rejected at once (request.too_many naming the list), not
    // checked member against member on the request thread; the intent after it is applied.
    QFETCH(QString, backend);
    QFETCH(QString, list);
    SeededServer& s = server(backend);
    SyncDevice desk(s.baseUrl(), signIn(s.baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password")));
    desk.http.holdTo(m_contract ? &*m_contract : nullptr);
    Ticket huge = newTicket(QStringLiteral("很多标签"), QStringLiteral("service"), {});
    QJsonObject args = createArgs(huge);
    QJsonObject ticket = args.value(QStringLiteral("ticket")).toObject();
    if (list == QLatin1String("tags")) {
        QJsonArray tags;
        for (int i = 0; i < 50000; ++i)
            tags.append(QStringLiteral("t%1").arg(i));
        ticket.insert(list, tags);
    } else {
        QJsonObject fields;
        for (int i = 0; i < 50000; ++i)
            fields.insert(QStringLiteral("k%1").arg(i), i);
        ticket.insert(list, fields);
    }
    args.insert(QStringLiteral("ticket"), ticket);
    const Ticket fine = newTicket(QStringLiteral("一张"), QStringLiteral("service"), {});
    QElapsedTimer clock;
    clock.start();
    const HttpResult pushed = desk.push({desk.mutation(QStringLiteral("ticket.create"), huge.id, args),
        desk.mutation(QStringLiteral("ticket.create"), fine.id, createArgs(fine))});
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(pushed.status == 200, pushed.raw.left(500).constData());
    const QJsonArray results = pushed.body.value(QStringLiteral("results")).toArray();
    const QJsonObject error = results.at(0).toObject().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("request.too_many"));
    QCOMPARE(error.value(QStringLiteral("field")).toString(), QStringLiteral("mutations[0].args.ticket.") + list);
    QCOMPARE(results.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QVERIFY2(
        desk.http.contractViolations().isEmpty(), qPrintable(desk.http.contractViolations().join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestHostileIntents)
#include "tst_hostileintents.moc"
