#include "server/ViewApplier.h"

#include "domain/Intents.h"

#include <algorithm>

namespace gongdan {

namespace {

const QString kView = QStringLiteral("view");

/// Whom a view's changes reach, one scope per change-log row.
QList<ChangeScope> audiencesOf(const TicketView& view)
{
    if (!view.shared())
        return {ChangeScope::person(view.ownerId)};
    if (view.sharedGroupIds.isEmpty())
        return {ChangeScope {true, {}, {}, {}, {}}};
    QList<ChangeScope> scopes;
    for (const QString& group : view.sharedGroupIds)
        scopes.append(ChangeScope::group(group));
    return scopes;
}

bool sameAudience(const ChangeScope& a, const ChangeScope& b)
{
    return a.teamWide == b.teamWide && a.audience == b.audience && a.groupId == b.groupId && a.creatorId == b.creatorId;
}

std::optional<TicketView> viewOf(const std::optional<TeamRecord>& record)
{
    if (!record)
        return std::nullopt;
    auto view = TicketView::fromJson(record->data);
    return view ? std::optional<TicketView>(view.value()) : std::nullopt;
}

} // namespace

ViewApplier::ViewApplier(SyncStore& sync, TeamRecordStore& records, UserRepository& users)
    : m_sync(sync), m_records(records), m_users(users)
{
}

bool ViewApplier::handles(const QString& mutationName)
{
    return mutationName == intent::ViewUpsert || mutationName == intent::ViewDelete;
}

Result<QJsonObject> ViewApplier::apply(const UserRecord& user, const Mutation& mutation, const QString& clientId)
{
    return mutation.name == intent::ViewUpsert ? upsert(user, mutation, clientId) : remove(user, mutation, clientId);
}

Status ViewApplier::mayChange(const Principal& who, const TicketView& view)
{
    if (access::mayChangeView(who, view.ownerId))
        return {};
    if (view.shared())
        return Error {QStringLiteral("view.shared_forbidden"),
            QStringLiteral("Only supervisors and admins create, change or delete shared views."),
            QStringLiteral("shared")};
    return Error {QStringLiteral("view.not_owner"),
        QStringLiteral("Only the owner of a personal view changes or deletes it."), QStringLiteral("owner_id")};
}

Result<QJsonObject> ViewApplier::upsert(const UserRecord& user, const Mutation& mutation, const QString& clientId)
{
    auto parsed = TicketView::fromJson(mutation.args.value(kView).toObject());
    if (!parsed)
        return parsed.error();
    TicketView view = parsed.value();
    view.builtIn = false;
    if (view.id.isEmpty() || view.id != mutation.entityId)
        return Error {QStringLiteral("sync.entity_mismatch"), QStringLiteral("The view's id is not the entity id."),
            QStringLiteral("entity_id")};
    const QList<TicketView> builtIns = TicketView::builtIns();
    if (std::any_of(builtIns.begin(), builtIns.end(), [&view](const TicketView& b) { return b.id == view.id; }))
        return Error {
            QStringLiteral("view.built_in"), QStringLiteral("Built-in views cannot be changed."), QStringLiteral("id")};
    const Principal who = user.principal();
    const std::optional<TeamRecord> existing = m_records.find(kView, view.id);
    const std::optional<TicketView> before = viewOf(existing);
    if (before) {
        if (Status allowed = mayChange(who, *before); !allowed)
            return allowed.error();
    }
    if (Status allowed = mayChange(who, view); !allowed)
        return allowed.error();
    QStringList known;
    for (const GroupRecord& group : m_users.groups())
        known.append(group.id);
    for (const QString& group : std::as_const(view.sharedGroupIds)) {
        if (!known.contains(group))
            return Error {QStringLiteral("view.unknown_group"),
                QStringLiteral("There is no group \"%1\" to share the view with.").arg(group),
                QStringLiteral("shared_group_ids")};
    }
    auto fields = m_records.list(QStringLiteral("field"), {}, {}, 100000);
    if (!fields)
        return fields.error();
    QList<FieldDefinition> definitions;
    for (const TeamRecord& record : fields.value()) {
        if (auto definition = FieldDefinition::fromJson(record.data))
            definitions.append(definition.value());
    }
    if (Status checked = ViewFields::check(view, definitions); !checked)
        return checked.error();
    const TeamRecord record {kView, view.id, view.toJson(), existing ? existing->version + 1 : 1, 0};
    auto seq = log(before, view, mutation, clientId);
    if (!seq)
        return seq.error();
    TeamRecord stored = record;
    stored.serverSeq = seq.value();
    if (Status s = m_records.store(stored, {}, QString(view.nameZh + QLatin1Char(' ') + view.nameEn)); !s)
        return s.error();
    return QJsonObject {{QStringLiteral("seq"), mutation.seq}, {QStringLiteral("mutation_id"), mutation.mutationId},
        {QStringLiteral("status"), QStringLiteral("applied")}, {QStringLiteral("server_seq"), seq.value()},
        {QStringLiteral("entity_id"), view.id}, {QStringLiteral("version"), stored.version}};
}

Result<QJsonObject> ViewApplier::remove(const UserRecord& user, const Mutation& mutation, const QString& clientId)
{
    const std::optional<TicketView> before = viewOf(m_records.find(kView, mutation.entityId));
    qint64 seq = 0; // a view the server does not have is deleted already (one refused or never sent)
    if (before) {
        if (Status allowed = mayChange(user.principal(), *before); !allowed)
            return allowed.error();
        auto logged = log(before, std::nullopt, mutation, clientId);
        if (!logged)
            return logged.error();
        seq = logged.value();
        if (Status s = m_records.remove(kView, mutation.entityId); !s)
            return s.error();
    }
    return QJsonObject {{QStringLiteral("seq"), mutation.seq}, {QStringLiteral("mutation_id"), mutation.mutationId},
        {QStringLiteral("status"), QStringLiteral("applied")}, {QStringLiteral("server_seq"), seq},
        {QStringLiteral("entity_id"), mutation.entityId}};
}

Result<qint64> ViewApplier::log(const std::optional<TicketView>& before, const std::optional<TicketView>& after,
    const Mutation& mutation, const QString& clientId)
{
    const QList<ChangeScope> now = after ? audiencesOf(*after) : QList<ChangeScope>();
    const QString id = after ? after->id : before->id;
    QList<std::pair<ChangeScope, QString>> rows; // losing audiences first: a device in both ends with the view
    if (before) {
        for (const ChangeScope& old : audiencesOf(*before)) {
            if (std::none_of(now.begin(), now.end(), [&old](const ChangeScope& n) { return sameAudience(old, n); }))
                rows.append({old, QStringLiteral("delete")});
        }
    }
    for (const ChangeScope& scope : now)
        rows.append({scope, QStringLiteral("upsert")});
    qint64 last = 0;
    for (const auto& [scope, op] : rows) {
        auto seq = m_sync.nextSeq();
        if (!seq)
            return seq.error();
        const QJsonObject data
            = op == QLatin1String("upsert") ? after->toJson() : QJsonObject {{QStringLiteral("id"), id}};
        if (Status s = m_sync.appendChange(seq.value(), kView, id, scope, op, data, mutation.mutationId, clientId); !s)
            return s.error();
        last = seq.value();
    }
    return last;
}

Result<QList<TeamRecord>> ViewApplier::visibleTo(const Principal& who)
{
    auto all = m_records.list(kView, {}, {}, 100000);
    if (!all)
        return all.error();
    QList<std::pair<TicketView, TeamRecord>> seen;
    for (const TeamRecord& record : all.value()) {
        auto view = TicketView::fromJson(record.data);
        if (view && access::mayReadView(who, view.value().ownerId, view.value().sharedGroupIds))
            seen.append({view.value(), record});
    }
    std::stable_sort(
        seen.begin(), seen.end(), [](const auto& a, const auto& b) { return a.first.order < b.first.order; });
    QList<TeamRecord> out;
    for (const auto& item : seen)
        out.append(item.second);
    return out;
}

std::optional<TeamRecord> ViewApplier::find(const Principal& who, const QString& id)
{
    std::optional<TeamRecord> record = m_records.find(kView, id);
    const std::optional<TicketView> view = viewOf(record);
    if (!view || !access::mayReadView(who, view->ownerId, view->sharedGroupIds))
        return std::nullopt;
    return record;
}

} // namespace gongdan
