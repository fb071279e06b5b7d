#include "Access.h"

namespace gongdan {

namespace {

struct RoleText {
    Role role;
    const char* name;
};

constexpr RoleText kRoles[] {
    {Role::Agent, "agent"}, {Role::Supervisor, "supervisor"}, {Role::Admin, "admin"}, {Role::Field, "field"}};

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

QStringList roleNames()
{
    QStringList names;
    for (const RoleText& entry : kRoles)
        names.append(QLatin1String(entry.name));
    return names;
}

namespace access {

bool mayRead(const Principal& who, const QString& groupId, const QString& assigneeId)
{
    switch (who.role) {
    case Role::Admin:
    case Role::Supervisor:
        return true;
    case Role::Agent:
        return who.groupIds.contains(groupId) || (!assigneeId.isEmpty() && assigneeId == who.userId);
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

} // namespace access

} // namespace gongdan
