#include "domain/FieldValidator.h"

#include "domain/Customer.h"
#include "domain/Masking.h"
#include "domain/Ticket.h"
#include "domain/Uuid.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <cmath>

namespace gongdan {

namespace {

const FieldOption* findOption(const QList<FieldOption>& options, const QString& value)
{
    for (const FieldOption& option : options) {
        if (option.value == value)
            return &option;
    }
    return nullptr;
}

} // namespace

bool FieldValidator::isEmptyValue(const QJsonValue& value)
{
    return value.isNull() || value.isUndefined() || (value.isString() && value.toString().trimmed().isEmpty())
        || (value.isArray() && value.toArray().isEmpty());
}

bool FieldValidator::appliesTo(const FieldDefinition& definition, const ValidationContext& context)
{
    if (!definition.active)
        return false;
    if (definition.categoryIds.isEmpty())
        return true;
    for (const QString& categoryId : definition.categoryIds) {
        if (context.categoryId == categoryId
            || (context.categories && context.categories->isSelfOrDescendant(context.categoryId, categoryId)))
            return true;
    }
    return false;
}

QString FieldValidator::checkValue(const FieldDefinition& def, const QJsonValue& value, bool chinese)
{
    const QString label = def.label(chinese);
    const auto textCheck = [&](const QString& text) -> QString {
        if (def.maxLength > 0 && text.size() > def.maxLength)
            return tr("%1 is limited to %n characters.", nullptr, def.maxLength).arg(label);
        return QString();
    };
    switch (def.type) {
    case FieldType::Text:
    case FieldType::MultiLineText:
    case FieldType::RegexText: {
        if (!value.isString())
            return tr("%1 must be text.").arg(label);
        const QString text = value.toString();
        if (def.type == FieldType::Text && text.contains(QLatin1Char('\n')))
            return tr("%1 must be a single line.").arg(label);
        // A sensitive field holds its masked form everywhere but the server's vault (domain/Masking.h): that is
        // the stored value, kept as it is, never checked as a new one.
        if (def.sensitive && masking::looksMasked(text))
            return QString();
        if (const QString tooLong = textCheck(text); !tooLong.isEmpty())
            return tooLong;
        if (def.type == FieldType::RegexText) {
            const QRegularExpression regex(QStringLiteral("\\A(?:%1)\\z").arg(def.pattern));
            if (!regex.match(text).hasMatch())
                return chinese || def.patternMessageEn.isEmpty() ? def.patternMessageZh : def.patternMessageEn;
        } else if (def.type == FieldType::Text && def.textFormat == TextFormat::Email) {
            static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
            if (!email.match(text).hasMatch())
                return tr("%1 must be an e-mail address such as name@example.com.").arg(label);
        } else if (def.type == FieldType::Text && def.textFormat == TextFormat::Phone) {
            static const QRegularExpression phone(QStringLiteral("^[+]?[0-9０-９ ()\\-]{5,24}$"));
            const int digits = normalizePhone(text).size();
            if (!phone.match(text).hasMatch() || digits < 5 || digits > 20)
                return tr("%1 must be a phone number (digits, spaces, + - and brackets).").arg(label);
        } else if (def.type == FieldType::Text && def.textFormat == TextFormat::Url) {
            const QUrl url(text, QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty()
                || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
                return tr("%1 must be a web address starting with http:// or https://.").arg(label);
        }
        return QString();
    }
    case FieldType::Integer: {
        const double number = value.toDouble();
        if (!value.isDouble() || std::floor(number) != number || std::abs(number) > 9.0e15)
            return tr("%1 must be a whole number.").arg(label);
        const auto integer = static_cast<qint64>(number);
        if (def.minimum && integer < *def.minimum)
            return tr("%1 must be at least %2.").arg(label).arg(*def.minimum);
        if (def.maximum && integer > *def.maximum)
            return tr("%1 must be at most %2.").arg(label).arg(*def.maximum);
        return QString();
    }
    case FieldType::Decimal: {
        static const QRegularExpression decimal(QStringLiteral("^-?[0-9]{1,15}(\\.([0-9]+))?$"));
        const QString text
            = value.isDouble() ? QString::number(value.toDouble(), 'f', def.precision) : value.toString();
        const auto match = decimal.match(text);
        if ((!value.isString() && !value.isDouble()) || !match.hasMatch())
            return tr("%1 must be a number such as 12.50.").arg(label);
        if (match.capturedLength(2) > def.precision)
            return tr("%1 allows %n digit(s) after the decimal point.", nullptr, def.precision).arg(label);
        const double number = text.toDouble();
        if (def.minimum && number < static_cast<double>(*def.minimum))
            return tr("%1 must be at least %2.").arg(label).arg(*def.minimum);
        if (def.maximum && number > static_cast<double>(*def.maximum))
            return tr("%1 must be at most %2.").arg(label).arg(*def.maximum);
        return QString();
    }
    case FieldType::Date:
        if (!value.isString() || !QDate::fromString(value.toString(), QStringLiteral("yyyy-MM-dd")).isValid())
            return tr("%1 must be a date such as 2023-10-01.").arg(label);
        return QString();
    case FieldType::DateTime: {
        const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        if (!value.isString() || !time.isValid() || value.toString().size() < 16)
            return tr("%1 must be a date and time such as 2023-10-01T09:30:00+08:00.").arg(label);
        return QString();
    }
    case FieldType::SingleSelect: {
        const FieldOption* option = findOption(def.options, value.toString());
        if (!value.isString() || !option || !option->active)
            return tr("%1: choose one of the listed options.").arg(label);
        return QString();
    }
    case FieldType::MultiSelect: {
        if (!value.isArray())
            return tr("%1: choose from the listed options.").arg(label);
        QSet<QString> seen;
        for (const QJsonValue& item : value.toArray()) {
            const FieldOption* option = findOption(def.options, item.toString());
            if (!item.isString() || !option || !option->active)
                return tr("%1: \"%2\" is not one of the options.").arg(label, item.toString());
            if (seen.contains(item.toString()))
                return tr("%1: \"%2\" is chosen twice.").arg(label, option->label(chinese));
            seen.insert(item.toString());
        }
        return QString();
    }
    case FieldType::Checkbox:
        if (!value.isBool())
            return tr("%1 must be ticked or not ticked.").arg(label);
        return QString();
    case FieldType::CascadingSelect: {
        const QJsonArray path = value.toArray();
        if (!value.isArray() || path.isEmpty() || path.size() > FieldDefinition::kMaxCascadeDepth)
            return tr("%1: choose a value at each level.").arg(label);
        const QList<FieldOption>* level = &def.options;
        for (const QJsonValue& step : path) {
            const FieldOption* option = findOption(*level, step.toString());
            if (!step.isString() || !option || !option->active)
                return tr("%1: \"%2\" is not a choice at this level.").arg(label, step.toString());
            level = &option->children;
        }
        if (!level->isEmpty())
            return tr("%1: choose a value at each level, down to the last.").arg(label);
        return QString();
    }
    case FieldType::CustomerRef:
        if (!value.isString() || !UuidV7Generator::isValid(value.toString()))
            return tr("%1 must be a customer from the archive.").arg(label);
        return QString();
    case FieldType::Attachment:
        if (!value.isArray())
            return tr("%1 must be a list of attached files.").arg(label);
        for (const QJsonValue& item : value.toArray()) {
            if (!AttachmentRef::fromJson(item))
                return tr("%1 has an attachment without a valid content hash, name or size.").arg(label);
        }
        return QString();
    }
    return QString();
}

QList<FieldIssue> FieldValidator::validate(
    const QList<FieldDefinition>& definitions, const QJsonObject& values, const ValidationContext& context)
{
    QList<FieldIssue> issues;
    QSet<QString> known;
    for (const FieldDefinition& def : definitions) {
        known.insert(def.key);
        if (!appliesTo(def, context))
            continue;
        const QJsonValue value = values.value(def.key);
        if (isEmptyValue(value) && !(def.type == FieldType::Checkbox && value.isBool())) {
            if (def.required)
                issues.append({def.key, tr("%1 is required.").arg(def.label(context.chinese))});
            else if (context.closing && def.requiredToClose)
                issues.append({def.key, tr("%1 must be filled in before closing.").arg(def.label(context.chinese))});
            continue;
        }
        if (const QString message = checkValue(def, value, context.chinese); !message.isEmpty())
            issues.append({def.key, message});
    }
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!known.contains(it.key()))
            issues.append({it.key(), tr("\"%1\" is not a defined field.").arg(it.key())});
    }
    return issues;
}

} // namespace gongdan
