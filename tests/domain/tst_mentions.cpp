// Who a comment @-mentions (domain/Mentions): by login or by name, in Chinese text without spaces, never an e-mail
// address, each person once.
#include "domain/Mentions.h"

#include <QTest>

using namespace gongdan;

class TestMentions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void find_data();
    void find();
};

void TestMentions::find_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ids");
    const auto ids = [](std::initializer_list<const char*> list) {
        QStringList out;
        for (const char* id : list)
            out.append(QLatin1String(id));
        return out;
    };
    QTest::newRow("login") << QStringLiteral("@li.na 请看一下") << ids({"u-li"});
    QTest::newRow("login, any case, sentence end") << QStringLiteral("please check, @Li.Na.") << ids({"u-li"});
    QTest::newRow("longer login is someone else") << QStringLiteral("@li.nana") << ids({});
    QTest::newRow("name without a space") << QString::fromUtf8("@李娜请尽快回电客户") << ids({"u-li"});
    QTest::newRow("longest name wins") << QString::fromUtf8("@王晓明跟进") << ids({"u-wxm"});
    QTest::newRow("shorter name") << QString::fromUtf8("@王晓 跟进") << ids({"u-wx"});
    QTest::newRow("two people, each once") << QString::fromUtf8("@李娜 @zhao @李娜") << ids({"u-li", "u-zhao"});
    QTest::newRow("e-mail address") << QStringLiteral("mail li.na@example.com") << ids({});
    QTest::newRow("nobody") << QStringLiteral("@ nobody @") << ids({});
}

void TestMentions::find()
{
    QFETCH(QString, text);
    QFETCH(QStringList, ids);
    const QList<MentionTarget> people {{QStringLiteral("u-li"), QStringLiteral("li.na"), QString::fromUtf8("李娜")},
        {QStringLiteral("u-wxm"), QStringLiteral("wang.xm"), QString::fromUtf8("王晓明")},
        {QStringLiteral("u-wx"), QStringLiteral("wang.x"), QString::fromUtf8("王晓")},
        {QStringLiteral("u-zhao"), QStringLiteral("zhao"), QString::fromUtf8("赵主管")}};
    QCOMPARE(Mentions::find(text, people), ids);
}

QTEST_GUILESS_MAIN(TestMentions)
#include "tst_mentions.moc"
