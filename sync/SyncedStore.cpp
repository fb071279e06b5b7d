#include "sync/SyncedStore.h"

namespace gongdan {

Result<std::unique_ptr<SyncedStore>> SyncedStore::open(
    const QString& path, const Clock& clock, const Failpoints& failpoints)
{
    auto db = Database::open(path, clock);
    if (!db)
        return db.error();
    std::unique_ptr<SyncedStore> store(new SyncedStore);
    store->m_db = std::move(db.value());
    store->m_numbers = std::make_unique<DeviceRefAllocator>(*store->m_db);
    store->m_fields = std::make_unique<FieldDefinitionRepository>(*store->m_db);
    store->m_tickets = std::make_unique<TicketRepository>(*store->m_db, *store->m_numbers, *store->m_fields);
    store->m_cache = std::make_unique<SyncCache>(*store->m_db, *store->m_tickets, failpoints);
    store->m_engine = std::make_unique<SyncEngine>(*store->m_db, *store->m_cache);
    store->m_db->setSignedInUser(store->m_cache->owner()); // its changes are queued and pushed as theirs
    return store;
}

} // namespace gongdan
