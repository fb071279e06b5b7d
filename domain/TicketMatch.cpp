#include "domain/TicketMatch.h"

#include <QJsonArray>

namespace gongdan {

namespace {

QStringList textsOf(const QJsonValue& value)
{
    QStringList texts;
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            texts.append(item.isDouble() ? QString::number(item.toDouble()) : item.toString());
    } else if (value.isDouble()) {
        texts.append(QString::number(value.toDouble()));
    } else if (value.isBool()) {
        texts.append(value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    } else if (!value.isNull() && !value.isUndefined()) {
        texts.append(value.toString());
    }
    return texts;
}

bool empty(const QJsonValue& value)
{
    return value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty())
        || (value.isArray() && value.toArray().isEmpty());
}

} // namespace

bool TicketMatch::matches(const Ticket& ticket, MatchMode mode, const QList<ViewCondition>& conditions,
    const QJsonObject& extra, const QString& me)
{
    if (conditions.isEmpty())
        return true;
    for (const ViewCondition& condition : conditions) {
        const bool held = holds(ticket, condition, extra, me);
        if (mode == MatchMode::Any && held)
            return true;
        if (mode == MatchMode::All && !held)
            return false;
    }
    return mode == MatchMode::All;
}

bool TicketMatch::holds(
    const Ticket& ticket, const ViewCondition& condition, const QJsonObject& extra, const QString& me)
{
    QJsonValue actual
        = extra.contains(condition.field) ? extra.value(condition.field) : ticket.fieldValue(condition.field);
    if (condition.field == QLatin1String("created_at"))
        actual = ticket.createdAt.toString(Qt::ISODateWithMs);
    const QStringList have = textsOf(actual);
    QStringList wanted = textsOf(condition.value);
    for (QString& text : wanted) {
        if (text == QLatin1String("$me"))
            text = me;
    }
    const auto anyWanted = [&have, &wanted] {
        return std::any_of(have.cbegin(), have.cend(), [&wanted](const QString& h) { return wanted.contains(h); });
    };
    switch (condition.op) {
    case ConditionOp::Is:
    case ConditionOp::In:
        return anyWanted();
    case ConditionOp::IsNot:
    case ConditionOp::NotIn:
        return !anyWanted();
    case ConditionOp::Contains: {
        // As storage/ViewQuery runs it: a list (tags) holds the value as one of its items, exactly; a text holds it
        // anywhere, whatever the case ("tags contains VIP" is not met by 非VIP).
        const QString needle = wanted.value(0);
        if (actual.isArray())
            return have.contains(needle);
        return std::any_of(have.cbegin(), have.cend(),
            [&needle](const QString& h) { return h.contains(needle, Qt::CaseInsensitive); });
    }
    case ConditionOp::IsEmpty:
        return empty(actual);
    case ConditionOp::IsNotEmpty:
        return !empty(actual);
    case ConditionOp::AtLeast:
    case ConditionOp::AtMost: {
        bool okHave = false;
        bool okWant = false;
        const double a = have.value(0).toDouble(&okHave);
        const double b = wanted.value(0).toDouble(&okWant);
        if (!okHave || !okWant)
            return false;
        return condition.op == ConditionOp::AtLeast ? a >= b : a <= b;
    }
    case ConditionOp::Before:
    case ConditionOp::After: {
        const QDateTime a = QDateTime::fromString(have.value(0), Qt::ISODateWithMs);
        const QDateTime b = QDateTime::fromString(wanted.value(0), Qt::ISODateWithMs);
        if (!a.isValid() || !b.isValid())
            return false;
        return condition.op == ConditionOp::Before ? a < b : a > b;
    }
    }
    return false;
}

} // namespace gongdan
