#pragma once

#include "domain/Result.h"
#include "teamdb/ServerDatabase.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace gongdan {

/// The clear values of sensitive data (domain/Masking.h), kept apart from the records they belong to (table
/// sensitive_value): a customer's "id_card" and "bank_card", a ticket's "custom_fields.<key>" of a field marked
/// sensitive. The records, their events and the change log hold only the masked form, so nothing a desk
/// pulls, a REST list shows or a search reads can hold a clear value; only an unmask reads here. Writes run
/// inside the caller's transaction, beside the record they belong to.
class SensitiveVault {
public:
    explicit SensitiveVault(ServerDatabase& database);

    /// Keeps `value` in clear for the field (replacing an earlier one); an empty value removes it.
    Status put(const QString& entity, const QString& entityId, const QString& field, const QString& value);
    /// The clear values of `fields` the vault holds for the record (a field without one is left out).
    Result<QHash<QString, QString>> values(const QString& entity, const QString& entityId, const QStringList& fields);

private:
    ServerDatabase& m_database;
};

} // namespace gongdan
