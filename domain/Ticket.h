#pragma once

#include "domain/Lifecycle.h"
#include "domain/TicketTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace gongdan {

/// A file attached to a comment or a field, stored once by the SHA-256 of its content.
struct AttachmentRef {
    QString sha256; ///< 64 lowercase hex digits
    QString fileName;
    QString mimeType;
    qint64 size = 0;

    QJsonObject toJson() const;
    static std::optional<AttachmentRef> fromJson(const QJsonValue& value);
};

/// One ticket (工单): who asked, what, where it goes, by when.
struct Ticket {
    QString id; ///< UUIDv7, made where the ticket is created
    QString number; ///< GYYYYMMDDNNN; empty until the authority assigns it
    QString subject;
    QString description;
    NeedType needType = NeedType::Consultation;
    Channel channel = Channel::Phone;
    QString categoryId;
    Priority priority = Priority::Normal;
    TicketStatus status = TicketStatus::New;
    QStringList tags;
    QString assigneeId;
    QString groupId;
    QString customerId;
    QString contactName;
    QString contactPhone;
    QJsonObject customFields; ///< field key → value, as FieldValidator accepts it
    QString resolution;
    QDateTime createdAt, updatedAt, acceptedAt, firstResponseAt, resolvedAt, closedAt;
    QDateTime responseDueAt, resolutionDueAt;
    QDateTime callStartedAt; ///< when the ticket came from a phone call
    int callSeconds = 0;
    QString mergedInto;
    QStringList mergedFrom; ///< the tickets merged into this one (ids), set by the rules on a merge
    QString createdBy; ///< the user who created it; set by the rules, never edited (agents keep seeing it)
    QStringList links; ///< related tickets (ids), both ways: a link is recorded on each of the two
    int satisfaction = 0; ///< the customer's score after closing (满意度), 1–5; 0: none recorded
    QString satisfactionComment; ///< what the customer said with the score
    QDateTime ratedAt; ///< when the score was recorded (the dashboard's satisfaction today)
    int version = 0; ///< bumped by every change; the sync layer's base version

    /// The fields a patch may set, by their stable keys.
    static const QStringList& patchableFields();
    QJsonValue fieldValue(const QString& key) const;
};

/// One field's change, as the ticket's event log and the sync intent record it. An absent value is null.
struct FieldChange {
    QString field;
    QJsonValue oldValue;
    QJsonValue newValue;
};

/// Applies a patch {field: value} (custom fields as {"custom_fields": {key: value-or-null}}) to a ticket.
/// Refuses unknown fields and values of the wrong type with one Error naming the field; returns only the
/// fields whose value really changed. Status is not patchable: it moves only through Lifecycle.
Result<QList<FieldChange>> applyTicketPatch(Ticket& ticket, const QJsonObject& patch);

/// A public reply or an internal note on a ticket. Append-only.
struct Comment {
    QString id; ///< UUIDv7
    QString ticketId;
    QString authorId;
    CommentVisibility visibility = CommentVisibility::Public;
    QString body;
    QList<AttachmentRef> attachments;
    QDateTime createdAt;
    /// A comment a merge moved here keeps where it was written: that ticket's id and number (empty: written
    /// on this ticket). Its author and time are the original's.
    QString originTicketId {};
    QString originNumber {};
};

/// One entry of a ticket's timeline and audit trail (工单事件记录): who, when, what changed.
struct TicketEvent {
    qint64 id = 0;
    QString ticketId;
    QString actorId;
    QDateTime at;
    QString kind; ///< created | field | status | comment | call
    QString field;
    QString oldValue;
    QString newValue;
    QString mutationId {}; ///< the queued change that wrote it on this workstation (empty: none, or delivered)
    /// The same everywhere: "<mutation id>:<index>" of the change that made it (TicketChange::identifyEvents),
    /// so the copy a workstation wrote and the server's are one row. Empty: an event from before events synced.
    QString eventId {};
    QString actorLogin {}; ///< the actor's login, as the server recorded it (empty on a workstation's own copy)
};

/// JSON text of a value for the event log: strings stay as they are, anything else is compact JSON.
QString eventText(const QJsonValue& value);

} // namespace gongdan
