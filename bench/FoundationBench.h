#pragma once

#include <QString>
#include <QTextStream>

namespace gongdan::demo {

/// `gongdan-bench foundation`: seeds N tickets into a fresh store and measures seeding time, full-text
/// query latency (two-character Chinese word, English word, phone fragment) and store size per ticket.
/// Prints one JSON object per line: {"name":…,"value":…,"unit":…}.
int runFoundationBench(qint64 tickets, quint32 seed, const QString& directory, QTextStream& out);

/// Prints one benchmark figure as a JSON line.
void printFigure(QTextStream& out, const QString& name, double value, const QString& unit);

} // namespace gongdan::demo
