#include "domain/OptionText.h"

#include <QTest>

using namespace gongdan;

/// Options typed one per line: parsed into a tree, refused with the line number, and written back
/// the same way.
class TestOptionText : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesATree();
    void refusals_data();
    void refusals();
    void roundTrips();
};

void TestOptionText::parsesATree()
{
    const auto parsed = OptionText::parse(QString::fromUtf8("east = 华东 | East\n"
                                                            "  sh = 上海 | Shanghai\n"
                                                            "    pd = 浦东\n"
                                                            "  ~hz = 杭州 | Hangzhou\n"
                                                            "\n"
                                                            "north = 华北"));
    QVERIFY(parsed.ok());
    const QList<FieldOption>& roots = parsed.value();
    QCOMPARE(roots.size(), 2);
    QCOMPARE(roots.at(0).value, QStringLiteral("east"));
    QCOMPARE(roots.at(0).labelEn, QStringLiteral("East"));
    QCOMPARE(roots.at(0).children.size(), 2);
    QCOMPARE(roots.at(0).children.at(0).children.at(0).labelZh, QString::fromUtf8("浦东"));
    QVERIFY(roots.at(0).children.at(0).children.at(0).labelEn.isEmpty());
    QVERIFY(!roots.at(0).children.at(1).active);
    QCOMPARE(roots.at(1).labelZh, QString::fromUtf8("华北"));
    QVERIFY(roots.at(1).children.isEmpty());
}

void TestOptionText::refusals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("line");
    QTest::newRow("no equals") << QStringLiteral("a = A\nb") << QStringLiteral("2");
    QTest::newRow("no label") << QStringLiteral("a =  | A") << QStringLiteral("1");
    QTest::newRow("odd indent") << QStringLiteral("a = A\n b = B") << QStringLiteral("2");
    QTest::newRow("too deep") << QStringLiteral("a = A\n    b = B") << QStringLiteral("2");
    QTest::newRow("child first") << QStringLiteral("  a = A") << QStringLiteral("1");
    QTest::newRow("empty value") << QStringLiteral("= A") << QStringLiteral("1");
}

void TestOptionText::refusals()
{
    QFETCH(QString, text);
    QFETCH(QString, line);
    const auto parsed = OptionText::parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().field, QStringLiteral("options"));
    QVERIFY2(parsed.error().message.contains(line), qPrintable(parsed.error().message));
}

void TestOptionText::roundTrips()
{
    const QString text = QString::fromUtf8("tv = 电视 | TV\n  led = 液晶 | LED\n~radio = 收音机 | Radio");
    const auto parsed = OptionText::parse(text);
    QVERIFY(parsed.ok());
    QCOMPARE(OptionText::format(parsed.value()), text);
}

QTEST_GUILESS_MAIN(TestOptionText)
#include "tst_optiontext.moc"
