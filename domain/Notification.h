#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace gongdan {

/// One notification for one person (workflows.md §9.7): written by the server (an escalation level, an assignment,
/// a transfer, a customer's reply), synced only to its user's desks as the record kind `notification`, read from
/// any of them. `offer` is reserved for dispatch's offers.
struct Notification {
    QString id;
    QString userId;
    QString type; ///< assigned | transfer | customer_reply | sla_warning | breach | escalation | mention | offer |
                  ///< low_satisfaction
    QString ticketId;
    QString ticketNumber;
    QString subject;
    QString text; ///< what happened, in words (the server's; the desk shows its own label for the type)
    QDateTime createdAt;
    QDateTime readAt; ///< invalid: unread
    bool late = false; ///< an escalation level fired after downtime
    QDateTime reachedAt; ///< an escalation level's instant (a notification held by quiet hours says when)
    int level = 0;

    /// How long a notification is kept, read or not (§9.7), on the server and on the desks.
    static constexpr int kRetentionDays = 90;

    static const QStringList& types();
    bool unread() const { return !readAt.isValid(); }
    QJsonObject toJson() const;
    static Result<Notification> fromJson(const QJsonObject& json);
};

} // namespace gongdan
