#pragma once

#include <QStringList>
#include <QTextStream>

namespace gongdan {

/// `gongdan-server audit verify [--database LOCATION] [--expect SEQ:HASH]`: walks the team database's audit
/// trail (teamdb/AuditLog) and says "ok, N entries" (exit 0) or the first entry that was edited, inserted or
/// deleted and what is wrong (exit 1). `--expect`: a head noted earlier outside the database (the output of
/// an earlier verify) must still be in the chain, which catches a rewrite of the whole chain and its anchor.
/// 2: bad usage or the database cannot be opened.
int runAuditCommand(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace gongdan
