#include "storage/SearchTokenizer.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <sqlite3.h>
#include <string>

namespace gongdan {

namespace {

enum class CharClass { Separator, Cjk, Letter, Digit };

struct Decoded {
    char32_t code;
    int length;
};

Decoded decodeUtf8(const unsigned char* s, int available)
{
    const unsigned char c = s[0];
    if (c < 0x80)
        return {c, 1};
    const int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (length == 1 || length > available)
        return {0xFFFD, 1};
    char32_t code = c & (0xFF >> (length + 1));
    for (int i = 1; i < length; ++i) {
        if ((s[i] & 0xC0) != 0x80)
            return {0xFFFD, 1};
        code = (code << 6) | (s[i] & 0x3F);
    }
    return {code, length};
}

// Folds a code point to what the index stores; 0 when it is a separator.
char32_t fold(char32_t code, CharClass* kind)
{
    if (code >= 0xFF01 && code <= 0xFF5E)
        code -= 0xFEE0; // full-width ASCII
    if (code < 0x80) {
        if (code >= '0' && code <= '9') {
            *kind = CharClass::Digit;
            return code;
        }
        if ((code >= 'a' && code <= 'z') || (code >= 'A' && code <= 'Z')) {
            *kind = CharClass::Letter;
            return code | 0x20;
        }
        *kind = CharClass::Separator;
        return 0;
    }
    if ((code >= 0x4E00 && code <= 0x9FFF) || (code >= 0x3400 && code <= 0x4DBF) || (code >= 0x20000 && code <= 0x2FA1F)
        || (code >= 0xF900 && code <= 0xFAFF) || (code >= 0x3040 && code <= 0x30FF)
        || (code >= 0xAC00 && code <= 0xD7AF)) {
        *kind = CharClass::Cjk;
        return code;
    }
    if ((code >= 0xC0 && code <= 0x24F && code != 0xD7 && code != 0xF7) || (code >= 0x370 && code <= 0x4FF)) {
        *kind = CharClass::Letter; // Latin-1/Extended, Greek, Cyrillic: lower-cased via QChar
        return QChar::toLower(code);
    }
    *kind = CharClass::Separator;
    return 0;
}

void appendUtf8(std::string& out, char32_t code)
{
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

struct RunChar {
    char32_t folded;
    int start;
    int end;
};

// Emits the tokens of one run of same-class characters. sink(text, start, end, colocated) returns an SQLite code.
template<typename Sink>
int emitRun(const std::vector<RunChar>& run, CharClass kind, bool document, std::string& buffer, Sink& sink)
{
    const int n = static_cast<int>(run.size());
    if (kind == CharClass::Cjk) {
        if (n == 1) {
            buffer.clear();
            appendUtf8(buffer, run[0].folded);
            return sink(buffer, run[0].start, run[0].end, false);
        }
        for (int i = 0; i + 1 < n; ++i) {
            buffer.clear();
            appendUtf8(buffer, run[static_cast<size_t>(i)].folded);
            appendUtf8(buffer, run[static_cast<size_t>(i + 1)].folded);
            if (const int rc
                = sink(buffer, run[static_cast<size_t>(i)].start, run[static_cast<size_t>(i + 1)].end, false);
                rc != SQLITE_OK)
                return rc;
        }
        return SQLITE_OK;
    }
    buffer.clear();
    for (const RunChar& c : run)
        appendUtf8(buffer, c.folded);
    const int start = run.front().start;
    const int end = run.back().end;
    if (const int rc = sink(buffer, start, end, false); rc != SQLITE_OK)
        return rc;
    if (kind == CharClass::Digit && document && n >= 4) {
        const std::string whole = buffer; // digits are one byte each
        for (int i = 1; i + 3 <= n; ++i) {
            buffer.assign(whole, static_cast<size_t>(i), std::string::npos);
            if (const int rc = sink(buffer, start, end, true); rc != SQLITE_OK)
                return rc;
        }
    }
    return SQLITE_OK;
}

template<typename Sink>
int tokenizeUtf8(const char* text, int length, bool document, Sink&& sink)
{
    std::vector<RunChar> run;
    run.reserve(64);
    std::string buffer;
    CharClass runKind = CharClass::Separator;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text);
    int pos = 0;
    while (pos <= length) {
        CharClass kind = CharClass::Separator;
        char32_t folded = 0;
        int step = 1;
        if (pos < length) {
            const Decoded d = decodeUtf8(bytes + pos, length - pos);
            step = d.length;
            folded = fold(d.code, &kind);
        }
        if (kind != runKind && !run.empty()) {
            if (const int rc = emitRun(run, runKind, document, buffer, sink); rc != SQLITE_OK)
                return rc;
            run.clear();
        }
        runKind = kind;
        if (kind != CharClass::Separator)
            run.push_back({folded, pos, pos + step});
        pos += step;
    }
    return SQLITE_OK;
}

// --- FTS5 glue ---------------------------------------------------------------------------------------

struct TokenizerInstance {
    int unused = 0;
};

int xCreate(void*, const char**, int, Fts5Tokenizer** out)
{
    *out = reinterpret_cast<Fts5Tokenizer*>(new TokenizerInstance);
    return SQLITE_OK;
}

void xDelete(Fts5Tokenizer* tokenizer)
{
    delete reinterpret_cast<TokenizerInstance*>(tokenizer);
}

int xTokenize(Fts5Tokenizer*, void* context, int flags, const char* text, int length,
    int (*xToken)(void*, int, const char*, int, int, int))
{
    const bool document = (flags & FTS5_TOKENIZE_QUERY) == 0;
    return tokenizeUtf8(text, length, document, [&](const std::string& token, int start, int end, bool colocated) {
        return xToken(
            context, colocated ? FTS5_TOKEN_COLOCATED : 0, token.data(), static_cast<int>(token.size()), start, end);
    });
}

fts5_api* fts5ApiOf(sqlite3* db)
{
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(statement, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

} // namespace

Status SearchTokenizer::registerOn(sqlite3* db)
{
    fts5_api* api = db ? fts5ApiOf(db) : nullptr;
    if (!api) {
        return Error {QStringLiteral("storage.fts5_missing"),
            QCoreApplication::translate("SearchTokenizer", "This SQLite library has no full-text search (FTS5).")};
    }
    static fts5_tokenizer tokenizer {xCreate, xDelete, xTokenize};
    if (api->xCreateTokenizer(api, "gongdan", nullptr, &tokenizer, nullptr) != SQLITE_OK) {
        return Error {QStringLiteral("storage.fts5_tokenizer"),
            QCoreApplication::translate("SearchTokenizer", "Could not register the search tokenizer.")};
    }
    return {};
}

QStringList SearchTokenizer::tokens(const QString& text, Mode mode)
{
    const QByteArray utf8 = text.toUtf8();
    QStringList result;
    tokenizeUtf8(utf8.constData(), static_cast<int>(utf8.size()), mode == Mode::Document,
        [&](const std::string& token, int, int, bool) {
            result.append(QString::fromUtf8(token.data(), static_cast<qsizetype>(token.size())));
            return SQLITE_OK;
        });
    return result;
}

QString SearchTokenizer::matchExpression(const QString& userText)
{
    QStringList phrases;
    for (const QString& term : userText.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)) {
        const QStringList parts = tokens(term, Mode::Query);
        if (parts.isEmpty())
            continue;
        const QString last = parts.last();
        const bool lastIsCjk = last.at(0).unicode() >= 0x2E80;
        const bool prefix = !lastIsCjk || (parts.size() == 1 && last.size() == 1);
        // Tokens hold only letters, digits and CJK characters, so double quotes never need escaping.
        phrases.append(QLatin1Char('"') + parts.join(QLatin1Char(' ')) + QLatin1Char('"')
            + (prefix ? QStringLiteral("*") : QString()));
    }
    return phrases.join(QStringLiteral(" AND "));
}

} // namespace gongdan
