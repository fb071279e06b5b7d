#include "domain/JsonCodec.h"
#include "storage/BulkLoad.h"
#include "storage/SyncCache.h"
#include "tests/support/TempStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

namespace {

PulledChange pulled(const Ticket& t, qint64 serverSeq)
{
    return {serverSeq, QStringLiteral("ticket"), t.id, QStringLiteral("upsert"),
        {{QStringLiteral("ticket"), JsonCodec::toJson(t)}, {QStringLiteral("aliases"), QJsonArray()}}};
}

/// The copy kept apart for `ticketId`, or an empty object.
QJsonObject keptApart(TempStore& store, const QString& ticketId, qint64* serverSeq = nullptr)
{
    QSqlQuery q(store.db().sql());
    q.prepare(QStringLiteral("SELECT data, server_seq FROM ticket_synced WHERE id = ?"));
    q.addBindValue(ticketId);
    if (!q.exec() || !q.next())
        return {};
    if (serverSeq)
        *serverSeq = q.value(1).toLongLong();
    return QJsonDocument::fromJson(q.value(0).toByteArray()).object();
}

/// `t` pulled at server_seq 5, then its subject changed here to "local B".
bool pullThenEdit(TempStore& store, SyncCache& cache, const Ticket& t)
{
    return cache.applyPage({pulled(t, 5)}, 5, QStringLiteral("e1")).ok()
        && store.tickets()
               .patch(t.id, {{QStringLiteral("subject"), QStringLiteral("local B")}},
                   store.agent(QStringLiteral("a-01"), Role::Supervisor))
               .ok();
}

qint64 visibleServerSeq(TempStore& store, const QString& ticketId)
{
    QSqlQuery q(store.db().sql());
    q.prepare(QStringLiteral("SELECT coalesce(server_seq, -1) FROM ticket WHERE id = ?"));
    q.addBindValue(ticketId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -2;
}

} // namespace

/// The two layers of a synced ticket (SyncCache): the server's copy is kept apart only while changes
/// made here sit on top of it; otherwise the visible row is that copy, marked with its server_seq.
class TestSyncCache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pulledTicketIsItsOwnCopy();
    void localChangeSetsTheCopyApartFirst();
    void nextCopyKeepsTheQueuedChangeOnTop();
    void rejectedChangeFallsBackToTheCopy();
    void decodedCopyIsKeptApartUnderAQueuedChange();
    void deliveredChangeLeavesOneLayer();
    void copyKeptByAnOlderVersionGoesOnTheNextPull();
    void resyncForgetsEveryCopy();
    void commentStoredBeforeIsLeftAsItIs();
    void eventsInBulkKeepTheNewestCopy();
    void editsDuringABulkLoadKeepTheirEvents();
};

void TestSyncCache::pulledTicketIsItsOwnCopy()
{
    TempStore store;
    SyncCache cache(store.db(), store.tickets());
    const Ticket t = serverTicket(store, QStringLiteral("subject A"), QStringLiteral("G20231001001"));
    auto applied = cache.applyPage({pulled(t, 5)}, 5, QStringLiteral("e1"));
    QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
    QCOMPARE(store.tickets().find(t.id)->subject, t.subject);
    QCOMPARE(visibleServerSeq(store, t.id), 5);
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT count(*) FROM ticket_synced")), 0);
}

void TestSyncCache::localChangeSetsTheCopyApartFirst()
{
    TempStore store;
    SyncCache cache(store.db(), store.tickets());
    const Ticket t = serverTicket(store, QStringLiteral("subject A"), QStringLiteral("G20231001001"));
    QVERIFY(pullThenEdit(store, cache, t));
    qint64 seq = 0;
    const QJsonObject apart = keptApart(store, t.id, &seq);
    QCOMPARE(apart.value(QStringLiteral("subject")).toString(), QStringLiteral("subject A"));
    QCOMPARE(seq, 5);
    QCOMPARE(store.tickets().find(t.id)->subject, QStringLiteral("local B"));
    QCOMPARE(visibleServerSeq(store, t.id), -1); // no longer the server's copy
    // A second change keeps the copy as it was, not the first change.
    QVERIFY(store.tickets()
                .patch(t.id, {{QStringLiteral("subject"), QStringLiteral("local C")}},
                    store.agent(QStringLiteral("a-01"), Role::Supervisor))
                .ok());
    QCOMPARE(keptApart(store, t.id).value(QStringLiteral("subject")).toString(), QStringLiteral("subject A"));
}

void TestSyncCache::nextCopyKeepsTheQueuedChangeOnTop()
{
    TempStore store;
    SyncCache cache(store.db(), store.tickets());
    Ticket t = serverTicket(store, QStringLiteral("subject A"), QStringLiteral("G20231001001"));
    QVERIFY(pullThenEdit(store, cache, t));
    t.priority = Priority::Urgent; // changed on the server meanwhile
    t.version = 2;
    QVERIFY(cache.applyPage({pulled(t, 8)}, 8, QStringLiteral("e1")).ok());
    const Ticket visible = *store.tickets().find(t.id);
    QCOMPARE(visible.subject, QStringLiteral("local B"));
    QCOMPARE(visible.priority, Priority::Urgent);
    qint64 seq = 0;
    const QJsonObject apart = keptApart(store, t.id, &seq);
    QCOMPARE(seq, 8);
    QCOMPARE(apart.value(QStringLiteral("subject")).toString(), QStringLiteral("subject A"));
    QCOMPARE(JsonCodec::ticketFromJson(apart).value().priority, Priority::Urgent);
}

void TestSyncCache::rejectedChangeFallsBackToTheCopy()
{
    TempStore store;
    SyncCache cache(store.db(), store.tickets());
    const Ticket t = serverTicket(store, QStringLiteral("subject A"), QStringLiteral("G20231001001"));
    QVERIFY(pullThenEdit(store, cache, t));
    const qint64 seq = scalar(store.db(), QStringLiteral("SELECT max(seq) FROM outbox"));
    auto recomputed = cache.recordResults(
        QJsonArray {QJsonObject {{QStringLiteral("seq"), seq}, {QStringLiteral("status"), QStringLiteral("rejected")},
            {QStringLiteral("error"), QJsonObject {{QStringLiteral("code"), QStringLiteral("ticket.forbidden")}}}}});
    QVERIFY(recomputed.ok());
    QCOMPARE(recomputed.value(), QStringList {t.id});
    QCOMPARE(store.tickets().find(t.id)->subject, QStringLiteral("subject A"));
}

void TestSyncCache::decodedCopyIsKeptApartUnderAQueuedChange()
{
    // A snapshot page comes decoded, without the JSON: the copy set apart is made from the decoded value.
    TempStore store;
    SyncCache cache(store.db(), store.tickets());
    Ticket t = serverTicket(store, QStringLiteral("subject A"), QStringLiteral("G20231001001"));
    QVERIFY(pullThenEdit(store, cache, t));
    t.contactName = QStringLiteral("server C");
    PulledChange decoded {8, QStringLiteral("ticket"), t.id, QStringLiteral("upsert"), {}};
    decoded.ticket = t;
    QVERIFY(cache.applyPage({decoded}, 8, QStringLiteral("e1")).ok());
    const QJsonObject apart = keptApart(store, t.id);
    QCOMPARE(apart.value(QStringLiteral("contact_name")).toString(), QStringLiteral("server C"));
    QCOMPARE(apart.value(QStringLiteral("subject")).toString(), QStringLiteral("subject A"));
    const Ticket visible = *store.tickets().find(t.id);
    QCOMPARE(visible.subject, QStringLiteral("local B"));
    QCOMPARE(visible.contactName, QStringLiteral("server C"));
}

void TestSyncCache::deliveredChangeLeavesOneLayer()
{
    TempStore store;
    SyncCache cache(store.db(), store.tickets());
    Ticket t = serverTicket(store, QStringLiteral("subject A"), QStringLiteral("G20231001001"));
    QVERIFY(pullThenEdit(store, cache, t));
    const qint64 seq = scalar(store.db(), QStringLiteral("SELECT max(seq) FROM outbox"));
    QVERIFY(cache
                .recordResults(QJsonArray {QJsonObject {{QStringLiteral("seq"), seq},
                    {QStringLiteral("status"), QStringLiteral("applied")}, {QStringLiteral("server_seq"), 9}}})
                .ok());
    t.subject = QStringLiteral("local B");
    t.version = 2;
    QVERIFY(cache.applyPage({pulled(t, 9)}, 9, QStringLiteral("e1")).ok());
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT count(*) FROM outbox")), 0);
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT count(*) FROM ticket_synced")), 0);
    QCOMPARE(visibleServerSeq(store, t.id), 9);
    QCOMPARE(store.tickets().find(t.id)->subject, QStringLiteral("local B"));
}

void TestSyncCache::copyKeptByAnOlderVersionGoesOnTheNextPull()
{
    // Caches written before kept every ticket's copy apart; a copy that nothing sits on goes when the
    // ticket is next pulled, and the row takes its place.
    TempStore store;
    SyncCache cache(store.db(), store.tickets());
    Ticket t = serverTicket(store, QStringLiteral("subject A"), QStringLiteral("G20231001001"));
    QVERIFY(cache.applyPage({pulled(t, 5)}, 5, QStringLiteral("e1")).ok());
    QVERIFY(store.db().exec(QStringLiteral("UPDATE ticket SET server_seq = NULL")).ok());
    QVERIFY(
        store.db()
            .exec(QStringLiteral("INSERT INTO ticket_synced(id, data, server_seq) VALUES ('%1', '%2', 5)")
                      .arg(t.id, QString::fromUtf8(QJsonDocument(JsonCodec::toJson(t)).toJson(QJsonDocument::Compact))))
            .ok());
    t.subject = QStringLiteral("server B");
    QVERIFY(cache.applyPage({pulled(t, 7)}, 7, QStringLiteral("e1")).ok());
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT count(*) FROM ticket_synced")), 0);
    QCOMPARE(visibleServerSeq(store, t.id), 7);
    QCOMPARE(store.tickets().find(t.id)->subject, QStringLiteral("server B"));
}

void TestSyncCache::resyncForgetsEveryCopy()
{
    TempStore store;
    SyncCache cache(store.db(), store.tickets());
    const Ticket a = serverTicket(store, QStringLiteral("subject A"), QStringLiteral("G20231001001"));
    const Ticket b = serverTicket(store, QStringLiteral("subject B"), QStringLiteral("G20231001002"));
    QVERIFY(cache.applyPage({pulled(a, 5), pulled(b, 6)}, 6, QStringLiteral("e1")).ok());
    QVERIFY(store.tickets()
                .patch(b.id, {{QStringLiteral("subject"), QStringLiteral("local")}},
                    store.agent(QStringLiteral("a-01"), Role::Supervisor))
                .ok());
    QVERIFY(cache.resetForResync().ok());
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT count(*) FROM ticket_synced")), 0);
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT count(*) FROM ticket WHERE server_seq IS NOT NULL")), 0);
    QCOMPARE(cache.cursor(), 0);
}

void TestSyncCache::commentStoredBeforeIsLeftAsItIs()
{
    // A first sync started over applies pages it had stored: nothing is queued, the comments are known.
    TempStore store;
    SyncCache cache(store.db(), store.tickets());
    const Ticket t = serverTicket(store, QStringLiteral("subject A"), QStringLiteral("G20231001001"));
    Comment c {store.db().ids().next(), t.id, QStringLiteral("u1"), CommentVisibility::Public,
        QStringLiteral("first text"), {}, store.clock.now()};
    const auto page = [&] {
        PulledChange comment {5, QStringLiteral("comment"), c.id, QStringLiteral("upsert"), {}};
        comment.comment = c;
        return QList<PulledChange> {pulled(t, 5), comment};
    };
    QVERIFY(cache.applyPage(page(), 0, QStringLiteral("e1"), 5).ok());
    c.body = QStringLiteral("other text"); // (comments are never rewritten)
    auto again = cache.applyPage(page(), 0, QStringLiteral("e1"), 5);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT count(*) FROM comment")), 1);
    QCOMPARE(store.tickets().comments(t.id).first().body, QStringLiteral("first text"));
}

namespace {

PulledChange pulledEvent(const QString& ticketId, const QString& eventId, const QString& newValue, const QDateTime& at)
{
    PulledChange change {5, QStringLiteral("event"), eventId, QStringLiteral("upsert"), {}};
    TicketEvent e;
    e.ticketId = ticketId;
    e.eventId = eventId;
    e.kind = QStringLiteral("field");
    e.field = QStringLiteral("subject");
    e.newValue = newValue;
    e.at = at;
    e.actorId = QStringLiteral("u1");
    change.event = e;
    return change;
}

} // namespace

void TestSyncCache::eventsInBulkKeepTheNewestCopy()
{
    // During a first sync's bulk load the event id's unique index is dropped: pages append their events as
    // they come, the timeline already shows one copy of each, and the load keeps the newest (the server's copy
    // of an event made here) when it builds the index back. Afterwards events are upserted again.
    TempStore store;
    SyncCache cache(store.db(), store.tickets());
    const Ticket t = serverTicket(store, QStringLiteral("subject A"), QStringLiteral("G20231001001"));
    QVERIFY(cache.applyPage({pulled(t, 5)}, 0, QStringLiteral("e1"), 5).ok());
    QVERIFY(store.db()
                .exec(QStringLiteral("INSERT INTO ticket_event(ticket_rowid, at_ms, kind, new_value, "
                                     "mutation_id, event_id) SELECT rowid, 1, 'field', 'made here', 'm1', "
                                     "'m1:0' FROM ticket"))
                .ok());
    auto load = std::make_unique<BulkLoad>(store.db(), BulkLoad::Durability::Unsynced);
    QVERIFY(load->started().ok());
    QCOMPARE(scalar(store.db(),
                 QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                "'ticket_event_event_id'")),
        0);
    cache.setEventsInBulk(true);
    auto applied
        = cache.applyPage({pulledEvent(t.id, QStringLiteral("m2:0"), QStringLiteral("two"), store.clock.now()),
                              pulledEvent(t.id, QStringLiteral("m1:0"), QStringLiteral("one"), store.clock.now())},
            0, QStringLiteral("e1"), 5);
    QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
    QCOMPARE(applied.value(), QStringList {t.id});
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT count(*) FROM ticket_event")), 3); // appended
    QStringList shown;
    for (const TicketEvent& e : store.tickets().events(t.id))
        shown.append(e.newValue);
    QCOMPARE(shown, (QStringList {QStringLiteral("two"), QStringLiteral("one")}));
    QVERIFY(load->finish().ok());
    load.reset();
    cache.setEventsInBulk(false);
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT count(*) FROM ticket_event")), 2);
    QCOMPARE(scalar(store.db(),
                 QStringLiteral("SELECT count(*) FROM ticket_event WHERE event_id = 'm1:0' AND new_value = 'one' "
                                "AND mutation_id IS NULL")),
        1);
    QCOMPARE(scalar(store.db(),
                 QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = "
                                "'ticket_event_event_id'")),
        1);
    // Afterwards the server's copy of a stored event replaces it in place.
    for (int round = 0; round < 2; ++round) {
        QVERIFY(cache
                    .applyPage({pulledEvent(t.id, QStringLiteral("m3:0"), QStringLiteral("three"), store.clock.now())},
                        6, QStringLiteral("e1"))
                    .ok());
    }
    QCOMPARE(scalar(store.db(), QStringLiteral("SELECT count(*) FROM ticket_event")), 3);
}

void TestSyncCache::editsDuringABulkLoadKeepTheirEvents()
{
    // An agent works during a first sync: their change's events are stored although the event id's unique
    // index is not there, and the load's end builds it back around them.
    TempStore store;
    SyncCache cache(store.db(), store.tickets());
    const Ticket t = serverTicket(store, QStringLiteral("subject A"), QStringLiteral("G20231001001"));
    QVERIFY(cache.applyPage({pulled(t, 5)}, 5, QStringLiteral("e1")).ok());
    BulkLoad load(store.db(), BulkLoad::Durability::Synced);
    QVERIFY(load.started().ok());
    const qint64 before = scalar(store.db(), QStringLiteral("SELECT count(*) FROM ticket_event"));
    auto edited = store.tickets().patch(t.id, {{QStringLiteral("subject"), QStringLiteral("local B")}},
        store.agent(QStringLiteral("a-01"), Role::Supervisor));
    QVERIFY2(edited.ok(), qPrintable(edited.ok() ? QString() : edited.error().message));
    QVERIFY(scalar(store.db(), QStringLiteral("SELECT count(*) FROM ticket_event")) > before);
    QVERIFY(load.finish().ok());
    QCOMPARE(scalar(store.db(),
                 QStringLiteral("SELECT count(*) FROM ticket_event WHERE event_id IS NOT NULL "
                                "AND mutation_id IS NOT NULL")),
        scalar(store.db(), QStringLiteral("SELECT count(*) FROM ticket_event")) - before);
}

QTEST_GUILESS_MAIN(TestSyncCache)
#include "tst_synccache.moc"
