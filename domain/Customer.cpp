#include "domain/Customer.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace gongdan {

QString Customer::levelKey(CustomerLevel level)
{
    switch (level) {
    case CustomerLevel::Member:
        return QStringLiteral("member");
    case CustomerLevel::Vip:
        return QStringLiteral("vip");
    case CustomerLevel::Normal:
        break;
    }
    return QStringLiteral("normal");
}

std::optional<CustomerLevel> Customer::levelFromKey(const QString& key)
{
    if (key == QLatin1String("normal"))
        return CustomerLevel::Normal;
    if (key == QLatin1String("member"))
        return CustomerLevel::Member;
    if (key == QLatin1String("vip"))
        return CustomerLevel::Vip;
    return std::nullopt;
}

QString Customer::levelName(CustomerLevel level)
{
    switch (level) {
    case CustomerLevel::Member:
        return QCoreApplication::translate("Labels", "Member");
    case CustomerLevel::Vip:
        return QCoreApplication::translate("Labels", "VIP");
    case CustomerLevel::Normal:
        break;
    }
    return QCoreApplication::translate("Labels", "Regular");
}

QString normalizePhone(const QString& phone)
{
    QString digits;
    digits.reserve(phone.size());
    for (QChar c : phone) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits.append(c);
        else if (c.unicode() >= 0xFF10 && c.unicode() <= 0xFF19) // full-width digits typed with a CJK IME
            digits.append(QChar(u'0' + (c.unicode() - 0xFF10)));
    }
    const auto isMobile = [](const QString& d) { return d.size() == 11 && d.startsWith(QLatin1Char('1')); };
    for (const QLatin1String prefix : {QLatin1String("0086"), QLatin1String("86")}) {
        if (digits.startsWith(prefix) && isMobile(digits.mid(prefix.size())))
            return digits.mid(prefix.size());
    }
    return digits;
}

Status normalizeCustomer(Customer& customer)
{
    customer.name = customer.name.trimmed();
    if (customer.name.isEmpty())
        return Error {QStringLiteral("customer.name_required"),
            QCoreApplication::translate("Customer", "A customer needs a name."), QStringLiteral("name")};
    QStringList phones;
    for (const QString& phone : customer.phones) {
        const QString trimmed = phone.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (normalizePhone(trimmed).size() < 5) {
            return Error {QStringLiteral("customer.phone_invalid"),
                QCoreApplication::translate("Customer", "\"%1\" is not a phone number.").arg(trimmed),
                QStringLiteral("phones")};
        }
        phones.append(trimmed);
    }
    customer.phones = phones;
    customer.number = customer.number.trimmed();
    // The sensitive attributes: spaces dropped, an ID card's check letter upper case. A masked form
    // (domain/Masking.h) is what a desk holds and sends back unchanged: the server keeps the clear value.
    static const QRegularExpression idCard(QStringLiteral("^(\\d{17}[\\dX]|\\d{15})$"));
    static const QRegularExpression bankCard(QStringLiteral("^\\d{12,19}$"));
    customer.idCard = customer.idCard.simplified().remove(QLatin1Char(' ')).toUpper();
    if (!customer.idCard.isEmpty() && !customer.idCard.contains(QLatin1Char('*'))
        && !idCard.match(customer.idCard).hasMatch())
        return Error {QStringLiteral("customer.id_card_invalid"),
            QCoreApplication::translate("Customer", "An ID card number has 18 characters (or 15 digits)."),
            QStringLiteral("id_card")};
    customer.bankCard = customer.bankCard.simplified().remove(QLatin1Char(' '));
    if (!customer.bankCard.isEmpty() && !customer.bankCard.contains(QLatin1Char('*'))
        && !bankCard.match(customer.bankCard).hasMatch())
        return Error {QStringLiteral("customer.bank_card_invalid"),
            QCoreApplication::translate("Customer", "A bank card number has 12 to 19 digits."),
            QStringLiteral("bank_card")};
    return {};
}

} // namespace gongdan
