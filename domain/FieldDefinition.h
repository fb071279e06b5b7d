#pragma once

#include "domain/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace gongdan {

/// The custom field types (自定义字段). Never reorder: the key, not the number, is stored.
enum class FieldType {
    Text, ///< single line; TextFormat narrows it to e-mail, phone or URL
    MultiLineText,
    Integer, ///< optional min / max
    Decimal, ///< fixed precision; stored as a decimal string ("12.50") so money stays exact
    Date, ///< "yyyy-MM-dd"
    DateTime, ///< ISO 8601 with offset
    SingleSelect,
    MultiSelect,
    Checkbox,
    CascadingSelect, ///< a path through an option tree, up to kMaxCascadeDepth levels, ending at a leaf
    RegexText, ///< text checked by the definition's pattern, with its own message
    CustomerRef, ///< a customer's id
    Attachment ///< a list of AttachmentRef
};

enum class TextFormat { Plain, Email, Phone, Url };

/// A choice of a select or cascading field; children only for cascading fields.
struct FieldOption {
    QString value;
    QString labelZh;
    QString labelEn;
    bool active = true;
    QList<FieldOption> children;

    QString label(bool chinese) const { return chinese || labelEn.isEmpty() ? labelZh : labelEn; }
};

/// The definition of one custom field; forms are generated from these at run time.
struct FieldDefinition {
    static constexpr int kMaxCascadeDepth = 6;

    QString id;
    QString key; ///< [a-z][a-z0-9_]*, unique, fixed after creation
    FieldType type = FieldType::Text;
    QString labelZh, labelEn, helpZh, helpEn;
    bool required = false;
    bool requiredToClose = false;
    QJsonValue defaultValue;
    QList<FieldOption> options;
    QStringList categoryIds; ///< empty: applies to every category; else to these and their descendants
    QStringList editRoles; ///< role names (domain/Access.h); empty: every role may edit
    int order = 0;
    bool active = true;
    /// Sensitive (敏感): values are masked for everyone but those who may unmask (domain/Masking.h). Text and
    /// checked-text fields only; fixed after creation.
    bool sensitive = false;
    // Type-specific settings.
    TextFormat textFormat = TextFormat::Plain;
    std::optional<qint64> minimum, maximum; ///< Integer; Decimal compares as double
    int precision = 2; ///< Decimal: digits after the point
    int maxLength = 0; ///< text types; 0: no limit
    QString pattern; ///< RegexText
    QString patternMessageZh, patternMessageEn;

    QString label(bool chinese) const { return chinese || labelEn.isEmpty() ? labelZh : labelEn; }

    QJsonObject toJson() const;
    static Result<FieldDefinition> fromJson(const QJsonObject& object);

    static QString typeKey(FieldType type);
    static std::optional<FieldType> typeFromKey(const QString& key);
    static QString typeName(FieldType type);
    static QList<FieldType> allTypes();
};

/// Checks a definition is usable: key shape, labels, and the settings its type needs.
Status checkFieldDefinition(const FieldDefinition& definition);
/// Checks an edit of an existing definition: key and type never change after creation.
Status checkFieldDefinitionUpdate(const FieldDefinition& before, const FieldDefinition& after);

} // namespace gongdan
