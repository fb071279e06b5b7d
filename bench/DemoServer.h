#pragma once

#include <QTextStream>

namespace gongdan::demo {

/// Puts the demo team (DemoTeam: its groups and agents, with the same ids as in a seeded local store)
/// into a team database for gongdan-server, each agent with `password`. Logins: agent1 … agent15, admin.
/// Skips users and groups that exist. 0 on success.
int seedTeamServer(const QString& database, const QString& password, QTextStream& out, QTextStream& err);

} // namespace gongdan::demo
