#pragma once

#include <QDateTime>
#include <QTextStream>

namespace gongdan::demo {

/// What seedTeamServer() writes.
struct TeamSeedOptions {
    QString database; ///< a SQLite file or postgresql://…
    QString password = QStringLiteral("demo-password"); ///< of every demo user
    qint64 tickets = 2000; ///< 0: the team's structure only (users, groups, categories, field definitions)
    quint32 seed = 20231001;
    bool fresh = false; ///< start from an empty database (everything in it is dropped first)
    QDateTime end; ///< newest ticket's creation time; now when invalid
};

/// Puts the demo team into a team database for gongdan-server as a real team's server would hold it:
/// its groups and users (DemoTeam, the same ids as in a seeded local store; logins agent1 … agent15 and
/// admin, each with the password), its categories (each with its group), field definitions and
/// customers as team records, and the tickets DemoTicketMaker makes with their comments, each with its
/// change-log row and the per-day number counters moved past every seeded number. Users and groups that
/// exist are skipped; records, customers and tickets are written in one transaction, and only into a
/// database that holds no ticket and no customer yet (else they are left alone, unless `fresh`).
/// 0 on success; a sentence on `err` otherwise.
int seedTeamServer(const TeamSeedOptions& options, QTextStream& out, QTextStream& err);

} // namespace gongdan::demo
