#pragma once

#include "Database.h"
#include "TicketNumber.h"

namespace gongdan {

/// Hands out GYYYYMMDDNNN numbers from the local store's per-day counter, while no server is authoritative.
/// Call inside the transaction that inserts the ticket.
class LocalNumberAllocator final : public TicketNumberAllocator {
public:
    explicit LocalNumberAllocator(Database& db);
    Result<QString> allocate(QDate day) override;
    Status reserve(const QString& number) override;

private:
    Database& m_db;
};

} // namespace gongdan
