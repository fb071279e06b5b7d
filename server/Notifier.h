#pragma once

#include "domain/Clock.h"
#include "domain/Ticket.h"
#include "domain/Uuid.h"
#include "teamdb/NotificationStore.h"
#include "teamdb/SyncStore.h"
#include "teamdb/UserRepository.h"

namespace gongdan {

/// Writes per-user notifications (domain/Notification) and logs them for their user's desks alone
/// (ChangeScope::person), inside the caller's transaction: the notification commits with what it tells of.
/// A notification held by quiet hours is stored now and logged when deliverHeld() finds its time has come.
class Notifier {
public:
    Notifier(SyncStore& sync, NotificationStore& store, const Clock& clock);

    /// A new notification about `ticket` for `userId`; `holdUntilMs` (later than now): held until then.
    Result<Notification> notify(const QString& userId, const QString& type, const Ticket& ticket, const QString& text,
        qint64 holdUntilMs = 0, bool late = false, qint64 reachedMs = 0, int level = 0);
    /// A `mention` for each active user `comment` @-mentions (domain/Mentions) who may read `ticket`, but its author.
    Status notifyMentions(
        const Ticket& ticket, const Comment& comment, const UserRecord& author, const QList<UserRecord>& people);
    /// A `low_satisfaction` for the supervisors of the ticket's group (none at all: the admins) and its assignee
    /// (but `actorId`) when the
    /// customer's score went to 1 or 2 (差评二次跟进): the ticket is back in follow-up and someone must call again.
    Status notifyLowSatisfaction(const std::optional<Ticket>& before, const Ticket& after, const QString& actorId,
        const QList<UserRecord>& people);
    /// The active supervisors of `groupId`; none in the group: every active supervisor (no group goes unwatched).
    static QStringList supervisorsOf(const QString& groupId, const QList<UserRecord>& people);
    /// Logs the held notifications whose time has come; how many.
    Result<int> deliverHeld();
    /// Marks the user's notifications read (ids, all, or a ticket's) and logs each for the user's desks.
    Result<QList<Notification>> markRead(
        const QString& userId, const QStringList& ids, bool all, const QString& ticketId, const QString& mutationId);
    /// Deletes the user's notifications (ids, or all) and logs each deletion for the user's desks: "clear all".
    Result<QStringList> clear(const QString& userId, const QStringList& ids, bool all, const QString& mutationId);
    /// Deletes notifications older than the retention (kRetentionDays), on the server; desks drop theirs by the
    /// same rule (storage/NotificationInbox). How many.
    Result<int> prune();
    NotificationStore& store() { return m_store; }
    /// The seq of the last change this notifier logged.
    qint64 lastSeq() const { return m_lastSeq; }

private:
    Status log(const Notification& notification, const QString& mutationId);
    /// One change-log row for the user's desks alone (ChangeScope::person): an upsert or a delete.
    Status logChange(const QString& id, const QString& userId, const QString& op, const QJsonObject& data,
        const QString& mutationId);

    SyncStore& m_sync;
    NotificationStore& m_store;
    const Clock& m_clock;
    UuidV7Generator m_ids;
    qint64 m_lastSeq = 0;
};

} // namespace gongdan
