#include "storage/DraftStore.h"
#include "storage/Outbox.h"
#include "tests/support/TempStore.h"

#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

/// Drafts of unsaved edits: kept across a restart of the store, replaced by newer ones, never synced.
class TestDraftStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void savesReplacesAndRemoves();
    void survivesReopeningTheStore();
    void listsTheKeysOfOneAgent();
};

void TestDraftStore::savesReplacesAndRemoves()
{
    TempStore store;
    DraftStore drafts(store.db());
    const QString key = DraftStore::ticketKey(QStringLiteral("a-1"), QStringLiteral("t-1"));
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
    const QString key = DraftStore::ticketKey(QStringLiteral("a-1"), QStringLiteral("t-2"));
    QVERIFY(DraftStore(store.db()).save(key, QJsonObject {{QStringLiteral("text"), QStringLiteral("回复")}}).ok());
    QVERIFY(store.reopen());
    const auto draft = DraftStore(store.db()).load(key);
    QVERIFY(draft.has_value());
    QCOMPARE(draft->body.value(QStringLiteral("text")).toString(), QStringLiteral("回复"));
}

void TestDraftStore::listsTheKeysOfOneAgent()
{
    TempStore store;
    DraftStore drafts(store.db());
    const QJsonObject body {{QStringLiteral("phone"), QStringLiteral("13800000000")}};
    for (const QString& key : {DraftStore::agentKey(QStringLiteral("a-1"), QStringLiteral("call:02")),
             DraftStore::agentKey(QStringLiteral("a-1"), QStringLiteral("call:01")),
             DraftStore::ticketKey(QStringLiteral("a-1"), QStringLiteral("t-1")),
             DraftStore::agentKey(QStringLiteral("a-10"), QStringLiteral("call:03")),
             DraftStore::agentKey(QStringLiteral("a-2"), QStringLiteral("call:04")), QStringLiteral("call:05")})
        QVERIFY(drafts.save(key, body).ok());
    // Another agent's calls, even one whose id starts the same, are not listed; the calls come in key order.
    QCOMPARE(drafts.keys(DraftStore::agentKey(QStringLiteral("a-1"), QStringLiteral("call:"))),
        (QStringList {QStringLiteral("a-1/call:01"), QStringLiteral("a-1/call:02")}));
    QCOMPARE(drafts.keys(DraftStore::agentKey(QStringLiteral("a-1"), QString())).size(), 3);
    QVERIFY(drafts.keys(QStringLiteral("nobody/")).isEmpty());
    QCOMPARE(DraftStore::tabsKey(QStringLiteral("a-1")), QStringLiteral("a-1/tabs"));
}

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_draftstore.moc"
