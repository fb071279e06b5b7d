#include "storage/ViewQuery.h"

#include "domain/TicketTypes.h"
#include "storage/Database.h"
#include "storage/NeedsAttention.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace gongdan {

namespace {

const QString kCustom = QStringLiteral("custom_fields.");

// Values are stored as the table holds them: time fields as ms since the epoch, priority as its rank.
QVariant storedValue(const QString& field, ViewFields::Kind kind, const QJsonValue& value, const ViewContext& context)
{
    const bool custom = field.startsWith(kCustom);
    if (value.toString() == QLatin1String("$me"))
        return context.me;
    if (kind == ViewFields::Kind::Time) {
        const QDateTime time = value.toString() == QLatin1String("$now")
            ? context.now
            : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        if (custom) // custom dates are ISO text; compare as text in the same shape
            return time.toUTC().toString(Qt::ISODateWithMs);
        return time.toMSecsSinceEpoch();
    }
    if (field == QLatin1String("priority")) {
        if (const auto priority = EnumText<Priority>::fromKey(value.toString()))
            return static_cast<int>(*priority);
    }
    if (value.isDouble())
        return value.toDouble();
    if (value.isBool())
        return value.toBool() ? 1 : 0;
    return value.toString();
}

} // namespace

Result<QString> ViewQuery::expression(const QString& field, const QList<FieldDefinition>& definitions)
{
    const auto kind = ViewFields::kindOf(field, definitions);
    if (!kind)
        return Error {
            QStringLiteral("view.field"), ViewFields::tr("\"%1\" is not a field a view can use.").arg(field), field};
    if (field == ViewFields::kNeedsAttention)
        return QString(NeedsAttention::condition() + QStringLiteral(" + 0")); // 0 or 1, like a stored flag
    if (field.startsWith(kCustom)) {
        const QString path = QStringLiteral("json_extract(custom_fields, '$.\"%1\"')").arg(field.mid(kCustom.size()));
        return *kind == ViewFields::Kind::Number ? QStringLiteral("CAST(%1 AS REAL)").arg(path) : path;
    }
    if (field.endsWith(QLatin1String("_at")))
        return QString(field.chopped(3) + QStringLiteral("_ms"));
    return field; // built-in field keys are the column names
}

Result<SqlFilter> ViewQuery::filter(const TicketView& view, const ViewContext& context)
{
    if (Status status = ViewFields::check(view, context.definitions); !status)
        return status.error();
    SqlFilter result;
    QStringList parts;
    for (const ViewCondition& c : view.conditions) {
        const ViewFields::Kind kind = *ViewFields::kindOf(c.field, context.definitions);
        const QString column = ViewQuery::expression(c.field, context.definitions).value();
        const bool list = kind == ViewFields::Kind::KeyList;
        using O = ConditionOp;
        switch (c.op) {
        case O::Is:
        case O::IsNot:
            parts.append(
                QStringLiteral("%1 %2 ?").arg(column, c.op == O::Is ? QStringLiteral("IS") : QStringLiteral("IS NOT")));
            result.params.append(storedValue(c.field, kind, c.value, context));
            break;
        case O::In:
        case O::NotIn: {
            const QJsonArray values = c.value.toArray();
            QStringList marks;
            for (const QJsonValue& v : values) {
                marks.append(QStringLiteral("?"));
                result.params.append(storedValue(c.field, kind, v, context));
            }
            parts.append(
                QStringLiteral("%1 %2IN (%3)")
                    .arg(column, c.op == O::In ? QString() : QStringLiteral("NOT "), marks.join(QLatin1Char(','))));
            break;
        }
        case O::Contains:
            if (list)
                parts.append(QStringLiteral("EXISTS (SELECT 1 FROM json_each(%1) WHERE value = ?)").arg(column));
            else
                parts.append(QStringLiteral("instr(lower(%1), lower(?)) > 0").arg(column));
            result.params.append(c.value.toString());
            break;
        case O::IsEmpty:
        case O::IsNotEmpty: {
            const QString empty = list ? QStringLiteral("(%1 IS NULL OR json_array_length(%1) = 0)").arg(column)
                                       : QStringLiteral("(%1 IS NULL OR %1 = '')").arg(column);
            parts.append(c.op == O::IsEmpty ? empty : QStringLiteral("NOT ") + empty);
            break;
        }
        case O::Before:
        case O::AtMost:
            parts.append(
                QStringLiteral("%1 %2 ?").arg(column, c.op == O::Before ? QStringLiteral("<") : QStringLiteral("<=")));
            result.params.append(storedValue(c.field, kind, c.value, context));
            break;
        case O::After:
        case O::AtLeast:
            parts.append(
                QStringLiteral("%1 %2 ?").arg(column, c.op == O::After ? QStringLiteral(">") : QStringLiteral(">=")));
            result.params.append(storedValue(c.field, kind, c.value, context));
            break;
        }
    }
    if (parts.isEmpty())
        result.where = QStringLiteral("1");
    else
        result.where = QLatin1Char('(')
            + parts.join(view.match == MatchMode::All ? QStringLiteral(") AND (") : QStringLiteral(") OR ("))
            + QLatin1Char(')');
    return result;
}

qint64 ViewQuery::count(Database& db, const TicketView& view, const ViewContext& context)
{
    if (!view.enabled)
        return -1; // a disabled view is listed (to be edited) but not counted
    auto where = filter(view, context);
    if (!where)
        return -1;
    QSqlQuery query(db.sql());
    query.prepare(QStringLiteral("SELECT count(*) FROM ticket WHERE ") + where.value().where);
    for (const QVariant& value : where.value().params)
        query.addBindValue(value);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

QSet<QString> ViewQuery::holding(
    Database& db, const TicketView& view, const ViewContext& context, const QStringList& ticketIds)
{
    QSet<QString> members;
    if (ticketIds.isEmpty() || !view.enabled)
        return members;
    auto where = filter(view, context);
    if (!where)
        return members;
    QStringList marks;
    for (qsizetype i = 0; i < ticketIds.size(); ++i)
        marks.append(QStringLiteral("?"));
    QSqlQuery query(db.sql());
    query.prepare(QStringLiteral("SELECT id FROM ticket WHERE id IN (%1) AND (%2)")
                      .arg(marks.join(QLatin1Char(',')), where.value().where));
    for (const QString& id : ticketIds)
        query.addBindValue(id);
    for (const QVariant& value : where.value().params)
        query.addBindValue(value);
    if (query.exec()) {
        while (query.next())
            members.insert(query.value(0).toString());
    }
    return members;
}

} // namespace gongdan
