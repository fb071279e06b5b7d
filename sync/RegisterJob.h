#pragma once

#include "sync/SyncJob.h"

namespace gongdan {

/// Registers this store's client with the team server (POST /v1/sync/register) and keeps the device code
/// it answers with (the prefix of provisional ticket references).
class RegisterJob : public SyncJob {
    Q_OBJECT

public:
    using SyncJob::SyncJob;
    void start() override;
};

} // namespace gongdan
