#include "server/SyncService.h"

#include "server/ApiSupport.h"
#include "server/StrictJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QThread>
#include <QUuid>

namespace gongdan {

namespace {

Result<QString> clientIdOf(const QJsonObject& body)
{
    auto id = api::requiredString(body, QStringLiteral("client_id"));
    if (!id)
        return id.error();
    if (QUuid::fromString(id.value()).isNull())
        return Error {QStringLiteral("sync.bad_client_id"), QStringLiteral("client_id must be a UUID."),
            QStringLiteral("client_id")};
    return id.value();
}

} // namespace

SyncService::SyncService(
    SyncStore& store, UserRepository& users, const Clock& clock, const Failpoints& failpoints, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_applier(store, users, clock)
    , m_snapshots(store.database())
    , m_failpoints(failpoints)
{
}

Result<QJsonObject> SyncService::registerClient(const UserRecord& user, const QJsonObject& body)
{
    auto clientId = clientIdOf(body);
    if (!clientId)
        return clientId.error();
    auto client = m_store.registerClient(clientId.value(), user.id);
    if (!client)
        return client.error();
    return QJsonObject {{QStringLiteral("client_id"), client.value().clientId},
        {QStringLiteral("device_code"), client.value().deviceCode},
        {QStringLiteral("last_seq_applied"), client.value().lastSeqApplied},
        {QStringLiteral("epoch"), m_store.database().epoch()}};
}

Result<QList<Mutation>> SyncService::readMutations(const QJsonObject& body)
{
    const QJsonValue list = body.value(QStringLiteral("mutations"));
    if (!list.isArray())
        return Error {QStringLiteral("request.wrong_type"), QStringLiteral("\"mutations\" must be a list."),
            QStringLiteral("mutations")};
    if (list.toArray().size() > kMaxMutations)
        return Error {QStringLiteral("sync.batch_too_large"),
            QStringLiteral("At most %1 mutations per push.").arg(kMaxMutations), QStringLiteral("mutations")};
    static const QStringList allowed {QStringLiteral("seq"), QStringLiteral("mutation_id"), QStringLiteral("name"),
        QStringLiteral("entity_id"), QStringLiteral("args"), QStringLiteral("base_version")};
    QList<Mutation> mutations;
    qint64 previous = 0;
    for (const QJsonValue& value : list.toArray()) {
        const QString where = QStringLiteral("mutations[%1]").arg(mutations.size());
        const QJsonObject m = value.toObject();
        for (auto it = m.begin(); it != m.end(); ++it) {
            if (!allowed.contains(it.key()))
                return Error {QStringLiteral("request.unknown_field"),
                    QStringLiteral("\"%1\" is not a field of a mutation.").arg(it.key()),
                    where + QLatin1Char('.') + it.key()};
        }
        const double seq = m.value(QStringLiteral("seq")).toDouble(-1);
        if (!value.isObject() || seq < 1 || seq != static_cast<double>(static_cast<qint64>(seq))
            || !m.value(QStringLiteral("mutation_id")).isString() || !m.value(QStringLiteral("name")).isString()
            || !m.value(QStringLiteral("entity_id")).isString() || !m.value(QStringLiteral("args")).isObject())
            return Error {QStringLiteral("request.wrong_type"),
                QStringLiteral("A mutation is {seq: a positive whole number, mutation_id, name, entity_id: strings, "
                               "args: an object}."),
                where};
        if (static_cast<qint64>(seq) <= previous)
            return Error {QStringLiteral("sync.seq_order"),
                QStringLiteral("Mutations must be in increasing seq order."), where + QStringLiteral(".seq")};
        previous = static_cast<qint64>(seq);
        Mutation mutation {previous, m.value(QStringLiteral("mutation_id")).toString(),
            m.value(QStringLiteral("name")).toString(), m.value(QStringLiteral("entity_id")).toString(),
            m.value(QStringLiteral("args")).toObject(), std::nullopt};
        if (Status text = strictjson::checkText(m, where); !text) {
            // Refused on its own, never the whole push (the device would send it again for ever); its
            // stored answer must be storable too.
            mutation.refused = text.error();
            mutation.mutationId = strictjson::storable(mutation.mutationId);
            mutation.name = strictjson::storable(mutation.name);
            mutation.entityId = strictjson::storable(mutation.entityId);
            mutation.args = {};
        }
        mutations.append(mutation);
    }
    return mutations;
}

Result<QJsonObject> SyncService::push(const UserRecord& user, const QJsonObject& body)
{
    auto clientId = clientIdOf(body);
    if (!clientId)
        return clientId.error();
    auto mutations = readMutations(body);
    if (!mutations)
        return mutations.error();

    ServerTransaction transaction(m_store.database());
    m_store.takeTouchedScopes(); // whatever an earlier, rolled-back push left
    m_applier.startBatch();
    auto client = m_store.registerClient(clientId.value(), user.id);
    if (!client)
        return client.error();
    qint64 last = client.value().lastSeqApplied;
    qint64 highestServerSeq = 0;
    QJsonArray results;
    QJsonObject stop;
    bool slaTouched = false; // a calendar or policy pushed by an admin's desk
    for (const Mutation& mutation : mutations.value()) {
        if (mutation.seq <= last) { // delivered before: the same answer again, applied nothing
            QJsonObject again = m_store.storedResult(clientId.value(), mutation.seq)
                                    .value_or(QJsonObject {{QStringLiteral("seq"), mutation.seq}});
            again.insert(QStringLiteral("duplicate"), true);
            results.append(again);
            continue;
        }
        // After a restore a device's seqs may run ahead of the restored database (what it pushed after the
        // backup is gone with it, and no longer in its queue): it goes on from where it is, until it pushes.
        if (mutation.seq > last + 1 && m_store.restoreGap(clientId.value()) == last)
            last = mutation.seq - 1;
        if (mutation.seq != last + 1) {
            stop = {{QStringLiteral("code"), QStringLiteral("sync.out_of_order")},
                {QStringLiteral("message"),
                    QStringLiteral("Expected seq %1 but got %2; push from %1.").arg(last + 1).arg(mutation.seq)},
                {QStringLiteral("field"), QStringLiteral("mutations.seq")}, {QStringLiteral("expected_seq"), last + 1}};
            break;
        }
        // No savepoint per mutation: MutationApplier decides every rejection before its first write, so a
        // rejected intent has written nothing, and any later failure is the server's, which rolls the
        // whole push back (on PostgreSQL this saves two round trips per intent).
        Result<QJsonObject> outcome = mutation.refused ? Result<QJsonObject>(*mutation.refused)
                                                       : m_applier.apply(user, mutation, clientId.value());
        QJsonObject result;
        if (outcome) {
            result = outcome.value();
            slaTouched = slaTouched || mutation.name == QLatin1String("calendar.upsert")
                || mutation.name == QLatin1String("sla_policy.upsert");
            highestServerSeq = std::max(highestServerSeq, result.value(QStringLiteral("server_seq")).toInteger());
        } else if (outcome.error().code.startsWith(QLatin1String("server."))) {
            return outcome.error(); // the whole push rolls back; the device retries it
        } else {
            result = {{QStringLiteral("seq"), mutation.seq}, {QStringLiteral("mutation_id"), mutation.mutationId},
                {QStringLiteral("status"), QStringLiteral("rejected")},
                {QStringLiteral("error"),
                    QJsonObject {{QStringLiteral("code"), outcome.error().code},
                        {QStringLiteral("message"), outcome.error().message},
                        {QStringLiteral("field"), outcome.error().field}}}};
        }
        if (Status s = m_store.storeResult(clientId.value(), mutation.seq, mutation.mutationId, result); !s)
            return s.error();
        last = mutation.seq;
        results.append(result);
    }
    if (Status s = m_store.setLastSeqApplied(clientId.value(), last); !s)
        return s.error();
    if (m_failpoints.isActive(QStringLiteral("push.slow_commit")))
        QThread::msleep(QRandomGenerator::global()->bounded(40)); // commits finish out of start order
    m_failpoints.crashIf(QStringLiteral("push.crash_before_commit"));
    if (Status s = transaction.commit(); !s)
        return s.error();
    m_failpoints.crashIf(QStringLiteral("push.crash_after_commit"));
    const QList<ChangeScope> touched = m_store.takeTouchedScopes();
    if (highestServerSeq > 0)
        Q_EMIT committed(highestServerSeq, touched);
    if (slaTouched)
        Q_EMIT slaSettingsChanged();
    QJsonObject answer {{QStringLiteral("results"), results}, {QStringLiteral("last_seq_applied"), last},
        {QStringLiteral("device_code"), client.value().deviceCode}};
    if (!stop.isEmpty())
        answer.insert(QStringLiteral("error"), stop);
    return answer;
}

Result<QJsonObject> SyncService::applyOne(const UserRecord& user, const Mutation& mutation)
{
    ServerTransaction transaction(m_store.database());
    m_store.takeTouchedScopes();
    m_applier.startBatch();
    auto applied = m_applier.apply(user, mutation, QStringLiteral("api"));
    if (!applied)
        return applied.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    Q_EMIT committed(applied.value().value(QStringLiteral("server_seq")).toInteger(), m_store.takeTouchedScopes());
    if (mutation.name == QLatin1String("calendar.upsert") || mutation.name == QLatin1String("sla_policy.upsert"))
        Q_EMIT slaSettingsChanged();
    return applied;
}

Result<SyncService::RestampBatch> SyncService::restampOpenTickets(
    const QString& afterId, int limit, const QString& mutationId)
{
    ServerTransaction transaction(m_store.database());
    m_store.takeTouchedScopes();
    m_applier.startBatch(); // the settings as they are now
    auto ids = m_store.openTicketIds(afterId, limit);
    if (!ids)
        return ids.error();
    RestampBatch batch;
    qint64 highest = 0;
    for (const QString& id : ids.value()) {
        auto seq = m_applier.restamp(id, mutationId);
        if (!seq)
            return seq.error();
        batch.moved += seq.value() > 0 ? 1 : 0;
        highest = std::max(highest, seq.value());
    }
    batch.tickets = static_cast<int>(ids.value().size());
    batch.lastId = ids.value().size() == limit ? ids.value().last() : QString();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    if (highest > 0)
        Q_EMIT committed(highest, m_store.takeTouchedScopes());
    return batch;
}

Result<QString> SyncService::checkEpoch(const QString& epoch) const
{
    // Read on every request: a restore (teamdb/TeamBackup) names a new epoch under the running server.
    const QString ours = m_store.database().epoch();
    if (ours.isEmpty()) // a failed read is no other history: the device must not rebuild its cache for it
        return Error {QStringLiteral("server.database"), QStringLiteral("Cannot read the epoch.")};
    if (!epoch.isEmpty() && epoch != ours)
        return Error {QStringLiteral("sync.resync_required"),
            QStringLiteral("This server's history is not the one the device synced with; rebuild the cache."),
            QStringLiteral("epoch")};
    return ours;
}

Result<SyncService::SnapshotPage> SyncService::snapshot(const UserRecord& user, SnapshotReader::Part part,
    SnapshotReader::Content content, const QString& afterId, int limit, const QString& epoch)
{
    const Result<QString> ours = checkEpoch(epoch);
    if (!ours)
        return ours.error();
    auto cursor = m_store.committedSeq(); // first: the page read after it holds at least this much
    if (!cursor)
        return cursor.error();
    limit = std::clamp(limit, 1, kMaxPullLimit);
    QString lastId;
    int rows = 0;
    auto tickets = m_snapshots.page(user.principal(), part, content, afterId, limit, &lastId, &rows);
    if (!tickets)
        return tickets.error();
    SnapshotPage out {{}, rows == limit, rows > 0 ? lastId : afterId};
    QJsonObject head {{QStringLiteral("cursor"), cursor.value()}, {QStringLiteral("epoch"), ours.value()},
        {QStringLiteral("has_more"), out.more}, {QStringLiteral("next_after"), out.nextAfter}};
    if (afterId.isEmpty()) {
        auto total = m_snapshots.count(user.principal(), part);
        if (!total)
            return total.error();
        head.insert(QStringLiteral("total"), total.value());
    }
    out.body = QJsonDocument(head).toJson(QJsonDocument::Compact);
    out.body.chop(1); // the closing brace: the tickets go in as they were read
    out.body.append(",\"tickets\":").append(tickets.value()).append('}');
    return out;
}

Result<QJsonObject> SyncService::pull(const UserRecord& user, const QString& clientId, qint64 cursor, int limit,
    const QString& epoch, bool mineOnly, bool teamOnly)
{
    const Result<QString> same = checkEpoch(epoch);
    if (!same)
        return same.error();
    const QString ours = same.value();
    // The counter first: every change up to it has committed (commits happen in counter order).
    auto upTo = m_store.committedSeq();
    if (!upTo)
        return upTo.error();
    if (cursor < 0 || cursor > upTo.value())
        return Error {QStringLiteral("sync.resync_required"),
            QStringLiteral("The cursor %1 is ahead of this server (%2); rebuild the cache.")
                .arg(cursor)
                .arg(upTo.value()),
            QStringLiteral("cursor")};
    limit = std::clamp(limit, 1, kMaxPullLimit);
    auto rows = m_store.changes(user.principal(), cursor, upTo.value(), limit, mineOnly, teamOnly);
    if (!rows)
        return rows.error();
    QJsonArray changes;
    for (const ChangeRow& row : rows.value())
        changes.append(QJsonObject {{QStringLiteral("server_seq"), row.serverSeq},
            {QStringLiteral("entity"), row.entity}, {QStringLiteral("id"), row.entityId},
            {QStringLiteral("op"), row.op}, {QStringLiteral("data"), row.data}});
    const bool more = rows.value().size() == limit;
    qint64 applied = 0;
    if (!clientId.isEmpty()) {
        if (std::optional<SyncClientRecord> client = m_store.client(clientId); client && client->userId == user.id)
            applied = client->lastSeqApplied;
    }
    return QJsonObject {{QStringLiteral("changes"), changes},
        {QStringLiteral("next_cursor"), more ? rows.value().last().serverSeq : upTo.value()},
        {QStringLiteral("has_more"), more}, {QStringLiteral("epoch"), ours},
        {QStringLiteral("last_seq_applied"), applied}};
}

} // namespace gongdan
