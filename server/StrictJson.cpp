#include "server/StrictJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <vector>

namespace gongdan::strictjson {

namespace {

struct Frame {
    bool object = false;
    bool wantKey = false;
    QSet<QByteArray> keys;
};

/// The first character of `text` that the database cannot store, or -1.
qsizetype badCharacter(const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.unicode() == 0)
            return i;
        if (c.isHighSurrogate()) {
            if (i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
                ++i;
                continue;
            }
            return i;
        }
        if (c.isLowSurrogate())
            return i;
    }
    return -1;
}

Error badText(const QString& where, const QString& text, qsizetype at)
{
    const ushort code = text.at(at).unicode();
    const QString what = code == 0 ? QStringLiteral("U+0000 (NUL)")
                                   : QStringLiteral("a lone surrogate (U+%1)").arg(QString::number(code, 16).toUpper());
    return Error {QStringLiteral("request.bad_text"),
        QStringLiteral("\"%1\" holds %2 at character %3, which cannot be stored.")
            .arg(where.isEmpty() ? QStringLiteral("(the body)") : where, what)
            .arg(at),
        where};
}

Error tooMany(const QString& where, qsizetype size)
{
    return Error {QStringLiteral("request.too_many"),
        QStringLiteral("\"%1\" has %2 members; at most %3 are taken.")
            .arg(where.isEmpty() ? QStringLiteral("(the body)") : where)
            .arg(size)
            .arg(kMaxMembers),
        where};
}

/// A key as an answer names it: what cannot be stored shown as its escape (\u0000).
QString shown(const QString& key)
{
    QString out;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const QChar c = key.at(i);
        const bool paired = c.isHighSurrogate() && i + 1 < key.size() && key.at(i + 1).isLowSurrogate();
        if (paired) {
            out.append(c).append(key.at(++i));
        } else if (c.unicode() == 0 || c.isSurrogate()) {
            out.append(QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0')));
        } else {
            out.append(c);
        }
    }
    return out;
}

QString joined(const QString& where, const QString& key)
{
    return where.isEmpty() ? shown(key) : where + QLatin1Char('.') + shown(key);
}

} // namespace

Status checkSyntax(const QByteArray& json)
{
    std::vector<Frame> stack;
    bool inString = false;
    bool isKey = false;
    QByteArray key;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const auto c = static_cast<unsigned char>(json.at(i));
        if (inString) {
            if (c == '\\') {
                if (isKey)
                    key.append(json.mid(i, 2));
                ++i; // the escaped character; \uXXXX's digits are plain characters
            } else if (c == '"') {
                inString = false;
                if (isKey && !stack.empty()) {
                    if (stack.back().keys.contains(key))
                        return Error {QStringLiteral("request.duplicate_key"),
                            QStringLiteral("The key \"%1\" appears twice in one object (byte %2).")
                                .arg(QString::fromUtf8(key))
                                .arg(i),
                            QString::fromUtf8(key)};
                    stack.back().keys.insert(key);
                }
            } else if (c < 0x20) {
                return Error {QStringLiteral("request.control_character"),
                    QStringLiteral("A string holds the control character U+%1 at byte %2; JSON takes it only "
                                   "escaped (\\u%1).")
                        .arg(c, 4, 16, QLatin1Char('0'))
                        .arg(i)};
            } else if (isKey) {
                key.append(static_cast<char>(c));
            }
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            isKey = !stack.empty() && stack.back().object && stack.back().wantKey;
            key.clear();
            break;
        case '{':
            stack.push_back(Frame {true, true, {}});
            break;
        case '[':
            stack.push_back(Frame {false, false, {}});
            break;
        case '}':
        case ']':
            if (!stack.empty())
                stack.pop_back();
            break;
        case ':':
            if (!stack.empty())
                stack.back().wantKey = false;
            break;
        case ',':
            if (!stack.empty() && stack.back().object)
                stack.back().wantKey = true;
            break;
        default:
            break;
        }
    }
    return {}; // the rest of the grammar is the parser's
}

QString storable(const QString& text)
{
    QString out = text;
    for (qsizetype at = badCharacter(out); at >= 0; at = badCharacter(out))
        out.remove(at, 1);
    return out;
}

Status checkText(const QJsonValue& value, const QString& where)
{
    if (value.isString()) {
        const QString text = value.toString();
        if (const qsizetype at = badCharacter(text); at >= 0)
            return badText(where, text, at);
        return {};
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (array.size() > kMaxMembers)
            return tooMany(where, array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (Status s = checkText(array.at(i), QStringLiteral("%1[%2]").arg(where).arg(i)); !s)
                return s;
        }
        return {};
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.size() > kMaxMembers)
            return tooMany(where, object.size());
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (const qsizetype at = badCharacter(it.key()); at >= 0)
                return badText(joined(where, it.key()), it.key(), at);
            if (Status s = checkText(it.value(), joined(where, it.key())); !s)
                return s;
        }
    }
    return {};
}

} // namespace gongdan::strictjson
