#include "server/Dispatcher.h"

#include "domain/Ticket.h"
#include "domain/Uuid.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gongdan {

namespace {

const QString kSettingKind = QStringLiteral("dispatch_setting");

Error refused(const QString& code, const QString& message, const QString& field = {})
{
    return Error {code, message, field};
}

} // namespace

Dispatcher::Dispatcher(SyncStore& store, SyncService& sync, UserRepository& users, const Clock& clock, QObject* parent)
    : QObject(parent), m_store(store), m_sync(sync), m_users(users), m_clock(clock), m_dispatch(store.database())
{
    m_soon.setSingleShot(true);
    m_soon.setInterval(100); // a burst of commits is one pass
    connect(&m_soon, &QTimer::timeout, this, [this] { run(); });
    connect(&m_tick, &QTimer::timeout, this, [this] { run(); });
}

void Dispatcher::start(int tickMs)
{
    connect(&m_sync, &SyncService::committed, this, &Dispatcher::schedule);
    m_tick.start(tickMs);
    schedule();
}

void Dispatcher::schedule()
{
    if (!m_soon.isActive())
        m_soon.start();
}

QList<DispatchSettings> Dispatcher::settings()
{
    QList<DispatchSettings> out;
    auto records = m_sync.applier().records().list(kSettingKind, {}, {}, 100000);
    if (!records)
        return out;
    for (const TeamRecord& r : records.value()) {
        if (auto s = DispatchSettings::fromJson(r.data))
            out.append(s.value());
    }
    return out;
}

QString Dispatcher::groupName(const QString& groupId)
{
    for (const GroupRecord& g : std::as_const(m_groupCache))
        if (g.id == groupId)
            return g.nameZh.isEmpty() ? g.nameEn : g.nameZh;
    return groupId;
}

QString Dispatcher::userName(const QString& userId)
{
    for (const UserRecord& u : std::as_const(m_userCache))
        if (u.id == userId)
            return u.name;
    return userId;
}

Result<int> Dispatcher::run()
{
    m_userCache = m_users.list();
    m_groupCache = m_users.groups();
    const QList<DispatchSettings> all = settings();
    const auto settingsOf = [&all](const QString& groupId) {
        for (const DispatchSettings& s : all)
            if (s.groupId == groupId)
                return s;
        DispatchSettings defaults;
        defaults.groupId = groupId;
        return defaults;
    };
    int made = 0;
    // A failure is one ticket's or group's (another server process got there first, a busy database): the pass
    // goes on, and the next pass tries again.
    std::optional<Error> failed;
    const auto note = [&failed](const Status& s) {
        if (!s && s.error().code != QLatin1String("dispatch.conflict")) {
            qWarning("dispatch: %s", qPrintable(s.error().message));
            failed = s.error();
        }
    };
    signOffAbsent();
    for (const DispatchOffer& offer : m_dispatch.openOffers())
        note(settle(offer, settingsOf(offer.groupId), &made));
    for (const DispatchSettings& s : all) {
        if (s.enabled)
            note(dispatchGroup(s, &made));
    }
    if (failed && made == 0)
        return *failed;
    return made;
}

Status Dispatcher::settle(const DispatchOffer& offer, const DispatchSettings& settings, int* made)
{
    Q_UNUSED(made);
    const std::optional<Ticket> ticket = m_store.ticket(offer.ticketId);
    const bool stillOffered = ticket && ticket->status == TicketStatus::New && ticket->assigneeId == offer.userId;
    const std::optional<PresenceRecord> presence = m_dispatch.presence(offer.userId);
    const bool present = presence && presence->presence == Presence::Online;
    if (stillOffered && m_clock.nowMs() < offer.expiresMs && present)
        return {};
    if (!stillOffered) { // accepted (确认接收), or moved on by someone: the offer is settled
        ServerTransaction tx(m_store.database());
        const bool accepted = ticket && ticket->assigneeId == offer.userId && ticket->status != TicketStatus::New;
        if (Status s = m_dispatch.setOfferState(
                offer.ticketId, offer.baseVersion, accepted ? QStringLiteral("accepted") : QStringLiteral("withdrawn"));
            !s)
            return s;
        if (accepted && presence && presence->misses > 0) {
            if (Status s = m_dispatch.setMisses(offer.userId, 0); !s)
                return s;
        }
        return tx.commit();
    }
    Ticket after = *ticket;
    after.assigneeId.clear();
    if (!present && m_clock.nowMs() < offer.expiresMs) { // went busy, away or offline: requeue_unaccepted, no miss
        const QJsonObject why {{QStringLiteral("kind"), QStringLiteral("gone")},
            {QStringLiteral("agent"), userName(offer.userId)}, {QStringLiteral("group"), groupName(offer.groupId)}};
        return write(*ticket, after, QStringLiteral("reclaim"), why,
            [&] { return m_dispatch.setOfferState(offer.ticketId, offer.baseVersion, QStringLiteral("withdrawn")); });
    }
    // Not accepted in time: back to the queue, and the next candidate (the one who missed it is passed over).
    const int misses = (presence ? presence->misses : 0) + 1;
    const bool away = misses >= settings.maxMisses;
    QJsonObject why {{QStringLiteral("kind"), QStringLiteral("reclaim")},
        {QStringLiteral("agent"), userName(offer.userId)}, {QStringLiteral("group"), groupName(offer.groupId)},
        {QStringLiteral("minutes"), settings.acceptTimeoutMin}};
    if (away)
        why.insert(QStringLiteral("misses"), misses);
    const Status written = write(*ticket, after, QStringLiteral("reclaim"), why, [&]() -> Status {
        if (Status s = m_dispatch.setOfferState(offer.ticketId, offer.baseVersion, QStringLiteral("missed")); !s)
            return s;
        PresenceRecord next = presence.value_or(PresenceRecord {offer.userId, Presence::Online, 0, {}, 0});
        next.misses = away ? 0 : misses;
        if (away) {
            next.presence = Presence::Away;
            next.changedMs = m_clock.nowMs();
            next.changedBy = QStringLiteral("system");
        }
        return m_dispatch.setPresence(next);
    });
    if (written && away)
        Q_EMIT presenceChanged(offer.userId);
    return written;
}

std::optional<DispatchTicket> Dispatcher::queued(const Ticket& ticket)
{
    if (!Dispatch::eligible(ticket))
        return std::nullopt;
    DispatchTicket t;
    t.id = ticket.id;
    t.priority = ticket.priority;
    t.categoryId = ticket.categoryId;
    t.eligibleSince = ticket.createdAt;
    t.slaDueAt = ticket.firstResponseAt.isValid() ? ticket.resolutionDueAt : ticket.responseDueAt;
    if (!ticket.customerId.isEmpty()) {
        if (auto customer = m_sync.applier().records().find(QStringLiteral("customer"), ticket.customerId))
            t.vip = customer->data.value(QStringLiteral("level")).toString() == QLatin1String("vip");
    }
    return t;
}

QList<DispatchAgent> Dispatcher::agentsOf(const QString& groupId, const DispatchSettings& settings)
{
    QList<DispatchAgent> agents;
    for (const UserRecord& u : std::as_const(m_userCache)) {
        if (!u.active || !u.groupIds.contains(groupId) || (u.role != Role::Agent && u.role != Role::Supervisor))
            continue;
        DispatchAgent a;
        a.id = u.id;
        a.name = u.name;
        if (auto p = m_dispatch.presence(u.id))
            a.presence = p->presence;
        DispatchAgent::readSkills(u.skills, a);
        if (auto statuses = m_dispatch.assignedStatuses(u.id))
            a.load = Dispatch::loadOf(statuses.value(), settings);
        a.capacity = settings.capacityOf(u.id);
        if (const qint64 last = m_dispatch.lastOfferMs(u.id))
            a.lastAssignedAt = QDateTime::fromMSecsSinceEpoch(last, Qt::UTC);
        if (const qint64 last = m_dispatch.lastOfferMs(u.id, groupId))
            a.lastAssignedInGroupAt = QDateTime::fromMSecsSinceEpoch(last, Qt::UTC);
        a.joinedAt = QDateTime::fromMSecsSinceEpoch(u.createdMs, Qt::UTC);
        agents.append(a);
    }
    return agents;
}

Status Dispatcher::dispatchGroup(const DispatchSettings& settings, int* made)
{
    auto ids = m_dispatch.queue(settings.groupId);
    if (!ids)
        return ids.error();
    QList<std::pair<DispatchTicket, int>> queue; // with the version it was read at
    QList<DispatchTicket> order;
    for (const QString& id : ids.value()) {
        const std::optional<Ticket> ticket = m_store.ticket(id);
        if (!ticket)
            continue;
        if (auto t = queued(*ticket)) {
            queue.append({*t, ticket->version});
            order.append(*t);
        }
    }
    if (queue.isEmpty())
        return {};
    Dispatch::sortQueue(order);
    QList<DispatchAgent> agents = agentsOf(settings.groupId, settings);
    const QDateTime now = m_clock.now();
    for (const DispatchTicket& t : std::as_const(order)) {
        QStringList missed;
        for (const DispatchOffer& o : m_dispatch.offersOf(t.id))
            if (o.state == QLatin1String("missed"))
                missed.append(o.userId);
        const DispatchChoice choice = Dispatch::choose(t, settings, agents, now, groupName(settings.groupId), missed);
        if (choice.agentId.isEmpty()) {
            if (Dispatch::overflows(t, settings, now)) {
                if (auto ticket = m_store.ticket(t.id)) {
                    if (Status s = overflow(*ticket, settings); !s)
                        return s;
                }
            }
            continue;
        }
        int version = 0;
        for (const auto& [queuedTicket, v] : std::as_const(queue))
            if (queuedTicket.id == t.id)
                version = v;
        if (!offer(t.id, version, settings, choice))
            continue;
        ++*made;
        for (DispatchAgent& a : agents)
            if (a.id == choice.agentId) {
                ++a.load;
                a.lastAssignedAt = a.lastAssignedInGroupAt = now;
            }
    }
    return {};
}

bool Dispatcher::offer(
    const QString& ticketId, int version, const DispatchSettings& settings, const DispatchChoice& choice)
{
    const std::optional<Ticket> before = m_store.ticket(ticketId);
    if (!before || before->version != version || !Dispatch::eligible(*before))
        return false; // moved on since the queue was read
    Ticket after = *before;
    after.assigneeId = choice.agentId;
    const qint64 now = m_clock.nowMs();
    const DispatchOffer row {ticketId, version, choice.agentId, settings.groupId, now,
        now + qint64(settings.acceptTimeoutMin) * 60000, QStringLiteral("open"), choice.explanation};
    const Status written
        = write(*before, after, QStringLiteral("offer"), choice.facts, [&] { return m_dispatch.insertOffer(row); });
    if (!written) // another server process offered it first (the same key), or the database failed
        return false;
    Q_EMIT offered(ticketId, choice.agentId);
    return true;
}

Status Dispatcher::overflow(const Ticket& ticket, const DispatchSettings& settings)
{
    Ticket after = ticket;
    after.groupId = settings.overflowGroupId;
    const QJsonObject why {{QStringLiteral("kind"), QStringLiteral("overflow")},
        {QStringLiteral("group"), groupName(settings.groupId)}, {QStringLiteral("minutes"), settings.overflowAfterMin},
        {QStringLiteral("to_group"), groupName(settings.overflowGroupId)}};
    return write(ticket, after, QStringLiteral("overflow"), why);
}

Status Dispatcher::write(const Ticket& before, Ticket after, const QString& what, const QJsonObject& facts,
    const std::function<Status()>& alsoInTransaction)
{
    ServerTransaction tx(m_store.database());
    m_store.takeTouchedScopes();
    m_sync.applier().startBatch();
    // Only over the ticket as it was read: another server process may have offered or reclaimed it meanwhile.
    auto claimed = m_dispatch.claimTicket(before.id, before.version);
    if (!claimed)
        return claimed.error();
    if (!claimed.value())
        return Error {QStringLiteral("dispatch.conflict"), QStringLiteral("The ticket changed meanwhile.")};
    const QDateTime now = m_clock.now();
    ++after.version;
    after.updatedAt = now;
    QList<TicketEvent> events;
    const auto event = [&](const QString& kind, const QString& field, const QString& from, const QString& to) {
        TicketEvent e;
        e.ticketId = after.id;
        e.at = now;
        e.kind = kind;
        e.field = field;
        e.oldValue = from;
        e.newValue = to;
        events.append(e);
    };
    if (before.assigneeId != after.assigneeId)
        event(QStringLiteral("field"), QStringLiteral("assignee_id"), before.assigneeId, after.assigneeId);
    if (before.groupId != after.groupId)
        event(QStringLiteral("field"), QStringLiteral("group_id"), before.groupId, after.groupId);
    // The facts for each desk to word in its language, and the words in the server's (English) for REST readers.
    event(QStringLiteral("dispatch"), what, QString::fromUtf8(QJsonDocument(facts).toJson(QJsonDocument::Compact)),
        Dispatch::explain(facts));
    if (alsoInTransaction) {
        if (Status s = alsoInTransaction(); !s)
            return s;
    }
    auto seq = m_sync.applier().storeServerChange(
        before, after, events, QStringLiteral("dispatch:") + UuidV7Generator(m_clock).next());
    if (!seq)
        return seq.error();
    if (Status s = tx.commit(); !s)
        return s;
    Q_EMIT committed(seq.value(), m_store.takeTouchedScopes());
    return {};
}

void Dispatcher::userLeft(const QString& userId)
{
    m_leftAt.insert(userId, m_clock.nowMs());
}

void Dispatcher::userArrived(const QString& userId)
{
    m_leftAt.remove(userId);
}

void Dispatcher::signOffAbsent()
{
    const qint64 now = m_clock.nowMs();
    for (auto it = m_leftAt.begin(); it != m_leftAt.end();) {
        if (now - it.value() < kOfflineGraceMs) {
            ++it;
            continue;
        }
        const std::optional<PresenceRecord> before = m_dispatch.presence(it.key());
        if (before && before->presence != Presence::Offline) {
            PresenceRecord record {it.key(), Presence::Offline, now, QStringLiteral("system"), before->misses};
            ServerTransaction tx(m_store.database());
            if (!m_dispatch.setPresence(record) || !tx.commit()) {
                ++it; // tried again on the next pass
                continue;
            }
            Q_EMIT presenceChanged(it.key());
        }
        it = m_leftAt.erase(it);
    }
}

Result<PresenceRecord> Dispatcher::setPresence(const UserRecord& actor, const QString& userId, Presence presence)
{
    const bool self = actor.id == userId;
    if (!self && actor.role != Role::Supervisor && actor.role != Role::Admin)
        return refused(QStringLiteral("access.denied"),
            QStringLiteral("Only supervisors and admins set another person's presence."), QStringLiteral("user_id"));
    if (!m_users.find(userId))
        return refused(QStringLiteral("user.not_found"), QStringLiteral("There is no user \"%1\".").arg(userId),
            QStringLiteral("user_id"));
    const std::optional<PresenceRecord> before = m_dispatch.presence(userId);
    PresenceRecord record {userId, presence, m_clock.nowMs(), actor.id, 0};
    ServerTransaction tx(m_store.database());
    if (Status s = m_dispatch.setPresence(record); !s)
        return s.error();
    if (!self && m_audit) {
        const QJsonObject detail {{QStringLiteral("from"), presenceKey(before ? before->presence : Presence::Offline)},
            {QStringLiteral("to"), presenceKey(presence)}};
        if (Status s
            = m_audit->append(AuditActor {actor.id, actor.login, m_audit->actor().address, QStringLiteral("api")},
                QStringLiteral("presence_change"), QStringLiteral("user"), userId, detail);
            !s)
            return s.error();
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    Q_EMIT presenceChanged(userId);
    if (presence == Presence::Online)
        schedule(); // T-DSP-11: an agent back online gets the queue's head
    return record;
}

} // namespace gongdan
