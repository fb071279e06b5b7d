#pragma once

#include "Category.h"
#include "Customer.h"
#include "Result.h"
#include "Ticket.h"

#include <QJsonObject>

namespace gongdan {

/// JSON forms of the domain objects, as outbox intents (and later the sync protocol) carry them.
/// Times are ISO 8601 UTC with milliseconds; enums are their stable keys.
namespace JsonCodec {
QJsonObject toJson(const Ticket& ticket);
Result<Ticket> ticketFromJson(const QJsonObject& object);
QJsonObject toJson(const Comment& comment);
Result<Comment> commentFromJson(const QJsonObject& object);
QJsonObject toJson(const Customer& customer);
Result<Customer> customerFromJson(const QJsonObject& object);
/// {id, parent_id, name_zh, name_en, order, active}
QJsonObject toJson(const Category& category);
Result<Category> categoryFromJson(const QJsonObject& object);
} // namespace JsonCodec

} // namespace gongdan
