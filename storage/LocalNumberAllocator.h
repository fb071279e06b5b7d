#pragma once

#include "domain/TicketNumber.h"
#include "storage/Database.h"

namespace gongdan {

/// Hands out GYYYYMMDDNNN numbers from the local store's per-day counter while no server is authoritative;
/// once the workstation has registered with a team server (client_meta.device_code), provisional
/// references as DeviceRefAllocator does. Call inside the transaction that inserts the ticket.
class LocalNumberAllocator final : public TicketNumberAllocator {
public:
    explicit LocalNumberAllocator(Database& db);
    Result<QString> allocate(QDate day) override;
    Status reserve(const QString& number) override;

private:
    Database& m_db;
};

/// Provisional references for tickets created while the server numbers them: "<device code>-<counter>"
/// (K7Q-0042), from client_meta. Unique per device; the server keeps it as an alias of the final
/// GYYYYMMDDNNN number it assigns on the first push. "NEW-…" until the device is registered.
class DeviceRefAllocator final : public TicketNumberAllocator {
public:
    explicit DeviceRefAllocator(Database& db);
    Result<QString> allocate(QDate day) override;
    Status reserve(const QString& number) override;

private:
    Database& m_db;
};

} // namespace gongdan
