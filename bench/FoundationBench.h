#pragma once

#include <QList>
#include <QString>
#include <QTextStream>

namespace gongdan::demo {

/// `gongdan-bench foundation`: seeds N tickets into a fresh store and measures seeding time, full-text
/// query latency (two-character Chinese word, English word, phone fragment) and store size per ticket.
/// Prints one JSON object per line: {"name":…,"value":…,"unit":…}. A `directory` that does not exist or
/// cannot be written, or a failure, is said on `err` (naming the folder) and returns non-zero.
int runFoundationBench(qint64 tickets, quint32 seed, const QString& directory, QTextStream& out, QTextStream& err);

/// The median of some timings (the mean of the middle two for an even count); 0 for none.
double median(QList<double> values);

/// Prints one benchmark figure as a JSON line.
void printFigure(QTextStream& out, const QString& name, double value, const QString& unit);

} // namespace gongdan::demo
