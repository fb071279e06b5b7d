#pragma once

#include <QString>
#include <QTextStream>

namespace gongdan::demo {

/// `gongdan-bench workstation`: seeds N tickets (or reuses --store) and measures the queue the agent
/// works in: first rows of a view, re-sorting by every column, search as you type, and live counts for
/// ten views. One JSON object per line. A `directory` or `store` that cannot be used, or a failure, is said on
/// `err` (naming the path) and returns non-zero.
int runWorkstationBench(
    qint64 tickets, quint32 seed, const QString& directory, const QString& store, QTextStream& out, QTextStream& err);

} // namespace gongdan::demo
