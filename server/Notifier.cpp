#include "server/Notifier.h"

#include "domain/Access.h"
#include "domain/Mentions.h"
#include "domain/Uuid.h"

#include <QTimeZone>

namespace gongdan {

Notifier::Notifier(SyncStore& sync, NotificationStore& store, const Clock& clock)
    : m_sync(sync), m_store(store), m_clock(clock), m_ids(clock)
{
}

Result<Notification> Notifier::notify(const QString& userId, const QString& type, const Ticket& ticket,
    const QString& text, qint64 holdUntilMs, bool late, qint64 reachedMs, int level)
{
    Notification n;
    n.id = m_ids.next();
    n.userId = userId;
    n.type = type;
    n.ticketId = ticket.id;
    n.ticketNumber = ticket.number;
    n.subject = ticket.subject;
    n.text = text;
    n.createdAt = m_clock.now();
    n.late = late;
    n.level = level;
    if (reachedMs > 0)
        n.reachedAt = QDateTime::fromMSecsSinceEpoch(reachedMs, Qt::UTC);
    const qint64 now = m_clock.nowMs();
    const bool held = holdUntilMs > now;
    if (held)
        n.createdAt = QDateTime::fromMSecsSinceEpoch(holdUntilMs, Qt::UTC); // shown when it goes out
    if (Status stored = m_store.insert(n, held ? holdUntilMs : now, !held); !stored)
        return stored.error();
    if (!held) {
        if (Status logged = log(n, QStringLiteral("notify:") + n.id); !logged)
            return logged.error();
    }
    return n;
}

Status Notifier::notifyMentions(
    const Ticket& ticket, const Comment& comment, const UserRecord& author, const QList<UserRecord>& people)
{
    if (!comment.body.contains(u'@'))
        return {};
    QList<MentionTarget> targets;
    for (const UserRecord& person : people) {
        if (person.active && person.id != author.id
            && access::mayRead(person.principal(), ticket.groupId, ticket.assigneeId, ticket.createdBy))
            targets.append({person.id, person.login, person.name});
    }
    const QString excerpt = comment.body.simplified().left(120);
    for (const QString& userId : Mentions::find(comment.body, targets)) {
        auto sent
            = notify(userId, QStringLiteral("mention"), ticket, QStringLiteral("%1: %2").arg(author.name, excerpt));
        if (!sent)
            return sent.error();
    }
    return {};
}

Status Notifier::notifyLowSatisfaction(
    const std::optional<Ticket>& before, const Ticket& after, const QString& actorId, const QList<UserRecord>& people)
{
    const bool low = after.satisfaction > 0 && after.satisfaction < Lifecycle::kLowestSatisfiedScore;
    if (!low || (before && before->satisfaction == after.satisfaction))
        return {};
    QStringList audience = supervisorsOf(after.groupId, people);
    if (audience.isEmpty()) { // a team without supervisors: its admins watch the floor
        for (const UserRecord& user : people)
            if (user.active && user.role == Role::Admin)
                audience.append(user.id);
    }
    if (!after.assigneeId.isEmpty() && !audience.contains(after.assigneeId))
        audience.append(after.assigneeId);
    const QString said = after.satisfactionComment.simplified().left(120);
    const QString text = said.isEmpty()
        ? QStringLiteral("The customer scored %1 of 5; the ticket is back for follow-up.").arg(after.satisfaction)
        : QStringLiteral("The customer scored %1 of 5 (\"%2\"); the ticket is back for follow-up.")
              .arg(after.satisfaction)
              .arg(said);
    for (const QString& userId : std::as_const(audience)) {
        if (userId == actorId)
            continue;
        if (auto sent = notify(userId, QStringLiteral("low_satisfaction"), after, text); !sent)
            return sent.error();
    }
    return {};
}

QStringList Notifier::supervisorsOf(const QString& groupId, const QList<UserRecord>& people)
{
    QStringList inGroup;
    QStringList all;
    for (const UserRecord& user : people) {
        if (!user.active || user.role != Role::Supervisor)
            continue;
        all.append(user.id);
        if (user.groupIds.contains(groupId))
            inGroup.append(user.id);
    }
    return inGroup.isEmpty() ? all : inGroup;
}

Result<int> Notifier::deliverHeld()
{
    auto due = m_store.heldUntil(m_clock.nowMs(), 500);
    if (!due)
        return due.error();
    for (const Notification& n : due.value()) {
        if (Status delivered = m_store.setDelivered(n.id); !delivered)
            return delivered.error();
        if (Status logged = log(n, QStringLiteral("notify:") + n.id); !logged)
            return logged.error();
    }
    return static_cast<int>(due.value().size());
}

Result<QList<Notification>> Notifier::markRead(
    const QString& userId, const QStringList& ids, bool all, const QString& ticketId, const QString& mutationId)
{
    auto changed = m_store.markRead(userId, ids, all, ticketId, m_clock.nowMs());
    if (!changed)
        return changed.error();
    for (const Notification& n : changed.value()) {
        if (Status logged = log(n, mutationId); !logged)
            return logged.error();
    }
    return changed;
}

Result<QStringList> Notifier::clear(const QString& userId, const QStringList& ids, bool all, const QString& mutationId)
{
    auto removed = m_store.remove(userId, ids, all);
    if (!removed)
        return removed.error();
    for (const QString& id : std::as_const(removed.value())) {
        if (Status s = logChange(id, userId, QStringLiteral("delete"), {{QStringLiteral("id"), id}}, mutationId); !s)
            return s.error();
    }
    return removed;
}

Result<int> Notifier::prune()
{
    return m_store.prune(m_clock.nowMs() - qint64(Notification::kRetentionDays) * 24 * 3600 * 1000);
}

Status Notifier::log(const Notification& notification, const QString& mutationId)
{
    return logChange(notification.id, notification.userId, QStringLiteral("upsert"), notification.toJson(), mutationId);
}

Status Notifier::logChange(
    const QString& id, const QString& userId, const QString& op, const QJsonObject& data, const QString& mutationId)
{
    auto seq = m_sync.nextSeq();
    if (!seq)
        return seq.error();
    m_lastSeq = seq.value();
    return m_sync.appendChange(seq.value(), QStringLiteral("notification"), id, ChangeScope::person(userId), op, data,
        mutationId, QStringLiteral("server"));
}

} // namespace gongdan
