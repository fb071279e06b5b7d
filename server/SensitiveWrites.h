#pragma once

#include "domain/Customer.h"
#include "domain/TicketRules.h"
#include "teamdb/SensitiveVault.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace gongdan {

/// How the server writes sensitive values (domain/Masking.h): the clear value into the vault
/// (teamdb/SensitiveVault), the masked form into the ticket or customer, its events, conflicts and the change
/// log. A value that looks masked is what a desk holds and sends back: it never replaces the clear value (the
/// stored one stays). Runs inside the caller's transaction, after every check, before the record is stored.
class SensitiveWrites {
public:
    explicit SensitiveWrites(SensitiveVault& vault) : m_vault(vault) { }

    /// A ticket patch without the masked values of sensitive custom fields (`keys`): what the desk showed
    /// and sent back unchanged is no edit, so the clear value is kept and the rules never check stars.
    static QJsonObject withoutMaskedValues(const QJsonObject& patch, const QStringList& keys);
    /// Keeps the clear values of the ticket's sensitive fields in the vault and masks them in `change` (the
    /// ticket, its events and field changes); `before` is the ticket as stored (masked), none for a new one.
    Status seal(TicketChange& change, const std::optional<Ticket>& before, const QStringList& keys);
    /// The same for a customer's ID card and bank card; `stored` is the customer's stored (masked) JSON.
    Status seal(Customer& customer, const QJsonObject& stored);

private:
    SensitiveVault& m_vault;
};

} // namespace gongdan
