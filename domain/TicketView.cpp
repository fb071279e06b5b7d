#include "domain/TicketView.h"

#include <QJsonArray>
#include <array>

namespace gongdan {

namespace {

constexpr std::array kOps {
    "is", "is_not", "in", "not_in", "contains", "is_empty", "is_not_empty", "before", "after", "at_least", "at_most"};

const QString kCustom = QStringLiteral("custom_fields.");

QJsonArray openStatuses()
{
    return QJsonArray {QStringLiteral("new"), QStringLiteral("in_progress"), QStringLiteral("waiting_customer"),
        QStringLiteral("follow_up")};
}

TicketView makeBuiltIn(const char* id, const char* zh, const char* en, int order, QList<ViewCondition> conditions)
{
    TicketView view;
    view.id = QLatin1String(id);
    view.nameZh = QString::fromUtf8(zh);
    view.nameEn = QLatin1String(en);
    view.order = order;
    view.builtIn = true;
    view.conditions = std::move(conditions);
    return view;
}

} // namespace

QString TicketView::opKey(ConditionOp op)
{
    return QLatin1String(kOps[static_cast<size_t>(op)]);
}

std::optional<ConditionOp> TicketView::opFromKey(const QString& key)
{
    for (size_t i = 0; i < kOps.size(); ++i) {
        if (key == QLatin1String(kOps[i]))
            return static_cast<ConditionOp>(i);
    }
    return std::nullopt;
}

QJsonObject TicketView::toJson() const
{
    QJsonArray conditionArray;
    for (const ViewCondition& c : conditions) {
        conditionArray.append(QJsonObject {{QStringLiteral("field"), c.field}, {QStringLiteral("op"), opKey(c.op)},
            {QStringLiteral("value"), c.value}});
    }
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("name_zh"), nameZh},
        {QStringLiteral("name_en"), nameEn},
        {QStringLiteral("match"), match == MatchMode::All ? QStringLiteral("all") : QStringLiteral("any")},
        {QStringLiteral("conditions"), conditionArray},
        {QStringLiteral("columns"), QJsonArray::fromStringList(columns)}, {QStringLiteral("sort_field"), sortField},
        {QStringLiteral("sort_descending"), sortDescending}, {QStringLiteral("owner_id"), ownerId},
        {QStringLiteral("shared_group_ids"),
            QJsonArray::fromStringList(ownerId.isEmpty() ? sharedGroupIds : QStringList())},
        {QStringLiteral("enabled"), enabled}, {QStringLiteral("order"), order}};
}

Result<TicketView> TicketView::fromJson(const QJsonObject& o)
{
    TicketView view;
    view.id = o.value(QStringLiteral("id")).toString();
    view.nameZh = o.value(QStringLiteral("name_zh")).toString();
    view.nameEn = o.value(QStringLiteral("name_en")).toString();
    view.match = o.value(QStringLiteral("match")).toString() == QLatin1String("any") ? MatchMode::Any : MatchMode::All;
    for (const QJsonValue& item : o.value(QStringLiteral("conditions")).toArray()) {
        const QJsonObject c = item.toObject();
        const auto op = opFromKey(c.value(QStringLiteral("op")).toString());
        if (!op) {
            return Error {QStringLiteral("view.op"),
                ViewFields::tr("Unknown comparison \"%1\".").arg(c.value(QStringLiteral("op")).toString()),
                c.value(QStringLiteral("field")).toString()};
        }
        view.conditions.append({c.value(QStringLiteral("field")).toString(), *op, c.value(QStringLiteral("value"))});
    }
    for (const QJsonValue& column : o.value(QStringLiteral("columns")).toArray())
        view.columns.append(column.toString());
    view.sortField = o.value(QStringLiteral("sort_field")).toString(QStringLiteral("created_at"));
    view.sortDescending = o.value(QStringLiteral("sort_descending")).toBool(true);
    view.ownerId = o.value(QStringLiteral("owner_id")).toString();
    for (const QJsonValue& group : o.value(QStringLiteral("shared_group_ids")).toArray()) {
        if (view.ownerId.isEmpty() && !group.toString().isEmpty() && !view.sharedGroupIds.contains(group.toString()))
            view.sharedGroupIds.append(group.toString());
    }
    view.enabled = o.value(QStringLiteral("enabled")).toBool(true);
    view.order = o.value(QStringLiteral("order")).toInt();
    return view;
}

QList<TicketView> TicketView::builtIns()
{
    using O = ConditionOp;
    const ViewCondition open {QStringLiteral("status"), O::In, openStatuses()};
    TicketView overdue = makeBuiltIn("overdue", "已超时", "Overdue", 5,
        {open, {QStringLiteral("resolution_due_at"), O::Before, QStringLiteral("$now")}});
    overdue.sortField = QStringLiteral("resolution_due_at");
    overdue.sortDescending = false;
    return {
        makeBuiltIn("my_open", "我的待办", "My open tickets", 1,
            {open, {QStringLiteral("assignee_id"), O::Is, QStringLiteral("$me")}}),
        makeBuiltIn(
            "unassigned", "未分配", "Unassigned", 2, {open, {QStringLiteral("assignee_id"), O::IsEmpty, QJsonValue()}}),
        makeBuiltIn("all_open", "全部未结", "All open", 3, {open}),
        makeBuiltIn(
            "follow_up", "待跟进", "Follow-up", 4, {{QStringLiteral("status"), O::Is, QStringLiteral("follow_up")}}),
        overdue,
        makeBuiltIn("closed", "已关闭", "Closed", 6, {{QStringLiteral("status"), O::Is, QStringLiteral("closed")}}),
        // Changes the server refused and tickets someone else moved out of sight: until the agent acts.
        makeBuiltIn(
            "needs_attention", "需要处理", "Needs attention", 7, {{QString(ViewFields::kNeedsAttention), O::Is, true}}),
    };
}

QStringList ViewFields::builtInFields()
{
    return {QStringLiteral("number"), QStringLiteral("subject"), QStringLiteral("description"),
        QStringLiteral("status"), QStringLiteral("priority"), QStringLiteral("need_type"), QStringLiteral("channel"),
        QStringLiteral("category_id"), QStringLiteral("assignee_id"), QStringLiteral("group_id"),
        QStringLiteral("customer_id"), QStringLiteral("contact_name"), QStringLiteral("contact_phone"),
        QStringLiteral("tags"), QStringLiteral("created_at"), QStringLiteral("updated_at"),
        QStringLiteral("response_due_at"), QStringLiteral("resolution_due_at"), QStringLiteral("closed_at"),
        QStringLiteral("satisfaction"), QStringLiteral("rated_at")};
}

std::optional<ViewFields::Kind> ViewFields::kindOf(const QString& field, const QList<FieldDefinition>& definitions)
{
    if (field == kNeedsAttention)
        return Kind::Key;
    if (field.startsWith(kCustom)) {
        const QString key = field.mid(kCustom.size());
        for (const FieldDefinition& d : definitions) {
            if (d.key != key)
                continue;
            switch (d.type) {
            case FieldType::Integer:
            case FieldType::Decimal:
                return Kind::Number;
            case FieldType::Date:
            case FieldType::DateTime:
                return Kind::Time;
            case FieldType::SingleSelect:
            case FieldType::Checkbox:
            case FieldType::CustomerRef:
                return Kind::Key;
            case FieldType::MultiSelect:
            case FieldType::CascadingSelect:
            case FieldType::Attachment:
                return Kind::KeyList;
            default:
                return Kind::Text;
            }
        }
        return std::nullopt;
    }
    if (!builtInFields().contains(field))
        return std::nullopt;
    if (field.endsWith(QLatin1String("_at")))
        return Kind::Time;
    if (field == QLatin1String("satisfaction"))
        return Kind::Number;
    if (field == QLatin1String("tags"))
        return Kind::KeyList;
    if (field == QLatin1String("subject") || field == QLatin1String("description")
        || field == QLatin1String("contact_name") || field == QLatin1String("contact_phone")
        || field == QLatin1String("number"))
        return Kind::Text;
    return Kind::Key;
}

Status ViewFields::check(const TicketView& view, const QList<FieldDefinition>& definitions)
{
    if (view.nameZh.trimmed().isEmpty())
        return Error {QStringLiteral("view.name"), tr("A view needs a name."), QStringLiteral("name")};
    if (!kindOf(view.sortField, definitions))
        return Error {
            QStringLiteral("view.sort"), tr("A view cannot be sorted by \"%1\".").arg(view.sortField), view.sortField};
    for (const ViewCondition& c : view.conditions) {
        const auto kind = kindOf(c.field, definitions);
        if (!kind)
            return Error {
                QStringLiteral("view.field"), tr("\"%1\" is not a field a view can use.").arg(c.field), c.field};
        using O = ConditionOp;
        const bool listOp = c.op == O::In || c.op == O::NotIn;
        const bool orderOp = c.op == O::Before || c.op == O::After || c.op == O::AtLeast || c.op == O::AtMost;
        const bool emptyOp = c.op == O::IsEmpty || c.op == O::IsNotEmpty;
        bool fits = true;
        if (orderOp)
            fits = (*kind == Kind::Time && (c.op == O::Before || c.op == O::After) && c.value.isString())
                || (*kind == Kind::Number && (c.op == O::AtLeast || c.op == O::AtMost)
                    && (c.value.isDouble() || c.value.isString()));
        else if (listOp)
            fits = c.value.isArray() && !c.value.toArray().isEmpty();
        else if (c.op == O::Contains)
            fits = (*kind == Kind::Text || *kind == Kind::KeyList) && c.value.isString()
                && !c.value.toString().isEmpty();
        else if (!emptyOp)
            fits = c.value.isString() || c.value.isDouble() || c.value.isBool();
        if (!fits) {
            return Error {QStringLiteral("view.condition"),
                tr("The condition on \"%1\" does not fit the field (%2).").arg(c.field, TicketView::opKey(c.op)),
                c.field};
        }
    }
    return {};
}

} // namespace gongdan
