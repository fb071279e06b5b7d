#include "domain/FieldDefinition.h"

#include "domain/Access.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <array>

namespace gongdan {

namespace {

struct TypeEntry {
    FieldType type;
    const char* key;
    const char* name;
};

constexpr std::array kTypes {
    TypeEntry {FieldType::Text, "text", QT_TRANSLATE_NOOP("FieldDefinition", "Single-line text")},
    TypeEntry {FieldType::MultiLineText, "multiline", QT_TRANSLATE_NOOP("FieldDefinition", "Multi-line text")},
    TypeEntry {FieldType::Integer, "integer", QT_TRANSLATE_NOOP("FieldDefinition", "Whole number")},
    TypeEntry {FieldType::Decimal, "decimal", QT_TRANSLATE_NOOP("FieldDefinition", "Decimal number")},
    TypeEntry {FieldType::Date, "date", QT_TRANSLATE_NOOP("FieldDefinition", "Date")},
    TypeEntry {FieldType::DateTime, "datetime", QT_TRANSLATE_NOOP("FieldDefinition", "Date and time")},
    TypeEntry {FieldType::SingleSelect, "select", QT_TRANSLATE_NOOP("FieldDefinition", "Single choice")},
    TypeEntry {FieldType::MultiSelect, "multiselect", QT_TRANSLATE_NOOP("FieldDefinition", "Multiple choice")},
    TypeEntry {FieldType::Checkbox, "checkbox", QT_TRANSLATE_NOOP("FieldDefinition", "Checkbox")},
    TypeEntry {FieldType::CascadingSelect, "cascade", QT_TRANSLATE_NOOP("FieldDefinition", "Cascading choice")},
    TypeEntry {FieldType::RegexText, "regex", QT_TRANSLATE_NOOP("FieldDefinition", "Checked text")},
    TypeEntry {FieldType::CustomerRef, "customer", QT_TRANSLATE_NOOP("FieldDefinition", "Customer")},
    TypeEntry {FieldType::Attachment, "attachment", QT_TRANSLATE_NOOP("FieldDefinition", "File attachment")},
};

const char* const kTextFormats[] = {"plain", "email", "phone", "url"};

Error invalid(const FieldDefinition& definition, const QString& message)
{
    return Error {QStringLiteral("field_definition.invalid"), message, definition.key};
}

QJsonArray optionsToJson(const QList<FieldOption>& options)
{
    QJsonArray array;
    for (const FieldOption& option : options) {
        QJsonObject object {{QStringLiteral("value"), option.value}, {QStringLiteral("label_zh"), option.labelZh},
            {QStringLiteral("label_en"), option.labelEn}, {QStringLiteral("active"), option.active}};
        if (!option.children.isEmpty())
            object.insert(QStringLiteral("children"), optionsToJson(option.children));
        array.append(object);
    }
    return array;
}

QList<FieldOption> optionsFromJson(const QJsonArray& array)
{
    QList<FieldOption> options;
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        options.append({object.value(QStringLiteral("value")).toString(),
            object.value(QStringLiteral("label_zh")).toString(), object.value(QStringLiteral("label_en")).toString(),
            object.value(QStringLiteral("active")).toBool(true),
            optionsFromJson(object.value(QStringLiteral("children")).toArray())});
    }
    return options;
}

// Depth of an option tree, or -1 when a level repeats a value or has an empty value/label.
int checkOptions(const QList<FieldOption>& options)
{
    QSet<QString> seen;
    int depth = 0;
    for (const FieldOption& option : options) {
        if (option.value.isEmpty() || option.labelZh.trimmed().isEmpty() || seen.contains(option.value))
            return -1;
        seen.insert(option.value);
        const int childDepth = option.children.isEmpty() ? 0 : checkOptions(option.children);
        if (childDepth < 0)
            return -1;
        depth = std::max(depth, childDepth);
    }
    return options.isEmpty() ? 0 : depth + 1;
}

} // namespace

QString FieldDefinition::typeKey(FieldType type)
{
    for (const auto& entry : kTypes) {
        if (entry.type == type)
            return QString::fromLatin1(entry.key);
    }
    return QString();
}

std::optional<FieldType> FieldDefinition::typeFromKey(const QString& key)
{
    for (const auto& entry : kTypes) {
        if (key == QLatin1String(entry.key))
            return entry.type;
    }
    return std::nullopt;
}

QString FieldDefinition::typeName(FieldType type)
{
    for (const auto& entry : kTypes) {
        if (entry.type == type)
            return QCoreApplication::translate("FieldDefinition", entry.name);
    }
    return QString();
}

QList<FieldType> FieldDefinition::allTypes()
{
    QList<FieldType> types;
    for (const auto& entry : kTypes)
        types.append(entry.type);
    return types;
}

QJsonObject FieldDefinition::toJson() const
{
    QJsonObject object {{QStringLiteral("id"), id}, {QStringLiteral("key"), key},
        {QStringLiteral("type"), typeKey(type)}, {QStringLiteral("label_zh"), labelZh},
        {QStringLiteral("label_en"), labelEn}, {QStringLiteral("help_zh"), helpZh}, {QStringLiteral("help_en"), helpEn},
        {QStringLiteral("required"), required}, {QStringLiteral("required_to_close"), requiredToClose},
        {QStringLiteral("default"), defaultValue}, {QStringLiteral("options"), optionsToJson(options)},
        {QStringLiteral("categories"), QJsonArray::fromStringList(categoryIds)},
        {QStringLiteral("edit_roles"), QJsonArray::fromStringList(editRoles)}, {QStringLiteral("order"), order},
        {QStringLiteral("active"), active}, {QStringLiteral("sensitive"), sensitive},
        {QStringLiteral("text_format"), QString::fromLatin1(kTextFormats[static_cast<int>(textFormat)])},
        {QStringLiteral("precision"), precision}, {QStringLiteral("max_length"), maxLength},
        {QStringLiteral("pattern"), pattern}, {QStringLiteral("pattern_message_zh"), patternMessageZh},
        {QStringLiteral("pattern_message_en"), patternMessageEn}};
    if (minimum)
        object.insert(QStringLiteral("min"), *minimum);
    if (maximum)
        object.insert(QStringLiteral("max"), *maximum);
    return object;
}

Result<FieldDefinition> FieldDefinition::fromJson(const QJsonObject& object)
{
    FieldDefinition definition;
    definition.id = object.value(QStringLiteral("id")).toString();
    definition.key = object.value(QStringLiteral("key")).toString();
    const auto type = typeFromKey(object.value(QStringLiteral("type")).toString());
    if (!type) {
        return Error {QStringLiteral("field_definition.type"),
            QCoreApplication::translate("FieldDefinition", "Unknown field type \"%1\".")
                .arg(object.value(QStringLiteral("type")).toString()),
            definition.key};
    }
    definition.type = *type;
    definition.labelZh = object.value(QStringLiteral("label_zh")).toString();
    definition.labelEn = object.value(QStringLiteral("label_en")).toString();
    definition.helpZh = object.value(QStringLiteral("help_zh")).toString();
    definition.helpEn = object.value(QStringLiteral("help_en")).toString();
    definition.required = object.value(QStringLiteral("required")).toBool();
    definition.requiredToClose = object.value(QStringLiteral("required_to_close")).toBool();
    definition.defaultValue = object.value(QStringLiteral("default"));
    if (definition.defaultValue.isUndefined())
        definition.defaultValue = QJsonValue();
    definition.options = optionsFromJson(object.value(QStringLiteral("options")).toArray());
    for (const QJsonValue& v : object.value(QStringLiteral("categories")).toArray())
        definition.categoryIds.append(v.toString());
    for (const QJsonValue& v : object.value(QStringLiteral("edit_roles")).toArray())
        definition.editRoles.append(v.toString());
    definition.order = object.value(QStringLiteral("order")).toInt();
    definition.active = object.value(QStringLiteral("active")).toBool(true);
    definition.sensitive = object.value(QStringLiteral("sensitive")).toBool();
    const QString format = object.value(QStringLiteral("text_format")).toString(QStringLiteral("plain"));
    bool formatKnown = false;
    for (int i = 0; i < 4; ++i) {
        if (format == QLatin1String(kTextFormats[i])) {
            definition.textFormat = static_cast<TextFormat>(i);
            formatKnown = true;
        }
    }
    if (!formatKnown)
        return invalid(
            definition, QCoreApplication::translate("FieldDefinition", "Unknown text format \"%1\".").arg(format));
    if (object.contains(QStringLiteral("min")))
        definition.minimum = object.value(QStringLiteral("min")).toInteger();
    if (object.contains(QStringLiteral("max")))
        definition.maximum = object.value(QStringLiteral("max")).toInteger();
    definition.precision = object.value(QStringLiteral("precision")).toInt(2);
    definition.maxLength = object.value(QStringLiteral("max_length")).toInt();
    definition.pattern = object.value(QStringLiteral("pattern")).toString();
    definition.patternMessageZh = object.value(QStringLiteral("pattern_message_zh")).toString();
    definition.patternMessageEn = object.value(QStringLiteral("pattern_message_en")).toString();
    return definition;
}

Status checkFieldDefinition(const FieldDefinition& definition)
{
    static const QRegularExpression keyShape(QStringLiteral("^[a-z][a-z0-9_]{0,47}$"));
    if (!keyShape.match(definition.key).hasMatch()) {
        return invalid(definition,
            QCoreApplication::translate("FieldDefinition",
                "A field key is 1 to 48 lowercase letters, digits or underscores, starting with a letter."));
    }
    if (definition.labelZh.trimmed().isEmpty() || definition.labelEn.trimmed().isEmpty())
        return invalid(definition,
            QCoreApplication::translate("FieldDefinition", "A field needs a Chinese and an English label."));
    if (definition.maxLength < 0)
        return invalid(
            definition, QCoreApplication::translate("FieldDefinition", "The maximum length cannot be negative."));
    for (const QString& role : definition.editRoles) {
        if (!roleFromName(role))
            return invalid(
                definition, QCoreApplication::translate("FieldDefinition", "\"%1\" is not a role.").arg(role));
    }
    if (definition.sensitive && definition.type != FieldType::Text && definition.type != FieldType::RegexText)
        return invalid(definition,
            QCoreApplication::translate("FieldDefinition", "Only a text or checked-text field can be sensitive."));
    switch (definition.type) {
    case FieldType::Integer:
    case FieldType::Decimal:
        if (definition.minimum && definition.maximum && *definition.minimum > *definition.maximum)
            return invalid(
                definition, QCoreApplication::translate("FieldDefinition", "The minimum is larger than the maximum."));
        if (definition.type == FieldType::Decimal && (definition.precision < 0 || definition.precision > 8))
            return invalid(definition,
                QCoreApplication::translate("FieldDefinition", "A decimal field has 0 to 8 digits after the point."));
        break;
    case FieldType::SingleSelect:
    case FieldType::MultiSelect:
        if (checkOptions(definition.options) != 1)
            return invalid(definition,
                QCoreApplication::translate(
                    "FieldDefinition", "A choice field needs options with unique values and labels, one level deep."));
        break;
    case FieldType::CascadingSelect: {
        const int depth = checkOptions(definition.options);
        if (depth < 1 || depth > FieldDefinition::kMaxCascadeDepth) {
            return invalid(definition,
                QCoreApplication::translate("FieldDefinition",
                    "A cascading field needs an option tree of 1 to %1 levels with unique values and labels.")
                    .arg(FieldDefinition::kMaxCascadeDepth));
        }
        break;
    }
    case FieldType::RegexText: {
        const QRegularExpression regex(definition.pattern);
        if (definition.pattern.isEmpty() || !regex.isValid())
            return invalid(definition,
                QCoreApplication::translate("FieldDefinition", "The pattern is not a valid regular expression: %1")
                    .arg(regex.errorString()));
        if (definition.patternMessageZh.trimmed().isEmpty() || definition.patternMessageEn.trimmed().isEmpty())
            return invalid(definition,
                QCoreApplication::translate(
                    "FieldDefinition", "A checked text field needs its error message in Chinese and English."));
        break;
    }
    default:
        break;
    }
    return {};
}

Status checkFieldDefinitionUpdate(const FieldDefinition& before, const FieldDefinition& after)
{
    if (before.type != after.type) {
        return Error {QStringLiteral("field_definition.type_fixed"),
            QCoreApplication::translate("FieldDefinition",
                "The type of the field \"%1\" cannot change after it is created; add a new field instead.")
                .arg(before.key),
            before.key};
    }
    if (before.key != after.key) {
        return Error {QStringLiteral("field_definition.key_fixed"),
            QCoreApplication::translate("FieldDefinition", "The key of a field cannot change after it is created."),
            before.key};
    }
    if (before.sensitive != after.sensitive) {
        return Error {QStringLiteral("field_definition.sensitive_fixed"),
            QCoreApplication::translate("FieldDefinition",
                "Whether the field \"%1\" is sensitive cannot change after it is created; add a new field instead.")
                .arg(before.key),
            before.key};
    }
    return checkFieldDefinition(after);
}

} // namespace gongdan
