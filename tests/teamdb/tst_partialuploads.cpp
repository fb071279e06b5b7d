// The server's partial uploads on disk (teamdb/PartialUploads): chunks append to one file per user and hash,
// the offset is what is on disk, a new start replaces an old file, and a file untouched for 24 hours (by the
// injected clock) is gone — whether asked for or swept — while a fresh one stays.
#include "teamdb/PartialUploads.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gongdan;

namespace {

const QString kSha = QString(64, QLatin1Char('a'));
const QString kOther = QString(64, QLatin1Char('b'));

} // namespace

class TestPartialUploads : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void chunksAppendPerUser();
    void expireAfterADay_data();
    void expireAfterADay();
    void defaultFolderIsPerDatabase();
};

void TestPartialUploads::chunksAppendPerUser()
{
    QTemporaryDir dir;
    ManualClock clock(QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC));
    PartialUploads partials(dir.path() + QStringLiteral("/uploads"), clock);
    QVERIFY(!partials.find(QStringLiteral("li"), kSha));
    QCOMPARE(partials.append(QStringLiteral("li"), kSha, 0, 10, "abcd").value(), 4);
    QCOMPARE(partials.append(QStringLiteral("li"), kSha, 4, 10, "efg").value(), 7);
    const auto found = partials.find(QStringLiteral("li"), kSha);
    QVERIFY(found);
    QCOMPARE(found->offset, 7);
    QCOMPARE(found->total, 10);
    QVERIFY(!partials.find(QStringLiteral("zhang"), kSha)); // per user
    // Only at the end: a chunk from elsewhere is refused and changes nothing.
    QVERIFY(!partials.append(QStringLiteral("li"), kSha, 3, 10, "x"));
    QCOMPARE(partials.find(QStringLiteral("li"), kSha)->offset, 7);
    QFile file(partials.filePath(QStringLiteral("li"), kSha));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("abcdefg"));
    file.close();
    // A new start replaces it.
    QCOMPARE(partials.append(QStringLiteral("li"), kSha, 0, 5, "12").value(), 2);
    QCOMPARE(partials.find(QStringLiteral("li"), kSha)->total, 5);
    partials.discard(QStringLiteral("li"), kSha);
    QVERIFY(!partials.find(QStringLiteral("li"), kSha));
    QVERIFY(!QFile::exists(partials.filePath(QStringLiteral("li"), kSha)));
}

void TestPartialUploads::expireAfterADay_data()
{
    QTest::addColumn<qint64>("idleMs");
    QTest::addColumn<bool>("kept");
    QTest::newRow("an hour") << 3600LL * 1000 << true;
    QTest::newRow("a day to the millisecond") << PartialUploads::kExpiryMs << true;
    QTest::newRow("a day and a second") << PartialUploads::kExpiryMs + 1000 << false;
}

void TestPartialUploads::expireAfterADay()
{
    QFETCH(qint64, idleMs);
    QFETCH(bool, kept);
    QTemporaryDir dir;
    ManualClock clock(QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC));
    PartialUploads partials(dir.path(), clock);
    QVERIFY(partials.append(QStringLiteral("li"), kSha, 0, 10, "abc"));
    QVERIFY(partials.append(QStringLiteral("zhang"), kOther, 0, 10, "abc"));
    clock.advanceMs(idleMs - 5000);
    QVERIFY(partials.append(QStringLiteral("li"), kSha, 3, 10, "def")); // the last write counts, not the first
    clock.advanceMs(5000);
    // Asked for: an expired one is deleted and reported as none.
    QCOMPARE(bool(partials.find(QStringLiteral("zhang"), kOther)), kept);
    QCOMPARE(QFile::exists(partials.filePath(QStringLiteral("zhang"), kOther)), kept);
    QVERIFY(partials.find(QStringLiteral("li"), kSha)); // written 5 s ago
    partials.discard(QStringLiteral("zhang"), kOther);
    // Swept: every user's expired files go, with their folders.
    QVERIFY(partials.append(QStringLiteral("wang"), kOther, 0, 10, "abc"));
    QVERIFY(partials.append(QStringLiteral("li"), kSha, 6, 10, "g"));
    clock.advanceMs(idleMs);
    QCOMPARE(partials.sweep(), kept ? 0 : 2);
    QCOMPARE(QFile::exists(partials.filePath(QStringLiteral("wang"), kOther)), kept);
    QCOMPARE(QFile::exists(partials.filePath(QStringLiteral("li"), kSha)), kept);
    if (!kept)
        QVERIFY(QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
}

void TestPartialUploads::defaultFolderIsPerDatabase()
{
    QCOMPARE(PartialUploads::defaultDirectory(QStringLiteral("/srv/gongdan/team.sqlite")),
        QStringLiteral("/srv/gongdan/team.sqlite.uploads"));
    const QString a = PartialUploads::defaultDirectory(QStringLiteral("postgresql://gd:secret@db:5432/team"));
    const QString b = PartialUploads::defaultDirectory(QStringLiteral("postgresql://gd:secret@db:5432/other"));
    QVERIFY(a != b);
    QVERIFY(!a.contains(QLatin1String("secret")));
    QVERIFY(a.startsWith(QDir::tempPath()));
}

QTEST_GUILESS_MAIN(TestPartialUploads)
#include "tst_partialuploads.moc"
