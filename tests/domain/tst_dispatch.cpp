// Automatic dispatch's pure rules (workflows.md §9.3): every acceptance row that is one decision — T-DSP-01…04, 06…08,
// 10…12 — plus the queue order, the explanation's words and the settings' JSON. T-DSP-05 and T-DSP-09 (time and a
// server) are in tests/server/tst_dispatchapi.
#include "domain/Dispatch.h"
#include "domain/Ticket.h"

#include <QJsonArray>
#include <QTest>

using namespace gongdan;

namespace {

QDateTime at(const QString& hhmm) // 2026-03-02 hh:mm UTC
{
    return QDateTime(QDate(2026, 3, 2), QTime::fromString(hhmm, QStringLiteral("HH:mm")), Qt::UTC);
}

/// "A 2/5 online [skill=英语:2] [senior] [last=10:00] [rr=10:00]" — one agent.
DispatchAgent agent(const QString& spec)
{
    const QStringList parts = spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    DispatchAgent a;
    a.id = parts.at(0);
    a.name = parts.at(0);
    const QStringList load = parts.at(1).split(QLatin1Char('/'));
    a.load = load.at(0).toInt();
    a.capacity = load.at(1).toInt();
    a.presence = presenceFromKey(parts.at(2)).value();
    a.joinedAt = at(QStringLiteral("08:00"));
    QStringList skills;
    for (const QString& p : parts.mid(3)) {
        if (p.startsWith(QLatin1String("skill=")))
            skills.append(p.mid(6));
        else if (p == QLatin1String("senior"))
            skills.append(p);
        else if (p.startsWith(QLatin1String("last=")))
            a.lastAssignedAt = at(p.mid(5));
        else if (p.startsWith(QLatin1String("rr=")))
            a.lastAssignedInGroupAt = at(p.mid(3));
    }
    DispatchAgent::readSkills(skills, a);
    return a;
}

QList<DispatchAgent> agents(const QStringList& specs)
{
    QList<DispatchAgent> list;
    for (const QString& s : specs)
        list.append(agent(s));
    return list;
}

/// "t1 critical [vip] [due=11:00] since=09:00 [cat=c1]" — one queued ticket.
DispatchTicket queued(const QString& spec)
{
    const QStringList parts = spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    DispatchTicket t;
    t.id = parts.at(0);
    t.priority = EnumText<Priority>::fromKey(parts.at(1)).value();
    for (const QString& p : parts.mid(2)) {
        if (p == QLatin1String("vip"))
            t.vip = true;
        else if (p.startsWith(QLatin1String("due=")))
            t.slaDueAt = at(p.mid(4));
        else if (p.startsWith(QLatin1String("since=")))
            t.eligibleSince = at(p.mid(6));
        else if (p.startsWith(QLatin1String("cat=")))
            t.categoryId = p.mid(4);
    }
    return t;
}

DispatchSettings settings(DispatchStrategy strategy)
{
    DispatchSettings s;
    s.id = QStringLiteral("g1");
    s.groupId = QStringLiteral("g1");
    s.strategy = strategy;
    s.skillRules.insert(QStringLiteral("english"), {{QStringLiteral("英语"), 1}});
    s.skillFallbackMin = 15;
    s.vipFallbackMin = 10;
    return s;
}

} // namespace

class TestDispatch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void choice_data()
    {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<QStringList>("team");
        QTest::addColumn<QStringList>("queue"); // tickets, planned one after another
        QTest::addColumn<QString>("now");
        QTest::addColumn<QStringList>("expected"); // "ticket>agent" for each ticket that goes out, in order

        const int ll = int(DispatchStrategy::LeastLoaded), pct = int(DispatchStrategy::LeastLoadedPct),
                  rr = int(DispatchStrategy::RoundRobin);
        // The table's team: A 2/5, B 4/5, C 0/5 away, D 1/2.
        const QStringList team {QStringLiteral("A 2/5 online last=09:00"), QStringLiteral("B 4/5 online last=09:00"),
            QStringLiteral("C 0/5 away"), QStringLiteral("D 1/2 online last=09:00")};
        const QStringList one {QStringLiteral("t1 normal since=10:00")};
        QTest::newRow("T-DSP-01 least_loaded: A (spare 3 > D 1 = B 1), C away")
            << ll << team << one << QStringLiteral("10:00") << QStringList {QStringLiteral("t1>A")};
        QTest::newRow("T-DSP-02 least_loaded_pct: A 60 % free over D 50 %")
            << pct << team << one << QStringLiteral("10:00") << QStringList {QStringLiteral("t1>A")};
        QTest::newRow("T-DSP-03 round_robin: B, then D, then A")
            << rr
            << QStringList {QStringLiteral("A 2/5 online rr=10:00 last=10:00"),
                   QStringLiteral("B 4/5 online rr=09:50 last=09:50"), QStringLiteral("C 0/5 away"),
                   QStringLiteral("D 1/2 online rr=09:55 last=09:55")}
            << QStringList {QStringLiteral("t1 normal since=10:01"), QStringLiteral("t2 normal since=10:02"),
                   QStringLiteral("t3 normal since=10:03")}
            << QStringLiteral("10:05")
            << QStringList {QStringLiteral("t1>B"), QStringLiteral("t2>D"), QStringLiteral("t3>A")};
        QTest::newRow("T-DSP-03 round_robin: an agent never assigned starts at joining, not first")
            << rr
            << QStringList {QStringLiteral("A 0/5 online rr=07:00"), QStringLiteral("N 0/5 online")} // N joined 08:00
            << one << QStringLiteral("10:00") << QStringList {QStringLiteral("t1>A")};
        QTest::newRow("T-DSP-04 equal spare 1: D idle longer wins")
            << ll
            << QStringList {QStringLiteral("A 4/5 online last=09:30"), QStringLiteral("B 0/5 offline"),
                   QStringLiteral("D 1/2 online last=08:30")}
            << one << QStringLiteral("10:00") << QStringList {QStringLiteral("t1>D")};
        QTest::newRow("tie on spare and idle: the smaller id")
            << ll << QStringList {QStringLiteral("B 1/5 online last=09:00"), QStringLiteral("A 1/5 online last=09:00")}
            << one << QStringLiteral("10:00") << QStringList {QStringLiteral("t1>A")};
        QTest::newRow("T-DSP-05 (decision) everyone online at cap: waits")
            << ll
            << QStringList {QStringLiteral("A 5/5 online"), QStringLiteral("B 5/5 online"),
                   QStringLiteral("C 0/5 away"), QStringLiteral("D 2/2 online")}
            << one << QStringLiteral("10:00") << QStringList {};
        QTest::newRow("T-DSP-06 A's ticket went to 待客户确认: A at 4/5 has room again")
            << ll
            << QStringList {QStringLiteral("A 4/5 online"), QStringLiteral("B 5/5 online"),
                   QStringLiteral("D 2/2 online")}
            << one << QStringLiteral("10:00") << QStringList {QStringLiteral("t1>A")};
        QTest::newRow("T-DSP-07 skill 英语: B even though A is less loaded")
            << ll << QStringList {QStringLiteral("A 2/5 online"), QStringLiteral("B 4/5 online skill=英语")}
            << QStringList {QStringLiteral("t1 normal since=10:00 cat=english")} << QStringLiteral("10:00")
            << QStringList {QStringLiteral("t1>B")};
        QTest::newRow("T-DSP-07 a higher skill level than required qualifies")
            << ll << QStringList {QStringLiteral("A 2/5 online skill=英语:3")}
            << QStringList {QStringLiteral("t1 normal since=10:00 cat=english")} << QStringLiteral("10:00")
            << QStringList {QStringLiteral("t1>A")};
        QTest::newRow("T-DSP-07 B at cap: waits before skill_fallback_min")
            << ll << QStringList {QStringLiteral("A 2/5 online"), QStringLiteral("B 5/5 online skill=英语")}
            << QStringList {QStringLiteral("t1 normal since=10:00 cat=english")} << QStringLiteral("10:14")
            << QStringList {};
        QTest::newRow("T-DSP-07 B at cap: group-wide after skill_fallback_min")
            << ll << QStringList {QStringLiteral("A 2/5 online"), QStringLiteral("B 5/5 online skill=英语")}
            << QStringList {QStringLiteral("t1 normal since=10:00 cat=english")} << QStringLiteral("10:15")
            << QStringList {QStringLiteral("t1>A")};
        QTest::newRow("T-DSP-08 VIP: senior B even if A is less loaded")
            << ll << QStringList {QStringLiteral("A 0/5 online"), QStringLiteral("B 4/5 online senior")}
            << QStringList {QStringLiteral("t1 normal vip since=10:00")} << QStringLiteral("10:00")
            << QStringList {QStringLiteral("t1>B")};
        QTest::newRow("T-DSP-08 VIP, senior B at cap: waits 9 min")
            << ll
            << QStringList {QStringLiteral("A 2/5 online"), QStringLiteral("B 5/5 online senior"),
                   QStringLiteral("D 1/2 online")}
            << QStringList {QStringLiteral("t1 normal vip since=10:00")} << QStringLiteral("10:09") << QStringList {};
        QTest::newRow("T-DSP-08 VIP, senior B at cap: after 10 min the least-loaded non-senior")
            << ll
            << QStringList {QStringLiteral("A 2/5 online"), QStringLiteral("B 5/5 online senior"),
                   QStringLiteral("D 1/2 online")}
            << QStringList {QStringLiteral("t1 normal vip since=10:00")} << QStringLiteral("10:10")
            << QStringList {QStringLiteral("t1>A")};
        QTest::newRow("T-DSP-10 one slot: the oldest 特急 first")
            << ll << QStringList {QStringLiteral("A 4/5 online")}
            << QStringList {QStringLiteral("n1 normal since=08:00 due=09:00"),
                   QStringLiteral("c2 critical since=09:30"), QStringLiteral("n2 normal since=08:10"),
                   QStringLiteral("c1 critical since=09:00"), QStringLiteral("n3 normal since=08:20")}
            << QStringLiteral("10:00") << QStringList {QStringLiteral("c1>A")};
        QTest::newRow("T-DSP-10 all five: 特急 by age, then 一般 by SLA due")
            << ll << QStringList {QStringLiteral("A 0/5 online")}
            << QStringList {QStringLiteral("n1 normal since=08:00 due=12:00"),
                   QStringLiteral("c2 critical since=09:30 due=11:00"),
                   QStringLiteral("n2 normal since=08:10 due=11:30"),
                   QStringLiteral("c1 critical since=09:00 due=11:00"), QStringLiteral("n3 normal since=08:20")}
            << QStringLiteral("10:00")
            << QStringList {QStringLiteral("c1>A"), QStringLiteral("c2>A"), QStringLiteral("n2>A"),
                   QStringLiteral("n1>A"), QStringLiteral("n3>A")};
        QTest::newRow("T-DSP-11 C comes online with spare 5: heads until A is as good (then A, idle longer)")
            << ll
            << QStringList {QStringLiteral("A 2/5 online last=09:00"), QStringLiteral("B 4/5 online last=09:00"),
                   QStringLiteral("C 0/5 online last=08:00"), QStringLiteral("D 1/2 online last=09:00")}
            << QStringList {QStringLiteral("t1 normal since=09:01"), QStringLiteral("t2 normal since=09:02"),
                   QStringLiteral("t3 normal since=09:03")}
            << QStringLiteral("10:00")
            << QStringList {QStringLiteral("t1>C"), QStringLiteral("t2>C"), QStringLiteral("t3>A")};
        QTest::newRow("T-DSP-12 A at 6/5 gets nothing, even as the only one online")
            << ll << QStringList {QStringLiteral("A 6/5 online"), QStringLiteral("B 2/5 away")} << one
            << QStringLiteral("10:00") << QStringList {};
        QTest::newRow("T-DSP-12 A back under cap at 4/5 gets offers again")
            << ll << QStringList {QStringLiteral("A 4/5 online")} << one << QStringLiteral("10:00")
            << QStringList {QStringLiteral("t1>A")};
        QTest::newRow("busy and offline agents get nothing")
            << ll << QStringList {QStringLiteral("A 0/5 busy"), QStringLiteral("B 0/5 offline")} << one
            << QStringLiteral("10:00") << QStringList {};
    }

    void choice()
    {
        QFETCH(int, strategy);
        QFETCH(QStringList, team);
        QFETCH(QStringList, queue);
        QFETCH(QString, now);
        QFETCH(QStringList, expected);
        QList<DispatchTicket> tickets;
        for (const QString& q : queue)
            tickets.append(queued(q));
        const auto planned = Dispatch::plan(
            tickets, settings(DispatchStrategy(strategy)), agents(team), at(now), QStringLiteral("售后服务部"));
        QStringList got;
        for (const auto& [ticketId, choice] : planned)
            got.append(ticketId + QLatin1Char('>') + choice.agentId);
        QCOMPARE(got, expected);
    }

    void skillLevels()
    {
        DispatchSettings s = settings(DispatchStrategy::LeastLoaded);
        s.skillRules.insert(QStringLiteral("english"), {{QStringLiteral("英语"), 2}});
        s.skillFallbackMin = 0; // never falls back
        const DispatchTicket t = queued(QStringLiteral("t1 normal since=09:00 cat=english"));
        QCOMPARE(Dispatch::choose(
                     t, s, agents({QStringLiteral("A 0/5 online skill=英语")}), at(QStringLiteral("12:00")), QString())
                     .agentId,
            QString());
        QCOMPARE(Dispatch::choose(t, s, agents({QStringLiteral("A 0/5 online skill=英语:2")}),
                     at(QStringLiteral("12:00")), QString())
                     .agentId,
            QStringLiteral("A"));
    }

    void load_data()
    {
        QTest::addColumn<QStringList>("statuses");
        QTest::addColumn<QStringList>("counting"); // empty: the default
        QTest::addColumn<int>("load");
        QTest::newRow("default: 待接单 + 处理中 + 待跟进")
            << QStringList {QStringLiteral("new"), QStringLiteral("in_progress"), QStringLiteral("follow_up")}
            << QStringList {} << 3;
        QTest::newRow("T-DSP-06 待客户确认 does not count")
            << QStringList {QStringLiteral("in_progress"), QStringLiteral("waiting_customer")} << QStringList {} << 1;
        QTest::newRow("closed, spam, merged never count by default")
            << QStringList {QStringLiteral("closed"), QStringLiteral("spam"), QStringLiteral("merged")}
            << QStringList {} << 0;
        QTest::newRow("configured: waiting counts too")
            << QStringList {QStringLiteral("in_progress"), QStringLiteral("waiting_customer")}
            << QStringList {QStringLiteral("in_progress"), QStringLiteral("waiting_customer")} << 2;
    }

    void load()
    {
        QFETCH(QStringList, statuses);
        QFETCH(QStringList, counting);
        QFETCH(int, load);
        QJsonObject json {{QStringLiteral("id"), QStringLiteral("g1")}};
        if (!counting.isEmpty())
            json.insert(QStringLiteral("counts_toward_load"), QJsonArray::fromStringList(counting));
        const auto s = DispatchSettings::fromJson(json);
        QVERIFY(s.ok());
        QList<TicketStatus> list;
        for (const QString& key : statuses)
            list.append(EnumText<TicketStatus>::fromKey(key).value());
        QCOMPARE(Dispatch::loadOf(list, s.value()), load);
    }

    void overCapacityShows()
    {
        const DispatchAgent a = agent(QStringLiteral("A 6/5 online"));
        QCOMPARE(a.loadText(), QStringLiteral("6/5"));
        QVERIFY(a.overCapacity());
        QVERIFY(!agent(QStringLiteral("A 5/5 online")).overCapacity());
    }

    void explanation()
    {
        DispatchAgent w = agent(QStringLiteral("w 2/5 online skill=英语"));
        w.name = QStringLiteral("王晓明");
        const DispatchChoice c = Dispatch::choose(queued(QStringLiteral("t1 normal since=10:00 cat=english")),
            settings(DispatchStrategy::LeastLoaded), {w}, at(QStringLiteral("10:00")), QStringLiteral("售后服务部"));
        QCOMPARE(c.agentId, QStringLiteral("w"));
        QCOMPARE(c.explanation, QStringLiteral("assigned to 王晓明: least loaded 2/5 in 售后服务部, skill 英语"));
        const DispatchChoice wait = Dispatch::choose(queued(QStringLiteral("t1 normal since=10:00")),
            settings(DispatchStrategy::LeastLoaded), {}, at(QStringLiteral("10:00")), QStringLiteral("售后服务部"));
        QVERIFY(wait.agentId.isEmpty());
        QCOMPARE(wait.explanation, QStringLiteral("waiting in 售后服务部: nobody online has room"));
    }

    void explainFacts_data()
    {
        QTest::addColumn<QJsonObject>("facts");
        QTest::addColumn<QString>("words");
        const QString g = QStringLiteral("售后服务部");
        const QString w = QStringLiteral("王晓明");
        QTest::newRow("offer by share") << QJsonObject {{QStringLiteral("kind"), QStringLiteral("offer")},
            {QStringLiteral("agent"), w}, {QStringLiteral("group"), g},
            {QStringLiteral("strategy"), QStringLiteral("least_loaded_pct")}, {QStringLiteral("load"), 2},
            {QStringLiteral("capacity"),
                5}} << QStringLiteral("assigned to 王晓明: least loaded 2/5 (60 % free) in 售后服务部");
        QTest::newRow("round robin, VIP fallback")
            << QJsonObject {{QStringLiteral("kind"), QStringLiteral("offer")}, {QStringLiteral("agent"), w},
                   {QStringLiteral("group"), g}, {QStringLiteral("strategy"), QStringLiteral("round_robin")},
                   {QStringLiteral("load"), 1}, {QStringLiteral("capacity"), 5}, {QStringLiteral("vip"), true},
                   {QStringLiteral("vip_fallback_min"), 10}}
            << QStringLiteral(
                   "assigned to 王晓明: next in turn in 售后服务部, load 1/5, no senior agent had room for 10 min");
        QTest::newRow("reclaim, away")
            << QJsonObject {{QStringLiteral("kind"), QStringLiteral("reclaim")}, {QStringLiteral("agent"), w},
                   {QStringLiteral("group"), g}, {QStringLiteral("minutes"), 5}, {QStringLiteral("misses"), 2}}
            << QStringLiteral(
                   "offer to 王晓明 not accepted within 5 min; back in the queue of 售后服务部; 王晓明 missed 2 "
                   "offers in a row and is now away");
        QTest::newRow("gone") << QJsonObject {{QStringLiteral("kind"), QStringLiteral("gone")},
            {QStringLiteral("agent"), w}, {QStringLiteral("group"), g}}
                              << QStringLiteral("王晓明 is no longer online; back in the queue of 售后服务部");
        QTest::newRow("overflow") << QJsonObject {{QStringLiteral("kind"), QStringLiteral("overflow")},
            {QStringLiteral("group"), g}, {QStringLiteral("minutes"), 30},
            {QStringLiteral("to_group"), QStringLiteral("综合组")}}
                                  << QStringLiteral("waited 30 min in 售后服务部; moved to 综合组");
        QTest::newRow("VIP waits") << QJsonObject {{QStringLiteral("kind"), QStringLiteral("wait")},
            {QStringLiteral("group"), g}, {QStringLiteral("vip_wait_min"), 10}}
                                   << QStringLiteral(
                                          "waiting for a senior agent in 售后服务部 (any agent after 10 min)");
    }

    void explainFacts()
    {
        QFETCH(QJsonObject, facts);
        QFETCH(QString, words);
        QCOMPARE(Dispatch::explain(facts), words);
    }

    void choiceFactsSayTheSame()
    {
        const DispatchChoice c = Dispatch::choose(queued(QStringLiteral("t1 normal vip since=10:00 cat=english")),
            settings(DispatchStrategy::LeastLoaded), agents({QStringLiteral("B 1/5 online skill=英语 senior")}),
            at(QStringLiteral("10:00")), QStringLiteral("售后服务部"));
        QCOMPARE(c.agentId, QStringLiteral("B"));
        QCOMPARE(Dispatch::explain(c.facts), c.explanation);
        QCOMPARE(c.explanation,
            QStringLiteral(
                "assigned to B: least loaded 1/5 in 售后服务部, skill 英语, senior agent for a VIP customer"));
    }

    void excludedAgentsAreSkipped()
    {
        const auto c
            = Dispatch::choose(queued(QStringLiteral("t1 normal since=10:00")), settings(DispatchStrategy::LeastLoaded),
                agents({QStringLiteral("A 0/5 online"), QStringLiteral("B 3/5 online")}), at(QStringLiteral("10:05")),
                QString(), {QStringLiteral("A")});
        QCOMPARE(c.agentId, QStringLiteral("B"));
    }

    void eligibility_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("assignee");
        QTest::addColumn<bool>("eligible");
        QTest::newRow("待接单 in a group, nobody") << QStringLiteral("new") << QStringLiteral("g") << QString() << true;
        QTest::newRow("no group") << QStringLiteral("new") << QString() << QString() << false;
        QTest::newRow("assigned (offered)")
            << QStringLiteral("new") << QStringLiteral("g") << QStringLiteral("u") << false;
        QTest::newRow("in progress") << QStringLiteral("in_progress") << QStringLiteral("g") << QString() << false;
        QTest::newRow("spam") << QStringLiteral("spam") << QStringLiteral("g") << QString() << false;
        QTest::newRow("merged") << QStringLiteral("merged") << QStringLiteral("g") << QString() << false;
    }

    void eligibility()
    {
        QFETCH(QString, status);
        QFETCH(QString, group);
        QFETCH(QString, assignee);
        QFETCH(bool, eligible);
        Ticket t;
        t.status = EnumText<TicketStatus>::fromKey(status).value();
        t.groupId = group;
        t.assigneeId = assignee;
        QCOMPARE(Dispatch::eligible(t), eligible);
    }

    void overflow()
    {
        DispatchSettings s = settings(DispatchStrategy::LeastLoaded);
        const DispatchTicket t = queued(QStringLiteral("t1 normal since=10:00"));
        QVERIFY(!Dispatch::overflows(t, s, at(QStringLiteral("23:00")))); // not configured
        s.overflowAfterMin = 30;
        s.overflowGroupId = QStringLiteral("g2");
        QVERIFY(!Dispatch::overflows(t, s, at(QStringLiteral("10:29"))));
        QVERIFY(Dispatch::overflows(t, s, at(QStringLiteral("10:30"))));
    }

    void settingsJson_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field"); // empty: accepted
        const auto with = [](const char* key, const QJsonValue& v) {
            return QJsonObject {{QStringLiteral("id"), QStringLiteral("g1")}, {QLatin1String(key), v}};
        };
        QTest::newRow("defaults") << QJsonObject {{QStringLiteral("id"), QStringLiteral("g1")}} << QString();
        QTest::newRow("no group") << QJsonObject {} << QStringLiteral("group_id");
        QTest::newRow("bad strategy") << with("strategy", QStringLiteral("random")) << QStringLiteral("strategy");
        QTest::newRow("capacity 0") << with("capacity", 0) << QStringLiteral("capacity");
        QTest::newRow("capacity 2.5") << with("capacity", 2.5) << QStringLiteral("capacity");
        QTest::newRow("timeout 0") << with("accept_timeout_min", 0) << QStringLiteral("accept_timeout_min");
        QTest::newRow("unknown status") << with("counts_toward_load", QJsonArray {QStringLiteral("x")})
                                        << QStringLiteral("counts_toward_load");
        QTest::newRow("overflow into itself")
            << with("overflow_group_id", QStringLiteral("g1")) << QStringLiteral("overflow_group_id");
        QTest::newRow("skill level 0") << with(
            "skill_rules", QJsonObject {{QStringLiteral("c"), QJsonObject {{QStringLiteral("英语"), 0}}}})
                                       << QStringLiteral("skill_rules.c");
    }

    void settingsJson()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, field);
        const auto s = DispatchSettings::fromJson(json);
        QCOMPARE(s.ok(), field.isEmpty());
        if (!s.ok()) {
            QCOMPARE(s.error().field, field);
            QCOMPARE(s.error().code, QStringLiteral("dispatch.invalid"));
        }
    }

    void settingsRoundTrip()
    {
        DispatchSettings s = settings(DispatchStrategy::RoundRobin);
        s.capacityOverrides.insert(QStringLiteral("u1"), 8);
        s.countsTowardLoad = {TicketStatus::InProgress};
        s.overflowAfterMin = 20;
        s.overflowGroupId = QStringLiteral("g2");
        const auto back = DispatchSettings::fromJson(s.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back.value().toJson(), s.toJson());
        QCOMPARE(back.value().capacityOf(QStringLiteral("u1")), 8);
        QCOMPARE(back.value().capacityOf(QStringLiteral("u2")), 5);
    }

    void presenceKeys()
    {
        for (Presence p : allPresences())
            QCOMPARE(presenceFromKey(presenceKey(p)), p);
        QVERIFY(!presenceFromKey(QStringLiteral("gone")));
    }
};

QTEST_GUILESS_MAIN(TestDispatch)
#include "tst_dispatch.moc"
