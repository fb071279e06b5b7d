#pragma once

#include "Database.h"

#include <QList>

namespace gongdan {

/// One ticket found by full-text search.
struct SearchHit {
    qint64 rowid = 0;
    QString id;
    QString number;
    QString subject;
};

/// Full-text search over tickets: number, subject, description, contact name and phone, and every
/// comment. Newest first; see SearchTokenizer for what matches.
class TicketSearch {
public:
    explicit TicketSearch(Database& db);
    /// At most `limit` hits, newest first; empty for text with nothing searchable in it.
    Result<QList<SearchHit>> search(const QString& text, int limit = 50);

private:
    Database& m_db;
};

} // namespace gongdan
