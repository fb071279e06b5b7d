#pragma once

#include "storage/Database.h"

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

    /// SQL selecting the rowids of the newest `cap` tickets whose text or comments match, and of the
    /// ticket whose provisional reference (`K7Q-0009`, kept as an alias once the server numbered it) is
    /// the text; bind hitParams(). Both FTS tables walk their doclists newest first and stop at the cap,
    /// so a common word costs what a rare one does.
    static QString hitRowidsSql(int cap);
    /// What to bind to hitRowidsSql()'s parameters: the match expression twice, the reference once.
    static QVariantList hitParams(const QString& text, const QString& match);

private:
    Database& m_db;
};

} // namespace gongdan
