// The sync protocol against a real gongdan-server on both backends: numbers assigned on first push,
// exactly-once under duplicated and reordered pushes, pulls filtered by scope with scope removal,
// the state machine re-checked at the server, concurrent field edits recorded as conflicts, and bad
// pushes refused whole.
#include "domain/JsonCodec.h"
#include "domain/TicketTransition.h"
#include "tests/support/PokeListener.h"
#include "tests/support/SyncDevice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>
#include <QWebSocket>
#include <memory>

using namespace gongdan;
using namespace gongdan::test;

namespace {

QJsonObject transitionArgs(TicketAction action, const QString& resolution = {},
    CustomerAnswer answer = CustomerAnswer::None, const QString& group = {})
{
    TransitionRequest request;
    request.action = action;
    request.resolution = resolution;
    request.answer = answer;
    request.targetGroup = group;
    request.note = group.isEmpty() ? QString() : QStringLiteral("转外勤");
    return transitionToJson(request);
}

QJsonObject result(const HttpResult& push, int index = 0)
{
    return push.body.value(QStringLiteral("results")).toArray().at(index).toObject();
}

QStringList summary(const QJsonArray& changes)
{
    QStringList out;
    for (const QJsonValue& value : changes) {
        const QJsonObject change = value.toObject();
        if (change.value(QStringLiteral("entity")).toString() == QLatin1String("event"))
            continue; // each change's event log rows (tst_eventsync)
        out.append(change.value(QStringLiteral("entity")).toString() + QLatin1Char(':')
            + change.value(QStringLiteral("op")).toString());
    }
    return out;
}

} // namespace

class TestSyncProtocol : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void firstPushNumbersTheTicket_data() { addBackendRows(); }
    void firstPushNumbersTheTicket();
    void duplicatedAndReorderedPushesApplyOnce_data() { addBackendRows(); }
    void duplicatedAndReorderedPushesApplyOnce();
    void pullsFollowScope_data() { addBackendRows(); }
    void pullsFollowScope();
    void snapshotsFollowScopeAndParts_data() { addBackendRows(); }
    void snapshotsFollowScopeAndParts();
    void concurrentEditsAreKeptAsConflicts_data() { addBackendRows(); }
    void concurrentEditsAreKeptAsConflicts();
    void pokesReachThoseWhoMaySee_data() { addBackendRows(); }
    void pokesReachThoseWhoMaySee();
    void badPushesChangeNothing_data() { addBackendRows(); }
    void badPushesChangeNothing();

private:
    std::unique_ptr<SyncDevice> device(const QString& login, const QString& password);

    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<ServerProcess> m_server;
};

void TestSyncProtocol::init()
{
    QFETCH(QString, backend);
    m_team = seededTeam(backend);
    if (!m_team->available())
        QFAIL(qPrintable(m_team->why()));
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(m_team->location()), qPrintable(m_server->lastLog()));
}

void TestSyncProtocol::cleanup()
{
    if (m_server) {
        m_server->terminate();
        if (QTest::currentTestFailed()) { // what the server said beyond the request lines
            for (const QString& line : m_server->lastLog().split(QLatin1Char('\n'))) {
                if (!line.contains(QLatin1String("\"level\":\"info\"")) && !line.isEmpty())
                    qWarning().noquote() << line;
            }
        }
    }
    m_server.reset();
    m_team.reset();
}

std::unique_ptr<SyncDevice> TestSyncProtocol::device(const QString& login, const QString& password)
{
    HttpClient http(m_server->baseUrl());
    const HttpResult signedIn = http.post(
        QStringLiteral("/api/v1/session"), {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}});
    if (signedIn.status != 201)
        qFatal("sign-in failed: %s", signedIn.raw.constData());
    return std::make_unique<SyncDevice>(m_server->baseUrl(), signedIn.body.value(QStringLiteral("token")).toString());
}

void TestSyncProtocol::firstPushNumbersTheTicket()
{
    auto li = device(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const HttpResult registered
        = li->http.post(QStringLiteral("/v1/sync/register"), {{QStringLiteral("client_id"), li->clientId}});
    QCOMPARE(registered.status, 200);
    const QString deviceCode = registered.body.value(QStringLiteral("device_code")).toString();
    QCOMPARE(deviceCode.size(), 3);

    const Ticket first
        = newTicket(QStringLiteral("宽带断线"), QStringLiteral("service"), deviceCode + QStringLiteral("-0001"));
    const Ticket second
        = newTicket(QStringLiteral("发票重开"), QStringLiteral("service"), deviceCode + QStringLiteral("-0002"));
    const HttpResult pushed = li->push({li->mutation(QStringLiteral("ticket.create"), first.id, createArgs(first)),
        li->mutation(QStringLiteral("ticket.create"), second.id, createArgs(second))});
    QCOMPARE(pushed.status, 200);
    const QString today = QDate::currentDate().toString(QStringLiteral("yyyyMMdd"));
    QCOMPARE(result(pushed, 0).value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(result(pushed, 0).value(QStringLiteral("number")).toString(),
        QString(QStringLiteral("G") + today + QStringLiteral("001")));
    QCOMPARE(result(pushed, 1).value(QStringLiteral("number")).toString(),
        QString(QStringLiteral("G") + today + QStringLiteral("002")));
    QCOMPARE(result(pushed, 0).value(QStringLiteral("provisional")).toString(), first.number);
    QCOMPARE(pushed.body.value(QStringLiteral("last_seq_applied")).toInteger(), 2);

    // Another agent's device pulls both, with the final number and the provisional reference kept.
    auto boss = device(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const QJsonArray changes = boss->pullAll();
    QCOMPARE(summary(changes), QStringList({QStringLiteral("ticket:upsert"), QStringLiteral("ticket:upsert")}));
    const QJsonObject data = changes.at(0).toObject().value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("number")).toString(),
        QString(QStringLiteral("G") + today + QStringLiteral("001")));
    QCOMPARE(data.value(QStringLiteral("aliases")).toArray(), QJsonArray {first.number});
    QCOMPARE(changes.at(0).toObject().value(QStringLiteral("server_seq")).toInteger() + 1,
        changes.at(1).toObject().value(QStringLiteral("server_seq")).toInteger());
    // Users and groups reach every device too, without their password hashes.
    SyncDevice zhangDevice(
        m_server->baseUrl(), signIn(m_server->baseUrl(), QStringLiteral("zhang"), QStringLiteral("zhang-password")));
    const QJsonArray team = zhangDevice.pullAll(100, true);
    QStringList logins;
    for (const QJsonValue& value : team) {
        const QJsonObject change = value.toObject();
        if (change.value(QStringLiteral("entity")).toString() == QLatin1String("user"))
            logins.append(change.value(QStringLiteral("data")).toObject().value(QStringLiteral("login")).toString());
        QVERIFY(!QJsonDocument(change).toJson().contains("argon2"));
    }
    QCOMPARE(logins,
        QStringList(
            {QStringLiteral("boss"), QStringLiteral("li.na"), QStringLiteral("zhang"), QStringLiteral("wang")}));
    // Nothing new: an empty page, the cursor stays.
    const qint64 cursor = boss->cursor;
    QVERIFY(boss->pullAll().isEmpty());
    QCOMPARE(boss->cursor, cursor);
}

void TestSyncProtocol::duplicatedAndReorderedPushesApplyOnce()
{
    auto li = device(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const Ticket ticket = newTicket(QStringLiteral("停电报修"), QStringLiteral("service"), QStringLiteral("AAA-0001"));
    const QJsonArray batch {li->mutation(QStringLiteral("ticket.create"), ticket.id, createArgs(ticket)),
        li->mutation(QStringLiteral("comment.add"), ticket.id, commentArgs(ticket.id, QStringLiteral("已联系客户")))};
    const HttpResult first = li->push(batch);
    QCOMPARE(first.status, 200);
    const HttpResult again = li->push(batch); // the answer was lost; the device sends the same batch
    QCOMPARE(again.status, 200);
    for (int i = 0; i < 2; ++i) {
        QJsonObject replayed = result(again, i);
        QVERIFY(replayed.take(QStringLiteral("duplicate")).toBool());
        QCOMPARE(replayed, result(first, i)); // the same answer as the first time
    }

    // seq 4 before seq 3: refused, nothing applied.
    const QJsonObject third
        = li->mutation(QStringLiteral("comment.add"), ticket.id, commentArgs(ticket.id, QStringLiteral("第三条")));
    const QJsonObject fourth
        = li->mutation(QStringLiteral("comment.add"), ticket.id, commentArgs(ticket.id, QStringLiteral("第四条")));
    const HttpResult gap = li->push({fourth});
    QCOMPARE(gap.status, 409);
    QCOMPARE(gap.body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("sync.out_of_order"));
    QCOMPARE(gap.body.value(QStringLiteral("error")).toObject().value(QStringLiteral("expected_seq")).toInteger(), 3);
    QCOMPARE(gap.body.value(QStringLiteral("last_seq_applied")).toInteger(), 2);
    const HttpResult inOrder = li->push({third, fourth});
    QCOMPARE(inOrder.status, 200);
    QCOMPARE(inOrder.body.value(QStringLiteral("last_seq_applied")).toInteger(), 4);
    QCOMPARE(li->push({third})
                 .body.value(QStringLiteral("results"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("duplicate"))
                 .toBool(),
        true);

    // The server has exactly one ticket and three comments, in push order.
    auto boss = device(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const QJsonArray changes = boss->pullAll();
    QStringList comments;
    for (const QJsonValue& change : changes) {
        if (change.toObject().value(QStringLiteral("entity")).toString() == QLatin1String("comment"))
            comments.append(
                change.toObject().value(QStringLiteral("data")).toObject().value(QStringLiteral("body")).toString());
    }
    QCOMPARE(comments, QStringList({QStringLiteral("已联系客户"), QStringLiteral("第三条"), QStringLiteral("第四条")}));
    QCOMPARE(summary(changes).count(QStringLiteral("ticket:upsert")), 2); // created, then first response
}

void TestSyncProtocol::pullsFollowScope()
{
    auto li = device(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto zhang = device(QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    auto wang = device(QStringLiteral("wang"), QStringLiteral("field-password"));
    const Ticket ticket = newTicket(QStringLiteral("上门安装"), QStringLiteral("service"), {});
    QCOMPARE(li->push({li->mutation(QStringLiteral("ticket.create"), ticket.id, createArgs(ticket)),
                          li->mutation(QStringLiteral("comment.add"), ticket.id,
                              commentArgs(ticket.id, QStringLiteral("客户周六在家")))})
                 .status,
        200);
    QCOMPARE(summary(li->pullAll()).size(), 3);
    QVERIFY(zhang->pullAll().isEmpty()); // another group's ticket
    QVERIFY(wang->pullAll().isEmpty());
    // zhang may not touch it either.
    const HttpResult refused = zhang->push({zhang->mutation(QStringLiteral("ticket.patch"), ticket.id,
        {{QStringLiteral("patch"), QJsonObject {{QStringLiteral("subject"), QStringLiteral("x")}}}})});
    QCOMPARE(result(refused).value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(result(refused).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("ticket.not_found"));

    // Transferred to field-ops: it enters zhang's scope, comments and all. li.na created it, so she keeps
    // seeing it (domain/Access.h): her devices get the move and the ticket again.
    const HttpResult moved = li->push({li->mutation(QStringLiteral("ticket.transition"), ticket.id,
        transitionArgs(TicketAction::Transfer, {}, CustomerAnswer::None, QStringLiteral("field-ops")))});
    QCOMPARE(result(moved).value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    // The transfer's note is an internal note on the ticket, for the receiving group to read.
    QCOMPARE(summary(li->pullAll()),
        QStringList({QStringLiteral("ticket:scope_remove"), QStringLiteral("ticket:upsert"),
            QStringLiteral("comment:upsert"), QStringLiteral("comment:upsert")}));
    QCOMPARE(summary(zhang->pullAll()),
        QStringList(
            {QStringLiteral("ticket:upsert"), QStringLiteral("comment:upsert"), QStringLiteral("comment:upsert")}));
    QVERIFY(wang->pullAll().isEmpty()); // field staff: only when assigned to them

    // One someone else created leaves her scope with the transfer: only the removal reaches her, saying
    // where it went and who moved it.
    auto boss = device(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const Ticket other = newTicket(QStringLiteral("别人建的"), QStringLiteral("service"), {});
    QCOMPARE(boss->push({boss->mutation(QStringLiteral("ticket.create"), other.id, createArgs(other))}).status, 200);
    const QJsonArray seen = li->pullAll();
    QCOMPARE(summary(seen), QStringList {QStringLiteral("ticket:upsert")});
    const QString bossId = seen.first()
                               .toObject()
                               .value(QStringLiteral("data"))
                               .toObject()
                               .value(QStringLiteral("ticket"))
                               .toObject()
                               .value(QStringLiteral("created_by"))
                               .toString();
    QVERIFY(!bossId.isEmpty());
    QCOMPARE(
        result(boss->push({boss->mutation(QStringLiteral("ticket.transition"), other.id,
                   transitionArgs(TicketAction::Transfer, {}, CustomerAnswer::None, QStringLiteral("field-ops")))}))
            .value(QStringLiteral("status"))
            .toString(),
        QStringLiteral("applied"));
    const QJsonArray gone = li->pullAll();
    QCOMPARE(summary(gone), QStringList {QStringLiteral("ticket:scope_remove")});
    const QJsonObject where = gone.first().toObject().value(QStringLiteral("data")).toObject();
    QCOMPARE(where.value(QStringLiteral("group_id")).toString(), QStringLiteral("field-ops"));
    QCOMPARE(where.value(QStringLiteral("by")).toString(), bossId);

    // zhang assigns it to wang, who now gets it; li.na's edits are refused.
    QString wangId;
    {
        HttpClient admin(m_server->baseUrl());
        const HttpResult signedIn = admin.post(QStringLiteral("/api/v1/session"),
            {{QStringLiteral("login"), QStringLiteral("wang")},
                {QStringLiteral("password"), QStringLiteral("field-password")}});
        wangId = signedIn.body.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
    }
    QCOMPARE(result(zhang->push({zhang->mutation(QStringLiteral("ticket.patch"), ticket.id,
                        {{QStringLiteral("patch"), QJsonObject {{QStringLiteral("assignee_id"), wangId}}}})}))
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    const QStringList wangSees = summary(wang->pullAll());
    QCOMPARE(wangSees.first(), QStringLiteral("ticket:upsert"));
    QVERIFY(wangSees.contains(QStringLiteral("comment:upsert")));
    // Where she no longer sees a ticket (the boss's, transferred away), her edits are refused.
    const HttpResult late = li->push(
        {li->mutation(QStringLiteral("comment.add"), other.id, commentArgs(other.id, QStringLiteral("还在吗")))});
    QCOMPARE(result(late).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("ticket.not_found"));
}

void TestSyncProtocol::snapshotsFollowScopeAndParts()
{
    auto li = device(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto zhang = device(QStringLiteral("zhang"), QStringLiteral("zhang-password"));
    auto wang = device(QStringLiteral("wang"), QStringLiteral("field-password"));
    auto boss = device(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const QString liId = li->http.get(QStringLiteral("/api/v1/me")).body.value(QStringLiteral("id")).toString();
    QVERIFY(!liId.isEmpty());
    Ticket hers = newTicket(QStringLiteral("她的工单"), QStringLiteral("service"), QStringLiteral("K7Q-0001"));
    hers.assigneeId = liId;
    const Ticket groups = newTicket(QStringLiteral("组里的工单"), QStringLiteral("service"), {});
    const Ticket other = newTicket(QStringLiteral("外勤的工单"), QStringLiteral("field-ops"), {});
    QCOMPARE(li->push({li->mutation(QStringLiteral("ticket.create"), hers.id, createArgs(hers)),
                          li->mutation(QStringLiteral("ticket.create"), groups.id, createArgs(groups)),
                          li->mutation(QStringLiteral("comment.add"), groups.id,
                              commentArgs(groups.id, QStringLiteral("已回电")))})
                 .status,
        200);
    QCOMPARE(zhang->push({zhang->mutation(QStringLiteral("ticket.create"), other.id, createArgs(other))}).status, 200);

    const auto snapshot = [](SyncDevice& device, const QString& part, const QString& extra = {}) {
        return device.http.get(QStringLiteral("/v1/sync/snapshot?part=%1%2").arg(part, extra));
    };
    const auto ids = [](const HttpResult& page) {
        QStringList out;
        for (const QJsonValue& t : page.body.value(QStringLiteral("tickets")).toArray())
            out.append(t[QStringLiteral("id")].toString());
        return out;
    };
    // Her own ticket alone, then the rest of her group's; with aliases and comments, current state.
    const HttpResult mine = snapshot(*li, QStringLiteral("mine"));
    QCOMPARE(mine.status, 200);
    QCOMPARE(ids(mine), QStringList {hers.id});
    QCOMPARE(mine.body.value(QStringLiteral("total")).toInteger(), 1);
    const QJsonObject first = mine.body.value(QStringLiteral("tickets")).toArray().at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("aliases")).toArray(), QJsonArray {QStringLiteral("K7Q-0001")});
    QVERIFY(isFinalNumber(first.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("number")).toString()));
    QVERIFY(
        first.value(QStringLiteral("server_seq")).toInteger() <= mine.body.value(QStringLiteral("cursor")).toInteger());
    const HttpResult rest = snapshot(*li, QStringLiteral("rest"));
    QCOMPARE(ids(rest), QStringList {groups.id});
    const QJsonArray comments
        = rest.body.value(QStringLiteral("tickets")).toArray().at(0)[QStringLiteral("comments")].toArray();
    QCOMPARE(comments.size(), 1);
    QCOMPARE(comments.at(0)[QStringLiteral("body")].toString(), QStringLiteral("已回电"));
    QVERIFY(rest.header("Link").isEmpty()); // its last page
    // The workstation's order: the tickets without their comments, then the comments alone.
    const auto onlyEntry = [&](const QString& which) {
        const HttpResult page = snapshot(*li, QStringLiteral("rest"), QStringLiteral("&comments=") + which);
        const QJsonArray entries = page.body.value(QStringLiteral("tickets")).toArray();
        return entries.size() == 1 ? entries.at(0).toObject() : QJsonObject();
    };
    const QJsonObject bare = onlyEntry(QStringLiteral("none"));
    QCOMPARE(bare.value(QStringLiteral("id")).toString(), groups.id);
    QVERIFY(bare.contains(QStringLiteral("ticket")) && bare.contains(QStringLiteral("aliases")));
    QVERIFY(!bare.contains(QStringLiteral("comments")));
    const QJsonObject talk = onlyEntry(QStringLiteral("only"));
    QCOMPARE(talk.value(QStringLiteral("id")).toString(), groups.id);
    QVERIFY(!talk.contains(QStringLiteral("ticket")) && !talk.contains(QStringLiteral("aliases")));
    QCOMPARE(talk.value(QStringLiteral("comments")).toArray(), comments);
    // Others see only their scope; field staff nothing that is not assigned to them.
    QCOMPARE(ids(snapshot(*zhang, QStringLiteral("rest"))), QStringList {other.id});
    QVERIFY(ids(snapshot(*wang, QStringLiteral("mine"))).isEmpty());
    QVERIFY(ids(snapshot(*wang, QStringLiteral("rest"))).isEmpty());
    // Pages in id order: the boss sees all three, one at a time.
    QStringList all {hers.id, groups.id, other.id};
    all.sort();
    QStringList paged;
    QString after;
    QString linked; // and the same pages by their Link headers
    for (int page = 0; page < 4; ++page) {
        const HttpResult got = snapshot(*boss, QStringLiteral("rest"), QStringLiteral("&limit=1&after=") + after);
        paged += ids(got);
        if (!linked.isEmpty())
            QCOMPARE(boss->http.get(linked).raw, got.raw);
        after = got.body.value(QStringLiteral("next_after")).toString();
        const QByteArray link = got.header("Link");
        if (!got.body.value(QStringLiteral("has_more")).toBool())
            break;
        QVERIFY2(link.startsWith('<') && link.endsWith(">; rel=\"next\""), link.constData());
        linked = QString::fromUtf8(link.mid(1, link.indexOf('>') - 1));
        QVERIFY(linked.startsWith(QLatin1String("/v1/sync/snapshot?")));
    }
    QCOMPARE(paged, all);
    // Refusals.
    QCOMPARE(snapshot(*li, QStringLiteral("everything")).code(), QStringLiteral("request.wrong_type"));
    QCOMPARE(snapshot(*li, QStringLiteral("rest"), QStringLiteral("&limit=0")).status, 400);
    const HttpResult badComments = snapshot(*li, QStringLiteral("rest"), QStringLiteral("&comments=some"));
    QCOMPARE(badComments.code(), QStringLiteral("request.wrong_type"));
    QCOMPARE(badComments.body.value(QStringLiteral("field")).toString(), QStringLiteral("comments"));
    QCOMPARE(snapshot(*li, QStringLiteral("rest"), QStringLiteral("&epoch=another")).code(),
        QStringLiteral("sync.resync_required"));
    HttpClient anonymous(m_server->baseUrl());
    QCOMPARE(anonymous.get(QStringLiteral("/v1/sync/snapshot?part=rest")).status, 401);
}

void TestSyncProtocol::concurrentEditsAreKeptAsConflicts()
{
    auto li = device(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    auto boss = device(QStringLiteral("boss"), QStringLiteral("boss-password"));
    const Ticket ticket = newTicket(QStringLiteral("原标题"), QStringLiteral("service"), {});
    li->push({li->mutation(QStringLiteral("ticket.create"), ticket.id, createArgs(ticket))});
    boss->pullAll();
    li->pullAll();

    // Both edited the subject offline from the same value; li.na's push reaches the server first.
    const QJsonObject base {{QStringLiteral("subject"), QStringLiteral("原标题")}};
    const HttpResult first = li->push({li->mutation(QStringLiteral("ticket.patch"), ticket.id,
        {{QStringLiteral("patch"), QJsonObject {{QStringLiteral("subject"), QStringLiteral("李娜的标题")}}},
            {QStringLiteral("base"), base}})});
    QVERIFY(!result(first).contains(QStringLiteral("conflicts")));
    const HttpResult second = boss->push({boss->mutation(QStringLiteral("ticket.patch"), ticket.id,
        {{QStringLiteral("patch"),
             QJsonObject {{QStringLiteral("subject"), QStringLiteral("经理的标题")},
                 {QStringLiteral("priority"), QStringLiteral("normal")}}},
            {QStringLiteral("base"),
                QJsonObject {{QStringLiteral("subject"), QStringLiteral("原标题")},
                    {QStringLiteral("priority"), QStringLiteral("urgent")}}}})});
    const QJsonArray conflicts = result(second).value(QStringLiteral("conflicts")).toArray();
    QCOMPARE(conflicts.size(), 1); // priority did not change concurrently
    QCOMPARE(conflicts.at(0).toObject().value(QStringLiteral("field")).toString(), QStringLiteral("subject"));
    QCOMPARE(conflicts.at(0).toObject().value(QStringLiteral("kept")).toString(), QStringLiteral("经理的标题"));
    QCOMPARE(conflicts.at(0).toObject().value(QStringLiteral("lost")).toString(), QStringLiteral("李娜的标题"));

    // Both sides pull the winning value and the conflict with the losing value.
    for (SyncDevice* d : {li.get(), boss.get()}) {
        const QJsonArray changes = d->pullAll();
        QString subject;
        QString lost;
        for (const QJsonValue& value : changes) {
            const QJsonObject change = value.toObject();
            if (change.value(QStringLiteral("entity")).toString() == QLatin1String("ticket"))
                subject = change.value(QStringLiteral("data"))
                              .toObject()
                              .value(QStringLiteral("ticket"))
                              .toObject()
                              .value(QStringLiteral("subject"))
                              .toString();
            if (change.value(QStringLiteral("entity")).toString() == QLatin1String("conflict"))
                lost = change.value(QStringLiteral("data")).toObject().value(QStringLiteral("lost")).toString();
        }
        QCOMPARE(subject, QStringLiteral("经理的标题"));
        QCOMPARE(lost, QStringLiteral("李娜的标题"));
    }

    // The state machine is re-checked at the server: li.na accepts and closes; the boss's offline
    // "accept" of the ticket he still sees as new is refused with the reason, and it stays closed.
    const HttpResult closed
        = li->push({li->mutation(QStringLiteral("ticket.transition"), ticket.id, transitionArgs(TicketAction::Accept)),
            li->mutation(QStringLiteral("ticket.transition"), ticket.id,
                transitionArgs(TicketAction::Close, QStringLiteral("已恢复"), CustomerAnswer::Satisfied))});
    QCOMPARE(result(closed, 1).value(QStringLiteral("ticket_status")).toString(), QStringLiteral("closed"));
    const HttpResult accept = boss->push(
        {boss->mutation(QStringLiteral("ticket.transition"), ticket.id, transitionArgs(TicketAction::Accept))});
    QCOMPARE(result(accept).value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QVERIFY(result(accept)
                .value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("code"))
                .toString()
                .startsWith(QLatin1String("transition.")));
    const HttpResult edit = boss->push({boss->mutation(QStringLiteral("ticket.patch"), ticket.id,
        {{QStringLiteral("patch"), QJsonObject {{QStringLiteral("subject"), QStringLiteral("再改")}}}})});
    QCOMPARE(result(edit).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("ticket.closed"));
}

void TestSyncProtocol::pokesReachThoseWhoMaySee()
{
    const QString url = m_server->baseUrl();
    PokeListener liDesk(m_server->port(), signIn(url, QStringLiteral("li.na"), QStringLiteral("agent-password")));
    PokeListener zhangDesk(m_server->port(), signIn(url, QStringLiteral("zhang"), QStringLiteral("zhang-password")));
    PokeListener intruder(m_server->port(), QStringLiteral("not-a-token"));
    QVERIFY(liDesk.ready());
    QVERIFY(zhangDesk.ready());
    QVERIFY(QTest::qWaitFor([&] { return intruder.socket.state() == QAbstractSocket::UnconnectedState; }, 10000));
    QVERIFY(intruder.messages.join(QString()).contains(QLatin1String("auth.token_invalid")));

    // li.na's other device pushes a ticket for her group: her desk is poked with the new seq, zhang's is not.
    auto laptop = device(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const Ticket ticket = newTicket(QStringLiteral("网络慢"), QStringLiteral("service"), {});
    const HttpResult pushed
        = laptop->push({laptop->mutation(QStringLiteral("ticket.create"), ticket.id, createArgs(ticket))});
    const qint64 seq = result(pushed).value(QStringLiteral("server_seq")).toInteger();
    QVERIFY(QTest::qWaitFor([&] { return liDesk.messages.contains(QStringLiteral("{\"poke\":%1}").arg(seq)); }, 5000));
    QTest::qWait(200);
    QCOMPARE(zhangDesk.messages, QStringList {QStringLiteral("{\"ready\":true}")});
    // The same path as plain HTTP gets an answer, not a hang.
    HttpClient plain(url);
    QCOMPARE(plain.get(QStringLiteral("/v1/sync/ws")).code(), QStringLiteral("request.websocket"));
}

void TestSyncProtocol::badPushesChangeNothing()
{
    auto li = device(QStringLiteral("li.na"), QStringLiteral("agent-password"));
    const Ticket ticket = newTicket(QStringLiteral("测试"), QStringLiteral("service"), {});
    const QJsonObject good = li->mutation(QStringLiteral("ticket.create"), ticket.id, createArgs(ticket));
    QJsonObject unknownKey = good;
    unknownKey.insert(QStringLiteral("priority"), 1);
    QJsonObject badSeq = good;
    badSeq.insert(QStringLiteral("seq"), QStringLiteral("one"));
    struct Bad {
        QByteArray body;
        int status;
        QString code;
    };
    auto body = [&](const QJsonValue& mutations, const QString& clientId) {
        return HttpClient::jsonBytes(
            {{QStringLiteral("client_id"), clientId}, {QStringLiteral("mutations"), mutations}});
    };
    const QList<Bad> cases {
        {"{\"client_id\":", 400, QStringLiteral("request.malformed_json")},
        {body(QJsonArray {good}, QStringLiteral("not-a-uuid")), 400, QStringLiteral("sync.bad_client_id")},
        {body(QStringLiteral("all of them"), li->clientId), 400, QStringLiteral("request.wrong_type")},
        {body(QJsonArray {good, unknownKey}, li->clientId), 400, QStringLiteral("request.unknown_field")},
        {body(QJsonArray {badSeq}, li->clientId), 400, QStringLiteral("request.wrong_type")},
        {body(QJsonArray {good, good}, li->clientId), 400, QStringLiteral("sync.seq_order")},
    };
    for (const Bad& bad : cases) {
        const HttpResult answer = li->http.send("POST", QStringLiteral("/v1/sync/push"), bad.body);
        QVERIFY2(answer.status == bad.status, answer.raw.constData());
        QCOMPARE(answer.code(), bad.code);
    }
    HttpClient anonymous(m_server->baseUrl());
    QCOMPARE(
        anonymous.post(QStringLiteral("/v1/sync/push"), {{QStringLiteral("client_id"), li->clientId}}).status, 401);
    QCOMPARE(li->http.get(QStringLiteral("/v1/sync/pull?cursor=abc")).code(), QStringLiteral("request.wrong_type"));
    QCOMPARE(li->http.get(QStringLiteral("/v1/sync/pull?cursor=99")).code(), QStringLiteral("sync.resync_required"));
    QCOMPARE(li->http.get(QStringLiteral("/v1/sync/pull?epoch=another-history")).code(),
        QStringLiteral("sync.resync_required"));
    // Nothing reached the server; the good mutation still goes through as seq 1.
    QVERIFY(li->pullAll().isEmpty());
    QCOMPARE(li->push({good}).body.value(QStringLiteral("last_seq_applied")).toInteger(), 1);
}

QTEST_GUILESS_MAIN(TestSyncProtocol)
#include "tst_syncprotocol.moc"
