#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

namespace gongdan::test {

/// docs/api/openapi.yaml as the tests hold the server to it (converted to JSON at build time): every answer's
/// status must be one the operation lists (or its "default"), and a JSON body must match the listed schema — types,
/// required and known properties (additionalProperties), enums, items, bounds, $ref, allOf/oneOf/anyOf.
class OpenApiContract {
public:
    /// The document the build converted (GONGDAN_OPENAPI_JSON); nullopt with the reason in `error`.
    static std::optional<OpenApiContract> load(QString* error = nullptr);
    static std::optional<OpenApiContract> fromFile(const QString& jsonPath, QString* error = nullptr);

    /// Empty when the answer to `verb` `path` (a query string is ignored) with `status` and `body` is what the
    /// document says; else what does not match.
    QString check(const QByteArray& verb, const QString& path, int status, const QByteArray& body) const;

private:
    explicit OpenApiContract(QJsonObject document) : m_document(std::move(document)) { }
    /// The operation object for the request, or an empty object.
    QJsonObject operation(const QByteArray& verb, const QString& path, QString* templatePath) const;
    QJsonObject resolve(const QJsonObject& maybeRef) const;
    /// Empty when `value` matches `schema`; else the first mismatch at `where`.
    QString validate(const QJsonValue& value, const QJsonObject& schema, const QString& where, int depth = 0) const;

    QJsonObject m_document;
};

} // namespace gongdan::test
