#pragma once

#include <QStringList>
#include <QTextStream>

namespace gongdan {

/// `gongdan-server admin …`: manages the team's accounts directly in the team database, for the first
/// admin and for when nobody can sign in. Passwords are read from standard input, never from the
/// command line (which other users of the machine can see). Returns the process exit code:
/// 0 done, 1 refused or failed (with the reason on `err`), 2 bad usage.
int runAdminCommand(const QStringList& arguments, QTextStream& in, QTextStream& out, QTextStream& err);

} // namespace gongdan
