#include "storage/SearchTokenizer.h"
#include "storage/TicketSearch.h"
#include "tests/support/TempStore.h"

#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

class TestSearch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tokens_data();
    void tokens();
    void matchExpressions_data();
    void matchExpressions();
    void finds_data();
    void finds();
    void indexFollowsEdits();
    void customerSearch();

private:
    std::unique_ptr<TempStore> m_store;
    QHash<QString, QString> m_ids; // label → ticket id
};

void TestSearch::tokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("document");
    QTest::addColumn<QStringList>("expected");
    const auto s = [](const char* t) { return QString::fromUtf8(t); };
    QTest::newRow("bigrams") << s("申请退款") << true << QStringList {s("申请"), s("请退"), s("退款")};
    QTest::newRow("lone character") << s("退") << true << QStringList {s("退")};
    QTest::newRow("mixed") << s("WiFi断开了") << true << QStringList {s("wifi"), s("断开"), s("开了")};
    QTest::newRow("letters meet digits") << s("G20231001001") << false << QStringList {s("g"), s("20231001001")};
    QTest::newRow("phone suffixes") << s(
        "13912345") << true << QStringList {s("13912345"), s("3912345"), s("912345"), s("12345"), s("2345"), s("345")};
    QTest::newRow("query has no suffixes") << s("13912345") << false << QStringList {s("13912345")};
    QTest::newRow("full-width folds") << s("ＡＢＣ１２") << false << QStringList {s("abc"), s("12")};
    QTest::newRow("punctuation splits") << s("退款,物流!") << true << QStringList {s("退款"), s("物流")};
}

void TestSearch::tokens()
{
    QFETCH(QString, text);
    QFETCH(bool, document);
    QFETCH(QStringList, expected);
    QCOMPARE(SearchTokenizer::tokens(text, document ? SearchTokenizer::Mode::Document : SearchTokenizer::Mode::Query),
        expected);
}

void TestSearch::matchExpressions_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("two chinese") << QString::fromUtf8("退款") << QString::fromUtf8("\"退款\"");
    QTest::newRow("phrase") << QString::fromUtf8("退款流程") << QString::fromUtf8("\"退款 款流 流程\"");
    QTest::newRow("one chinese") << QString::fromUtf8("退") << QString::fromUtf8("\"退\"*");
    QTest::newRow("english prefix") << QStringLiteral("WiF") << QStringLiteral("\"wif\"*");
    QTest::newRow("two terms") << QString::fromUtf8("物流 0013") << QString::fromUtf8("\"物流\" AND \"0013\"*");
    QTest::newRow("operators are text") << QStringLiteral("\"a\" OR NEAR(")
                                        << QStringLiteral("\"a\"* AND \"or\"* AND \"near\"*");
    QTest::newRow("nothing searchable") << QStringLiteral("  ,.;  ") << QString();
}

void TestSearch::matchExpressions()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    QCOMPARE(SearchTokenizer::matchExpression(typed), expected);
}

void TestSearch::initTestCase()
{
    m_store = std::make_unique<TempStore>();
    QVERIFY(m_store->ok());
    const auto add = [this](const char* label, const char* subject, const char* description, const char* phone,
                         const char* comment) {
        Ticket draft = draftTicket(QString::fromUtf8(subject), QString::fromUtf8(description));
        draft.contactPhone = QLatin1String(phone);
        auto created = m_store->tickets().create(draft, m_store->agent(QStringLiteral("a-01")));
        QVERIFY(created.ok());
        m_ids.insert(QLatin1String(label), created.value().id);
        if (*comment)
            QVERIFY(m_store->tickets()
                        .addComment(created.value().id, CommentVisibility::Public, QString::fromUtf8(comment), {},
                            m_store->agent(QStringLiteral("a")))
                        .ok());
        m_store->clock.advanceSeconds(10);
    };
    add("refund", "申请退款", "客户要求退款,订单已签收", "13912345678", "");
    add("logistics", "包裹没收到", "快递员未联系客户", "13800138000", "已联系物流公司核实");
    add("wifi", "Router offline", "The WiFi light keeps blinking", "02155550101", "");
    add("return", "退货申请", "外包装破损", "18600001111", "");
}

void TestSearch::finds_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    const auto s = [](const char* t) { return QString::fromUtf8(t); };
    QTest::newRow("two-character word") << s("退款") << QStringList {s("refund")};
    QTest::newRow("word only in a comment") << s("物流") << QStringList {s("logistics")};
    QTest::newRow("english any case") << s("wifi") << QStringList {s("wifi")};
    QTest::newRow("english prefix") << s("blink") << QStringList {s("wifi")};
    QTest::newRow("phone middle fragment") << s("0013") << QStringList {s("logistics")};
    QTest::newRow("phone tail") << s("5678") << QStringList {s("refund")};
    QTest::newRow("landline fragment") << s("5555") << QStringList {s("wifi")};
    QTest::newRow("ticket number") << s("G20231001002") << QStringList {s("logistics")};
    QTest::newRow("ticket number fragment") << s("1001004") << QStringList {s("return")};
    QTest::newRow("no false neighbour") << s("退单") << QStringList {};
    QTest::newRow("phrase needs adjacency") << s("款退") << QStringList {};
    QTest::newRow("and of terms") << s("退 包装") << QStringList {s("return")};
}

void TestSearch::finds()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    TicketSearch search(m_store->db());
    auto hits = search.search(query);
    QVERIFY2(hits.ok(), qPrintable(hits.ok() ? QString() : hits.error().message));
    QStringList found;
    for (const SearchHit& hit : hits.value())
        found.append(m_ids.key(hit.id));
    QCOMPARE(found, expected);
}

void TestSearch::indexFollowsEdits()
{
    TicketSearch search(m_store->db());
    const QString id = m_ids.value(QStringLiteral("return"));
    QVERIFY(m_store->tickets()
                .patch(id, QJsonObject {{QStringLiteral("subject"), QString::fromUtf8("换货申请")}},
                    m_store->agent(QStringLiteral("a")))
                .ok());
    QVERIFY(search.search(QString::fromUtf8("退货")).value().isEmpty());
    QCOMPARE(search.search(QString::fromUtf8("换货")).value().size(), 1);
    // A status change does not touch indexed text and keeps the ticket findable.
    QVERIFY(m_store->tickets()
                .transition(id, {TicketAction::Accept, {}, {}, {}, {}, {}}, m_store->agent(QStringLiteral("a")))
                .ok());
    QCOMPARE(search.search(QString::fromUtf8("换货")).value().size(), 1);
    QVERIFY(m_store->db()
                .exec(QStringLiteral("INSERT INTO ticket_fts(ticket_fts, rank) VALUES ('integrity-check', 1)"))
                .ok());
    QVERIFY(m_store->db()
                .exec(QStringLiteral("INSERT INTO comment_fts(comment_fts, rank) VALUES ('integrity-check', 1)"))
                .ok());
}

void TestSearch::customerSearch()
{
    Customer c;
    c.name = QString::fromUtf8("欧阳娜娜");
    c.phones = {QStringLiteral("13312341234")};
    QVERIFY(m_store->customers().save(c).ok());
    QCOMPARE(m_store->customers().search(QString::fromUtf8("欧阳")).size(), 1);
    QCOMPARE(m_store->customers().search(QStringLiteral("1234123")).size(), 1);
    QVERIFY(m_store->customers().search(QString::fromUtf8("阳欧")).isEmpty());
}

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
