// The workstation's attachment store: the upload queue survives closing the store, a file over the size
// limit (the server's, else 25 MB) is refused by name, size and limit, bytes from the server are checked
// against their hash, and the files a field worker needs offline are found on their own tickets.
#include "storage/AttachmentStore.h"
#include "tests/support/TempStore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

class TestAttachmentStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void queueSurvivesReopen();
    void refusesAFileOverTheLimit_data();
    void refusesAFileOverTheLimit();
    void downloadedBytesAreCheckedAndNotQueued();
    void findsTheOwnTicketsMissingFiles();
    void cacheKeepsWhatTheUserNeeds_data();
    void cacheKeepsWhatTheUserNeeds();
    void cacheEvictsLeastRecentlyUsed();
};

namespace {

QString shaOf(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

AttachmentRef refOf(const QByteArray& bytes, const QString& name)
{
    return AttachmentRef {shaOf(bytes), name, QStringLiteral("application/octet-stream"), bytes.size()};
}

/// A ticket assigned to `assignee` with one comment carrying `ref`.
void ticketWithFile(TempStore& store, const QString& id, const QString& assignee, const AttachmentRef& ref)
{
    const QString json = QString::fromUtf8(QJsonDocument(ref.toJson()).toJson(QJsonDocument::Compact));
    QVERIFY(
        store.db()
            .exec(QStringLiteral("INSERT INTO ticket(id, subject, need_type, channel, status, created_ms, "
                                 "updated_ms, assignee_id) VALUES ('%1', 's', 'repair', 'phone', 'new', 1, 1, '%2')")
                      .arg(id, assignee))
            .ok());
    QVERIFY(store.db()
                .exec(QStringLiteral("INSERT INTO comment(id, ticket_rowid, visibility, body, attachments, created_ms) "
                                     "SELECT 'c-%1', rowid, 'public', '', '[%2]', 2 FROM ticket WHERE id = '%1'")
                          .arg(id, json))
                .ok());
}

} // namespace

void TestAttachmentStore::queueSurvivesReopen()
{
    TempStore store;
    QVERIFY(store.ok());
    AttachmentRef first;
    {
        AttachmentStore files(store.db());
        auto stored = files.put(
            QByteArrayLiteral("%PDF-1.4 invoice"), QString::fromUtf8("发票.pdf"), QStringLiteral("application/pdf"));
        QVERIFY(stored.ok());
        first = stored.value();
        store.clock.advanceMs(1000);
        QVERIFY(files.put(QByteArrayLiteral("second"), QStringLiteral("b.txt"), QStringLiteral("text/plain")).ok());
        // The same bytes again (another comment) keep their place in the queue.
        QVERIFY(files.put(QByteArrayLiteral("%PDF-1.4 invoice"), QStringLiteral("copy.pdf"), QString()).ok());
    }
    QVERIFY(store.reopen());
    AttachmentStore files(store.db());
    QList<AttachmentRef> pending = files.pendingUploads();
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.at(0).sha256, first.sha256);
    QCOMPARE(pending.at(0).fileName, QString::fromUtf8("发票.pdf"));
    QCOMPARE(pending.at(1).fileName, QStringLiteral("b.txt"));
    QVERIFY(files.state(first.sha256).local);
    QVERIFY(!files.state(first.sha256).uploaded);
    QVERIFY(files.markUploaded(first.sha256).ok());
    QVERIFY(files.markRefused(pending.at(1).sha256, QStringLiteral("attachment.too_large")).ok());
    QVERIFY(store.reopen());
    AttachmentStore again(store.db());
    QVERIFY(again.pendingUploads().isEmpty());
    QVERIFY(again.state(first.sha256).uploaded);
    QCOMPARE(again.state(pending.at(1).sha256).refused, QStringLiteral("attachment.too_large"));
    QCOMPARE(again.get(first.sha256).value(), QByteArrayLiteral("%PDF-1.4 invoice"));
}

void TestAttachmentStore::refusesAFileOverTheLimit_data()
{
    QTest::addColumn<qint64>("limit"); // 0: the server has not said
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("limitText");
    QTest::newRow("default, at the limit") << 0LL << 25LL * 1024 * 1024 << true << QString();
    QTest::newRow("default, one byte over") << 0LL << 25LL * 1024 * 1024 + 1 << false << QStringLiteral("25 MB");
    QTest::newRow("server's 1 MB, under") << 1024LL * 1024 << 1000LL << true << QString();
    QTest::newRow("server's 1 MB, over") << 1024LL * 1024 << 3LL * 1024 * 1024 << false << QStringLiteral("1 MB");
}

void TestAttachmentStore::refusesAFileOverTheLimit()
{
    QFETCH(qint64, limit);
    QFETCH(qint64, size);
    QFETCH(bool, accepted);
    QFETCH(QString, limitText);
    TempStore store;
    {
        AttachmentStore files(store.db());
        QCOMPARE(files.limit(), AttachmentStore::kDefaultLimitBytes);
        QVERIFY(files.setLimit(limit).ok());
    }
    QVERIFY(store.reopen()); // the server's limit is remembered for offline work
    AttachmentStore files(store.db());
    QCOMPARE(files.limit(), limit > 0 ? limit : AttachmentStore::kDefaultLimitBytes);
    QLocale::setDefault(QLocale::c());
    const Status checked = files.checkSize(QStringLiteral("scan.tiff"), size);
    QCOMPARE(checked.ok(), accepted);
    if (!accepted) {
        QCOMPARE(checked.error().code, QStringLiteral("attachment.too_large"));
        QVERIFY2(checked.error().message.contains(QStringLiteral("scan.tiff")), qPrintable(checked.error().message));
        QVERIFY2(checked.error().message.contains(limitText), qPrintable(checked.error().message));
        // put() refuses the same and stores nothing.
        auto stored = files.put(QByteArray(static_cast<qsizetype>(size), 'x'), QStringLiteral("scan.tiff"), QString());
        QVERIFY(!stored.ok());
        QCOMPARE(stored.error().code, QStringLiteral("attachment.too_large"));
        QVERIFY(files.pendingUploads().isEmpty());
    }
}

void TestAttachmentStore::downloadedBytesAreCheckedAndNotQueued()
{
    TempStore store;
    AttachmentStore files(store.db());
    const QByteArray bytes = QByteArrayLiteral("photo bytes");
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const AttachmentRef ref {sha, QStringLiteral("p.jpg"), QStringLiteral("image/jpeg"), bytes.size()};
    QVERIFY(!files.state(sha).local);
    QVERIFY(files.state(sha).uploaded); // a reference from the server: its bytes are there
    const Status damaged = files.storeDownloaded(ref, QByteArrayLiteral("photo bytez"));
    QCOMPARE(damaged.error().code, QStringLiteral("attachment.damaged"));
    QVERIFY(!files.hasLocal(sha));
    QVERIFY(files.storeDownloaded(ref, bytes, true).ok());
    QVERIFY(files.state(sha).local);
    QVERIFY(files.state(sha).pinned);
    QVERIFY(files.pendingUploads().isEmpty());
}

void TestAttachmentStore::findsTheOwnTicketsMissingFiles()
{
    TempStore store;
    AttachmentStore files(store.db());
    const auto ref = [](const QString& sha, const QString& name) {
        return QStringLiteral("{\"sha256\":\"%1\",\"name\":\"%2\",\"mime\":\"image/png\",\"size\":3}").arg(sha, name);
    };
    const QString a = QString(64, QLatin1Char('a'));
    const QString b = QString(64, QLatin1Char('b'));
    const QString c = QString(64, QLatin1Char('c'));
    QVERIFY(store.db()
                .exec(QStringLiteral("INSERT INTO ticket(id, subject, need_type, channel, status, created_ms, "
                                     "updated_ms, assignee_id, custom_fields) VALUES ('t1', 's', 'repair', 'phone', "
                                     "'new', 1, 1, 'wang', '{\"photos\":[%1],\"note\":\"x\"}'), ('t2', 's', 'repair', "
                                     "'phone', 'new', 1, 1, 'zhang', NULL)")
                          .arg(ref(b, QStringLiteral("field.png"))))
                .ok());
    QVERIFY(store.db()
                .exec(QStringLiteral("INSERT INTO comment(id, ticket_rowid, visibility, body, attachments, created_ms) "
                                     "VALUES ('c1', 1, 'public', '', '[%1]', 2), ('c2', 2, 'public', '', '[%2]', 2)")
                          .arg(ref(a, QStringLiteral("mine.png")), ref(c, QStringLiteral("theirs.png"))))
                .ok());
    QStringList missing;
    for (const AttachmentRef& file : files.missingForAssignee(QStringLiteral("wang")))
        missing.append(file.fileName);
    missing.sort();
    QCOMPARE(missing, (QStringList {QStringLiteral("field.png"), QStringLiteral("mine.png")}));
    // Once here, a file is not missing any more.
    QVERIFY(
        store.db()
            .exec(QStringLiteral("INSERT INTO attachment(sha256, size, data, created_ms) VALUES ('%1', 1, x'00', 1)")
                      .arg(a))
            .ok());
    QCOMPARE(files.missingForAssignee(QStringLiteral("wang")).size(), 1);
}

void TestAttachmentStore::cacheKeepsWhatTheUserNeeds_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("kept");
    QTest::newRow("attached here, queued") << QStringLiteral("queued") << true;
    QTest::newRow("attached here, uploaded") << QStringLiteral("own") << true;
    QTest::newRow("on a ticket assigned to the user") << QStringLiteral("assigned") << true;
    QTest::newRow("on screen (held)") << QStringLiteral("held") << true;
    QTest::newRow("held and released") << QStringLiteral("released") << false;
    QTest::newRow("opened from someone else's ticket") << QStringLiteral("other") << false;
    QTest::newRow("kept offline, ticket since reassigned") << QStringLiteral("reassigned") << false;
}

void TestAttachmentStore::cacheKeepsWhatTheUserNeeds()
{
    QFETCH(QString, kind);
    QFETCH(bool, kept);
    TempStore store;
    AttachmentStore files(store.db());
    const QByteArray bytes = QByteArrayLiteral("bytes of a ") + kind.toUtf8();
    const AttachmentRef ref = refOf(bytes, QStringLiteral("file.bin"));
    if (kind == QLatin1String("queued") || kind == QLatin1String("own")) {
        QVERIFY(files.put(bytes, ref.fileName, ref.mimeType).ok());
        if (kind == QLatin1String("own"))
            QVERIFY(files.markUploaded(ref.sha256).ok());
    } else {
        // Fetched for offline use while the ticket was theirs (pinned), or opened (not pinned).
        const bool pinned = kind == QLatin1String("assigned") || kind == QLatin1String("reassigned");
        QVERIFY(files.storeDownloaded(ref, bytes, pinned).ok());
        ticketWithFile(store, QStringLiteral("t1"),
            kind == QLatin1String("assigned") ? QStringLiteral("wang") : QStringLiteral("zhang"), ref);
    }
    if (kind == QLatin1String("held") || kind == QLatin1String("released"))
        files.hold(ref.sha256);
    if (kind == QLatin1String("released"))
        files.release(ref.sha256);
    QVERIFY(files.setCacheLimit(0).ok()); // nothing evictable may stay
    // Other people's downloaded files make the cache (one held on screen too); the user's own are not in it.
    QCOMPARE(files.cacheSize(QStringLiteral("wang")), kind == QLatin1String("held") || !kept ? bytes.size() : 0);
    QCOMPARE(files.trimCache(QStringLiteral("wang")).value(), kept ? 0 : 1);
    QCOMPARE(files.hasLocal(ref.sha256), kept);
    if (!kept) { // gone for good: the reference is all that stays, and it can be fetched again
        QVERIFY(!files.state(ref.sha256).local);
        QVERIFY(files.state(ref.sha256).uploaded);
        QVERIFY(files.pendingUploads().isEmpty());
    }
}

void TestAttachmentStore::cacheEvictsLeastRecentlyUsed()
{
    TempStore store;
    {
        AttachmentStore files(store.db());
        QCOMPARE(files.cacheLimit(), AttachmentStore::kDefaultCacheBytes); // 500 MB unless set
        QVERIFY(files.setCacheLimit(250).ok());
    }
    QVERIFY(store.reopen()); // a setting of the store
    AttachmentStore files(store.db());
    QCOMPARE(files.cacheLimit(), 250);
    QList<AttachmentRef> refs;
    for (char name : {'a', 'b', 'c'}) {
        const QByteArray bytes(100, name);
        refs.append(refOf(bytes, QString(QLatin1Char(name))));
        QVERIFY(files.storeDownloaded(refs.last(), bytes).ok());
        store.clock.advanceMs(1000);
    }
    const QByteArray mine(400, 'm'); // attached here: not in the cache, however large
    QVERIFY(files.put(mine, QStringLiteral("mine.bin"), QString()).ok());
    QCOMPARE(files.cacheSize(QStringLiteral("wang")), 300);
    QVERIFY(files.get(refs.at(0).sha256).ok()); // a opened again: now the most recently used
    store.clock.advanceMs(1000);
    QCOMPARE(files.trimCache(QStringLiteral("wang")).value(), 1);
    QVERIFY(files.hasLocal(refs.at(0).sha256));
    QVERIFY(!files.hasLocal(refs.at(1).sha256)); // b: the least recently used
    QVERIFY(files.hasLocal(refs.at(2).sha256));
    QVERIFY(files.hasLocal(shaOf(mine)));
    QCOMPARE(files.cacheSize(QStringLiteral("wang")), 200);

    // c is on screen: the next in line goes instead, though c was used longer ago.
    files.hold(refs.at(2).sha256);
    const QByteArray d(100, 'd');
    QVERIFY(files.storeDownloaded(refOf(d, QStringLiteral("d")), d).ok());
    QCOMPARE(files.trimCache(QStringLiteral("wang")).value(), 1);
    QVERIFY(files.hasLocal(refs.at(2).sha256));
    QVERIFY(!files.hasLocal(refs.at(0).sha256));
    QVERIFY(files.hasLocal(shaOf(d)));
    QCOMPARE(files.trimCache(QStringLiteral("wang")).value(), 0); // fits now
}

QTEST_GUILESS_MAIN(TestAttachmentStore)
#include "tst_attachmentstore.moc"
