#pragma once

#include <QLatin1StringView>

namespace gongdan {

/// The names of the intents a workstation queues and the server applies (sync-design.md §1: the outbox
/// holds named intents, not row diffs). Defined once here; the workstation's store, the server and the
/// tests all use these, never a spelling of their own.
namespace intent {

inline constexpr QLatin1StringView TicketCreate {"ticket.create"};
inline constexpr QLatin1StringView TicketPatch {"ticket.patch"};
inline constexpr QLatin1StringView TicketTransition {"ticket.transition"};
inline constexpr QLatin1StringView TicketLink {"ticket.link"};
inline constexpr QLatin1StringView CommentAdd {"comment.add"};
inline constexpr QLatin1StringView CustomerUpsert {"customer.upsert"};
inline constexpr QLatin1StringView FieldUpsert {"field.upsert"};
inline constexpr QLatin1StringView CategoryUpsert {"category.upsert"};
inline constexpr QLatin1StringView ViewUpsert {"view.upsert"};
inline constexpr QLatin1StringView ViewDelete {"view.delete"};
/// {ids: […]} or {all: true} or {ticket_id}: the signed-in user's notifications read (server/Notifier).
inline constexpr QLatin1StringView NotificationRead {"notification.read"};
/// {ids: […]} or {all: true}: the signed-in user's notifications cleared (deleted) on every desk of theirs.
inline constexpr QLatin1StringView NotificationClear {"notification.clear"};

/// True for the intents that change one ticket (entity_id is the ticket's id).
inline bool isTicketIntent(QStringView name)
{
    return name == TicketCreate || name == TicketPatch || name == TicketTransition || name == TicketLink
        || name == CommentAdd;
}

} // namespace intent

} // namespace gongdan
