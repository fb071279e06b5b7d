#include "sync/Backoff.h"

#include <QRandomGenerator>
#include <QTest>

using namespace gongdan;

class TestBackoff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void delays_data();
    void delays();
    void jitterStaysWithinThirtyPercent();
};

void TestBackoff::delays_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<double>("jitter");
    QTest::addColumn<int>("delay");
    QTest::newRow("first, no jitter") << 1 << 0.0 << 500;
    QTest::newRow("second") << 2 << 0.0 << 1000;
    QTest::newRow("fifth") << 5 << 0.0 << 8000;
    QTest::newRow("eighth reaches the cap") << 8 << 0.0 << 60000;
    QTest::newRow("hundredth stays at the cap") << 100 << 0.0 << 60000;
    QTest::newRow("first, most jitter up") << 1 << 1.0 << 650;
    QTest::newRow("first, most jitter down") << 1 << -1.0 << 350;
    QTest::newRow("cap, jitter up") << 9 << 1.0 << 78000;
    QTest::newRow("jitter beyond 1 is clamped") << 1 << 5.0 << 650;
}

void TestBackoff::delays()
{
    QFETCH(int, failures);
    QFETCH(double, jitter);
    QFETCH(int, delay);
    QCOMPARE(Backoff::delayFor(failures, jitter), delay);
}

void TestBackoff::jitterStaysWithinThirtyPercent()
{
    QRandomGenerator random(42);
    Backoff backoff(&random);
    QList<int> firsts;
    for (int i = 0; i < 50; ++i) {
        backoff.reset();
        const int first = backoff.next();
        QVERIFY(first >= 350 && first <= 650);
        firsts.append(first);
        QCOMPARE(backoff.failures(), 1);
    }
    std::sort(firsts.begin(), firsts.end());
    QVERIFY(firsts.first() != firsts.last()); // spread, not in step
}

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
