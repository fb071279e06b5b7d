#pragma once

#include <QString>
#include <QTextStream>

namespace gongdan::demo {

struct HostileBenchOptions {
    qint64 tickets = 200; ///< seeded into each team database (the signed-in read picks one)
    QString database; ///< a PostgreSQL database to use as well (emptied first); else GONGDAN_TEST_POSTGRES's cluster
    QString directory; ///< for the temporary files; empty: the system's temporary folder
};

/// `gongdan-bench server-hostile`: hostile clients against its own gongdan-server (started as `sync` does, with its
/// default limits), on SQLite and, when a cluster is given (--database postgresql://… or GONGDAN_TEST_POSTGRES), on
/// PostgreSQL in a database of its own. JSON lines, each with its "backend":
/// - hostile.upload.peak_rss_mb: the server's peak RSS (VmHWM) after 20 concurrent uploads declaring 1 GiB and
///   streaming bytes to five routes, each refused (a fresh server, so nothing else raised the peak);
/// - hostile.signin_flood.p99_ms: p99 of GET /health and a signed-in GET of a ticket while 50 clients (from one
///   address) send wrong passwords as fast as they are answered; hostile.quiet.p99_ms, the same probes just before
///   the flood (what the machine gives anyway);
/// - hostile.server_errors: answers of 5xx among all of the above.
int runHostileBench(const HostileBenchOptions& options, QTextStream& out, QTextStream& err);

} // namespace gongdan::demo
