#pragma once

#include "domain/Category.h"
#include "domain/Customer.h"
#include "domain/Result.h"
#include "domain/Ticket.h"

#include <QJsonObject>

namespace gongdan {

/// JSON forms of the domain objects, as outbox intents (and later the sync protocol) carry them.
/// Times are ISO 8601 UTC with milliseconds; enums are their stable keys.
namespace JsonCodec {

/// A JSON object as ticketFrom() and commentFrom() read it, whichever parser holds it: the QJsonObject
/// overloads read through one over QJsonObject, the snapshot decoder through one over simdjson's
/// document (sync/SnapshotDecoder), with the same rules either way.
class JsonFields {
public:
    virtual ~JsonFields() = default;
    /// The string at `key`; a null QString when it is missing, null or not a string.
    virtual QString text(QLatin1String key) const = 0;
    /// The whole number at `key`; 0 when it is missing or not a whole number.
    virtual qint64 integer(QLatin1String key) const = 0;
    /// Any value, in Qt's JSON types (what is nested: tags, custom fields, attachments).
    virtual QJsonValue value(QLatin1String key) const = 0;
};

QJsonObject toJson(const Ticket& ticket);
Result<Ticket> ticketFrom(const JsonFields& fields);
Result<Ticket> ticketFromJson(const QJsonObject& object);
QJsonObject toJson(const Comment& comment);
Result<Comment> commentFrom(const JsonFields& fields);
Result<Comment> commentFromJson(const QJsonObject& object);
/// {id, ticket_id, actor_id, actor_login, at, kind, field, old_value, new_value}: an event of a ticket's log
/// as the server records it, pulls carry it and GET /api/v1/tickets/{key}/events lists it.
QJsonObject toJson(const TicketEvent& event);
Result<TicketEvent> eventFrom(const JsonFields& fields);
Result<TicketEvent> eventFromJson(const QJsonObject& object);
QJsonObject toJson(const Customer& customer);
Result<Customer> customerFromJson(const QJsonObject& object);
/// {id, parent_id, name_zh, name_en, order, active}
QJsonObject toJson(const Category& category);
Result<Category> categoryFromJson(const QJsonObject& object);
} // namespace JsonCodec

} // namespace gongdan
