// The customer's satisfaction (满意度) over the REST API, against a real gongdan-server on both backends: scored when
// closing by phone, or afterwards through POST /tickets/{key}/satisfaction (any other channel's survey). A score of 1-2
// reopens the ticket as 待跟进 for a second follow-up (差评二次跟进) and tells the group's supervisor and the assignee;
// 3-5 leave it closed. Bad scores are refused with the field named and change nothing; both scores stay in the log;
// the dashboard counts today's scores. Every answer is held to docs/api/openapi.yaml.
#include "tests/support/ContractServer.h"

#include <QJsonArray>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

class TestSatisfactionApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aLowScoreReopensTheTicketAndTellsTheSupervisor_data() { addBackendRows(); }
    void aLowScoreReopensTheTicketAndTellsTheSupervisor();

private:
    HttpClient* as(const QString& login, const QString& password) { return m_fixture.as(login, password); }
    QJsonArray notificationsOf(HttpClient* who, const QString& type);

    ContractServer m_fixture;
};

void TestSatisfactionApi::init()
{
    QFETCH(QString, backend);
    if (const QString why = m_fixture.start(backend); !why.isEmpty())
        QFAIL(qPrintable(why));
    QCOMPARE(m_fixture.addServiceSupervisor(), 201);
}

void TestSatisfactionApi::cleanup()
{
    const QStringList violations = m_fixture.stop();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

QJsonArray TestSatisfactionApi::notificationsOf(HttpClient* who, const QString& type)
{
    QJsonArray found;
    for (const QJsonValue& n :
        who->get(QStringLiteral("/api/v1/notifications")).body[QStringLiteral("notifications")].toArray())
        if (n[QStringLiteral("type")].toString() == type)
            found.append(n);
    return found;
}

void TestSatisfactionApi::aLowScoreReopensTheTicketAndTellsTheSupervisor()
{
    HttpClient* li = as(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    HttpClient* chen = as(QStringLiteral("chen"), QStringLiteral("chen-password"));
    HttpClient* boss = as(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const HttpResult created = li->post(QStringLiteral("/api/v1/tickets"),
        {{QStringLiteral("subject"), QStringLiteral("空调不制冷")},
            {QStringLiteral("group_id"), QStringLiteral("service")}});
    QCOMPARE(created.status, 201);
    const QString number = created.body[QStringLiteral("ticket")][QStringLiteral("number")].toString();
    const QString path = QStringLiteral("/api/v1/tickets/") + number;
    QCOMPARE(
        li->post(path + QStringLiteral("/transitions"), {{QStringLiteral("action"), QStringLiteral("accept")}}).status,
        200);

    // Closing by phone: the score alone decides the answer; a low score with "satisfied" is refused, naming the field.
    const HttpResult contradicts = li->post(path + QStringLiteral("/transitions"),
        {{QStringLiteral("action"), QStringLiteral("close")}, {QStringLiteral("resolution"), QStringLiteral("已加氟")},
            {QStringLiteral("answer"), QStringLiteral("satisfied")}, {QStringLiteral("satisfaction"), 2}});
    QCOMPARE(contradicts.status, 400);
    QCOMPARE(contradicts.code(), QStringLiteral("transition.score_contradicts"));
    QCOMPARE(contradicts.body[QStringLiteral("field")].toString(), QStringLiteral("answer"));
    const HttpResult closed = li->post(path + QStringLiteral("/transitions"),
        {{QStringLiteral("action"), QStringLiteral("close")}, {QStringLiteral("resolution"), QStringLiteral("已加氟")},
            {QStringLiteral("satisfaction"), 4}, {QStringLiteral("satisfaction_comment"), QStringLiteral("还行")}});
    QVERIFY2(closed.status == 200, closed.raw.constData());
    QJsonObject ticket = closed.body[QStringLiteral("ticket")].toObject();
    QCOMPARE(ticket[QStringLiteral("status")].toString(), QStringLiteral("closed"));
    QCOMPARE(ticket[QStringLiteral("satisfaction")].toInt(), 4);
    QCOMPARE(ticket[QStringLiteral("satisfaction_comment")].toString(), QStringLiteral("还行"));
    QVERIFY(QDateTime::fromString(ticket[QStringLiteral("rated_at")].toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(notificationsOf(chen, QStringLiteral("low_satisfaction")).isEmpty());

    // Bad surveys: refused, the field named, nothing changed.
    const QList<std::pair<QJsonObject, QString>> bad {
        {{{QStringLiteral("score"), 6}}, QStringLiteral("score")},
        {{{QStringLiteral("score"), 2.5}}, QStringLiteral("score")},
        {{{QStringLiteral("score"), QStringLiteral("5")}}, QStringLiteral("score")},
        {{{QStringLiteral("comment"), QStringLiteral("很好")}}, QStringLiteral("score")},
        {{{QStringLiteral("score"), 5}, {QStringLiteral("stars"), 5}}, QString()},
    };
    for (const auto& [body, field] : bad) {
        const HttpResult refused = boss->post(path + QStringLiteral("/satisfaction"), body);
        QVERIFY2(refused.status == 400, refused.raw.constData());
        if (!field.isEmpty())
            QCOMPARE(refused.body[QStringLiteral("field")].toString(), field);
    }
    QCOMPARE(li->get(path).body[QStringLiteral("ticket")][QStringLiteral("satisfaction")].toInt(), 4);

    // The survey comes back later with a 2: back to 待跟进, the supervisor of 客服部 and the assignee are told.
    const HttpResult low = boss->post(path + QStringLiteral("/satisfaction"),
        {{QStringLiteral("score"), 2}, {QStringLiteral("comment"), QStringLiteral("师傅迟到两小时")}});
    QVERIFY2(low.status == 200, low.raw.constData());
    ticket = low.body[QStringLiteral("ticket")].toObject();
    QCOMPARE(ticket[QStringLiteral("status")].toString(), QStringLiteral("follow_up"));
    QCOMPARE(ticket[QStringLiteral("satisfaction")].toInt(), 2);
    QCOMPARE(ticket[QStringLiteral("satisfaction_comment")].toString(), QStringLiteral("师傅迟到两小时"));
    QCOMPARE(ticket[QStringLiteral("closed_at")].toString(), QString());
    for (HttpClient* told : {chen, li}) {
        const QJsonArray mine = notificationsOf(told, QStringLiteral("low_satisfaction"));
        QCOMPARE(mine.size(), 1);
        QCOMPARE(mine.first()[QStringLiteral("ticket_number")].toString(), number);
        QVERIFY(mine.first()[QStringLiteral("text")].toString().contains(QStringLiteral("师傅迟到两小时")));
    }
    QVERIFY(notificationsOf(boss, QStringLiteral("low_satisfaction")).isEmpty()); // who recorded it knows

    // Only a closed ticket is scored; both scores stay in its history.
    const HttpResult open = boss->post(path + QStringLiteral("/satisfaction"), {{QStringLiteral("score"), 5}});
    QCOMPARE(open.status, 400);
    QCOMPARE(open.code(), QStringLiteral("transition.illegal"));
    QStringList scores;
    for (const QJsonValue& e : li->get(path + QStringLiteral("/events")).body[QStringLiteral("events")].toArray())
        if (e[QStringLiteral("field")].toString() == QLatin1String("satisfaction"))
            scores.append(e[QStringLiteral("old_value")].toString() + QStringLiteral("->")
                + e[QStringLiteral("new_value")].toString());
    QCOMPARE(scores, (QStringList {QStringLiteral("->4"), QStringLiteral("4->2")}));

    // The dashboard counts today's scores: the ticket's latest, 2.
    const QJsonObject totals = chen->get(QStringLiteral("/api/v1/dashboard")).body[QStringLiteral("totals")].toObject();
    QCOMPARE(totals[QStringLiteral("csat_count")].toInt(), 1);
    QCOMPARE(totals[QStringLiteral("csat_sum")].toInt(), 2);
    QCOMPARE(totals[QStringLiteral("csat_good")].toInt(), 0);
}

QTEST_GUILESS_MAIN(TestSatisfactionApi)
#include "tst_satisfactionapi.moc"
