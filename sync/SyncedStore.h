#pragma once

#include "storage/FieldDefinitionRepository.h"
#include "storage/LocalNumberAllocator.h"
#include "sync/SyncEngine.h"

#include <memory>

namespace gongdan {

/// A local store wired for sync without windows: the store, numbering by provisional reference, field
/// definitions, tickets, the sync cache and the engine. The headless workstation of the sync tests, the
/// benchmark and the test helper process; the windowed workstation wires the same parts in MainWindow.
class SyncedStore {
public:
    static Result<std::unique_ptr<SyncedStore>> open(
        const QString& path, const Clock& clock, const Failpoints& failpoints = {});

    Database& db() { return *m_db; }
    TicketRepository& tickets() { return *m_tickets; }
    SyncCache& cache() { return *m_cache; }
    SyncEngine& engine() { return *m_engine; }

private:
    SyncedStore() = default;

    std::unique_ptr<Database> m_db;
    std::unique_ptr<DeviceRefAllocator> m_numbers;
    std::unique_ptr<FieldDefinitionRepository> m_fields;
    std::unique_ptr<TicketRepository> m_tickets;
    std::unique_ptr<SyncCache> m_cache;
    std::unique_ptr<SyncEngine> m_engine;
};

} // namespace gongdan
