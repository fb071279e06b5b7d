#include "domain/Customer.h"

#include <QCoreApplication>

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
    return {};
}

} // namespace gongdan
