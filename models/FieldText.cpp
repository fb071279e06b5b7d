#include "models/FieldText.h"

#include "domain/TicketTypes.h"
#include "models/FieldCatalog.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gongdan {

namespace {

const QString kCustom = QStringLiteral("custom_fields.");

const FieldOption* optionOf(const QList<FieldOption>& options, const QString& value)
{
    for (const FieldOption& option : options) {
        if (option.value == value)
            return &option;
    }
    return nullptr;
}

} // namespace

FieldText::FieldText(const TeamDirectory& directory, QList<FieldDefinition> definitions, bool chinese)
    : m_directory(directory), m_definitions(std::move(definitions)), m_chinese(chinese)
{
}

const FieldDefinition* FieldText::definition(const QString& field) const
{
    if (!field.startsWith(kCustom))
        return nullptr;
    const QString key = field.mid(kCustom.size());
    for (const FieldDefinition& d : m_definitions) {
        if (d.key == key)
            return &d;
    }
    return nullptr;
}

QString FieldText::label(const QString& field) const
{
    if (const FieldDefinition* d = definition(field))
        return d->label(m_chinese);
    if (field.startsWith(kCustom))
        return field.mid(kCustom.size());
    return FieldCatalog::builtInLabel(field);
}

QString FieldText::valueOfText(const QString& field, const QString& text) const
{
    if (text.startsWith(QLatin1Char('[')) || text.startsWith(QLatin1Char('{'))) {
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        if (doc.isArray())
            return value(field, doc.array());
    }
    if (text == QLatin1String("true") || text == QLatin1String("false"))
        return value(field, text == QLatin1String("true"));
    return value(field, text);
}

QString FieldText::value(const QString& field, const QJsonValue& value) const
{
    if (value.isNull() || value.isUndefined())
        return QString();
    if (value.isBool())
        return value.toBool() ? tr("yes") : tr("no");
    const FieldDefinition* d = definition(field);
    if (value.isArray()) {
        QStringList parts;
        const QList<FieldOption>* level = d ? &d->options : nullptr;
        for (const QJsonValue& item : value.toArray()) {
            if (item.isObject()) { // an attachment
                parts.append(item.toObject().value(QStringLiteral("name")).toString());
                continue;
            }
            const FieldOption* option = level ? optionOf(*level, item.toString()) : nullptr;
            parts.append(option ? option->label(m_chinese) : this->value(field, item));
            if (d && d->type == FieldType::CascadingSelect && option)
                level = &option->children; // a path: each step one level down
        }
        return parts.join(d && d->type == FieldType::CascadingSelect ? QStringLiteral(" › ") : QStringLiteral(", "));
    }
    const QString text = value.isDouble() ? QString::number(value.toDouble(), 'g', 15) : value.toString();
    if (d) {
        if (const FieldOption* option = optionOf(d->options, text))
            return option->label(m_chinese);
    }
    if (field == QLatin1String("priority")) {
        const auto p = EnumText<Priority>::fromKey(text);
        return p ? EnumText<Priority>::displayName(*p) : text;
    }
    if (field == QLatin1String("need_type")) {
        const auto n = EnumText<NeedType>::fromKey(text);
        return n ? EnumText<NeedType>::displayName(*n) : text;
    }
    if (field == QLatin1String("channel")) {
        const auto c = EnumText<Channel>::fromKey(text);
        return c ? EnumText<Channel>::displayName(*c) : text;
    }
    if (field == QLatin1String("status")) {
        const auto s = EnumText<TicketStatus>::fromKey(text);
        return s ? EnumText<TicketStatus>::displayName(*s) : text;
    }
    if (field == QLatin1String("assignee_id"))
        return m_directory.agentName(text);
    if (field == QLatin1String("group_id"))
        return m_directory.groupName(text, m_chinese);
    if (field == QLatin1String("category_id"))
        return m_directory.categoryPath(text, m_chinese);
    return text.size() > 80 ? QString(text.left(79) + QChar(0x2026)) : text;
}

} // namespace gongdan
