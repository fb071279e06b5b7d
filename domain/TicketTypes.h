#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace gongdan {

/// 需求类型: what kind of request the customer made.
enum class NeedType { Consultation, Complaint, Repair, Suggestion };

/// Where the request came in (多渠道统一接入).
enum class Channel { Phone, Email, WebForm, WeChat, App, WalkIn, Api };

/// 紧急程度. Stored by key; ordered so that a larger value is more urgent.
enum class Priority { Normal, Urgent, Critical };

/// 工单状态.
enum class TicketStatus { New, InProgress, WaitingCustomer, FollowUp, Closed, Spam, Merged };

/// Public reply to the customer (对外回复) or private internal note (内部私密回复).
enum class CommentVisibility { Public, Internal };

/// Stable storage keys (never translated, never renamed) and translated display names for every
/// enumeration above. fromKey() returns nullopt for an unknown key.
template<typename E>
struct EnumText {
    static QString key(E value);
    static std::optional<E> fromKey(const QString& key);
    static QString displayName(E value);
    static QList<E> all();
};

/// Defaults of a priority: colour in lists, response and resolution targets (seed wording).
struct PriorityTraits {
    quint32 rgb = 0; ///< 0xRRGGBB, for lists and badges (the UI turns it into a QColor)
    int responseHours = 24;
    int resolutionHours = 48;
};
PriorityTraits priorityTraits(Priority priority);

} // namespace gongdan
