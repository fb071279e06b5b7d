#pragma once

#include "domain/Customer.h"
#include "domain/FieldDefinition.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace gongdan {

/// Sensitive data (敏感信息脱敏, requirements §10): the one rule of which values are sensitive and how they
/// are shown. The team server keeps a sensitive value in clear only in its vault (teamdb/SensitiveVault);
/// everywhere else — the ticket and customer it belongs to, the event log, the change log every desk pulls,
/// REST answers — it is the masked form. Who may see the clear value is access::mayUnmask (domain/Access.h),
/// and each look is an `unmask` entry of the audit trail.
namespace masking {

/// The mask character.
inline constexpr char16_t kMaskChar = u'*';
/// A value of at least this many characters keeps its first 3 and last 4; a shorter one is all stars.
inline constexpr int kKeepEndsFrom = 11;

/// The customer attributes that are always sensitive: "id_card" (身份证号), "bank_card" (银行卡号).
QStringList customerFields();
bool isCustomerField(const QString& key);
/// A custom field an admin marked sensitive (only text and checked-text fields can be).
bool isSensitive(const FieldDefinition& definition);
/// The keys of the sensitive fields among `definitions`.
QStringList sensitiveKeys(const QList<FieldDefinition>& definitions);

/// The masked form: "110101199003071234" → "110***********1234" (first 3, last 4, a star for each other
/// character); shorter than kKeepEndsFrom: a star for every character. Empty stays empty.
QString mask(const QString& clear);
/// Whether a value is (or looks like) a masked form: it holds the mask character. A masked value is never
/// taken as a new clear value: the server ignores it (the stored value stays).
bool looksMasked(const QString& value);

/// The customer's sensitive attributes, each masked.
Customer masked(Customer customer);
/// The clear value of a customer's sensitive attribute ("id_card", "bank_card").
QString customerValue(const Customer& customer, const QString& key);
void setCustomerValue(Customer& customer, const QString& key, const QString& value);

/// The event-log field of a custom field ("custom_fields.<key>"), as ticket events and unmask requests name it.
QString customFieldName(const QString& key);

} // namespace masking

} // namespace gongdan
