#include "domain/Access.h"

#include <QCoreApplication>
#include <algorithm>

namespace gongdan {

namespace {

struct RoleText {
    Role role;
    const char* name;
    const char* title;
};

constexpr RoleText kRoles[] {{Role::Agent, "agent", QT_TRANSLATE_NOOP("Access", "Agent")},
    {Role::Supervisor, "supervisor", QT_TRANSLATE_NOOP("Access", "Supervisor")},
    {Role::Admin, "admin", QT_TRANSLATE_NOOP("Access", "Admin")},
    {Role::Field, "field", QT_TRANSLATE_NOOP("Access", "Field staff")}};

} // namespace

QString roleName(Role role)
{
    for (const RoleText& entry : kRoles) {
        if (entry.role == role)
            return QLatin1String(entry.name);
    }
    return {};
}

std::optional<Role> roleFromName(const QString& name)
{
    for (const RoleText& entry : kRoles) {
        if (name == QLatin1String(entry.name))
            return entry.role;
    }
    return std::nullopt;
}

QList<Role> allRoles()
{
    QList<Role> roles;
    for (const RoleText& entry : kRoles)
        roles.append(entry.role);
    return roles;
}

QString roleTitle(Role role)
{
    for (const RoleText& entry : kRoles) {
        if (entry.role == role)
            return QCoreApplication::translate("Access", entry.title);
    }
    return {};
}

QStringList roleNames()
{
    QStringList names;
    for (const RoleText& entry : kRoles)
        names.append(QLatin1String(entry.name));
    return names;
}

namespace access {

bool mayRead(const Principal& who, const QString& groupId, const QString& assigneeId, const QString& creatorId)
{
    switch (who.role) {
    case Role::Admin:
    case Role::Supervisor:
        return true;
    case Role::Agent:
        return (!groupId.isEmpty() && who.groupIds.contains(groupId))
            || (!assigneeId.isEmpty() && assigneeId == who.userId) || (!creatorId.isEmpty() && creatorId == who.userId);
    case Role::Field:
        return !assigneeId.isEmpty() && assigneeId == who.userId;
    }
    return false;
}

bool mayManageUsers(const Principal& who)
{
    return who.role == Role::Admin;
}

bool mayManageFields(const Principal& who)
{
    return who.role == Role::Admin;
}

bool maySuperviseFloor(const Principal& who)
{
    return who.role == Role::Admin || who.role == Role::Supervisor;
}

bool maySetDueTimes(const Principal& who)
{
    return maySuperviseFloor(who);
}

bool mayReassign(const Principal& who)
{
    return who.role != Role::Field;
}

bool mayReadView(const Principal& who, const QString& ownerId, const QStringList& sharedGroupIds)
{
    if (!ownerId.isEmpty())
        return ownerId == who.userId;
    if (sharedGroupIds.isEmpty() || maySuperviseFloor(who))
        return true;
    return std::any_of(sharedGroupIds.begin(), sharedGroupIds.end(),
        [&who](const QString& group) { return who.groupIds.contains(group); });
}

bool mayChangeView(const Principal& who, const QString& ownerId)
{
    return ownerId.isEmpty() ? maySuperviseFloor(who) : ownerId == who.userId;
}

bool mayUnmask(const Principal& who)
{
    return who.role == Role::Admin || who.role == Role::Supervisor;
}

bool mayEditField(Role role, const QStringList& editRoles)
{
    return editRoles.isEmpty() || editRoles.contains(roleName(role));
}

} // namespace access

} // namespace gongdan
