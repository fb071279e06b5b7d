#include "domain/Masking.h"

namespace gongdan::masking {

QStringList customerFields()
{
    return {QStringLiteral("id_card"), QStringLiteral("bank_card")};
}

bool isCustomerField(const QString& key)
{
    return customerFields().contains(key);
}

bool isSensitive(const FieldDefinition& definition)
{
    return definition.sensitive;
}

QStringList sensitiveKeys(const QList<FieldDefinition>& definitions)
{
    QStringList keys;
    for (const FieldDefinition& definition : definitions) {
        if (isSensitive(definition))
            keys.append(definition.key);
    }
    return keys;
}

QString mask(const QString& clear)
{
    const QList<uint> chars = clear.toUcs4(); // one star per character, never per UTF-16 unit
    const auto count = chars.size();
    if (count == 0)
        return {};
    const qsizetype head = count >= kKeepEndsFrom ? 3 : 0;
    const qsizetype tail = count >= kKeepEndsFrom ? 4 : 0;
    QString out;
    out.reserve(clear.size());
    for (qsizetype i = 0; i < count; ++i) {
        if (i < head || i >= count - tail) {
            const char32_t c = chars.at(i);
            out.append(QStringView(QChar::fromUcs4(c)));
        } else {
            out.append(QChar(kMaskChar));
        }
    }
    return out;
}

bool looksMasked(const QString& value)
{
    return value.contains(QChar(kMaskChar));
}

Customer masked(Customer customer)
{
    customer.idCard = mask(customer.idCard);
    customer.bankCard = mask(customer.bankCard);
    return customer;
}

QString customerValue(const Customer& customer, const QString& key)
{
    if (key == QLatin1String("id_card"))
        return customer.idCard;
    if (key == QLatin1String("bank_card"))
        return customer.bankCard;
    return {};
}

void setCustomerValue(Customer& customer, const QString& key, const QString& value)
{
    if (key == QLatin1String("id_card"))
        customer.idCard = value;
    else if (key == QLatin1String("bank_card"))
        customer.bankCard = value;
}

QString customFieldName(const QString& key)
{
    return QStringLiteral("custom_fields.") + key;
}

} // namespace gongdan::masking
