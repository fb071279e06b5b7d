#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QJsonValue>

namespace gongdan::strictjson {

/// What Qt's JSON parser lets through and RFC 8259 or the team database does not: checked on every
/// body a client sends, before it is parsed (checkSyntax) and after (checkText).

/// request.control_character for a raw control character (U+0000–U+001F) inside a string, which JSON
/// allows only escaped; request.duplicate_key for an object that names a key twice (which one would count
/// is up to the reader, so neither does). Both with the byte offset.
Status checkSyntax(const QByteArray& json);

/// The most members one array or object of a body or intent may have. A ticket's tags or custom fields, a
/// customer's phones, a field's options are far fewer; without a bound, rules that compare members pairwise
/// (tags kept unique) held the request thread for seconds with a 1 MiB list.
inline constexpr qsizetype kMaxMembers = 1000;

/// request.bad_text naming the field (`where`, then dotted keys and [indexes]) for a string or key holding
/// text the team database cannot store: U+0000 (PostgreSQL's text cannot hold it) or a lone UTF-16
/// surrogate (not a character; it would be stored as "?"); request.too_many naming it for an array or object
/// of more than kMaxMembers members.
Status checkText(const QJsonValue& value, const QString& where = {});

/// `text` without what checkText() refuses (to name a refused thing in an answer that is stored).
QString storable(const QString& text);

} // namespace gongdan::strictjson
