#pragma once

#include <QString>
#include <array>
#include <limits>

namespace gongdan {

/// The tables with a full-text index (tokenizer: SearchTokenizer), for the migrations that create the
/// indexes and their triggers, BulkLoad and SearchIndexer.
struct FullTextTable {
    const char* table; ///< the content table: ticket, comment, customer
    const char* fts; ///< its FTS5 index
    const char* columns; ///< the indexed columns, in the index's order
};

inline constexpr std::array<FullTextTable, 3> kFullTextTables {{
    {"ticket", "ticket_fts", "number, subject, description, contact_name, contact_phone"},
    {"comment", "comment_fts", "body"},
    {"customer", "customer_fts", "name, number, phones"},
}};

/// fts_progress.upto of a table whose rows are all indexed.
inline constexpr qint64 kFullTextComplete = std::numeric_limits<qint64>::max();

/// "new.a, new.b" for the columns "a, b".
inline QString prefixedColumns(const char* columns, const char* prefix)
{
    QString out;
    for (const QString& column : QString::fromLatin1(columns).split(QStringLiteral(", "))) {
        if (!out.isEmpty())
            out.append(QStringLiteral(", "));
        out.append(QLatin1String(prefix)).append(QLatin1Char('.')).append(column);
    }
    return out;
}

} // namespace gongdan
