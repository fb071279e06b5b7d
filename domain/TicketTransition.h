#pragma once

#include "domain/Lifecycle.h"
#include "domain/Ticket.h"

#include <QJsonObject>

namespace gongdan {

/// A transition as a queued intent and the sync protocol carry it: {action, resolution, answer, note,
/// merge_target, target_group, and satisfaction with satisfaction_comment when a score is given}. Callers add
/// actor_id, at, from and to.
QJsonObject transitionToJson(const TransitionRequest& request);
/// The longest customer comment a satisfaction score carries.
inline constexpr int kMaxSatisfactionComment = 2000;

/// Refuses an unknown action or answer (transition.bad_args) or a score that is not 1–5 (transition.bad_score),
/// naming the field.
Result<TransitionRequest> transitionFromJson(const QJsonObject& args);

/// What a legal transition does to the ticket besides its status: accepted/resolved/closed times, the
/// resolution, the new group of a transfer, the merge target, the customer's satisfaction score. `next` is what
/// Lifecycle::apply returned. Bumps the version and the update time. The same on the workstation and on the server.
void applyTransitionEffects(Ticket& ticket, TicketStatus next, const TransitionRequest& request, const QDateTime& at);

} // namespace gongdan
