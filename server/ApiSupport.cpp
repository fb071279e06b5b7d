#include "server/ApiSupport.h"

#include "server/StrictJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrlQuery>
#include <cmath>
#include <limits>

namespace gongdan::api {

using StatusCode = QHttpServerResponse::StatusCode;

StatusCode statusFor(const QString& code)
{
    if (code == QLatin1String("not_found") || code.endsWith(QLatin1String(".not_found")))
        return StatusCode::NotFound;
    if (code == QLatin1String("auth.throttled") || code == QLatin1String("auth.address_throttled")
        || code == QLatin1String("auth.server_throttled"))
        return StatusCode::TooManyRequests;
    if (code == QLatin1String("auth.busy"))
        return StatusCode::ServiceUnavailable;
    if (code == QLatin1String("access.denied") || code == QLatin1String("auth.inactive")
        || code == QLatin1String("view.shared_forbidden") || code == QLatin1String("view.not_owner"))
        return StatusCode::Forbidden;
    if (code.startsWith(QLatin1String("auth.")))
        return StatusCode::Unauthorized;
    if (code == QLatin1String("sync.out_of_order") || code == QLatin1String("sync.resync_required"))
        return StatusCode::Conflict;
    if (code.endsWith(QLatin1String("_taken")) || code.endsWith(QLatin1String(".conflict"))
        || code.endsWith(QLatin1String(".last_admin")))
        return StatusCode::Conflict;
    if (code == QLatin1String("request.too_large") || code == QLatin1String("attachment.too_large"))
        return StatusCode::PayloadTooLarge;
    if (code == QLatin1String("request.media_type"))
        return StatusCode::UnsupportedMediaType;
    if (code == QLatin1String("server.database_unavailable"))
        return StatusCode::ServiceUnavailable;
    if (code.startsWith(QLatin1String("server.")))
        return StatusCode::InternalServerError;
    return StatusCode::BadRequest;
}

QHttpServerResponse jsonResponse(const QJsonObject& body, StatusCode status)
{
    QHttpServerResponse response(
        QByteArrayLiteral("application/json"), QJsonDocument(body).toJson(QJsonDocument::Compact), status);
    return response;
}

QHttpServerResponse errorResponse(const Error& error)
{
    const StatusCode status = statusFor(error.code);
    QHttpServerResponse response
        = jsonResponse({{QStringLiteral("code"), error.code}, {QStringLiteral("message"), error.message},
                           {QStringLiteral("field"), error.field}},
            status);
    if (status == StatusCode::Unauthorized)
        response.addHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"gongdan\""));
    return response;
}

Error accessDenied(const QString& what)
{
    return Error {QStringLiteral("access.denied"), QStringLiteral("Your role may not %1.").arg(what)};
}

Result<QJsonObject> parseBody(
    const QHttpServerRequest& request, const QStringList& allowed, const QStringList& checkedByCaller)
{
    auto object = parseObject(request, checkedByCaller);
    if (!object)
        return object;
    const QJsonObject& fields = object.value();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!allowed.contains(it.key()))
            return Error {QStringLiteral("request.unknown_field"),
                QStringLiteral("\"%1\" is not a field here; known: %2.")
                    .arg(it.key(), allowed.join(QStringLiteral(", "))),
                it.key()};
    }
    return object;
}

Result<QJsonObject> parseObject(const QHttpServerRequest& request, const QStringList& checkedByCaller)
{
    const QByteArray body = request.body();
    if (body.size() > kMaxBodyBytes)
        return Error {QStringLiteral("request.too_large"),
            QStringLiteral("The body has %1 bytes; at most %2 are taken.").arg(body.size()).arg(kMaxBodyBytes)};
    const QByteArray type = request.value(QByteArrayLiteral("Content-Type")).toLower();
    if (!type.startsWith("application/json"))
        return Error {QStringLiteral("request.media_type"), QStringLiteral("Send the body as application/json.")};
    if (Status strict = strictjson::checkSyntax(body); !strict)
        return strict.error();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error {QStringLiteral("request.malformed_json"),
            QStringLiteral("The body is not JSON: %1 at byte %2.")
                .arg(parseError.errorString())
                .arg(parseError.offset)};
    if (!document.isObject())
        return Error {QStringLiteral("request.not_object"), QStringLiteral("The body must be a JSON object.")};
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (checkedByCaller.contains(it.key()))
            continue;
        if (Status text = strictjson::checkText(QJsonObject {{it.key(), it.value()}}); !text)
            return text.error();
    }
    return object;
}

namespace {

Error wrongType(const QString& key, const QString& expected)
{
    return Error {QStringLiteral("request.wrong_type"), QStringLiteral("\"%1\" must be %2.").arg(key, expected), key};
}

} // namespace

Result<int> limitParameter(const QHttpServerRequest& request, int fallback, int maximum)
{
    const QUrlQuery query = request.query();
    if (!query.hasQueryItem(QStringLiteral("limit")))
        return fallback;
    bool ok = false;
    const int limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1 || limit > maximum)
        return Error {QStringLiteral("request.wrong_type"),
            QStringLiteral("limit is a whole number from 1 to %1.").arg(maximum), QStringLiteral("limit")};
    return limit;
}

Status checkTypes(const QJsonObject& body, const QList<std::pair<QString, QJsonValue::Type>>& types)
{
    // What the document types as integer: a fraction or a number past int would be stored as 0.
    static const QStringList wholeNumbers {
        QStringLiteral("order"), QStringLiteral("position"), QStringLiteral("precision"), QStringLiteral("max_length")};
    for (const auto& [key, type] : types) {
        if (!body.contains(key))
            continue;
        if (body.value(key).type() == type) {
            const double number = body.value(key).toDouble();
            if (type == QJsonValue::Double && wholeNumbers.contains(key)
                && (number != std::floor(number) || number < std::numeric_limits<int>::min()
                    || number > std::numeric_limits<int>::max()))
                return wrongType(key, QStringLiteral("a whole number from -2147483648 to 2147483647"));
            continue;
        }
        switch (type) {
        case QJsonValue::String:
            return wrongType(key, QStringLiteral("a string"));
        case QJsonValue::Double:
            return wrongType(key, QStringLiteral("a number"));
        case QJsonValue::Bool:
            return wrongType(key, QStringLiteral("true or false"));
        case QJsonValue::Array:
            return wrongType(key, QStringLiteral("an array"));
        default:
            return wrongType(key, QStringLiteral("an object"));
        }
    }
    return {};
}

Result<std::optional<QString>> optionalString(const QJsonObject& body, const QString& key)
{
    if (!body.contains(key))
        return std::optional<QString>();
    if (!body.value(key).isString())
        return wrongType(key, QStringLiteral("a string"));
    return std::optional<QString>(body.value(key).toString());
}

Result<std::optional<bool>> optionalBool(const QJsonObject& body, const QString& key)
{
    if (!body.contains(key))
        return std::optional<bool>();
    if (!body.value(key).isBool())
        return wrongType(key, QStringLiteral("true or false"));
    return std::optional<bool>(body.value(key).toBool());
}

Result<std::optional<QStringList>> optionalStringList(const QJsonObject& body, const QString& key)
{
    if (!body.contains(key))
        return std::optional<QStringList>();
    if (!body.value(key).isArray())
        return wrongType(key, QStringLiteral("a list of strings"));
    QStringList out;
    for (const QJsonValue& value : body.value(key).toArray()) {
        if (!value.isString())
            return wrongType(key, QStringLiteral("a list of strings"));
        out.append(value.toString());
    }
    return std::optional<QStringList>(out);
}

Result<QString> requiredString(const QJsonObject& body, const QString& key)
{
    auto value = optionalString(body, key);
    if (!value)
        return value.error();
    if (!value.value() || value.value()->trimmed().isEmpty())
        return Error {QStringLiteral("request.missing_field"), QStringLiteral("\"%1\" is required.").arg(key), key};
    return *value.value();
}

QString bearerToken(const QHttpServerRequest& request)
{
    const QByteArray header = request.value(QByteArrayLiteral("Authorization"));
    if (!header.startsWith("Bearer "))
        return {};
    return QString::fromLatin1(header.mid(7).trimmed());
}

} // namespace gongdan::api
