#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>

namespace gongdan {

enum class CustomerLevel { Normal, Member, Vip };

/// One entry of the customer archive (客户档案).
struct Customer {
    QString id; ///< UUIDv7
    QString number; ///< 客户编号, unique when set
    QString name;
    QStringList phones; ///< as entered; lookups use normalizePhone()
    CustomerLevel level = CustomerLevel::Normal;
    QString region;
    QStringList tags;
    QString notes;
    QString idCard; ///< 身份证号: sensitive (domain/Masking.h); the masked form everywhere but the server's vault
    QString bankCard; ///< 银行卡号: sensitive, as idCard
    QDateTime createdAt, updatedAt;
    int version = 0;

    static QString levelKey(CustomerLevel level);
    static std::optional<CustomerLevel> levelFromKey(const QString& key);
    static QString levelName(CustomerLevel level);
};

/// The digits of a phone number as the archive matches it: punctuation and spaces dropped, and the
/// mainland prefix (+86, 0086, 86) dropped before an 11-digit mobile number. "+86 138-0013-8000" and
/// "13800138000" give the same key; "010-6552 9988" gives "01065529988". Empty when there are no digits.
QString normalizePhone(const QString& phone);

/// Trims a customer as the archive keeps it and checks it: a name, and phone numbers that are numbers.
/// The same check on the workstation and on the server.
Status normalizeCustomer(Customer& customer);

} // namespace gongdan
