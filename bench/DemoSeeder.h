#pragma once

#include "bench/DemoTickets.h"
#include "storage/Database.h"

#include <functional>

namespace gongdan::demo {

struct SeedReport {
    qint64 tickets = 0, comments = 0, events = 0, customers = 0, fieldDefinitions = 0;
};

/// Seeds a realistic team reproducibly from a seed: groups and agents, the category tree, field
/// definitions of every type, customers with Chinese names and phone numbers, and tickets with
/// comments and events across every status and priority (DemoTicketMaker: the same tickets the team
/// server gets from seedTeamServer). Writes as data that came from the authority
/// (no outbox entries), in batches of SeedOptions::batchSize tickets, inside a BulkLoad.
class DemoSeeder {
public:
    DemoSeeder(Database& db, SeedOptions options);
    Result<SeedReport> run(const std::function<void(qint64 done)>& progress = {});

private:
    Status seedTeam(SeedReport& report);
    Status seedCustomers(SeedReport& report);
    Status seedTickets(SeedReport& report, const std::function<void(qint64)>& progress);

    Database& m_db;
    SeedOptions m_options;
    QList<Customer> m_customers;
};

} // namespace gongdan::demo
