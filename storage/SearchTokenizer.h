#pragma once

#include "domain/Result.h"

#include <QStringList>

struct sqlite3;

namespace gongdan {

/// The "gongdan" FTS5 tokenizer, for Chinese and English in one index (see docs/ARCHITECTURE.md, "Search").
/// - Han, kana and hangul runs become overlapping bigrams (退款流程 → 退款 款流 流程); a lone character is
///   its own token. A two-character word is therefore one exact index lookup.
/// - Latin letters and digits form words, split where letters meet digits (G20231001001 → g 20231001001),
///   ASCII-folded to lower case; full-width forms fold to ASCII.
/// - In documents, a digit run of 4+ digits also gets every suffix of 3+ digits as a colocated token, so a
///   fragment from anywhere in a phone number is found by a prefix query on one term.
class SearchTokenizer {
public:
    enum class Mode { Document, Query };

    /// Registers the tokenizer on an open SQLite connection; needed before any FTS table is touched.
    static Status registerOn(sqlite3* db);

    /// The tokens the index holds (Document) or looks up (Query) for a text; colocated tokens included.
    static QStringList tokens(const QString& text, Mode mode);

    /// Turns what a person typed into an FTS5 MATCH expression: each whitespace-separated term becomes a
    /// phrase of its tokens; terms are ANDed; a trailing Latin word, digit run or lone CJK character matches
    /// as a prefix (search as you type). Empty when nothing searchable was typed.
    static QString matchExpression(const QString& userText);
};

} // namespace gongdan
