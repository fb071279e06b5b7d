#include "DraftStore.h"
#include "Outbox.h"
#include "TempStore.h"

#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

/// Drafts of unsaved edits: kept across a restart of the store, replaced by newer ones, never synced.
class TestDraftStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void savesReplacesAndRemoves();
    void survivesReopeningTheStore();
};

void TestDraftStore::savesReplacesAndRemoves()
{
    TempStore store;
    DraftStore drafts(store.db());
    const QString key = DraftStore::ticketKey(QStringLiteral("t-1"));
    QVERIFY(!drafts.load(key).has_value());
    QVERIFY(drafts.save(key, QJsonObject {{QStringLiteral("subject"), QStringLiteral("第一稿")}}).ok());
    store.clock.advanceSeconds(30);
    QVERIFY(drafts.save(key, QJsonObject {{QStringLiteral("subject"), QStringLiteral("第二稿")}}).ok());
    const auto draft = drafts.load(key);
    QVERIFY(draft.has_value());
    QCOMPARE(draft->body.value(QStringLiteral("subject")).toString(), QStringLiteral("第二稿"));
    QCOMPARE(draft->savedAt, store.clock.now());
    QCOMPARE(Outbox(store.db()).count(), 0); // a draft belongs to this workstation only
    QVERIFY(drafts.remove(key).ok());
    QVERIFY(!drafts.load(key).has_value());
    QVERIFY(drafts.remove(key).ok()); // removing what is gone is fine
}

void TestDraftStore::survivesReopeningTheStore()
{
    TempStore store;
    const QString key = DraftStore::ticketKey(QStringLiteral("t-2"));
    QVERIFY(DraftStore(store.db()).save(key, QJsonObject {{QStringLiteral("text"), QStringLiteral("回复")}}).ok());
    QVERIFY(store.reopen());
    const auto draft = DraftStore(store.db()).load(key);
    QVERIFY(draft.has_value());
    QCOMPARE(draft->body.value(QStringLiteral("text")).toString(), QStringLiteral("回复"));
}

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_draftstore.moc"
