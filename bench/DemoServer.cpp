#include "DemoServer.h"

#include "DemoTeam.h"
#include "JsonCodec.h"
#include "PasswordHasher.h"
#include "RecordApplier.h"
#include "SyncStore.h"
#include "UserRepository.h"

namespace gongdan::demo {

int seedTeamServer(const QString& database, const QString& password, QTextStream& out, QTextStream& err)
{
    auto db = ServerDatabase::open(database);
    if (!db) {
        err << db.error().message << Qt::endl;
        return 1;
    }
    SystemClock clock;
    UserRepository users(*db.value(), clock);
    SyncStore sync(*db.value(), clock);
    users.setChangeLogger([&sync](const QString& entity, const QString& id, const QJsonObject& data) {
        return sync.logTeamChange(entity, id, data);
    });
    const DemoTeam& team = DemoTeam::instance();
    const QList<GroupRecord> existing = users.groups();
    for (const DemoGroup& group : team.groups) {
        if (std::any_of(existing.begin(), existing.end(), [&](const GroupRecord& g) { return g.id == group.id; }))
            continue;
        if (auto added = users.createGroup({group.id, group.nameZh, group.nameEn, true}); !added) {
            err << added.error().message << Qt::endl;
            return 1;
        }
    }
    PasswordHasher hasher;
    auto hash = hasher.hash(password);
    if (!hash) {
        err << hash.error().message << Qt::endl;
        return 1;
    }
    int added = 0;
    for (const DemoAgent& agent : team.agents) {
        if (users.find(agent.id) || users.findByLogin(agent.login))
            continue;
        UserRecord user;
        user.id = agent.id;
        user.login = agent.login;
        user.name = agent.name;
        user.role = roleFromName(agent.role).value_or(Role::Agent);
        if (!agent.groupId.isEmpty())
            user.groupIds = {agent.groupId};
        user.passwordHash = hash.value();
        if (auto created = users.create(user); !created) {
            err << created.error().message << Qt::endl;
            return 1;
        }
        ++added;
    }
    // The team's field definitions and categories, through the server's own rules (parents first).
    TeamRecordStore records(*db.value());
    RecordApplier applier(sync, records, clock);
    UserRecord admin;
    admin.role = Role::Admin;
    QList<Mutation> upserts;
    QList<Category> categories = team.categories;
    std::stable_sort(categories.begin(), categories.end(), [](const Category& a, const Category& b) {
        return a.id.count(QLatin1Char('.')) < b.id.count(QLatin1Char('.'));
    });
    for (const Category& c : categories)
        upserts.append(
            {0, c.id, QStringLiteral("category.upsert"), c.id, {{QStringLiteral("category"), JsonCodec::toJson(c)}}});
    for (const FieldDefinition& f : team.fields)
        upserts.append({0, f.id, QStringLiteral("field.upsert"), f.id, {{QStringLiteral("definition"), f.toJson()}}});
    for (const Mutation& upsert : upserts) {
        if (records.find(upsert.name.section(QLatin1Char('.'), 0, 0), upsert.entityId))
            continue;
        ServerTransaction transaction(*db.value());
        auto applied = applier.apply(admin, upsert, QString());
        if (!applied || !transaction.commit()) {
            err << "Cannot add " << upsert.entityId << ": " << (applied ? QString() : applied.error().message)
                << Qt::endl;
            return 1;
        }
    }
    out << "Team server database " << database << ": " << team.groups.size() << " groups, " << added
        << " users added (password: " << password << ")" << Qt::endl;
    return 0;
}

} // namespace gongdan::demo
