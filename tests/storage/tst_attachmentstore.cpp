// The workstation's attachment store: the upload queue survives closing the store, a file over the size
// limit (the server's, else 25 MB) is refused by name, size and limit, bytes from the server are checked
// against their hash, and the files a field worker needs offline are found on their own tickets.
#include "storage/AttachmentStore.h"
#include "tests/support/TempStore.h"

#include <QCryptographicHash>
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
};

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

QTEST_GUILESS_MAIN(TestAttachmentStore)
#include "tst_attachmentstore.moc"
