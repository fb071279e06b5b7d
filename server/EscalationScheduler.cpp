#include "server/EscalationScheduler.h"

#include "domain/Intents.h"
#include "domain/JsonCodec.h"
#include "domain/SlaStamp.h"
#include "domain/TicketIntents.h"

#include <QJsonArray>
#include <QTimeZone>
#include <algorithm>

namespace gongdan {

namespace {

const QString kRuleKind = QStringLiteral("escalation_rule");

/// What the level's notification is called: a warning before the due time, the breach at it, an escalation after.
QString typeOf(const EscalationLevel& level)
{
    if (level.offsetMinutes < 0)
        return QStringLiteral("sla_warning");
    return level.offsetMinutes == 0 ? QStringLiteral("breach") : QStringLiteral("escalation");
}

QString textOf(const EscalationRule& rule, const EscalationLevel& level, const EscalationStep& step)
{
    QString text = QStringLiteral("Level %1 of %2 reached at %3")
                       .arg(level.level)
                       .arg(rule.metric, QDateTime::fromSecsSinceEpoch(step.reachedAt, Qt::UTC).toString(Qt::ISODate));
    if (step.late)
        text += QStringLiteral(" (late: the server was down)");
    return text;
}

UserRecord systemUser()
{
    UserRecord user;
    user.id = EscalationScheduler::kSystemUser;
    user.login = EscalationScheduler::kSystemUser;
    user.name = QStringLiteral("Escalation");
    user.role = Role::Admin;
    return user;
}

} // namespace

EscalationScheduler::EscalationScheduler(SyncService& sync, UserRepository& users, const Clock& clock, QObject* parent)
    : QObject(parent), m_sync(sync), m_users(users), m_clock(clock)
{
    m_tick.setInterval(kTickMs);
    m_exact.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, &EscalationScheduler::onTimer);
    connect(&m_exact, &QTimer::timeout, this, &EscalationScheduler::onTimer);
}

void EscalationScheduler::start()
{
    m_tick.start();
    m_exact.start(0); // levels missed while the server was down fire now, marked late
}

void EscalationScheduler::onTimer()
{
    auto outcome = tick();
    if (!outcome)
        qWarning("escalation tick failed: %s", qUtf8Printable(outcome.error().message));
    else
        arm(outcome.value().next);
}

void EscalationScheduler::arm(const std::optional<qint64>& next)
{
    if (!next)
        return;
    const qint64 waitMs = std::max<qint64>(0, *next * 1000 - m_clock.nowMs());
    if (waitMs < kTickMs)
        m_exact.start(static_cast<int>(waitMs) + 5); // just after the instant, never before it
}

QList<EscalationRule> EscalationScheduler::rules()
{
    QList<EscalationRule> all;
    auto stored = m_sync.applier().records().list(kRuleKind, {}, {}, 100000);
    if (!stored)
        return all;
    for (const TeamRecord& record : stored.value()) {
        if (!record.data.value(QStringLiteral("enabled")).toBool(true))
            continue;
        if (auto rule = EscalationRule::fromJson(record.data))
            all.append(rule.value());
    }
    return all;
}

Result<EscalationScheduler::Outcome> EscalationScheduler::tick()
{
    Outcome outcome;
    {
        ServerTransaction transaction(m_sync.store().database());
        auto delivered = m_sync.applier().notifier().deliverHeld();
        if (!delivered)
            return delivered.error();
        if (m_clock.nowMs() - m_prunedMs >= 3600 * 1000) { // the 90-day retention, once an hour
            auto pruned = m_sync.applier().notifier().prune();
            if (!pruned)
                return pruned.error();
            outcome.pruned = pruned.value();
            m_prunedMs = m_clock.nowMs();
        }
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
        outcome.delivered = delivered.value();
        if (delivered.value() > 0)
            Q_EMIT m_sync.committed(m_sync.applier().notifier().lastSeq(), m_sync.store().takeTouchedScopes());
    }
    const QList<EscalationRule> chains = rules();
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    if (!chains.isEmpty()) {
        m_sync.applier().startBatch(); // the SLA settings as they are now
        QString after;
        for (;;) {
            auto ids = m_sync.store().openTicketIds(after, kBatch);
            if (!ids)
                return ids.error();
            for (const QString& id : ids.value()) {
                if (Status s = processTicket(id, chains, now, outcome); !s)
                    return s.error();
            }
            if (ids.value().size() < kBatch)
                break;
            after = ids.value().last();
        }
    }
    if (auto held = m_sync.applier().notifier().store().nextHeld(); held && held.value()) {
        const qint64 at = (*held.value() + 999) / 1000;
        if (!outcome.next || at < *outcome.next)
            outcome.next = at;
    }
    Q_EMIT ticked(outcome.fired, outcome.cancelled);
    return outcome;
}

Status EscalationScheduler::processTicket(
    const QString& ticketId, const QList<EscalationRule>& chains, qint64 now, Outcome& outcome)
{
    const std::optional<Ticket> ticket = m_sync.store().ticket(ticketId);
    // Waiting in 待接单 under an "unaccepted" chain: its accept clock has no due time on the ticket to go by.
    const bool unaccepted = ticket && ticket->status == TicketStatus::New
        && std::any_of(chains.begin(), chains.end(),
            [](const EscalationRule& rule) { return rule.metric == SlaPolicy::metricKey(SlaMetric::Accept); });
    if (!ticket || (!unaccepted && !ticket->responseDueAt.isValid() && !ticket->resolutionDueAt.isValid()))
        return {}; // no running clock: nothing can come due (a paused clock is re-armed when it runs again)
    auto fired = m_sync.applier().notifier().store().firedKeys(ticketId);
    if (!fired)
        return fired.error();
    // Nothing due yet and no chain under way (whose later levels a fulfilled clock would cancel): skip the clocks.
    if (const std::optional<qint64> earliest = unaccepted ? std::nullopt : earliestInstant(*ticket, chains);
        earliest && *earliest > now && fired.value().isEmpty()) {
        if (!outcome.next || *earliest < *outcome.next)
            outcome.next = earliest; // nothing due yet: wake then (a lower bound; the tick re-arms exactly)
        return {};
    }
    // Copied: a level's action starts a new batch, which reads the settings again.
    const SlaSetup setup = m_sync.applier().slaSetup();
    const SlaPolicy* chosen = SlaPolicy::choose(setup.policies, *ticket, m_sync.applier().slaFacts(*ticket));
    if (!chosen)
        return {};
    const SlaPolicy policy = *chosen;
    const BusinessCalendar calendar = setup.calendarOf(policy);
    QList<TicketEvent> events;
    for (const QJsonObject& stored : m_sync.store().events(ticketId)) {
        if (auto event = JsonCodec::eventFromJson(stored))
            events.append(event.value());
    }
    const QList<SlaClock> clocks = SlaClocks::rebuild(
        SlaStamp::historyOf(*ticket, events, m_sync.store().comments(ticketId)), policy, calendar, now);
    for (const SlaClock& clock : clocks) {
        if (clock.state != SlaClock::State::Running && clock.state != SlaClock::State::Fulfilled)
            continue;
        const EscalationClock escalation {
            ticketId, SlaPolicy::metricKey(clock.metric), clock.cycle, clock.dueAt, clock.fulfilledAt.has_value()};
        for (const EscalationRule& rule : chains) {
            if (rule.metric != escalation.metric || (!rule.policyId.isEmpty() && rule.policyId != policy.id))
                continue;
            for (const EscalationStep& step : EscalationPlanner::plan(escalation, rule, calendar, now, fired.value())) {
                auto ran = runStep(*ticket, escalation, rule, step, now);
                if (!ran)
                    return ran.error();
                fired.value().insert(step.key);
                if (!ran.value())
                    ++outcome.skipped;
                else if (step.kind == EscalationStep::Kind::Fire)
                    ++outcome.fired;
                else
                    ++outcome.cancelled;
            }
            const std::optional<qint64> next
                = EscalationPlanner::nextInstant(escalation, rule, calendar, now, fired.value());
            if (next && (!outcome.next || *next < *outcome.next))
                outcome.next = next;
        }
    }
    return {};
}

std::optional<qint64> EscalationScheduler::earliestInstant(const Ticket& ticket, const QList<EscalationRule>& chains)
{
    std::optional<qint64> due;
    for (const QDateTime& at : {ticket.responseDueAt, ticket.resolutionDueAt}) {
        if (at.isValid() && (!due || at.toSecsSinceEpoch() < *due))
            due = at.toSecsSinceEpoch();
    }
    if (!due)
        return std::nullopt;
    qint64 offset = 0;
    bool first = true;
    for (const EscalationRule& rule : chains) {
        for (const EscalationLevel& level : rule.levels) {
            if (level.businessOffset && level.offsetMinutes < 0)
                return std::nullopt; // business minutes before a due time may reach back over nights: no bound
            if (first || qint64(level.offsetMinutes) * 60 < offset)
                offset = qint64(level.offsetMinutes) * 60;
            first = false;
        }
    }
    return *due + offset;
}

Result<bool> EscalationScheduler::runStep(const Ticket& ticket, const EscalationClock& clock,
    const EscalationRule& rule, const EscalationStep& step, qint64 now)
{
    SyncStore& store = m_sync.store();
    Notifier& notifier = m_sync.applier().notifier();
    ServerTransaction transaction(store.database());
    store.takeTouchedScopes();
    const EscalationFiring firing {step.key, ticket.id, clock.metric, clock.cycle, step.level,
        step.kind == EscalationStep::Kind::Fire ? QStringLiteral("fire") : QStringLiteral("cancel"),
        step.reachedAt * 1000, now * 1000, step.late};
    auto claimed = notifier.store().claim(firing);
    if (!claimed)
        return claimed.error();
    if (!claimed.value())
        return false; // another server process fired it first; this transaction wrote nothing
    qint64 last = 0;
    if (step.kind == EscalationStep::Kind::Fire) {
        const auto level = std::find_if(rule.levels.cbegin(), rule.levels.cend(),
            [&step](const EscalationLevel& l) { return l.level == step.level; });
        Ticket current = store.ticket(ticket.id).value_or(ticket);
        QJsonObject patch;
        const QJsonObject& actions = level->actions;
        if (const auto raised = EnumText<Priority>::fromKey(actions.value(QStringLiteral("priority")).toString());
            raised && *raised > current.priority)
            patch.insert(QStringLiteral("priority"), EnumText<Priority>::key(*raised));
        if (const QString tag = actions.value(QStringLiteral("add_tag")).toString();
            !tag.isEmpty() && !current.tags.contains(tag)) {
            QJsonArray tags = QJsonArray::fromStringList(current.tags);
            tags.append(tag);
            patch.insert(QStringLiteral("tags"), tags);
        }
        if (const QString group = actions.value(QStringLiteral("group_id")).toString();
            !group.isEmpty() && group != current.groupId)
            patch.insert(QStringLiteral("group_id"), group);
        if (!patch.isEmpty() && step.repeat == 0) { // a repetition only tells again
            QJsonObject base;
            for (auto it = patch.constBegin(); it != patch.constEnd(); ++it)
                base.insert(it.key(), current.fieldValue(it.key()));
            m_sync.applier().startBatch();
            const Mutation change {0, QStringLiteral("escalation:") + step.key, QString(intent::TicketPatch), ticket.id,
                TicketIntents::patch(patch, base, kSystemUser, m_clock.now())};
            auto applied = m_sync.applier().apply(systemUser(), change, QStringLiteral("server"));
            if (!applied && applied.error().code.startsWith(QLatin1String("server.")))
                return applied.error();
            if (applied) {
                last = applied.value().value(QStringLiteral("server_seq")).toInteger();
                current = store.ticket(ticket.id).value_or(current);
            } else {
                qWarning("escalation %s: action refused: %s", qUtf8Printable(step.key),
                    qUtf8Printable(applied.error().message));
            }
        }
        for (const QString& userId : audienceOf(current, level->audience)) {
            auto sent = notifier.notify(userId, typeOf(*level), current, textOf(rule, *level, step),
                step.held ? step.notifyAt * 1000 : 0, step.late, step.reachedAt * 1000, step.level);
            if (!sent)
                return sent.error();
            last = std::max(last, notifier.lastSeq());
        }
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    const QList<ChangeScope> touched = store.takeTouchedScopes();
    if (last > 0)
        Q_EMIT m_sync.committed(last, touched);
    return true;
}

QStringList EscalationScheduler::audienceOf(const Ticket& ticket, const QStringList& audience)
{
    QStringList ids;
    const auto add = [&ids](const QString& id) {
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    };
    QList<UserRecord> users;
    bool listed = false;
    const auto everyone = [&]() -> const QList<UserRecord>& {
        if (!listed) {
            users = m_users.list();
            listed = true;
        }
        return users;
    };
    for (const QString& who : audience) {
        if (who.startsWith(QLatin1String("user:"))) {
            add(who.mid(5));
        } else if (who == QLatin1String("assignee")) {
            add(ticket.assigneeId);
        } else if (who == QLatin1String("group_lead") || who == QLatin1String("supervisor")) {
            // No group has a lead of its own yet: its supervisors lead it. None in the group: every supervisor.
            for (const QString& id : Notifier::supervisorsOf(ticket.groupId, everyone()))
                add(id);
        } else if (who == QLatin1String("manager")) {
            for (const UserRecord& user : everyone()) {
                if (user.active && user.role == Role::Admin)
                    add(user.id);
            }
        }
    }
    return ids;
}

} // namespace gongdan
