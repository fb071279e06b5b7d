#pragma once

#include "domain/Clock.h"
#include "server/Mutation.h"
#include "server/SensitiveWrites.h"
#include "teamdb/SyncStore.h"
#include "teamdb/TeamRecordStore.h"
#include "teamdb/UserRepository.h"

namespace gongdan {

/// Applies the intents on team-wide records — customer.upsert (anyone signed in), field.upsert,
/// category.upsert, calendar.upsert, sla_policy.upsert and escalation_rule.upsert (admins only),
/// dispatch_setting.upsert and report.upsert (supervisors and admins) — by the same rules the workstation checks: a
/// customer needs a name, valid phones and a customer number no other customer has; a field definition passes the
/// domain's checks (and may not change its key or type), its key unique; the category tree stays a tree. A record is
/// replaced whole, last writer in server order (every earlier version stays in the change log). Like MutationApplier,
/// every rejection is decided before the first write.
class RecordApplier {
public:
    RecordApplier(SyncStore& sync, TeamRecordStore& records, SensitiveWrites& sensitive, const Clock& clock);

    static bool handles(const QString& mutationName);
    Result<QJsonObject> apply(const UserRecord& user, const Mutation& mutation, const QString& clientId);

private:
    Result<QJsonObject> customer(const Mutation& mutation, const QString& clientId);
    Result<QJsonObject> field(const Mutation& mutation, const QString& clientId);
    Result<QJsonObject> category(const Mutation& mutation, const QString& clientId);
    Result<QJsonObject> calendar(const Mutation& mutation, const QString& clientId);
    Result<QJsonObject> slaPolicy(const Mutation& mutation, const QString& clientId);
    Result<QJsonObject> escalationRule(const Mutation& mutation, const QString& clientId);
    Result<QJsonObject> report(const Mutation& mutation, const QString& clientId);
    Result<QJsonObject> dispatchSetting(const UserRecord& user, const Mutation& mutation, const QString& clientId);
    /// Stores the record under the next seq with its change-log row for every device.
    Result<QJsonObject> commit(TeamRecord record, const QString& uniqueKey, const QString& search,
        const Mutation& mutation, const QString& clientId);
    int nextVersion(const QString& kind, const QString& id);

    SyncStore& m_sync;
    TeamRecordStore& m_records;
    SensitiveWrites& m_sensitive;
    const Clock& m_clock;
};

} // namespace gongdan
