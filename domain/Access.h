#pragma once

#include <QStringList>
#include <optional>

namespace gongdan {

/// What a signed-in person may do. Agents work their groups' tickets; supervisors run the floor and see
/// every group; admins also manage users, groups, field definitions and categories; field staff see only
/// the tickets assigned to them.
enum class Role { Agent, Supervisor, Admin, Field };

QString roleName(Role role);
std::optional<Role> roleFromName(const QString& name);
QStringList roleNames();

/// The person behind a request, as the server's access rules need it.
struct Principal {
    QString userId;
    Role role = Role::Agent;
    QStringList groupIds;
};

/// The access rules, one place for the server and the workstation alike.
namespace access {

/// May this person see a ticket of `groupId` assigned to `assigneeId`?
bool mayRead(const Principal& who, const QString& groupId, const QString& assigneeId);
/// Users, groups and roles.
bool mayManageUsers(const Principal& who);
/// Field definitions and categories.
bool mayManageFields(const Principal& who);
/// Shared views and the floor's dashboard.
bool maySuperviseFloor(const Principal& who);

} // namespace access

} // namespace gongdan
