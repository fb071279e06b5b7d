#pragma once

#include "domain/Result.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <optional>

namespace gongdan::api {

/// Bodies above this are refused with 413 before they are parsed.
constexpr qsizetype kMaxBodyBytes = 1024 * 1024;

/// The HTTP status for an error code: *.not_found 404, auth.throttled, auth.address_throttled and
/// auth.server_throttled 429, auth.busy 503, other auth.* 401,
/// access.denied, auth.inactive, view.shared_forbidden and view.not_owner 403, *_taken and conflicts 409,
/// request.too_large and attachment.too_large 413, request.media_type 415, server.* 500 or 503, everything else
/// (validation) 400.
QHttpServerResponse::StatusCode statusFor(const QString& code);
/// {"code", "message", "field"} with the status statusFor() gives.
QHttpServerResponse errorResponse(const Error& error);
QHttpServerResponse jsonResponse(
    const QJsonObject& body, QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok);
Error accessDenied(const QString& what);

/// The JSON object in the body, refused when it is too large, not strict JSON (raw control characters in
/// strings, a key twice in one object: server/StrictJson), not an object, holds text the database cannot
/// store (request.bad_text naming the field), or has a key outside `allowed` (a misspelt field must not
/// be ignored silently). The text of the keys in `checkedByCaller` is left to the caller, which refuses
/// item by item (a push's mutations).
Result<QJsonObject> parseBody(
    const QHttpServerRequest& request, const QStringList& allowed, const QStringList& checkedByCaller = {});
/// The same without the list: the caller hands every key to rules that refuse what they do not know
/// (a ticket patch: TicketRules, as for a pushed ticket.patch).
Result<QJsonObject> parseObject(const QHttpServerRequest& request, const QStringList& checkedByCaller = {});

/// Typed reads of a parsed body: absent → nullopt; present with the wrong type → request.wrong_type.
Result<std::optional<QString>> optionalString(const QJsonObject& body, const QString& key);
Result<std::optional<bool>> optionalBool(const QJsonObject& body, const QString& key);
Result<std::optional<QStringList>> optionalStringList(const QJsonObject& body, const QString& key);
/// Every present key of `types` holds a value of its JSON type (Double: any number), or request.wrong_type.
Status checkTypes(const QJsonObject& body, const QList<std::pair<QString, QJsonValue::Type>>& types);
/// Present and a non-empty string, or request.missing_field.
Result<QString> requiredString(const QJsonObject& body, const QString& key);

/// The query's `limit`: `fallback` when absent, a request.wrong_type error unless a whole number 1…`maximum`.
Result<int> limitParameter(const QHttpServerRequest& request, int fallback, int maximum);

/// The token of "Authorization: Bearer <token>"; empty when there is none.
QString bearerToken(const QHttpServerRequest& request);

} // namespace gongdan::api
