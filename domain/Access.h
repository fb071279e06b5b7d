#pragma once

#include <QStringList>
#include <optional>

namespace gongdan {

/// What a signed-in person may do. Agents work their groups' tickets; supervisors run the floor and see
/// every group; admins also manage users, groups, field definitions and categories; field staff see only
/// the tickets assigned to them.
enum class Role { Agent, Supervisor, Admin, Field };

/// The stable key of a role ("agent", "supervisor", "admin", "field"), as stored and sent.
QString roleName(Role role);
std::optional<Role> roleFromName(const QString& name);
QStringList roleNames();
QList<Role> allRoles();
/// The role as people read it, translated ("Agent" / "坐席").
QString roleTitle(Role role);

/// The person behind a request, as the server's access rules need it.
struct Principal {
    QString userId;
    Role role = Role::Agent;
    QStringList groupIds;
};

/// The access rules, one place for the server and the workstation alike.
namespace access {

/// May this person see a ticket of `groupId` assigned to `assigneeId` and created by `creatorId`? Agents see
/// their groups' tickets, those assigned to them and those they created (a call logged for another
/// department stays in the agent's list); field staff only those assigned to them; supervisors and admins all.
bool mayRead(const Principal& who, const QString& groupId, const QString& assigneeId, const QString& creatorId = {});
/// May this person change the due times by hand (the rules set them from the priority otherwise)?
bool maySetDueTimes(const Principal& who);
/// May this person give a ticket to another person or group by editing it (field staff hand tickets back
/// with a transfer instead)?
bool mayReassign(const Principal& who);
/// Users, groups and roles.
bool mayManageUsers(const Principal& who);
/// Field definitions and categories.
bool mayManageFields(const Principal& who);
/// Shared views and the floor's dashboard.
bool maySuperviseFloor(const Principal& who);
/// May this person see a view owned by `ownerId` (empty: shared) and shared with `sharedGroupIds` (empty:
/// the whole team)? A personal view only its owner; a shared one its groups' members, supervisors and admins.
bool mayReadView(const Principal& who, const QString& ownerId, const QStringList& sharedGroupIds);
/// May this person create, change or delete a view owned by `ownerId` (empty: shared)? A personal view only
/// its owner; a shared one only supervisors and admins (maySuperviseFloor).
bool mayChangeView(const Principal& who, const QString& ownerId);
/// May this person see a sensitive value in clear (domain/Masking.h; each look is audited)? Supervisors and
/// admins; agents and field staff see the masked form only.
bool mayUnmask(const Principal& who);
/// May a person of this role edit a custom field whose definition limits editing to `editRoles` (role
/// names; empty: every role)?
bool mayEditField(Role role, const QStringList& editRoles);

} // namespace access

} // namespace gongdan
