// The demo team as scripts/run-demo serves it, on a real gongdan-server and both backends: `gongdan-bench
// seed-team` writes what a real team's server holds — users and groups, categories with their groups,
// field definitions, customers, and tickets with comments that the ticket rules would have made — so that
// every demo user syncs exactly what they may see, works on the seeded tickets, and numbers new ones
// without a clash; seeding again changes nothing. A headless workstation signed in as agent6 gets its
// queue and the customer archive from its first sync (the screen pop finds the caller).
#include "domain/FieldValidator.h"
#include "domain/JsonCodec.h"
#include "domain/TicketNumber.h"
#include "domain/TicketRules.h"
#include "server/ServerTicketWorld.h"
#include "storage/CustomerRepository.h"
#include "tests/support/Desk.h"

#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace gongdan;
using namespace gongdan::test;

namespace {

const QString kPassword = QStringLiteral("demo-password");
const qint64 kTickets = 2000; // what run-demo seeds (the default)

QString seedTeam(const QString& location, const QStringList& extra = {}, int* exitCode = nullptr)
{
    QProcess bench;
    bench.setProcessChannelMode(QProcess::MergedChannels);
    bench.start(QStringLiteral(GONGDAN_BENCH_BINARY),
        QStringList {QStringLiteral("seed-team"), QStringLiteral("--database"), location} + extra);
    const bool finished = bench.waitForFinished(180000);
    if (exitCode)
        *exitCode = finished && bench.exitStatus() == QProcess::NormalExit ? bench.exitCode() : -1;
    return QString::fromUtf8(bench.readAll());
}

/// What changes when anything is written: the change counter and the size of every table seeding fills.
QString fingerprint(ServerDatabase& db)
{
    QStringList parts;
    for (const char* sql : {"SELECT value FROM seq_counter WHERE name = 'change'", "SELECT count(*) FROM change_log",
             "SELECT count(*) FROM ticket", "SELECT count(*) FROM ticket_comment", "SELECT count(*) FROM team_record",
             "SELECT count(*) FROM app_user", "SELECT count(*) FROM team_group",
             "SELECT COALESCE(SUM(last), 0) FROM ticket_number"}) {
        QSqlQuery query(db.sql());
        parts.append(query.exec(QLatin1String(sql)) && query.next() ? query.value(0).toString() : QStringLiteral("?"));
    }
    return parts.join(QLatin1Char('/'));
}

/// The valid ones among `times` never go back.
bool inOrder(const QList<QDateTime>& times)
{
    QDateTime last;
    for (const QDateTime& time : times) {
        if (!time.isValid())
            continue;
        if (last.isValid() && time < last)
            return false;
        last = time;
    }
    return true;
}

} // namespace

class TestDemoTeam : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void seedingAgainChangesNothing_data() { addBackendRows(); }
    void seedingAgainChangesNothing();
    void seededTicketsFollowTheRules_data() { addBackendRows(); }
    void seededTicketsFollowTheRules();
    void everyoneSyncsWhatTheyMaySee_data() { addBackendRows(); }
    void everyoneSyncsWhatTheyMaySee();
    void seededTicketsTakeChangesAndNewOnesNewNumbers_data() { addBackendRows(); }
    void seededTicketsTakeChangesAndNewOnesNewNumbers();
    void aWorkstationGetsItsQueueAndFindsTheCaller_data() { addBackendRows(); }
    void aWorkstationGetsItsQueueAndFindsTheCaller();

private:
    std::unique_ptr<ServerDatabase> openTeam();
    /// Every seeded ticket, read from the team database.
    QList<Ticket> seeded();
    QStringList visibleTo(const QString& userId);
    std::unique_ptr<SyncDevice> device(const QString& login);

    std::unique_ptr<TeamDatabase> m_team;
    std::unique_ptr<ServerProcess> m_server;
    QString m_seedOutput;
};

void TestDemoTeam::init()
{
    QFETCH(QString, backend);
    m_team = std::make_unique<TeamDatabase>(backend);
    if (!m_team->available())
        QFAIL(qPrintable(m_team->why()));
    int exitCode = -1;
    m_seedOutput = seedTeam(m_team->location(), {}, &exitCode);
    QVERIFY2(exitCode == 0, qPrintable(m_seedOutput));
    qInfo().noquote() << m_seedOutput.trimmed();
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(m_team->location()), qPrintable(m_server->lastLog()));
}

void TestDemoTeam::cleanup()
{
    if (m_server && m_server->running())
        m_server->terminate();
    m_server.reset();
    m_team.reset();
}

std::unique_ptr<ServerDatabase> TestDemoTeam::openTeam()
{
    auto db = ServerDatabase::open(m_team->location());
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    return std::move(db.value());
}

QList<Ticket> TestDemoTeam::seeded()
{
    auto db = openTeam();
    SystemClock clock;
    SyncStore store(*db, clock);
    auto all = store.tickets(Principal {QStringLiteral("a-admin"), Role::Admin, {}}, {}, 1000000);
    if (!all)
        qFatal("%s", qPrintable(all.error().message));
    return all.value();
}

QStringList TestDemoTeam::visibleTo(const QString& userId)
{
    auto db = openTeam();
    SystemClock clock;
    UserRepository users(*db, clock);
    const Principal who = users.find(userId).value().principal();
    QStringList ids;
    for (const Ticket& t : seeded()) {
        if (access::mayRead(who, t.groupId, t.assigneeId, t.createdBy))
            ids.append(t.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::unique_ptr<SyncDevice> TestDemoTeam::device(const QString& login)
{
    return std::make_unique<SyncDevice>(m_server->baseUrl(), signIn(m_server->baseUrl(), login, kPassword));
}

void TestDemoTeam::seedingAgainChangesNothing()
{
    QVERIFY2(m_seedOutput.contains(QStringLiteral("%1 tickets").arg(kTickets)), qPrintable(m_seedOutput));
    const QString before = fingerprint(*openTeam());
    // Again, as every run-demo does, while the server runs: the team is there, nothing is added.
    int exitCode = -1;
    const QString again = seedTeam(m_team->location(), {}, &exitCode);
    QVERIFY2(exitCode == 0, qPrintable(again));
    QVERIFY2(again.contains(QLatin1String("left as it is")), qPrintable(again));
    QCOMPARE(fingerprint(*openTeam()), before);

    // --fresh starts a new history (devices that synced the old one start over) with the same team.
    const QString epoch = openTeam()->epoch();
    QCOMPARE(m_server->terminate(), 0);
    const QString fresh = seedTeam(
        m_team->location(), {QStringLiteral("--fresh"), QStringLiteral("--tickets"), QStringLiteral("50")}, &exitCode);
    QVERIFY2(exitCode == 0, qPrintable(fresh));
    auto db = openTeam();
    QVERIFY(db->epoch() != epoch);
    QCOMPARE(fingerprint(*db).section(QLatin1Char('/'), 2, 2), QStringLiteral("50"));
}

void TestDemoTeam::seededTicketsFollowTheRules()
{
    const QList<Ticket> tickets = seeded();
    QCOMPARE(tickets.size(), kTickets);
    auto db = openTeam();
    SystemClock clock;
    SyncStore store(*db, clock);
    UserRepository users(*db, clock);
    TeamRecordStore records(*db);
    ServerTicketWorld server(store, users, records);
    TicketWorldWithout world(server, QString());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QHash<QString, Ticket> byId;
    for (const Ticket& t : tickets)
        byId.insert(t.id, t);
    QSet<QString> numbers;
    QHash<QString, int> highest; // per day
    QSet<TicketStatus> statuses;
    for (const Ticket& t : tickets) {
        const QString what = t.number + QLatin1Char(' ') + EnumText<TicketStatus>::key(t.status);
        statuses.insert(t.status);
        // The number: well formed, unique, and the server's counter for its day is past it.
        QDate day;
        int sequence = 0;
        QVERIFY2(TicketNumber::parse(t.number, &day, &sequence), qPrintable(what));
        QVERIFY2(!numbers.contains(t.number), qPrintable(what));
        numbers.insert(t.number);
        highest[day.toString(QStringLiteral("yyyyMMdd"))]
            = std::max(highest.value(day.toString(QStringLiteral("yyyyMMdd"))), sequence);

        // Created as its creator would have created it: the rules accept it and decide the same.
        const std::optional<UserRecord> creator = users.find(t.createdBy);
        QVERIFY2(creator, qPrintable(what));
        Ticket draft = t;
        for (const FieldDefinition& f : server.fieldDefinitions()) { // what only others may fill in comes later
            if (!access::mayEditField(creator->role, f.editRoles))
                draft.customFields.remove(f.key);
        }
        world.hide(t.id);
        TicketRules rules(world, creator->principal(), now);
        auto created = rules.create(draft);
        QVERIFY2(
            created.ok(), qPrintable(what + QStringLiteral(": ") + (created ? QString() : created.error().message)));
        QCOMPARE(created.value().ticket.groupId, t.groupId);
        QCOMPARE(created.value().ticket.assigneeId, t.assigneeId);
        QCOMPARE(created.value().ticket.createdBy, t.createdBy);
        QCOMPARE(created.value().ticket.createdAt, t.createdAt);
        // The reply clock ends with the first response (a public reply, or the call a phone ticket was logged on).
        QCOMPARE(t.responseDueAt, t.firstResponseAt.isValid() ? QDateTime() : created.value().ticket.responseDueAt);
        QCOMPARE(created.value().ticket.resolutionDueAt, t.resolutionDueAt);
        QCOMPARE(server.categories().groupOf(t.categoryId), t.groupId);

        // The status and the times it implies.
        const bool taken = t.status != TicketStatus::New && t.status != TicketStatus::Spam;
        const bool resolved = t.status == TicketStatus::Closed || t.status == TicketStatus::WaitingCustomer
            || t.status == TicketStatus::FollowUp;
        QVERIFY2(taken == !t.assigneeId.isEmpty(), qPrintable(what));
        QVERIFY2(taken == t.acceptedAt.isValid(), qPrintable(what));
        const bool called = t.callStartedAt.isValid(); // answered by the agent who logged it: responded at creation
        QVERIFY2(called ? t.firstResponseAt == t.createdAt : (taken || !t.firstResponseAt.isValid()), qPrintable(what));
        QVERIFY2(resolved == t.resolvedAt.isValid(), qPrintable(what));
        QVERIFY2(resolved == !t.resolution.isEmpty(), qPrintable(what));
        QVERIFY2((t.status == TicketStatus::Closed) == t.closedAt.isValid(), qPrintable(what));
        QVERIFY2(inOrder({t.createdAt, t.acceptedAt, called ? QDateTime() : t.firstResponseAt, t.resolvedAt, t.closedAt,
                     t.updatedAt, now}),
            qPrintable(what));
        if (t.status == TicketStatus::Merged) {
            const Ticket target = byId.value(t.mergedInto);
            QVERIFY2(target.groupId == t.groupId && target.createdAt <= t.createdAt, qPrintable(what));
        } else {
            QVERIFY2(t.mergedInto.isEmpty(), qPrintable(what));
        }
        if (t.status == TicketStatus::Closed) { // what closing requires is there
            ValidationContext closing;
            closing.categoryId = t.categoryId;
            closing.categories = &server.categories();
            closing.closing = true;
            QVERIFY2(FieldValidator::validate(server.fieldDefinitions(), t.customFields, closing).isEmpty(),
                qPrintable(what));
        }
        // Comments: by people who may see the ticket, after it was made.
        for (const Comment& c : store.comments(t.id)) {
            const std::optional<UserRecord> author = users.find(c.authorId);
            QVERIFY2(author, qPrintable(what));
            QVERIFY2(access::mayRead(author->principal(), t.groupId, t.assigneeId, t.createdBy), qPrintable(what));
            QVERIFY2(c.createdAt >= t.createdAt && c.createdAt <= now, qPrintable(what));
        }
    }
    QCOMPARE(statuses.size(), 7);
    QSqlQuery counters(db->sql());
    QVERIFY(counters.exec(QStringLiteral("SELECT day, last FROM ticket_number")));
    QHash<QString, int> counted;
    while (counters.next())
        counted.insert(counters.value(0).toString(), counters.value(1).toInt());
    for (auto it = highest.cbegin(); it != highest.cend(); ++it)
        QVERIFY2(counted.value(it.key()) >= it.value(), qPrintable(it.key()));
}

void TestDemoTeam::everyoneSyncsWhatTheyMaySee()
{
    const QList<Ticket> all = seeded();
    int customersStored = 0;
    {
        auto db = openTeam();
        auto customers = TeamRecordStore(*db).list(QStringLiteral("customer"), {}, {}, 100000);
        QVERIFY(customers.ok());
        customersStored = static_cast<int>(customers.value().size());
    }
    QCOMPARE(customersStored, kTickets / 10);
    // A supervisor sees every group, an agent their group (and what they made or have), field staff what
    // they have.
    for (const auto& [login, userId] :
        QList<QPair<QString, QString>> {{QStringLiteral("agent1"), QStringLiteral("a-01")},
            {QStringLiteral("agent6"), QStringLiteral("a-06")}, {QStringLiteral("agent15"), QStringLiteral("a-15")}}) {
        auto desk = device(login);
        const QJsonArray changes = desk->pullAll(1000, true);
        QVERIFY2(desk->lastError.isEmpty(), qPrintable(desk->lastError));
        QSet<QString> tickets;
        QHash<QString, int> kinds;
        QHash<QString, QString> groupOfCategory;
        for (const QJsonValue& value : changes) {
            const QJsonObject change = value.toObject();
            const QString entity = change.value(QStringLiteral("entity")).toString();
            ++kinds[entity];
            const QJsonObject data = change.value(QStringLiteral("data")).toObject();
            if (entity == QLatin1String("ticket"))
                tickets.insert(change.value(QStringLiteral("id")).toString());
            if (entity == QLatin1String("comment"))
                QVERIFY(tickets.contains(data.value(QStringLiteral("ticket_id")).toString())); // after its ticket
            if (entity == QLatin1String("category"))
                groupOfCategory.insert(
                    data.value(QStringLiteral("id")).toString(), data.value(QStringLiteral("group_id")).toString());
        }
        QStringList ids = tickets.values();
        std::sort(ids.begin(), ids.end());
        const QStringList expected = visibleTo(userId);
        QVERIFY2(!expected.isEmpty(), qPrintable(login));
        QCOMPARE(ids, expected);
        QCOMPARE(kinds.value(QStringLiteral("customer")), customersStored);
        QCOMPARE(kinds.value(QStringLiteral("field")), 18);
        QCOMPARE(kinds.value(QStringLiteral("user")), 16);
        QCOMPARE(kinds.value(QStringLiteral("group")), 5);
        QCOMPARE(groupOfCategory.size(), 13);
        QCOMPARE(groupOfCategory.value(QStringLiteral("order.logistics")), QStringLiteral("g-logistics"));
        QCOMPARE(groupOfCategory.value(QStringLiteral("after-sales.repair")), QStringLiteral("g-aftersales"));
        QCOMPARE(groupOfCategory.value(QStringLiteral("consult")), QString()); // a heading: no group of its own
        if (login == QLatin1String("agent1"))
            QCOMPARE(ids.size(), all.size());
        // Each has open work of their own: 我的待办 is not empty.
        const auto mine = std::count_if(all.begin(), all.end(),
            [&](const Ticket& t) { return t.assigneeId == userId && Lifecycle::isOpen(t.status); });
        QVERIFY2(mine > 0, qPrintable(login));
    }
}

void TestDemoTeam::seededTicketsTakeChangesAndNewOnesNewNumbers()
{
    const QList<Ticket> all = seeded();
    const auto find = [&](const std::function<bool(const Ticket&)>& wanted) {
        const auto it = std::find_if(all.begin(), all.end(), wanted);
        return it == all.end() ? Ticket() : *it;
    };
    const QString aftersales = QStringLiteral("g-aftersales");
    const Ticket working = find([&](const Ticket& t) {
        return t.groupId == aftersales && t.status == TicketStatus::InProgress && t.assigneeId != QLatin1String("a-06");
    });
    const Ticket fresh
        = find([&](const Ticket& t) { return t.groupId == aftersales && t.status == TicketStatus::New; });
    const Ticket fieldWork = find(
        [](const Ticket& t) { return t.assigneeId == QLatin1String("a-15") && t.status != TicketStatus::Merged; });
    QVERIFY(!working.id.isEmpty() && !fresh.id.isEmpty() && !fieldWork.id.isEmpty());

    HttpClient agent(m_server->baseUrl());
    agent.setToken(signIn(m_server->baseUrl(), QStringLiteral("agent6"), kPassword));
    // A colleague's ticket of the agent's group: taken over, by number.
    const HttpResult patched = agent.patch(QStringLiteral("/api/v1/tickets/") + working.number,
        {{QStringLiteral("assignee_id"), QStringLiteral("a-06")},
            {QStringLiteral("tags"), QJsonArray {QStringLiteral("回访")}}});
    QVERIFY2(patched.status == 200, patched.raw.constData());
    const QJsonObject taken = patched.body.value(QStringLiteral("ticket")).toObject();
    QCOMPARE(taken.value(QStringLiteral("assignee_id")).toString(), QStringLiteral("a-06"));
    QCOMPARE(taken.value(QStringLiteral("version")).toInt(), working.version + 1);
    // A new one of the group: accepted.
    const HttpResult accepted = agent.post(QStringLiteral("/api/v1/tickets/%1/transitions").arg(fresh.id),
        {{QStringLiteral("action"), QStringLiteral("accept")}});
    QVERIFY2(accepted.status == 200, accepted.raw.constData());
    QCOMPARE(accepted.body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("in_progress"));
    const HttpResult replied = agent.post(QStringLiteral("/api/v1/tickets/%1/comments").arg(fresh.id),
        {{QStringLiteral("body"), QStringLiteral("您好,工程师明天上午上门。")}});
    QVERIFY2(replied.status == 201, replied.raw.constData());

    // Field staff write on their own.
    HttpClient field(m_server->baseUrl());
    field.setToken(signIn(m_server->baseUrl(), QStringLiteral("agent15"), kPassword));
    const HttpResult noted = field.post(QStringLiteral("/api/v1/tickets/%1/comments").arg(fieldWork.id),
        {{QStringLiteral("body"), QStringLiteral("已上门核实。")},
            {QStringLiteral("visibility"), QStringLiteral("internal")}});
    QVERIFY2(noted.status == 201, noted.raw.constData());

    // A new ticket today gets a number no seeded ticket has (the newest seeded ones are today's).
    QSet<QString> numbers;
    for (const Ticket& t : all)
        numbers.insert(t.number);
    const QString today = QStringLiteral("G") + QDate::currentDate().toString(QStringLiteral("yyyyMMdd"));
    QVERIFY(std::any_of(numbers.begin(), numbers.end(), [&](const QString& n) { return n.startsWith(today); }));
    for (int i = 0; i < 2; ++i) {
        const HttpResult created = agent.post(QStringLiteral("/api/v1/tickets"),
            {{QStringLiteral("subject"), QStringLiteral("扫地机器人无法开机")},
                {QStringLiteral("category_id"), QStringLiteral("after-sales.repair")},
                {QStringLiteral("customer_id"), working.customerId}});
        QVERIFY2(created.status == 201, created.raw.constData());
        const QString number
            = created.body.value(QStringLiteral("ticket")).toObject().value(QStringLiteral("number")).toString();
        QVERIFY2(number.startsWith(today) && !numbers.contains(number), qPrintable(number));
        numbers.insert(number);
    }
}

void TestDemoTeam::aWorkstationGetsItsQueueAndFindsTheCaller()
{
    Desk desk(m_server->baseUrl(), QStringLiteral("agent6"), kPassword);
    QCOMPARE(desk.userId, QStringLiteral("a-06"));
    desk.start();
    QVERIFY(desk.idle(120000));
    QCOMPARE(desk.ticketIds(), visibleTo(QStringLiteral("a-06")));
    QSqlQuery mine(desk.db->sql());
    QVERIFY(mine.exec(QStringLiteral("SELECT count(*) FROM ticket WHERE assignee_id = 'a-06' AND status IN "
                                     "('new', 'in_progress', 'waiting_customer', 'follow_up')")));
    QVERIFY(mine.next());
    QVERIFY(mine.value(0).toInt() > 0); // 我的待办
    // A caller of one of the agent's tickets rings: the screen pop finds them in the synced archive.
    QSqlQuery ticket(desk.db->sql());
    QVERIFY(ticket.exec(QStringLiteral("SELECT customer_id, contact_phone FROM ticket WHERE assignee_id = 'a-06' "
                                       "ORDER BY id DESC LIMIT 1")));
    QVERIFY(ticket.next());
    const QList<Customer> callers = CustomerRepository(*desk.db).findByPhone(ticket.value(1).toString());
    QCOMPARE(callers.size(), 1);
    QCOMPARE(callers.first().id, ticket.value(0).toString());
    QSqlQuery customers(desk.db->sql());
    QVERIFY(customers.exec(QStringLiteral("SELECT count(*) FROM customer")) && customers.next());
    QCOMPARE(customers.value(0).toLongLong(), kTickets / 10);
}

QTEST_GUILESS_MAIN(TestDemoTeam)
#include "tst_demoteam.moc"
