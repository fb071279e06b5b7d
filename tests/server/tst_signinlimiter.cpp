// SignInLimiter's token buckets on a ManualClock: per address and global, refilled with time, given back on
// success, a cap on the checks of one address at once, an IPv6 /64 counted as one address.
#include "server/SignInLimiter.h"

#include <QTest>

using namespace gongdan;

class TestSignInLimiter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bucketsRefillWithTime_data();
    void bucketsRefillWithTime();
    void successesAreGivenBack();
    void oneAddressHasTwoChecksAtOnce();
    void addressesAreKeyedByHostOrSlash64_data();
    void addressesAreKeyedByHostOrSlash64();

private:
    ManualClock m_clock {QDateTime(QDate(2026, 12, 5), QTime(9, 0), Qt::UTC)};
};

void TestSignInLimiter::bucketsRefillWithTime_data()
{
    QTest::addColumn<int>("perAddress");
    QTest::addColumn<int>("global");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("waitMs");
    QTest::newRow("address 6 a minute") << 6 << 0 << QStringLiteral("auth.address_throttled") << qint64(10000);
    QTest::newRow("global 6 a minute") << 0 << 6 << QStringLiteral("auth.server_throttled") << qint64(10000);
    QTest::newRow("address first") << 6 << 60 << QStringLiteral("auth.address_throttled") << qint64(10000);
    QTest::newRow("global first") << 60 << 6 << QStringLiteral("auth.server_throttled") << qint64(10000);
}

void TestSignInLimiter::bucketsRefillWithTime()
{
    QFETCH(int, perAddress);
    QFETCH(int, global);
    QFETCH(QString, code);
    QFETCH(qint64, waitMs);
    SignInLimiter limiter(m_clock, {perAddress, global, 0});
    const QHostAddress address(QStringLiteral("10.0.0.1"));
    for (int i = 0; i < 6; ++i) { // the burst: a minute's worth at once
        QVERIFY(limiter.take(address));
        limiter.release(address, false);
    }
    qint64 wait = 0;
    const Status refused = limiter.take(address, &wait);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, code);
    QCOMPARE(wait, waitMs);
    m_clock.advanceMs(waitMs - 1);
    QVERIFY(!limiter.take(address));
    m_clock.advanceMs(1);
    QVERIFY(limiter.take(address));
}

void TestSignInLimiter::successesAreGivenBack()
{
    SignInLimiter limiter(m_clock, {3, 5, 0});
    const QHostAddress office(QStringLiteral("10.0.0.2"));
    for (int i = 0; i < 50; ++i) { // a whole office signing in from one address
        QVERIFY(limiter.take(office));
        limiter.release(office, true);
    }
    const QHostAddress attacker(QStringLiteral("10.0.0.3"));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(limiter.take(attacker));
        limiter.release(attacker, false);
    }
    QCOMPARE(limiter.take(attacker).error().code, QStringLiteral("auth.address_throttled"));
    // The attacker took 3 of the global 5: others still sign in.
    QVERIFY(limiter.take(office));
}

void TestSignInLimiter::oneAddressHasTwoChecksAtOnce()
{
    SignInLimiter limiter(m_clock, {20, 0, 2});
    const QHostAddress address(QStringLiteral("10.0.0.4"));
    QVERIFY(limiter.take(address));
    QVERIFY(limiter.take(address));
    qint64 wait = 0;
    QCOMPARE(limiter.take(address, &wait).error().code, QStringLiteral("auth.address_throttled"));
    QCOMPARE(wait, qint64(1000));
    limiter.release(address, false);
    QVERIFY(limiter.take(address));
}

void TestSignInLimiter::addressesAreKeyedByHostOrSlash64_data()
{
    QTest::addColumn<QString>("one");
    QTest::addColumn<QString>("other");
    QTest::addColumn<bool>("same");
    QTest::newRow("ipv4") << "10.0.0.1"
                          << "10.0.0.2" << false;
    QTest::newRow("ipv4-mapped") << "::ffff:10.0.0.1"
                                 << "10.0.0.1" << true;
    QTest::newRow("ipv6 same /64") << "2001:db8:1:2::1"
                                   << "2001:db8:1:2:ffff::9" << true;
    QTest::newRow("ipv6 other /64") << "2001:db8:1:2::1"
                                    << "2001:db8:1:3::1" << false;
}

void TestSignInLimiter::addressesAreKeyedByHostOrSlash64()
{
    QFETCH(QString, one);
    QFETCH(QString, other);
    QFETCH(bool, same);
    QCOMPARE(SignInLimiter::addressKey(QHostAddress(one)) == SignInLimiter::addressKey(QHostAddress(other)), same);
}

QTEST_MAIN(TestSignInLimiter)
#include "tst_signinlimiter.moc"
