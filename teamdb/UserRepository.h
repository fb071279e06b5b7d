#pragma once

#include "domain/Access.h"
#include "domain/Clock.h"
#include "teamdb/AuditLog.h"
#include "teamdb/ServerDatabase.h"

#include <QJsonObject>
#include <QList>
#include <functional>
#include <optional>

namespace gongdan {

/// A department tickets are routed to.
struct GroupRecord {
    QString id;
    QString nameZh;
    QString nameEn;
    bool active = true;

    QJsonObject toJson() const;
};

/// A person who signs in. The password hash never leaves the server (toJson() leaves it out).
struct UserRecord {
    QString id;
    QString login;
    QString name;
    Role role = Role::Agent;
    bool active = true;
    QStringList groupIds;
    QStringList skills;
    qint64 createdMs = 0;
    int version = 1;
    QString passwordHash;

    Principal principal() const { return Principal {id, role, groupIds}; }
    QJsonObject toJson() const;
};

/// What a change to a user sets; fields left empty stay as they are.
struct UserChange {
    std::optional<QString> name;
    std::optional<Role> role;
    std::optional<bool> active;
    std::optional<QStringList> groupIds;
    std::optional<QStringList> skills;
    std::optional<QString> passwordHash;
};

/// Users, groups, memberships and skills in the team database (SQLite or PostgreSQL). Every bad input
/// is refused with an Error naming the field, and nothing is written.
class UserRepository {
public:
    UserRepository(ServerDatabase& database, const Clock& clock);

    /// `user.id` may be empty (a UUIDv7 is made). The login is kept trimmed and lower case.
    Result<UserRecord> create(UserRecord user);
    Result<UserRecord> update(const QString& userId, const UserChange& change);
    std::optional<UserRecord> find(const QString& userId);
    std::optional<UserRecord> findByLogin(const QString& login);
    QList<UserRecord> list();

    Result<GroupRecord> createGroup(const GroupRecord& group);
    QList<GroupRecord> groups();

    static QString normalizedLogin(const QString& login) { return login.trimmed().toLower(); }

    /// Called inside the transaction of every change to a user or group with ("user" | "group", id, the
    /// public JSON, the acting user's id): the server logs it for sync there (SyncStore::logTeamChange), so
    /// the change and its log row commit together. None by default.
    using ChangeLogger = std::function<Status(
        const QString& entity, const QString& id, const QJsonObject& data, const QString& actorId)>;
    void setChangeLogger(ChangeLogger logger) { m_log = std::move(logger); }
    /// Who makes the changes that follow (an admin over REST); empty: nobody signed in (the admin tool).
    void setActor(const QString& userId) { m_actor = userId; }
    /// Every change to a user or group is appended to this audit trail in its transaction (user_create,
    /// user_change, role_change, password_change, group_create), for the audit trail's current actor. None by
    /// default (tests of this class alone).
    void setAuditLog(AuditLog* audit) { m_audit = audit; }

private:
    Status validate(const UserRecord& user);
    /// Writes the user's row with `sql`/`values`, then memberships, skills and the change log, in one
    /// transaction.
    Result<UserRecord> store(const std::optional<UserRecord>& before, const UserRecord& user, const QString& sql,
        const QVariantList& values, const QString& what);
    /// The audit entry for a user written over `before` (none: created).
    Status audit(const std::optional<UserRecord>& before, const UserRecord& user);
    Status writeMemberships(const QString& userId, const QStringList& groupIds, const QStringList& skills);
    std::optional<UserRecord> findWhere(const QString& column, const QString& value);
    int activeAdmins();

    ServerDatabase& m_database;
    QString m_actor;
    const Clock& m_clock;
    ChangeLogger m_log;
    AuditLog* m_audit = nullptr;
};

} // namespace gongdan
