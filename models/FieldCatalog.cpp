#include "models/FieldCatalog.h"

#include "domain/Lifecycle.h"
#include "domain/TicketTypes.h"

#include <QHash>

namespace gongdan {

namespace {

const QString kCustom = QStringLiteral("custom_fields.");

template<typename E>
QList<FieldCatalog::Choice> enumChoices()
{
    QList<FieldCatalog::Choice> choices;
    for (E value : EnumText<E>::all())
        choices.append({EnumText<E>::key(value), EnumText<E>::displayName(value)});
    return choices;
}

} // namespace

FieldCatalog::FieldCatalog(const TeamDirectory& directory, const QList<FieldDefinition>& definitions, bool chinese)
    : m_directory(directory), m_chinese(chinese)
{
    for (const FieldDefinition& definition : definitions) {
        if (definition.active && definition.type != FieldType::Attachment)
            m_definitions.append(definition);
    }
}

QStringList FieldCatalog::fields() const
{
    QStringList fields = ViewFields::builtInFields();
    for (const FieldDefinition& definition : m_definitions) {
        if (ViewFields::kindOf(kCustom + definition.key, m_definitions))
            fields.append(kCustom + definition.key);
    }
    return fields;
}

QString FieldCatalog::builtInLabel(const QString& field)
{
    static const QHash<QString, const char*> labels {
        {QStringLiteral("number"), QT_TR_NOOP("number")},
        {QStringLiteral("subject"), QT_TR_NOOP("subject")},
        {QStringLiteral("description"), QT_TR_NOOP("description")},
        {QStringLiteral("status"), QT_TR_NOOP("status")},
        {QStringLiteral("need_type"), QT_TR_NOOP("need type")},
        {QStringLiteral("channel"), QT_TR_NOOP("channel")},
        {QStringLiteral("category_id"), QT_TR_NOOP("category")},
        {QStringLiteral("priority"), QT_TR_NOOP("priority")},
        {QStringLiteral("tags"), QT_TR_NOOP("tags")},
        {QStringLiteral("assignee_id"), QT_TR_NOOP("assignee")},
        {QStringLiteral("group_id"), QT_TR_NOOP("group")},
        {QStringLiteral("customer_id"), QT_TR_NOOP("customer")},
        {QStringLiteral("contact_name"), QT_TR_NOOP("contact")},
        {QStringLiteral("contact_phone"), QT_TR_NOOP("phone")},
        {QStringLiteral("resolution"), QT_TR_NOOP("resolution")},
        {QStringLiteral("satisfaction"), QT_TR_NOOP("satisfaction")},
        {QStringLiteral("created_at"), QT_TR_NOOP("created")},
        {QStringLiteral("updated_at"), QT_TR_NOOP("updated")},
        {QStringLiteral("closed_at"), QT_TR_NOOP("closed")},
        {QStringLiteral("rated_at"), QT_TR_NOOP("scored")},
        {QStringLiteral("response_due_at"), QT_TR_NOOP("response due")},
        {QStringLiteral("resolution_due_at"), QT_TR_NOOP("resolution due")},
        {QStringLiteral("custom_fields"), QT_TR_NOOP("custom fields")},
        {QStringLiteral("needs_attention"), QT_TR_NOOP("needs attention")},
    };
    const auto it = labels.constFind(field);
    return it == labels.constEnd() ? field : tr(it.value());
}

QString FieldCatalog::label(const QString& field) const
{
    if (field.startsWith(kCustom)) {
        const QString key = field.mid(kCustom.size());
        for (const FieldDefinition& definition : m_definitions) {
            if (definition.key == key)
                return definition.label(m_chinese);
        }
        return key;
    }
    return builtInLabel(field);
}

std::optional<ViewFields::Kind> FieldCatalog::kind(const QString& field) const
{
    return ViewFields::kindOf(field, m_definitions);
}

QList<FieldCatalog::Choice> FieldCatalog::choices(const QString& field) const
{
    if (field == QLatin1String("status"))
        return enumChoices<TicketStatus>();
    if (field == QLatin1String("priority"))
        return enumChoices<Priority>();
    if (field == QLatin1String("need_type"))
        return enumChoices<NeedType>();
    if (field == QLatin1String("channel"))
        return enumChoices<Channel>();
    QList<Choice> choices;
    if (field == ViewFields::kNeedsAttention)
        return {{QStringLiteral("true"), tr("yes")}, {QStringLiteral("false"), tr("no")}};
    if (field == QLatin1String("assignee_id")) {
        choices.append({QStringLiteral("$me"), tr("(me)")});
        for (const AgentEntry& agent : m_directory.agents())
            choices.append({agent.id, agent.name});
    } else if (field == QLatin1String("group_id")) {
        for (const QString& id : m_directory.groupIds())
            choices.append({id, m_directory.groupName(id, m_chinese)});
    } else if (field == QLatin1String("category_id")) {
        for (const Category& category : m_directory.categories().all()) {
            if (category.active)
                choices.append({category.id, m_directory.categoryPath(category.id, m_chinese)});
        }
    } else if (field.startsWith(kCustom)) {
        const QString key = field.mid(kCustom.size());
        for (const FieldDefinition& definition : m_definitions) {
            if (definition.key != key)
                continue;
            if (definition.type == FieldType::Checkbox)
                return {{QStringLiteral("true"), tr("ticked")}, {QStringLiteral("false"), tr("not ticked")}};
            if (definition.type == FieldType::SingleSelect || definition.type == FieldType::MultiSelect) {
                for (const FieldOption& option : definition.options)
                    choices.append({option.value, option.label(m_chinese)});
            }
        }
    }
    return choices;
}

QList<ConditionOp> FieldCatalog::operatorsFor(const QString& field) const
{
    using O = ConditionOp;
    using K = ViewFields::Kind;
    const auto k = kind(field);
    if (!k)
        return {};
    switch (*k) {
    case K::Text:
        return {O::Contains, O::Is, O::IsNot, O::IsEmpty, O::IsNotEmpty};
    case K::KeyList:
        return {O::Contains, O::IsEmpty, O::IsNotEmpty};
    case K::Time:
        return {O::Before, O::After, O::IsEmpty, O::IsNotEmpty};
    case K::Number:
        return {O::AtLeast, O::AtMost, O::Is, O::IsNot, O::IsEmpty, O::IsNotEmpty};
    case K::Key:
        return {O::Is, O::IsNot, O::In, O::NotIn, O::IsEmpty, O::IsNotEmpty};
    }
    return {};
}

QString FieldCatalog::opName(ConditionOp op)
{
    switch (op) {
    case ConditionOp::Is:
        return tr("is");
    case ConditionOp::IsNot:
        return tr("is not");
    case ConditionOp::In:
        return tr("is any of");
    case ConditionOp::NotIn:
        return tr("is none of");
    case ConditionOp::Contains:
        return tr("contains");
    case ConditionOp::IsEmpty:
        return tr("is empty");
    case ConditionOp::IsNotEmpty:
        return tr("is not empty");
    case ConditionOp::Before:
        return tr("before");
    case ConditionOp::After:
        return tr("after");
    case ConditionOp::AtLeast:
        return tr("at least");
    case ConditionOp::AtMost:
        return tr("at most");
    }
    return {};
}

} // namespace gongdan
