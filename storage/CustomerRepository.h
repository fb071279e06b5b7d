#pragma once

#include "domain/Customer.h"
#include "storage/Database.h"
#include "storage/Outbox.h"

#include <QCoreApplication>
#include <QList>

namespace gongdan {

/// The customer archive: upsert with phone normalisation, lookup by phone for the screen pop, and
/// full-text search by name, customer number or any fragment of a phone number.
class CustomerRepository {
    Q_DECLARE_TR_FUNCTIONS(CustomerRepository)

public:
    explicit CustomerRepository(Database& db);

    /// Creates (empty id) or updates a customer; queued as customer.upsert.
    Result<Customer> save(Customer customer);
    /// The rules every copy of a customer obeys, here and on the server: a name (trimmed), phone
    /// numbers of at least five digits (blank ones dropped), a trimmed customer number.
    std::optional<Customer> find(const QString& id);
    /// Customers whose normalised phone equals the normalised `phone`.
    QList<Customer> findByPhone(const QString& phone);
    QList<Customer> search(const QString& text, int limit = 50);
    /// The customers changed last, newest first (the archive's list before anything is typed).
    QList<Customer> recent(int limit = 50);

    Status replay(const OutboxEntry& entry);
    /// Writes the row and its phone keys; no outbox (used by save, replay and the demo seeder).
    Result<qint64> write(const Customer& customer);

private:
    QList<Customer> select(const QString& where, const QVariantList& values);

    Database& m_db;
    Outbox m_outbox;
};

} // namespace gongdan
