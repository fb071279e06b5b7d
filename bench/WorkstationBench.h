#pragma once

#include <QString>
#include <QTextStream>

namespace gongdan::demo {

/// `gongdan-bench workstation`: seeds N tickets (or reuses --store) and measures the queue the agent
/// works in: first rows of a view, re-sorting by every column, search as you type, and live counts for
/// ten views. One JSON object per line.
int runWorkstationBench(qint64 tickets, quint32 seed, const QString& directory, const QString& store, QTextStream& out);

} // namespace gongdan::demo
