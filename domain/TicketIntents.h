#pragma once

#include "domain/Intents.h"
#include "domain/Lifecycle.h"
#include "domain/Ticket.h"

#include <QJsonObject>

namespace gongdan {

/// The arguments of the ticket intents, as the workstation queues them and the server reads them. One
/// place for their shape, so the two sides (and the tests that play either) never drift apart.
namespace TicketIntents {

/// ticket.create: {ticket, actor_id}. The ticket's `number` is the provisional reference shown meanwhile.
QJsonObject create(const Ticket& ticket, const QString& actorId);
/// ticket.patch: {patch, base (the values the editor saw, per field), actor_id, at}.
QJsonObject patch(const QJsonObject& patch, const QJsonObject& base, const QString& actorId, const QDateTime& at);
/// ticket.transition: the request's fields, actor_id, at, and the status the device moved from and to.
QJsonObject transition(
    const TransitionRequest& request, const QString& actorId, const QDateTime& at, TicketStatus from, TicketStatus to);
/// comment.add: {comment}.
QJsonObject comment(const Comment& comment);
/// ticket.link: {target_id, linked, actor_id, at}.
QJsonObject link(const QString& targetId, bool linked, const QString& actorId, const QDateTime& at);

/// The time an intent says it was made (clamped by the rules).
QDateTime at(const QJsonObject& args);

} // namespace TicketIntents

} // namespace gongdan
