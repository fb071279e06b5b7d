#pragma once

#include "domain/TicketView.h"
#include "server/Mutation.h"
#include "teamdb/SyncStore.h"
#include "teamdb/TeamRecordStore.h"
#include "teamdb/UserRepository.h"

namespace gongdan {

/// Applies view.upsert and view.delete (a workstation's push or the REST API) to the team's custom views,
/// kept whole in team_record (kind "view"). The rules (domain/Access.h): a personal view belongs to its
/// owner — only they create, change or delete it (view.not_owner) —, a shared view only supervisors and
/// admins create, change or delete (view.shared_forbidden); a view is shared with the whole team or with
/// existing groups (view.unknown_group) and passes the view checks against the team's field definitions.
/// Each change is logged once per audience: a personal view's rows reach only its owner's devices, a
/// shared view's the whole team or each group it is shared with (and supervisors and admins); when the
/// audience shrinks (unshared, shared with other groups, deleted) the devices that lose the view get a
/// "delete" row first. Every rejection is decided before the first write.
class ViewApplier {
public:
    ViewApplier(SyncStore& sync, TeamRecordStore& records, UserRepository& users);

    static bool handles(const QString& mutationName);
    Result<QJsonObject> apply(const UserRecord& user, const Mutation& mutation, const QString& clientId);

    /// The custom views `who` may see, in display order, each with its version.
    Result<QList<TeamRecord>> visibleTo(const Principal& who);
    /// The view `id` if `who` may see it.
    std::optional<TeamRecord> find(const Principal& who, const QString& id);

private:
    Result<QJsonObject> upsert(const UserRecord& user, const Mutation& mutation, const QString& clientId);
    Result<QJsonObject> remove(const UserRecord& user, const Mutation& mutation, const QString& clientId);
    /// Logs the change for whom it concerns: "delete" for the audiences `before` had and `after` lacks,
    /// then "upsert" for each of `after`'s. The last seq written.
    Result<qint64> log(const std::optional<TicketView>& before, const std::optional<TicketView>& after,
        const Mutation& mutation, const QString& clientId);
    /// May `who` change or delete the view as it stands (`view`)? The refusal otherwise.
    static Status mayChange(const Principal& who, const TicketView& view);

    SyncStore& m_sync;
    TeamRecordStore& m_records;
    UserRepository& m_users;
};

} // namespace gongdan
