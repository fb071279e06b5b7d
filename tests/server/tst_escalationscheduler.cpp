// The escalation scheduler (server/EscalationScheduler) against a real team database on both backends, with a
// ManualClock and no HTTP: workflows.md §9.2's acceptance rows T-ESC-01 … 07 as a table of scenarios. Each row builds
// a 24/7 (or office-hours) calendar, an SLA policy (first response 60 min, resolution 480 min) and an escalation
// chain, creates a ticket at 10:00 through the same intents a desk pushes, moves the clock and ticks; then it checks
// the notifications each person got (type, late, held), the firings recorded and the ticket's actions.
#include "domain/Intents.h"
#include "domain/JsonCodec.h"
#include "domain/TicketIntents.h"
#include "domain/Uuid.h"
#include "server/EscalationScheduler.h"
#include "teamdb/NotificationStore.h"
#include "tests/support/ServerHarness.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace gongdan;
using namespace gongdan::test;

namespace {

QJsonObject calendarJson(const QString& id, bool officeHours)
{
    const QJsonArray allDay {QJsonArray {QStringLiteral("00:00"), QStringLiteral("24:00")}};
    const QJsonArray office {QJsonArray {QStringLiteral("09:00"), QStringLiteral("18:00")}};
    QJsonObject week;
    for (const char* name : {"mon", "tue", "wed", "thu", "fri"})
        week.insert(QLatin1String(name), officeHours ? office : allDay);
    for (const char* name : {"sat", "sun"})
        week.insert(QLatin1String(name), officeHours ? QJsonArray() : allDay);
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), QStringLiteral("cal")},
        {QStringLiteral("timezone"), QStringLiteral("Asia/Shanghai")}, {QStringLiteral("weekly"), week}};
}

QJsonObject level(int number, int offset, const QStringList& audience, const QJsonObject& actions = {},
    const QString& quiet = QStringLiteral("always"))
{
    return {{QStringLiteral("level"), number}, {QStringLiteral("offset_min"), offset},
        {QStringLiteral("audience"), QJsonArray::fromStringList(audience)}, {QStringLiteral("actions"), actions},
        {QStringLiteral("quiet"), quiet}};
}

/// Shanghai wall-clock time on 2026-03-06 (a Friday) or a later day.
QDateTime at(int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute, second), QTimeZone("Asia/Shanghai")).toUTC();
}

/// One backend's team with the scheduler over it, all in this process.
struct Rig {
    std::unique_ptr<TeamDatabase> team;
    std::unique_ptr<ServerDatabase> db;
    ManualClock clock {at(6, 10, 0)};
    std::unique_ptr<UserRepository> users;
    std::unique_ptr<SyncStore> store;
    std::unique_ptr<SyncService> sync;
    std::unique_ptr<EscalationScheduler> scheduler;
    UuidV7Generator ids {clock};
    UserRecord boss;
    UserRecord agent;
    UserRecord supervisor;

    /// A second server process's view: its own connection, services and scheduler on the same database.
    std::unique_ptr<Rig> twin() const
    {
        auto other = std::make_unique<Rig>();
        other->clock.set(clock.now());
        other->open(team->location());
        other->boss = boss;
        other->agent = agent;
        other->supervisor = supervisor;
        return other;
    }

    void open(const QString& location)
    {
        auto opened = ServerDatabase::open(location);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        db = std::move(opened.value());
        users = std::make_unique<UserRepository>(*db, clock);
        store = std::make_unique<SyncStore>(*db, clock);
        sync = std::make_unique<SyncService>(*store, *users, clock);
        scheduler = std::make_unique<EscalationScheduler>(*sync, *users, clock);
    }

    QJsonObject apply(const UserRecord& who, const QString& name, const QString& entity, const QJsonObject& args)
    {
        auto applied = sync->applyOne(who, Mutation {0, ids.next(), name, entity, args});
        if (!applied)
            qWarning("%s refused: %s (%s)", qPrintable(name), qPrintable(applied.error().message),
                qPrintable(applied.error().field));
        return applied ? applied.value() : QJsonObject();
    }

    QString createTicket()
    {
        QJsonObject json = JsonCodec::toJson(Ticket {});
        const QString id = ids.next();
        json.insert(QStringLiteral("id"), id);
        json.insert(QStringLiteral("created_at"), clock.now().toString(Qt::ISODateWithMs));
        json.insert(QStringLiteral("subject"), QStringLiteral("打印机无法连接"));
        json.insert(QStringLiteral("group_id"), QStringLiteral("service"));
        json.insert(QStringLiteral("assignee_id"), agent.id);
        const Ticket draft = JsonCodec::ticketFromJson(json).value();
        apply(agent, QString(intent::TicketCreate), id, TicketIntents::create(draft, agent.id));
        return id;
    }

    /// The agent's public reply on `ticket`, now (it fulfils the response clocks).
    void reply(const QString& ticket, const QString& body)
    {
        Comment comment;
        comment.id = ids.next();
        comment.ticketId = ticket;
        comment.authorId = agent.id;
        comment.body = body;
        comment.createdAt = clock.now();
        apply(agent, QString(intent::CommentAdd), ticket, TicketIntents::comment(comment));
    }

    QList<Notification> notificationsOf(const UserRecord& who)
    {
        return sync->applier().notifier().store().forUser(who.id, 100, false).value();
    }
};

} // namespace

class TestEscalationScheduler : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acceptanceRows_data();
    void acceptanceRows();
    void rulesAreCheckedAndAdminsOnly_data() { addBackendRows(); }
    void rulesAreCheckedAndAdminsOnly();
    void notificationsAreKeptNinetyDaysAndClearedOnRequest_data() { addBackendRows(); }
    void notificationsAreKeptNinetyDaysAndClearedOnRequest();

private:
    std::unique_ptr<Rig> rig(const QString& backend, bool officeHours, const QJsonArray& levels,
        const QString& metric = QStringLiteral("first_response"));
};

std::unique_ptr<Rig> TestEscalationScheduler::rig(
    const QString& backend, bool officeHours, const QJsonArray& levels, const QString& metric)
{
    auto r = std::make_unique<Rig>();
    r->team = seededTeam(backend);
    if (!r->team->available())
        qFatal("%s", qPrintable(r->team->why()));
    r->open(r->team->location());
    r->boss = *r->users->findByLogin(QStringLiteral("boss"));
    r->agent = *r->users->findByLogin(QStringLiteral("li.na"));
    UserRecord supervisor;
    supervisor.login = QStringLiteral("zhao");
    supervisor.name = QStringLiteral("赵主管");
    supervisor.role = Role::Supervisor;
    supervisor.groupIds = {QStringLiteral("service")};
    supervisor.passwordHash = QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA");
    auto created = r->users->create(supervisor);
    if (!created)
        qFatal("supervisor: %s", qPrintable(created.error().message));
    r->supervisor = created.value();
    const QString calendarId = QStringLiteral("cal-1");
    r->apply(r->boss, QStringLiteral("calendar.upsert"), calendarId,
        {{QStringLiteral("calendar"), calendarJson(calendarId, officeHours)}});
    r->apply(r->boss, QStringLiteral("sla_policy.upsert"), QStringLiteral("policy-1"),
        {{QStringLiteral("policy"),
            QJsonObject {{QStringLiteral("id"), QStringLiteral("policy-1")},
                {QStringLiteral("name"), QStringLiteral("std")}, {QStringLiteral("calendar_id"), calendarId},
                {QStringLiteral("targets"),
                    QJsonObject {{QStringLiteral("normal"),
                                     QJsonObject {{QStringLiteral("first_response"), 60},
                                         {QStringLiteral("resolution"), 480}, {QStringLiteral("accept"), 20}}},
                        {QStringLiteral("urgent"),
                            QJsonObject {
                                {QStringLiteral("first_response"), 30}, {QStringLiteral("resolution"), 240}}}}}}}});
    const QJsonObject applied = r->apply(r->boss, QStringLiteral("escalation_rule.upsert"), QStringLiteral("rule-1"),
        {{QStringLiteral("rule"),
            QJsonObject {{QStringLiteral("id"), QStringLiteral("rule-1")},
                {QStringLiteral("name"), QStringLiteral("FR")}, {QStringLiteral("metric"), metric},
                {QStringLiteral("levels"), levels}}}});
    if (applied.value(QStringLiteral("status")).toString() != QLatin1String("applied"))
        qFatal("the rule was not stored");
    return r;
}

void TestEscalationScheduler::acceptanceRows_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("row");
    for (const char* backend : {"sqlite", "postgresql"}) {
        for (const char* row : {"T-ESC-01", "T-ESC-02", "T-ESC-01 unaccepted", "T-ESC-02 unaccepted", "T-ESC-03",
                 "T-ESC-04", "T-ESC-05b", "T-ESC-06", "T-ESC-07", "re-armed", "repeated"})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(backend), QLatin1String(row))))
                << QString::fromLatin1(backend) << QString::fromLatin1(row);
    }
}

void TestEscalationScheduler::acceptanceRows()
{
    QFETCH(QString, backend);
    QFETCH(QString, row);
    const QStringList supervisor {QStringLiteral("supervisor")};
    const QStringList manager {QStringLiteral("manager")};
    if (row == QLatin1String("T-ESC-01") || row == QLatin1String("T-ESC-02")) {
        // Due 11:00; L1 at due+0 → supervisor, L2 at due+20 → manager (the admins).
        auto r = rig(backend, false, {level(1, 0, supervisor), level(2, 20, manager)});
        const QString ticket = r->createTicket();
        r->clock.set(at(6, 10, 59, 50));
        QCOMPARE(r->scheduler->tick().value().fired, 0);
        r->clock.set(at(6, 11, 0, 5));
        QCOMPARE(r->scheduler->tick().value().fired, 1);
        QCOMPARE(r->notificationsOf(r->supervisor).size(), 1);
        QCOMPARE(r->notificationsOf(r->supervisor).first().type, QStringLiteral("breach"));
        QCOMPARE(r->notificationsOf(r->supervisor).first().late, false);
        if (row == QLatin1String("T-ESC-02")) { // the first response comes at 11:10: L2 is cancelled
            r->clock.set(at(6, 11, 10));
            r->reply(ticket, QStringLiteral("已远程处理"));
            r->clock.set(at(6, 11, 10, 5));
            QCOMPARE(r->scheduler->tick().value().cancelled, 1);
        }
        r->clock.set(at(6, 11, 20, 5));
        const auto outcome = r->scheduler->tick().value();
        const bool cancelled = row == QLatin1String("T-ESC-02");
        QCOMPARE(outcome.fired, cancelled ? 0 : 1);
        QCOMPARE(r->notificationsOf(r->boss).size(), cancelled ? 0 : 1);
        if (cancelled) { // recorded once for the audit: "L2 cancelled: fulfilled"
            const auto firings = r->sync->applier().notifier().store().firings(ticket).value();
            QCOMPARE(firings.size(), 2);
            QCOMPARE(firings.last().kind, QStringLiteral("cancel"));
            QCOMPARE(firings.last().level, 2);
        }
        r->clock.set(at(6, 12, 0));
        QCOMPARE(r->scheduler->tick().value().fired, 0); // nothing again
        QCOMPARE(r->notificationsOf(r->supervisor).size(), 1);
    } else if (row.endsWith(QLatin1String(" unaccepted"))) {
        // The accept clock: dispatched to 李娜 at 10:00 and waiting in 待接单, target 20 min; L1 at due+0 → supervisor,
        // L2 at due+20 → manager. T-ESC-02: 确认接收 at 10:30 cancels L2.
        auto r = rig(backend, false, {level(1, 0, supervisor), level(2, 20, manager)}, QStringLiteral("accept"));
        const QString ticket = r->createTicket();
        r->clock.set(at(6, 10, 19, 50));
        QCOMPARE(r->scheduler->tick().value().fired, 0);
        r->clock.set(at(6, 10, 20, 5));
        QCOMPARE(r->scheduler->tick().value().fired, 1);
        QCOMPARE(r->notificationsOf(r->supervisor).size(), 1);
        QCOMPARE(r->notificationsOf(r->supervisor).first().ticketId, ticket);
        const bool accepted = row.startsWith(QLatin1String("T-ESC-02"));
        if (accepted) {
            r->clock.set(at(6, 10, 30));
            TransitionRequest accept;
            accept.action = TicketAction::Accept;
            const QJsonObject applied = r->apply(r->agent, QString(intent::TicketTransition), ticket,
                TicketIntents::transition(
                    accept, r->agent.id, r->clock.now(), TicketStatus::New, TicketStatus::InProgress));
            QCOMPARE(applied.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
            r->clock.set(at(6, 10, 30, 5));
            QCOMPARE(r->scheduler->tick().value().cancelled, 1);
        }
        r->clock.set(at(6, 10, 40, 5));
        QCOMPARE(r->scheduler->tick().value().fired, accepted ? 0 : 1);
        QCOMPARE(r->notificationsOf(r->boss).size(), accepted ? 0 : 1);
        r->clock.set(at(6, 11, 30));
        QCOMPARE(r->scheduler->tick().value().fired, 0); // nothing again
        QCOMPARE(r->notificationsOf(r->supervisor).size(), 1);
        const auto firings = r->sync->applier().notifier().store().firings(ticket).value();
        QCOMPARE(firings.size(), 2);
        QCOMPARE(firings.last().kind, accepted ? QStringLiteral("cancel") : QStringLiteral("fire"));
    } else if (row == QLatin1String("T-ESC-03")) {
        // Ticks at 11:00:10 and 11:00:40, and a second server process on the same database: one notification.
        auto r = rig(backend, false, {level(1, 0, manager)});
        r->createTicket();
        auto other = r->twin();
        r->clock.set(at(6, 11, 0, 10));
        other->clock.set(at(6, 11, 0, 10));
        QCOMPARE(r->scheduler->tick().value().fired, 1);
        QCOMPARE(other->scheduler->tick().value().fired, 0);
        r->clock.set(at(6, 11, 0, 40));
        other->clock.set(at(6, 11, 0, 40));
        QCOMPARE(other->scheduler->tick().value().fired, 0);
        QCOMPARE(r->scheduler->tick().value().fired, 0);
        QCOMPARE(r->notificationsOf(r->boss).size(), 1);
    } else if (row == QLatin1String("T-ESC-04")) {
        // A warning 30 min before (at 75 % of 120 would be the same rule with a 120 target) and the breach.
        auto r = rig(
            backend, false, {level(1, -30, {QStringLiteral("assignee")}), level(2, 0, {QStringLiteral("assignee")})});
        r->createTicket();
        r->clock.set(at(6, 10, 30, 1));
        QCOMPARE(r->scheduler->tick().value().fired, 1);
        r->clock.set(at(6, 10, 45));
        QCOMPARE(r->scheduler->tick().value().fired, 0);
        r->clock.set(at(6, 11, 0, 1));
        QCOMPARE(r->scheduler->tick().value().fired, 1);
        const QList<Notification> got = r->notificationsOf(r->agent);
        QCOMPARE(got.size(), 2);
        QCOMPARE(got.at(0).type, QStringLiteral("breach")); // newest first
        QCOMPARE(got.at(1).type, QStringLiteral("sla_warning"));
    } else if (row == QLatin1String("T-ESC-05b")) {
        // Breach of the first response alerted; nothing else fires for the same cycle however often it ticks.
        auto r = rig(backend, false, {level(1, 0, supervisor)});
        r->createTicket();
        for (int minute = 0; minute < 5; ++minute) {
            r->clock.set(at(6, 11, minute, 30));
            r->scheduler->tick();
        }
        QCOMPARE(r->notificationsOf(r->supervisor).size(), 1);
    } else if (row == QLatin1String("T-ESC-06")) {
        // Office hours Mon–Fri 09–18; created Fri 17:00, first response due Fri 18:00; level +30 calendar minutes
        // with quiet=respect_calendar raises the priority at 18:30 and tells the supervisor on Monday at 09:00.
        auto r = rig(backend, true,
            {level(1, 30, supervisor, {{QStringLiteral("priority"), QStringLiteral("urgent")}},
                QStringLiteral("respect_calendar"))});
        r->clock.set(at(6, 17, 0));
        const QString ticket = r->createTicket();
        r->clock.set(at(6, 18, 30, 5));
        QCOMPARE(r->scheduler->tick().value().fired, 1);
        QCOMPARE(r->store->ticket(ticket)->priority, Priority::Urgent); // the action ran at once
        const auto events = r->store->events(ticket);
        QVERIFY(std::any_of(events.cbegin(), events.cend(), [](const QJsonObject& e) {
            return e.value(QStringLiteral("actor_id")).toString() == EscalationScheduler::kSystemUser;
        }));
        QCOMPARE(r->notificationsOf(r->supervisor).size(), 0); // held
        r->clock.set(at(9, 8, 59));
        r->scheduler->tick();
        QCOMPARE(r->notificationsOf(r->supervisor).size(), 0);
        r->clock.set(at(9, 9, 0, 1));
        QCOMPARE(r->scheduler->tick().value().delivered, 1);
        const QList<Notification> got = r->notificationsOf(r->supervisor);
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first().reachedAt, at(6, 18, 30)); // "level reached Fri 18:30"
    } else if (row == QLatin1String("T-ESC-07")) {
        // The server was down 10:50–11:30; the level due 11:00 fires once at restart, late.
        auto r = rig(backend, false, {level(1, 0, supervisor)});
        r->createTicket();
        r->clock.set(at(6, 10, 50));
        r->scheduler->tick();
        r->clock.set(at(6, 11, 30));
        auto restarted = r->twin(); // a new process
        QCOMPARE(restarted->scheduler->tick().value().fired, 1);
        QCOMPARE(restarted->scheduler->tick().value().fired, 0);
        const QList<Notification> got = r->notificationsOf(r->supervisor);
        QCOMPARE(got.size(), 1);
        QVERIFY(got.first().late);
    } else if (row == QLatin1String("re-armed")) {
        // The due time moves (urgent: 30 min from the same start): the level fires at its new instant, 10:30.
        auto r = rig(backend, false, {level(1, 0, supervisor)});
        const QString ticket = r->createTicket();
        r->clock.set(at(6, 10, 20));
        auto first = r->scheduler->tick().value();
        QVERIFY(first.next.has_value());
        QCOMPARE(QDateTime::fromSecsSinceEpoch(*first.next, Qt::UTC), at(6, 11, 0)); // the exact timer's instant
        r->apply(r->agent, QString(intent::TicketPatch), ticket,
            TicketIntents::patch({{QStringLiteral("priority"), QStringLiteral("urgent")}},
                {{QStringLiteral("priority"), QStringLiteral("normal")}}, r->agent.id, r->clock.now()));
        auto moved = r->scheduler->tick().value();
        QCOMPARE(QDateTime::fromSecsSinceEpoch(*moved.next, Qt::UTC), at(6, 10, 30));
        r->clock.set(at(6, 10, 30, 1));
        QCOMPARE(r->scheduler->tick().value().fired, 1);
        QCOMPARE(r->notificationsOf(r->supervisor).size(), 1);
    } else if (row == QLatin1String("repeated")) {
        // Due 11:00, L1 at due+0 tags 升级 and tells the supervisor again every 15 minutes: 11:00 (tagged), 11:15 and
        // 11:30 (told again; the tag the agent took off stays off), then the reply: no more.
        QJsonObject repeating = level(1, 0, supervisor, {{QStringLiteral("add_tag"), QStringLiteral("升级")}});
        repeating.insert(QStringLiteral("repeat_every_min"), 15);
        auto r = rig(backend, false, {repeating});
        const QString ticket = r->createTicket();
        r->clock.set(at(6, 11, 0, 5));
        QCOMPARE(r->scheduler->tick().value().fired, 1);
        QCOMPARE(r->sync->store().ticket(ticket)->tags, QStringList {QStringLiteral("升级")});
        r->apply(r->agent, QString(intent::TicketPatch), ticket,
            TicketIntents::patch({{QStringLiteral("tags"), QJsonArray()}},
                {{QStringLiteral("tags"), QJsonArray {QStringLiteral("升级")}}}, r->agent.id, r->clock.now()));
        r->clock.set(at(6, 11, 10));
        QCOMPARE(r->scheduler->tick().value().fired, 0);
        for (int minute : {15, 30}) {
            r->clock.set(at(6, 11, minute, 5));
            QCOMPARE(r->scheduler->tick().value().fired, 1);
            QCOMPARE(r->scheduler->tick().value().fired, 0); // once, whatever the ticks
        }
        QCOMPARE(r->notificationsOf(r->supervisor).size(), 3);
        QVERIFY(r->sync->store().ticket(ticket)->tags.isEmpty());
        r->clock.set(at(6, 11, 40));
        r->reply(ticket, QStringLiteral("已回电"));
        r->clock.set(at(6, 11, 45, 5));
        QCOMPARE(r->scheduler->tick().value().fired, 0);
        QCOMPARE(r->notificationsOf(r->supervisor).size(), 3);
    }
}

void TestEscalationScheduler::rulesAreCheckedAndAdminsOnly()
{
    QFETCH(QString, backend);
    auto r = rig(backend, false, {level(1, 0, {QStringLiteral("assignee")})});
    const auto refused = [&](const UserRecord& who, const QJsonObject& rule) {
        auto applied = r->sync->applyOne(who,
            Mutation {0, r->ids.next(), QStringLiteral("escalation_rule.upsert"), QStringLiteral("rule-2"),
                {{QStringLiteral("rule"), rule}}});
        return applied ? Error {} : applied.error();
    };
    QJsonObject good {{QStringLiteral("id"), QStringLiteral("rule-2")},
        {QStringLiteral("metric"), QStringLiteral("resolution")},
        {QStringLiteral("levels"), QJsonArray {level(1, 0, {QStringLiteral("assignee")})}}};
    QCOMPARE(refused(r->agent, good).code, QStringLiteral("access.denied"));
    QJsonObject badMetric = good;
    badMetric.insert(QStringLiteral("metric"), QStringLiteral("lunch"));
    QCOMPARE(refused(r->boss, badMetric).field, QStringLiteral("metric"));
    QJsonObject badAudience = good;
    badAudience.insert(QStringLiteral("levels"), QJsonArray {level(1, 0, {QStringLiteral("everyone")})});
    QCOMPARE(refused(r->boss, badAudience).field, QStringLiteral("levels[0].audience"));
    QJsonObject badAction = good;
    badAction.insert(QStringLiteral("levels"),
        QJsonArray {level(1, 0, {QStringLiteral("assignee")}, {{QStringLiteral("priority"), QStringLiteral("hot")}})});
    QCOMPARE(refused(r->boss, badAction).field, QStringLiteral("levels[0].actions.priority"));
    QJsonObject badPolicy = good;
    badPolicy.insert(QStringLiteral("policy_id"), QStringLiteral("nope"));
    QCOMPARE(refused(r->boss, badPolicy).field, QStringLiteral("policy_id"));
    QCOMPARE(refused(r->boss, good).code, QString());
}

// §9.7: "clear all" deletes a user's notifications (theirs only) and tells their desks; every notification, read or
// not, is deleted after 90 days by the scheduler's hourly pass.
void TestEscalationScheduler::notificationsAreKeptNinetyDaysAndClearedOnRequest()
{
    QFETCH(QString, backend);
    auto r = rig(backend, false, {level(1, 0, {QStringLiteral("assignee")})});
    Ticket ticket;
    ticket.id = r->createTicket();
    ticket.number = QStringLiteral("G20260306001");
    ticket.subject = QStringLiteral("打印机无法连接");
    Notifier& notifier = r->sync->applier().notifier();
    const auto send = [&](const UserRecord& to) {
        ServerTransaction transaction(*r->db);
        auto sent = notifier.notify(to.id, QStringLiteral("assigned"), ticket, QStringLiteral("x"));
        if (!sent || !transaction.commit())
            qFatal("notify failed");
        return sent.value().id;
    };
    const QString oldest = send(r->agent);
    r->clock.set(r->clock.now().addDays(2));
    const QString older = send(r->agent);
    const QString theirs = send(r->supervisor);
    r->clock.set(r->clock.now().addDays(1));
    const QString newest = send(r->agent);
    QCOMPARE(r->notificationsOf(r->agent).size(), 3);

    // Clearing names ids: another user's is not among what one may clear.
    QJsonObject cleared = r->apply(r->agent, QString(intent::NotificationClear), r->agent.id,
        {{QStringLiteral("ids"), QJsonArray {newest, theirs}}});
    QCOMPARE(cleared.value(QStringLiteral("cleared")).toArray(), QJsonArray {newest});
    QCOMPARE(r->notificationsOf(r->agent).size(), 2);
    QCOMPARE(r->notificationsOf(r->supervisor).size(), 1);
    QCOMPARE(r->apply(r->agent, QString(intent::NotificationClear), r->agent.id, {}), QJsonObject()); // names none

    // 89 days after the oldest: all kept; 91: the oldest goes (read or not), the others stay.
    r->clock.set(r->clock.now().addDays(89 - 3));
    auto pass = r->scheduler->tick();
    QVERIFY(pass.ok());
    QCOMPARE(pass.value().pruned, 0);
    r->clock.set(r->clock.now().addDays(2));
    pass = r->scheduler->tick();
    QVERIFY(pass.ok());
    QCOMPARE(pass.value().pruned, 1);
    QStringList left; // (the ticket's escalation, fired meanwhile, is not what this counts)
    for (const Notification& n : r->notificationsOf(r->agent))
        if (n.type == QLatin1String("assigned"))
            left.append(n.id);
    QCOMPARE(left, QStringList {older});
    Q_UNUSED(oldest);

    // Clear all: the rest of the agent's, none of the supervisor's.
    cleared = r->apply(r->agent, QString(intent::NotificationClear), r->agent.id, {{QStringLiteral("all"), true}});
    QVERIFY(cleared.value(QStringLiteral("cleared")).toArray().contains(older));
    QVERIFY(r->notificationsOf(r->agent).isEmpty());
    QCOMPARE(r->notificationsOf(r->supervisor).size(), 1);
}

QTEST_GUILESS_MAIN(TestEscalationScheduler)
#include "tst_escalationscheduler.moc"
