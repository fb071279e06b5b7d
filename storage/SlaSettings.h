#pragma once

#include "domain/SlaStamp.h"
#include "storage/Database.h"

namespace gongdan {

/// The team's SLA policies and business calendars as this desk last pulled them (record_synced, kinds calendar
/// and sla_policy), read again only when a pull changed them: what the desk stamps its own changes with, so a
/// ticket moved to 待客户确认 offline shows its clocks paused at once, as the server will.
class SlaSettings {
public:
    explicit SlaSettings(Database& db) : m_db(db) { }

    const SlaSetup& current();

private:
    Database& m_db;
    QString m_seen; ///< "count:max server_seq" of the copies read last
    SlaSetup m_setup;
};

} // namespace gongdan
