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

Status Notifier::log(const Notification& notification, const QString& mutationId)
{
    auto seq = m_sync.nextSeq();
    if (!seq)
        return seq.error();
    m_lastSeq = seq.value();
    return m_sync.appendChange(seq.value(), QStringLiteral("notification"), notification.id,
        ChangeScope::person(notification.userId), QStringLiteral("upsert"), notification.toJson(), mutationId,
        QStringLiteral("server"));
}

} // namespace gongdan
