// Merge and related tickets reaching every desk through a real gongdan-server (SQLite and PostgreSQL). A merge
// made offline on li.na's desk moves the source's conversation to the target there at once, and once pushed
// the boss's desk sees the same: the target's conversation with each moved comment's origin ("from G…"), the
// target listing what was merged into it and the source saying where it went; the pull brings no second copy
// to the desk that merged, and a new desk's first sync brings it too. Links made on a desk (offline, queued)
// and over REST (POST and DELETE /api/v1/tickets/{key}/links) are shown on both tickets on both desks.
#include "models/TimelineModel.h"
#include "storage/TeamDirectory.h"
#include "tests/support/Desk.h"

#include <QJsonArray>
#include <QSet>

using namespace gongdan;
using namespace gongdan::test;

class TestMergeSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aMergeMovesTheConversationToEveryDesk_data() { addBackendRows(); }
    void aMergeMovesTheConversationToEveryDesk();
    void linksAreShownOnBothTicketsOnEveryDesk_data() { addBackendRows(); }
    void linksAreShownOnBothTicketsOnEveryDesk();

private:
    static QString newTicket(Desk& desk, const QString& subject);
    static QString timeline(Desk& desk, const QString& ticketId);

    std::unique_ptr<SeededServer> m_fixture;
};

void TestMergeSync::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QFETCH(QString, backend);
    m_fixture = std::make_unique<SeededServer>(backend);
    if (const QString why = m_fixture->skipReason(); !why.isEmpty())
        QFAIL(qPrintable(why));
    QVERIFY2(m_fixture->start(), qPrintable(m_fixture->server().lastLog()));
}

void TestMergeSync::cleanup()
{
    m_fixture.reset();
}

QString TestMergeSync::newTicket(Desk& desk, const QString& subject)
{
    Ticket draft;
    draft.subject = subject;
    draft.needType = NeedType::Repair;
    draft.channel = Channel::Phone;
    auto created = desk.tickets->create(draft, desk.me);
    return created ? created.value().id : QString();
}

QString TestMergeSync::timeline(Desk& desk, const QString& ticketId)
{
    TeamDirectory directory(*desk.db);
    TimelineModel model(directory);
    model.setTicketNames([&desk](const QString& id) {
        const std::optional<Ticket> ticket = desk.tickets->find(id);
        return ticket ? ticket->number : QString();
    });
    model.setEntries(desk.tickets->comments(ticketId), desk.tickets->events(ticketId));
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row)
        lines.append(model.index(row).data().toString());
    return lines.join(QLatin1Char('\n'));
}

void TestMergeSync::aMergeMovesTheConversationToEveryDesk()
{
    Desk li(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    Desk boss(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    li.start();
    boss.start();
    QVERIFY(li.idle());
    QVERIFY(boss.idle());
    const QString source = newTicket(li, QStringLiteral("热水器不出热水"));
    const QString target = newTicket(li, QStringLiteral("热水器坏了（同一客户）"));
    QVERIFY(!source.isEmpty() && !target.isEmpty());
    QVERIFY(li.tickets->addComment(source, CommentVisibility::Public, QStringLiteral("您好，已登记"), {}, li.me));
    QVERIFY(li.tickets->addComment(source, CommentVisibility::Internal, QStringLiteral("客户上周报过"), {}, li.me));
    QVERIFY(li.tickets->addComment(target, CommentVisibility::Public, QStringLiteral("师傅明天到"), {}, li.me));
    li.engine->changesQueued();
    QVERIFY(li.idle());
    QVERIFY(QTest::qWaitFor([&] { return li.outbox() == 0; }, 10000));
    const QString sourceNumber = li.tickets->find(source)->number;

    // Offline, li.na merges: the target takes the conversation on her desk at once.
    li.engine->stop();
    TransitionRequest merge;
    merge.action = TicketAction::Merge;
    merge.mergeTarget = target;
    auto merged = li.tickets->transition(source, merge, li.me);
    QVERIFY2(merged, merged ? "" : qPrintable(merged.error().message));
    QCOMPARE(li.tickets->find(target)->mergedFrom, QStringList {source});
    const auto moved = [](Desk& desk, const QString& ticketId) {
        QList<Comment> found;
        for (const Comment& c : desk.tickets->comments(ticketId)) {
            if (!c.originTicketId.isEmpty())
                found.append(c);
        }
        return found;
    };
    QCOMPARE(moved(li, target).size(), 2);
    QCOMPARE(li.tickets->comments(target).size(), 3);

    // Pushed: the server holds the same, and her desk keeps one copy of each.
    li.start();
    QVERIFY(li.idle());
    QVERIFY(QTest::qWaitFor([&] { return li.outbox() == 0; }, 10000));
    li.engine->syncNow();
    QVERIFY(li.idle());
    QCOMPARE(li.tickets->comments(target).size(), 3);
    HttpClient rest(m_fixture->baseUrl());
    rest.setToken(boss.token);
    const HttpResult onServer = rest.get(QStringLiteral("/api/v1/tickets/%1/comments").arg(target));
    QCOMPARE(onServer.status, 200);
    const QJsonArray serverComments = onServer.body.value(QStringLiteral("comments")).toArray();
    QCOMPARE(serverComments.size(), 3);
    int withOrigin = 0;
    for (const QJsonValue& value : serverComments) {
        const QJsonObject c = value.toObject();
        if (c.value(QStringLiteral("origin_ticket_id")).toString() == source) {
            ++withOrigin;
            QCOMPARE(c.value(QStringLiteral("origin_number")).toString(), sourceNumber);
            QCOMPARE(c.value(QStringLiteral("author_id")).toString(), li.userId);
        }
    }
    QCOMPARE(withOrigin, 2);
    const HttpResult targetOnServer = rest.get(QStringLiteral("/api/v1/tickets/") + target);
    QCOMPARE(targetOnServer.body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("merged_from")),
        QJsonValue(QJsonArray {source}));

    // The boss's desk: the target's conversation with its origins, both relations.
    boss.engine->syncNow();
    QVERIFY(QTest::qWaitFor([&] { return moved(boss, target).size() == 2; }, 10000));
    QVERIFY(boss.idle());
    QCOMPARE(boss.tickets->comments(target).size(), 3);
    for (const Comment& c : moved(boss, target)) {
        QCOMPARE(c.originTicketId, source);
        QCOMPARE(c.authorId, li.userId);
    }
    QCOMPARE(boss.tickets->find(target)->mergedFrom, QStringList {source});
    QCOMPARE(boss.tickets->find(source)->mergedInto, target);
    QCOMPARE(boss.tickets->find(source)->status, TicketStatus::Merged);
    const QString text = timeline(boss, target);
    QVERIFY2(text.contains(QStringLiteral("reply to customer · from ") + sourceNumber), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("internal note · from ") + sourceNumber), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("客户上周报过")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("李娜 merged ticket %1 into this one").arg(sourceNumber)), qPrintable(text));
    QVERIFY2(timeline(boss, source).contains(QStringLiteral("李娜 merged this ticket into ")), "source log");

    // Merging again is refused (it is merged already): nothing moves twice.
    const HttpResult again = rest.post(QStringLiteral("/api/v1/tickets/%1/transitions").arg(source),
        {{QStringLiteral("action"), QStringLiteral("merge")}, {QStringLiteral("merge_target"), target}});
    QCOMPARE(again.status, 400);
    QCOMPARE(rest.get(QStringLiteral("/api/v1/tickets/%1/comments").arg(target))
                 .body.value(QStringLiteral("comments"))
                 .toArray()
                 .size(),
        3);

    // A new desk's first sync brings the merged conversation and the relations.
    Desk fresh(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    fresh.start();
    QVERIFY(fresh.idle(30000));
    QCOMPARE(moved(fresh, target).size(), 2);
    QCOMPARE(fresh.tickets->find(target)->mergedFrom, QStringList {source});
    QVERIFY(timeline(fresh, target).contains(QStringLiteral("from ") + sourceNumber));
}

void TestMergeSync::linksAreShownOnBothTicketsOnEveryDesk()
{
    Desk li(m_fixture->baseUrl(), QStringLiteral("li.na"), QStringLiteral("agent-password"));
    Desk boss(m_fixture->baseUrl(), QStringLiteral("boss"), QStringLiteral("boss-password"));
    li.start();
    boss.start();
    QVERIFY(li.idle());
    QVERIFY(boss.idle());
    const QString a = newTicket(li, QStringLiteral("电视黑屏"));
    const QString b = newTicket(li, QStringLiteral("电视遥控失灵"));
    li.engine->changesQueued();
    QVERIFY(li.idle());
    QVERIFY(QTest::qWaitFor([&] { return li.outbox() == 0; }, 10000));

    // Linked offline on li.na's desk: both tickets show it there, then on the boss's desk.
    li.engine->stop();
    QVERIFY(li.tickets->link(a, b, true, li.me));
    QCOMPARE(li.tickets->find(a)->links, QStringList {b});
    QCOMPARE(li.tickets->find(b)->links, QStringList {a});
    li.start();
    QVERIFY(li.idle());
    QVERIFY(QTest::qWaitFor([&] { return li.outbox() == 0; }, 10000));
    boss.engine->syncNow();
    QVERIFY(QTest::qWaitFor(
        [&] {
            return boss.tickets->find(a)->links == QStringList {b} && boss.tickets->find(b)->links == QStringList {a};
        },
        10000));
    const QString numberB = boss.tickets->find(b)->number;
    QVERIFY2(timeline(boss, a).contains(QStringLiteral("李娜 linked ticket %1 as related").arg(numberB)),
        qPrintable(timeline(boss, a)));

    // Unlinked on li.na's desk: gone from both, everywhere.
    QVERIFY(li.tickets->link(b, a, false, li.me));
    QVERIFY(li.tickets->find(a)->links.isEmpty());
    li.engine->changesQueued();
    QVERIFY(QTest::qWaitFor([&] { return li.outbox() == 0; }, 10000));
    boss.engine->syncNow();
    QVERIFY(QTest::qWaitFor(
        [&] { return boss.tickets->find(a)->links.isEmpty() && boss.tickets->find(b)->links.isEmpty(); }, 10000));

    // Over REST: linked by number, refused when it cannot be, unlinked; li.na's desk follows.
    HttpClient rest(m_fixture->baseUrl());
    rest.setToken(boss.token);
    const HttpResult linked
        = rest.post(QStringLiteral("/api/v1/tickets/%1/links").arg(a), {{QStringLiteral("target_id"), numberB}});
    QVERIFY2(linked.status == 200, linked.raw.constData());
    QCOMPARE(linked.body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("links")),
        QJsonValue(QJsonArray {b}));
    QCOMPARE(rest.get(QStringLiteral("/api/v1/tickets/") + b)
                 .body.value(QStringLiteral("ticket"))
                 .toObject()
                 .value(QStringLiteral("links")),
        QJsonValue(QJsonArray {a}));
    const HttpResult itself
        = rest.post(QStringLiteral("/api/v1/tickets/%1/links").arg(a), {{QStringLiteral("target_id"), a}});
    QCOMPARE(itself.code(), QStringLiteral("ticket.link_target"));
    const HttpResult unknownKey = rest.post(QStringLiteral("/api/v1/tickets/%1/links").arg(a),
        {{QStringLiteral("target"), b}}); // a misspelt key is refused, never ignored
    QCOMPARE(unknownKey.status, 400);
    li.engine->syncNow();
    QVERIFY(QTest::qWaitFor(
        [&] { return li.tickets->find(a)->links == QStringList {b} && li.tickets->find(b)->links == QStringList {a}; },
        10000));
    const HttpResult unlinked = rest.del(QStringLiteral("/api/v1/tickets/%1/links/%2").arg(a, b));
    QVERIFY2(unlinked.status == 200, unlinked.raw.constData());
    QVERIFY(
        unlinked.body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("links")).toArray().isEmpty());
    li.engine->syncNow();
    QVERIFY(QTest::qWaitFor(
        [&] { return li.tickets->find(a)->links.isEmpty() && li.tickets->find(b)->links.isEmpty(); }, 10000));
    // Out of sight is no ticket: zhang (field-ops) may not link li.na's service tickets.
    HttpClient zhang(m_fixture->baseUrl());
    zhang.setToken(signIn(m_fixture->baseUrl(), QStringLiteral("zhang"), QStringLiteral("zhang-password")));
    QCOMPARE(
        zhang.post(QStringLiteral("/api/v1/tickets/%1/links").arg(a), {{QStringLiteral("target_id"), b}}).status, 404);
}

QTEST_GUILESS_MAIN(TestMergeSync)
#include "tst_mergesync.moc"
