#include "teamdb/UserRepository.h"

#include "domain/Uuid.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace gongdan {

namespace {

const QString kUserColumns = QStringLiteral("id, login, name, role, active, created_ms, version, password_hash");

QStringList cleaned(const QStringList& values)
{
    QStringList out;
    for (const QString& value : values) {
        const QString trimmed = value.trimmed();
        if (!trimmed.isEmpty() && !out.contains(trimmed))
            out.append(trimmed);
    }
    return out;
}

} // namespace

QJsonObject GroupRecord::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name_zh"), nameZh}, {QStringLiteral("name_en"), nameEn},
        {QStringLiteral("active"), active}};
}

QJsonObject UserRecord::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("login"), login}, {QStringLiteral("name"), name},
        {QStringLiteral("role"), roleName(role)}, {QStringLiteral("active"), active},
        {QStringLiteral("groups"), QJsonArray::fromStringList(groupIds)},
        {QStringLiteral("skills"), QJsonArray::fromStringList(skills)}, {QStringLiteral("version"), version}};
}

UserRepository::UserRepository(ServerDatabase& database, const Clock& clock) : m_database(database), m_clock(clock) { }

Status UserRepository::validate(const UserRecord& user)
{
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z0-9][a-z0-9._@-]{1,63}$"));
    if (!loginPattern.match(user.login).hasMatch())
        return Error {QStringLiteral("user.login_invalid"),
            QStringLiteral(
                "A login is 2 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit."),
            QStringLiteral("login")};
    if (user.name.trimmed().isEmpty() || user.name.size() > 200)
        return Error {QStringLiteral("user.name_invalid"),
            QStringLiteral("A user needs a name of at most 200 characters."), QStringLiteral("name")};
    const QList<GroupRecord> known = groups();
    for (const QString& groupId : user.groupIds) {
        const bool exists
            = std::any_of(known.begin(), known.end(), [&](const GroupRecord& group) { return group.id == groupId; });
        if (!exists)
            return Error {QStringLiteral("user.group_unknown"),
                QStringLiteral("There is no group \"%1\".").arg(groupId), QStringLiteral("groups")};
    }
    for (const QString& skill : user.skills) {
        if (skill.size() > 64)
            return Error {QStringLiteral("user.skill_invalid"), QStringLiteral("A skill has at most 64 characters."),
                QStringLiteral("skills")};
    }
    return {};
}

Result<UserRecord> UserRepository::create(UserRecord user)
{
    user.login = normalizedLogin(user.login);
    user.name = user.name.trimmed();
    user.groupIds = cleaned(user.groupIds);
    user.skills = cleaned(user.skills);
    if (Status valid = validate(user); !valid)
        return valid.error();
    if (user.passwordHash.isEmpty())
        return Error {QStringLiteral("user.password_required"), QStringLiteral("A new user needs a password."),
            QStringLiteral("password")};
    if (findByLogin(user.login))
        return Error {QStringLiteral("user.login_taken"), QStringLiteral("The login \"%1\" is taken.").arg(user.login),
            QStringLiteral("login")};
    if (user.id.isEmpty())
        user.id = UuidV7Generator(m_clock).next();
    user.createdMs = m_clock.nowMs();
    user.version = 1;

    return store(std::nullopt, user,
        QStringLiteral("INSERT INTO app_user(id, login, name, role, password_hash, active, created_ms, version) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, 1)"),
        {user.id, user.login, user.name, roleName(user.role), user.passwordHash, user.active ? 1 : 0, user.createdMs},
        QStringLiteral("Cannot add the user"));
}

Result<UserRecord> UserRepository::store(const std::optional<UserRecord>& before, const UserRecord& user,
    const QString& sql, const QVariantList& values, const QString& what)
{
    // The row, its memberships and skills, and its change-log entry commit together.
    ServerTransaction transaction(m_database);
    QSqlQuery query(m_database.sql());
    query.prepare(sql);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), what);
    if (Status written = writeMemberships(user.id, user.groupIds, user.skills); !written)
        return written.error();
    if (m_log) {
        if (Status logged = m_log(QStringLiteral("user"), user.id, user.toJson(), m_actor); !logged)
            return logged.error();
    }
    if (Status audited = audit(before, user); !audited)
        return audited.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return user;
}

Status UserRepository::audit(const std::optional<UserRecord>& before, const UserRecord& user)
{
    if (!m_audit)
        return {};
    QJsonObject detail {{QStringLiteral("login"), user.login}};
    if (!before) {
        detail.insert(QStringLiteral("role"), roleName(user.role));
        detail.insert(QStringLiteral("groups"), QJsonArray::fromStringList(user.groupIds));
        return m_audit->append(QStringLiteral("user_create"), QStringLiteral("user"), user.id, detail);
    }
    // What changed, old and new (never the password hash: only that it changed).
    QJsonObject changed;
    const auto note = [&changed](const QString& field, const QJsonValue& from, const QJsonValue& to) {
        if (from != to)
            changed.insert(field, QJsonObject {{QStringLiteral("from"), from}, {QStringLiteral("to"), to}});
    };
    note(QStringLiteral("name"), before->name, user.name);
    note(QStringLiteral("role"), roleName(before->role), roleName(user.role));
    note(QStringLiteral("active"), before->active, user.active);
    note(QStringLiteral("groups"), QJsonArray::fromStringList(before->groupIds),
        QJsonArray::fromStringList(user.groupIds));
    note(QStringLiteral("skills"), QJsonArray::fromStringList(before->skills), QJsonArray::fromStringList(user.skills));
    const bool password = before->passwordHash != user.passwordHash;
    if (password)
        changed.insert(QStringLiteral("password"), true);
    detail.insert(QStringLiteral("changed"), changed);
    const QString kind = changed.contains(QStringLiteral("role")) || changed.contains(QStringLiteral("groups"))
            || changed.contains(QStringLiteral("active"))
        ? QStringLiteral("role_change") // what the user may see and do
        : password ? QStringLiteral("password_change")
                   : QStringLiteral("user_change");
    return m_audit->append(kind, QStringLiteral("user"), user.id, detail);
}

Result<UserRecord> UserRepository::update(const QString& userId, const UserChange& change)
{
    std::optional<UserRecord> found = find(userId);
    if (!found)
        return Error {QStringLiteral("user.not_found"), QStringLiteral("There is no such user."), QStringLiteral("id")};
    UserRecord user = *found;
    const bool wasActiveAdmin = user.active && user.role == Role::Admin;
    if (change.name)
        user.name = change.name->trimmed();
    if (change.role)
        user.role = *change.role;
    if (change.active)
        user.active = *change.active;
    if (change.groupIds)
        user.groupIds = cleaned(*change.groupIds);
    if (change.skills)
        user.skills = cleaned(*change.skills);
    if (change.passwordHash)
        user.passwordHash = *change.passwordHash;
    if (Status valid = validate(user); !valid)
        return valid.error();
    if (wasActiveAdmin && !(user.active && user.role == Role::Admin) && activeAdmins() <= 1)
        return Error {QStringLiteral("user.last_admin"),
            QStringLiteral("This is the last active admin; make another user admin first."),
            change.role ? QStringLiteral("role") : QStringLiteral("active")};
    ++user.version;
    return store(found, user,
        QStringLiteral(
            "UPDATE app_user SET name = ?, role = ?, active = ?, password_hash = ?, version = ? WHERE id = ?"),
        {user.name, roleName(user.role), user.active ? 1 : 0, user.passwordHash, user.version, user.id},
        QStringLiteral("Cannot change the user"));
}

Status UserRepository::writeMemberships(const QString& userId, const QStringList& groupIds, const QStringList& skills)
{
    QSqlQuery query(m_database.sql());
    for (const QString& table : {QStringLiteral("user_group"), QStringLiteral("user_skill")}) {
        query.prepare(QStringLiteral("DELETE FROM %1 WHERE user_id = ?").arg(table));
        query.addBindValue(userId);
        if (!query.exec())
            return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot change memberships"));
    }
    for (const QString& groupId : groupIds) {
        query.prepare(QStringLiteral("INSERT INTO user_group(user_id, group_id) VALUES (?, ?)"));
        query.addBindValue(userId);
        query.addBindValue(groupId);
        if (!query.exec())
            return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot add the group membership"));
    }
    for (const QString& skill : skills) {
        query.prepare(QStringLiteral("INSERT INTO user_skill(user_id, skill) VALUES (?, ?)"));
        query.addBindValue(userId);
        query.addBindValue(skill);
        if (!query.exec())
            return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot add the skill"));
    }
    return {};
}

std::optional<UserRecord> UserRepository::find(const QString& userId)
{
    return findWhere(QStringLiteral("id"), userId);
}

std::optional<UserRecord> UserRepository::findByLogin(const QString& login)
{
    return findWhere(QStringLiteral("login"), normalizedLogin(login));
}

std::optional<UserRecord> UserRepository::findWhere(const QString& column, const QString& value)
{
    // Kept prepared: every authenticated request reads its user (on PostgreSQL a fresh QSqlQuery would
    // PREPARE, EXECUTE and DEALLOCATE each of the three statements: a third of a pull's server time).
    QSqlQuery& query
        = m_database.prepared(QStringLiteral("SELECT %1 FROM app_user WHERE %2 = ?").arg(kUserColumns, column));
    query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        query.finish();
        return std::nullopt;
    }
    UserRecord user;
    user.id = query.value(0).toString();
    user.login = query.value(1).toString();
    user.name = query.value(2).toString();
    user.role = roleFromName(query.value(3).toString()).value_or(Role::Agent);
    user.active = query.value(4).toInt() != 0;
    user.createdMs = query.value(5).toLongLong();
    user.version = query.value(6).toInt();
    user.passwordHash = query.value(7).toString();
    query.finish();
    // The user's groups and skills: one text column each, read through a kept statement.
    const auto texts = [this, &user](const QString& sql) {
        QSqlQuery& rows = m_database.prepared(sql);
        rows.addBindValue(user.id);
        QStringList out;
        if (rows.exec()) {
            while (rows.next())
                out.append(rows.value(0).toString());
        }
        rows.finish();
        return out;
    };
    user.groupIds = texts(QStringLiteral("SELECT group_id FROM user_group WHERE user_id = ? ORDER BY group_id"));
    user.skills = texts(QStringLiteral("SELECT skill FROM user_skill WHERE user_id = ? ORDER BY skill"));
    return user;
}

QList<UserRecord> UserRepository::list()
{
    QStringList ids;
    QSqlQuery query(m_database.sql());
    query.exec(QStringLiteral("SELECT id FROM app_user ORDER BY login"));
    while (query.next())
        ids.append(query.value(0).toString());
    QList<UserRecord> users;
    for (const QString& id : ids) {
        if (auto user = find(id))
            users.append(*user);
    }
    return users;
}

int UserRepository::activeAdmins()
{
    QSqlQuery query(m_database.sql());
    query.exec(QStringLiteral("SELECT COUNT(*) FROM app_user WHERE role = 'admin' AND active = 1"));
    return query.next() ? query.value(0).toInt() : 0;
}

Result<GroupRecord> UserRepository::createGroup(const GroupRecord& group)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,63}$"));
    if (!idPattern.match(group.id).hasMatch())
        return Error {QStringLiteral("group.id_invalid"),
            QStringLiteral("A group id is 1 to 64 lower-case letters, digits, '_' or '-'."), QStringLiteral("id")};
    if (group.nameZh.trimmed().isEmpty())
        return Error {QStringLiteral("group.name_required"), QStringLiteral("A group needs a Chinese name."),
            QStringLiteral("name_zh")};
    const QList<GroupRecord> known = groups();
    if (std::any_of(known.begin(), known.end(), [&](const GroupRecord& g) { return g.id == group.id; }))
        return Error {QStringLiteral("group.id_taken"), QStringLiteral("The group \"%1\" exists.").arg(group.id),
            QStringLiteral("id")};
    QSqlQuery query(m_database.sql());
    query.prepare(QStringLiteral("INSERT INTO team_group(id, name_zh, name_en, active) VALUES (?, ?, ?, ?)"));
    query.addBindValue(group.id);
    query.addBindValue(group.nameZh.trimmed());
    query.addBindValue(group.nameEn.trimmed().isEmpty() ? group.nameZh.trimmed() : group.nameEn.trimmed());
    query.addBindValue(group.active ? 1 : 0);
    GroupRecord stored = group;
    stored.nameZh = group.nameZh.trimmed();
    stored.nameEn = group.nameEn.trimmed().isEmpty() ? stored.nameZh : group.nameEn.trimmed();
    ServerTransaction transaction(m_database);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot add the group"));
    if (m_log) {
        if (Status logged = m_log(QStringLiteral("group"), stored.id, stored.toJson(), m_actor); !logged)
            return logged.error();
    }
    if (m_audit) {
        if (Status audited = m_audit->append(QStringLiteral("group_create"), QStringLiteral("group"), stored.id,
                {{QStringLiteral("name_zh"), stored.nameZh}, {QStringLiteral("name_en"), stored.nameEn}});
            !audited)
            return audited.error();
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return stored;
}

QList<GroupRecord> UserRepository::groups()
{
    QList<GroupRecord> out;
    QSqlQuery query(m_database.sql());
    query.exec(QStringLiteral("SELECT id, name_zh, name_en, active FROM team_group ORDER BY id"));
    while (query.next())
        out.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toInt() != 0});
    return out;
}

} // namespace gongdan
