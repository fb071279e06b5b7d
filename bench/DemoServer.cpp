#include "bench/DemoServer.h"

#include "bench/DemoTeam.h"
#include "bench/DemoTickets.h"
#include "domain/JsonCodec.h"
#include "server/MutationApplier.h"
#include "server/PasswordHasher.h"
#include "server/RecordApplier.h"
#include "server/SensitiveWrites.h"
#include "teamdb/SyncStore.h"
#include "teamdb/UserRepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QUrl>

namespace gongdan::demo {

namespace {

struct Seeded {
    int users = 0, categories = 0, fields = 0;
    qint64 customers = 0, tickets = 0, comments = 0;
    bool leftAlone = false;
};

bool isPostgres(const QString& location)
{
    const QString scheme = QUrl(location).scheme();
    return scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres");
}

/// Empties the team database: a SQLite file is removed (with its WAL), a PostgreSQL database loses every
/// table of its schema. The next open() migrates it anew, under a new epoch, so that workstations which
/// synced the old one start over.
Status dropEverything(const QString& location)
{
    if (!isPostgres(location)) {
        const QString file = location.startsWith(QLatin1String("sqlite:")) ? location.mid(7) : location;
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            if (QFile::exists(file + suffix) && !QFile::remove(file + suffix))
                return Error {QStringLiteral("seed.fresh"), QStringLiteral("Cannot remove %1").arg(file + suffix), {}};
        }
        return {};
    }
    auto db = ServerDatabase::open(location);
    if (!db)
        return db.error();
    QSqlQuery query(db.value()->sql());
    QStringList tables;
    if (!query.exec(QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")))
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot list the tables"));
    while (query.next())
        tables.append(query.value(0).toString());
    if (!tables.isEmpty() && !query.exec(QStringLiteral("DROP TABLE %1 CASCADE").arg(tables.join(QLatin1Char(',')))))
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot drop the tables"));
    query.exec(QStringLiteral("DROP SEQUENCE IF EXISTS naive_change_seq"));
    return {};
}

/// Groups and users that are missing, each through UserRepository (and so logged for every device).
Status addPeople(UserRepository& users, const QString& password, Seeded& seeded)
{
    const DemoTeam& team = DemoTeam::instance();
    const QList<GroupRecord> existing = users.groups();
    for (const DemoGroup& group : team.groups) {
        if (std::any_of(existing.begin(), existing.end(), [&](const GroupRecord& g) { return g.id == group.id; }))
            continue;
        if (auto added = users.createGroup({group.id, group.nameZh, group.nameEn, true}); !added)
            return added.error();
    }
    PasswordHasher hasher;
    QString hash; // made once, and only when someone is missing (Argon2id takes a while on purpose)
    for (const DemoAgent& agent : team.agents) {
        if (users.find(agent.id) || users.findByLogin(agent.login))
            continue;
        if (hash.isEmpty()) {
            auto made = hasher.hash(password);
            if (!made)
                return made.error();
            hash = made.value();
        }
        UserRecord user;
        user.id = agent.id;
        user.login = agent.login;
        user.name = agent.name;
        user.role = roleFromName(agent.role).value_or(Role::Agent);
        if (!agent.groupId.isEmpty())
            user.groupIds = {agent.groupId};
        user.passwordHash = hash;
        if (auto created = users.create(user); !created)
            return created.error();
        ++seeded.users;
    }
    return {};
}

Result<bool> holdsWork(ServerDatabase& db)
{
    QSqlQuery query(db.sql());
    if (!query.exec(QStringLiteral("SELECT (SELECT count(*) FROM ticket) + "
                                   "(SELECT count(*) FROM team_record WHERE kind = 'customer')"))
        || !query.next())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot count the tickets"));
    return query.value(0).toLongLong() > 0;
}

/// Writes one record through the server's own rules (RecordApplier: checked, stored, logged for everyone).
Status upsert(RecordApplier& applier, const QString& name, const QString& id, const QJsonObject& args)
{
    UserRecord admin;
    admin.role = Role::Admin;
    auto applied = applier.apply(admin, {0, QString(), name, id, args}, QString());
    if (!applied)
        return Error {applied.error().code,
            QStringLiteral("Cannot add %1 %2: %3").arg(name, id, applied.error().message), applied.error().field};
    return {};
}

/// The team's categories (parents first) and field definitions that are missing.
Status addDefinitions(RecordApplier& applier, TeamRecordStore& records, Seeded& seeded)
{
    const DemoTeam& team = DemoTeam::instance();
    QList<Category> categories = team.categories;
    std::stable_sort(categories.begin(), categories.end(), [](const Category& a, const Category& b) {
        return a.id.count(QLatin1Char('.')) < b.id.count(QLatin1Char('.'));
    });
    for (const Category& c : categories) {
        if (records.find(QStringLiteral("category"), c.id))
            continue;
        if (Status s = upsert(
                applier, QStringLiteral("category.upsert"), c.id, {{QStringLiteral("category"), JsonCodec::toJson(c)}});
            !s)
            return s;
        ++seeded.categories;
    }
    for (const FieldDefinition& f : team.fields) {
        if (records.find(QStringLiteral("field"), f.id))
            continue;
        if (Status s
            = upsert(applier, QStringLiteral("field.upsert"), f.id, {{QStringLiteral("definition"), f.toJson()}});
            !s)
            return s;
        ++seeded.fields;
    }
    return {};
}

/// The customers, then the tickets with their comments, each under its own seq, and the per-day number
/// counters past every seeded number (a ticket created later never gets a seeded one's number).
Status addWork(SyncStore& sync, UserRepository& users, RecordApplier& applier, ManualClock& recordClock,
    const SeedOptions& options, Seeded& seeded)
{
    const QList<Customer> customers = demoCustomers(options);
    for (const Customer& c : customers) {
        recordClock.set(c.updatedAt); // the archive's own times, not the seeding's
        if (Status s = upsert(
                applier, QStringLiteral("customer.upsert"), c.id, {{QStringLiteral("customer"), JsonCodec::toJson(c)}});
            !s)
            return s;
    }
    seeded.customers = customers.size();
    SystemClock clock;
    MutationApplier tickets(sync, users, clock);
    DemoTicketMaker maker(options, customers);
    QHash<QString, QString> logins; // an event records its actor's login too
    for (const UserRecord& user : users.list())
        logins.insert(user.id, user.login);
    QHash<QDate, int> highest;
    while (!maker.atEnd()) {
        const DemoTicket made = maker.next();
        const Ticket& t = made.ticket;
        const ChangeScope scope = MutationApplier::scopeOf(t);
        auto seq = sync.nextSeq();
        if (!seq)
            return seq.error();
        if (Status s = sync.upsertTicket(t, seq.value(), true); !s)
            return s;
        if (Status s = sync.appendChange(seq.value(), QStringLiteral("ticket"), t.id, scope, QStringLiteral("upsert"),
                tickets.ticketData(t), {}, {});
            !s)
            return s;
        for (const Comment& c : made.comments) {
            auto commentSeq = sync.nextSeq();
            if (!commentSeq)
                return commentSeq.error();
            if (Status s = sync.insertComment(c, commentSeq.value()); !s)
                return s;
            if (Status s = sync.appendChange(commentSeq.value(), QStringLiteral("comment"), c.id, scope,
                    QStringLiteral("upsert"), JsonCodec::toJson(c), {}, {});
                !s)
                return s;
        }
        for (qsizetype i = 0; i < made.events.size(); ++i) { // the log, as the server records it
            TicketEvent e = made.events.at(i);
            e.ticketId = t.id;
            e.eventId = TicketChange::eventId(t.id, static_cast<int>(i)); // its history as one change
            e.actorLogin = logins.value(e.actorId);
            auto eventSeq = sync.nextSeq();
            if (!eventSeq)
                return eventSeq.error();
            if (Status s = sync.insertEvent(e, eventSeq.value()); !s)
                return s;
            if (Status s = sync.appendChange(eventSeq.value(), QStringLiteral("event"), e.eventId, scope,
                    QStringLiteral("upsert"), JsonCodec::toJson(e), {}, {});
                !s)
                return s;
        }
        highest[made.day] = std::max(highest.value(made.day), made.sequence);
        seeded.comments += made.comments.size();
    }
    seeded.tickets = maker.made();
    for (auto it = highest.cbegin(); it != highest.cend(); ++it) {
        if (Status s = sync.reserveNumber(it.key(), it.value()); !s)
            return s;
    }
    return {};
}

Result<Seeded> seed(const TeamSeedOptions& options)
{
    if (options.fresh) {
        if (Status s = dropEverything(options.database); !s)
            return s.error();
    }
    auto db = ServerDatabase::open(options.database);
    if (!db)
        return db.error();
    SystemClock clock;
    UserRepository users(*db.value(), clock);
    SyncStore sync(*db.value(), clock);
    users.setChangeLogger([&sync](const QString& entity, const QString& id, const QJsonObject& data,
                              const QString& actorId) { return sync.logTeamChange(entity, id, data, actorId); });
    Seeded seeded;
    // Users and groups first, each in UserRepository's own transaction (they are skipped when they exist).
    if (Status s = addPeople(users, options.password, seeded); !s)
        return s.error();
    ServerTransaction transaction(*db.value());
    if (!transaction.begun())
        return transaction.commit().error();
    TeamRecordStore records(*db.value());
    ManualClock recordClock(clock.now());
    SensitiveVault vault(*db.value());
    SensitiveWrites sensitive(vault); // demo customers carry no ID card; the rules stay the server's
    RecordApplier applier(sync, records, sensitive, recordClock);
    if (Status s = addDefinitions(applier, records, seeded); !s)
        return s.error();
    auto busy = holdsWork(*db.value());
    if (!busy)
        return busy.error();
    seeded.leftAlone = busy.value();
    if (options.tickets > 0 && !seeded.leftAlone) {
        SeedOptions generation;
        generation.tickets = options.tickets;
        generation.seed = options.seed;
        generation.end = options.end.isValid() ? options.end : QDateTime::currentDateTime();
        if (Status s = addWork(sync, users, applier, recordClock, generation, seeded); !s)
            return s.error();
    }
    if (Status s = transaction.commit(); !s)
        return s.error();
    return seeded;
}

} // namespace

int seedTeamServer(const TeamSeedOptions& options, QTextStream& out, QTextStream& err)
{
    QElapsedTimer timer;
    timer.start();
    auto seeded = seed(options);
    if (!seeded) {
        err << options.database << ": " << seeded.error().message << Qt::endl;
        return 1;
    }
    const Seeded& s = seeded.value();
    const QString where = QUrl(options.database).toString(QUrl::RemovePassword);
    out << "Team database " << where << ": " << s.users << " users added (password: " << options.password << "), "
        << s.categories << " categories, " << s.fields << " field definitions";
    if (options.tickets > 0 && s.leftAlone)
        out << "; it already holds tickets or customers: left as it is (--fresh reseeds it)";
    else if (options.tickets > 0)
        out << ", " << s.customers << " customers, " << s.tickets << " tickets with " << s.comments << " comments";
    out << " in " << timer.elapsed() / 1000.0 << " s" << Qt::endl;
    return 0;
}

} // namespace gongdan::demo
