#pragma once

#include <QString>
#include <QTextStream>

namespace gongdan::demo {

struct SyncBenchOptions {
    qint64 tickets = 10000;
    int agents = 0; ///< simulated agents syncing every 5 s for the latency figure; 0: skip it
    QString database; ///< team database for the server; empty: a SQLite file in a temporary folder
    QString directory; ///< for the temporary files; empty: the system's temporary folder
    bool loaded = false; ///< the database was loaded by an earlier run (same --database, --tickets): no seed, no load
};

/// `gongdan-bench sync`: starts its own gongdan-server on loopback, loads tickets through the push API
/// (each about 1.6 KB of JSON with three comments), then measures, as JSON lines: server.intents_per_s
/// (the load), sync.first.seconds and sync.own_queue.seconds (a new workstation's first sync until its
/// queue is usable, and until its own open tickets are there; sync.first.store_cpu_seconds, the CPU time
/// of the workstation's thread meanwhile), sync.search_ready.seconds, sync.propagation.median_ms and
/// .p99_ms (an edit on one workstation until another shows it, through push, poke and pull), and with
/// --agents N server.p99_ms and server.errors (N agents pulling every 5 s, some pushing). With `loaded`
/// the load is skipped (and with it server.intents_per_s and sync.pull_only.seconds).
int runSyncBench(const SyncBenchOptions& options, QTextStream& out, QTextStream& err);

} // namespace gongdan::demo
