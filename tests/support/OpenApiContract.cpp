#include "tests/support/OpenApiContract.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace gongdan::test {

std::optional<OpenApiContract> OpenApiContract::load(QString* error)
{
    return fromFile(QStringLiteral(GONGDAN_OPENAPI_JSON), error);
}

std::optional<OpenApiContract> OpenApiContract::fromFile(const QString& jsonPath, QString* error)
{
    QFile file(jsonPath);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1").arg(jsonPath);
        return std::nullopt;
    }
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject() || !document.object().contains(QStringLiteral("paths"))) {
        if (error)
            *error = QStringLiteral("%1 is not an OpenAPI document").arg(jsonPath);
        return std::nullopt;
    }
    return OpenApiContract(document.object());
}

QJsonObject OpenApiContract::resolve(const QJsonObject& maybeRef) const
{
    QJsonObject object = maybeRef;
    for (int hops = 0; hops < 8 && object.contains(QStringLiteral("$ref")); ++hops) {
        const QStringList parts = object.value(QStringLiteral("$ref")).toString().mid(2).split(QLatin1Char('/'));
        QJsonValue at = m_document;
        for (const QString& part : parts)
            at = at.toObject().value(part);
        object = at.toObject();
    }
    return object;
}

QJsonObject OpenApiContract::operation(const QByteArray& verb, const QString& path, QString* templatePath) const
{
    const QString bare = path.section(QLatin1Char('?'), 0, 0);
    const QString method = QString::fromLatin1(verb).toLower();
    const QJsonObject paths = m_document.value(QStringLiteral("paths")).toObject();
    // A literal path first (/api/v1/calendars/due before /api/v1/calendars/{id}), then templates.
    if (paths.contains(bare) && paths.value(bare).toObject().contains(method)) {
        *templatePath = bare;
        return paths.value(bare).toObject().value(method).toObject();
    }
    for (auto it = paths.constBegin(); it != paths.constEnd(); ++it) {
        if (!it.key().contains(QLatin1Char('{')) || !it.value().toObject().contains(method))
            continue;
        QString pattern = QRegularExpression::escape(it.key());
        pattern.replace(QRegularExpression(QStringLiteral("\\\\\\{[^}]+\\\\\\}")), QStringLiteral("[^/]+"));
        if (QRegularExpression(QStringLiteral("^%1$").arg(pattern)).match(bare).hasMatch()) {
            *templatePath = it.key();
            return it.value().toObject().value(method).toObject();
        }
    }
    return {};
}

QString OpenApiContract::check(const QByteArray& verb, const QString& path, int status, const QByteArray& body) const
{
    QString templatePath;
    const QJsonObject op = operation(verb, path, &templatePath);
    const QString request
        = QStringLiteral("%1 %2").arg(QString::fromLatin1(verb), path.section(QLatin1Char('?'), 0, 0));
    if (op.isEmpty())
        return QStringLiteral("%1: no such operation in the document").arg(request);
    const QJsonObject responses = op.value(QStringLiteral("responses")).toObject();
    const QString code = QString::number(status);
    QJsonValue listed = responses.value(code);
    if (listed.isUndefined())
        listed = responses.value(code.left(1) + QStringLiteral("XX"));
    if (listed.isUndefined())
        listed = responses.value(QStringLiteral("default"));
    if (listed.isUndefined())
        return QStringLiteral("%1 (%2): status %3 is not listed (%4)")
            .arg(request, templatePath, code, responses.keys().join(QStringLiteral(", ")));
    const QJsonObject response = resolve(listed.toObject());
    const QJsonObject schema = response.value(QStringLiteral("content"))
                                   .toObject()
                                   .value(QStringLiteral("application/json"))
                                   .toObject()
                                   .value(QStringLiteral("schema"))
                                   .toObject();
    if (schema.isEmpty() || body.isEmpty())
        return {};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return QStringLiteral("%1 → %2: the body is not JSON (%3)").arg(request, code, parseError.errorString());
    const QJsonValue value = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    const QString mismatch = validate(value, schema, QStringLiteral("body"));
    return mismatch.isEmpty() ? QString() : QStringLiteral("%1 → %2: %3").arg(request, code, mismatch);
}

QString OpenApiContract::validate(
    const QJsonValue& value, const QJsonObject& given, const QString& where, int depth) const
{
    if (depth > 40)
        return {};
    const QJsonObject schema = resolve(given);
    for (const QJsonValue& part : schema.value(QStringLiteral("allOf")).toArray()) {
        if (QString m = validate(value, part.toObject(), where, depth + 1); !m.isEmpty())
            return m;
    }
    for (const char* choice : {"oneOf", "anyOf"}) {
        const QJsonArray options = schema.value(QLatin1String(choice)).toArray();
        if (options.isEmpty())
            continue;
        QString first;
        bool any = false;
        for (const QJsonValue& option : options) {
            const QString m = validate(value, option.toObject(), where, depth + 1);
            any = any || m.isEmpty();
            if (first.isEmpty())
                first = m;
        }
        if (!any)
            return first;
    }
    if (value.isNull() && schema.value(QStringLiteral("nullable")).toBool())
        return {};
    const QString type = schema.value(QStringLiteral("type")).toString();
    const auto wrong = [&where, &type](const QJsonValue& v) {
        return QStringLiteral("%1 should be %2, is %3")
            .arg(where, type, QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact)));
    };
    if (type == QLatin1String("object") && !value.isObject())
        return wrong(value);
    if (type == QLatin1String("array") && !value.isArray())
        return wrong(value);
    if (type == QLatin1String("string") && !value.isString())
        return wrong(value);
    if (type == QLatin1String("boolean") && !value.isBool())
        return wrong(value);
    if (type == QLatin1String("number") && !value.isDouble())
        return wrong(value);
    if (type == QLatin1String("integer") && (!value.isDouble() || value.toDouble() != double(value.toInteger())))
        return wrong(value);
    if (schema.contains(QStringLiteral("enum")) && !schema.value(QStringLiteral("enum")).toArray().contains(value))
        return QStringLiteral("%1 is not one of the listed values").arg(where);
    if (value.isDouble()) {
        if (schema.contains(QStringLiteral("minimum"))
            && value.toDouble() < schema.value(QStringLiteral("minimum")).toDouble())
            return QStringLiteral("%1 is below its minimum").arg(where);
        if (schema.contains(QStringLiteral("maximum"))
            && value.toDouble() > schema.value(QStringLiteral("maximum")).toDouble())
            return QStringLiteral("%1 is above its maximum").arg(where);
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        for (const QJsonValue& name : schema.value(QStringLiteral("required")).toArray()) {
            if (!object.contains(name.toString()))
                return QStringLiteral("%1 lacks the required \"%2\"").arg(where, name.toString());
        }
        const QJsonValue additional = schema.value(QStringLiteral("additionalProperties"));
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString at = where + QLatin1Char('.') + it.key();
            if (properties.contains(it.key())) {
                if (QString m = validate(it.value(), properties.value(it.key()).toObject(), at, depth + 1);
                    !m.isEmpty())
                    return m;
            } else if (additional.isBool() && !additional.toBool()) {
                return QStringLiteral("%1 is not in the document").arg(at);
            } else if (additional.isObject()) {
                if (QString m = validate(it.value(), additional.toObject(), at, depth + 1); !m.isEmpty())
                    return m;
            }
        }
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (schema.contains(QStringLiteral("minItems"))
            && array.size() < schema.value(QStringLiteral("minItems")).toInt())
            return QStringLiteral("%1 has too few items").arg(where);
        if (schema.contains(QStringLiteral("maxItems"))
            && array.size() > schema.value(QStringLiteral("maxItems")).toInt())
            return QStringLiteral("%1 has too many items").arg(where);
        const QJsonObject items = schema.value(QStringLiteral("items")).toObject();
        for (qsizetype i = 0; i < array.size() && !items.isEmpty(); ++i) {
            if (QString m = validate(array.at(i), items, QStringLiteral("%1[%2]").arg(where).arg(i), depth + 1);
                !m.isEmpty())
                return m;
        }
    }
    return {};
}

} // namespace gongdan::test
