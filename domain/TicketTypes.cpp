#include "domain/TicketTypes.h"

#include <QCoreApplication>
#include <array>

namespace gongdan {

namespace {

template<typename E>
struct Entry {
    E value;
    const char* key;
    const char* label;
};

// Labels are English source text; translations/ holds zh_CN (the users' words) and en.
constexpr std::array needTypes {
    Entry<NeedType> {NeedType::Consultation, "consultation", QT_TRANSLATE_NOOP("Labels", "Consultation")},
    Entry<NeedType> {NeedType::Complaint, "complaint", QT_TRANSLATE_NOOP("Labels", "Complaint")},
    Entry<NeedType> {NeedType::Repair, "repair", QT_TRANSLATE_NOOP("Labels", "Repair")},
    Entry<NeedType> {NeedType::Suggestion, "suggestion", QT_TRANSLATE_NOOP("Labels", "Suggestion")},
};
constexpr std::array channels {
    Entry<Channel> {Channel::Phone, "phone", QT_TRANSLATE_NOOP("Labels", "Phone")},
    Entry<Channel> {Channel::Email, "email", QT_TRANSLATE_NOOP("Labels", "Email")},
    Entry<Channel> {Channel::WebForm, "web_form", QT_TRANSLATE_NOOP("Labels", "Web form")},
    Entry<Channel> {Channel::WeChat, "wechat", QT_TRANSLATE_NOOP("Labels", "WeChat")},
    Entry<Channel> {Channel::App, "app", QT_TRANSLATE_NOOP("Labels", "App")},
    Entry<Channel> {Channel::WalkIn, "walk_in", QT_TRANSLATE_NOOP("Labels", "Walk-in")},
    Entry<Channel> {Channel::Api, "api", QT_TRANSLATE_NOOP("Labels", "API")},
};
constexpr std::array priorities {
    Entry<Priority> {Priority::Normal, "normal", QT_TRANSLATE_NOOP("Labels", "Normal")},
    Entry<Priority> {Priority::Urgent, "urgent", QT_TRANSLATE_NOOP("Labels", "Urgent")},
    Entry<Priority> {Priority::Critical, "critical", QT_TRANSLATE_NOOP("Labels", "Critical")},
};
constexpr std::array statuses {
    Entry<TicketStatus> {TicketStatus::New, "new", QT_TRANSLATE_NOOP("Labels", "New")},
    Entry<TicketStatus> {TicketStatus::InProgress, "in_progress", QT_TRANSLATE_NOOP("Labels", "In progress")},
    Entry<TicketStatus> {
        TicketStatus::WaitingCustomer, "waiting_customer", QT_TRANSLATE_NOOP("Labels", "Waiting for customer")},
    Entry<TicketStatus> {TicketStatus::FollowUp, "follow_up", QT_TRANSLATE_NOOP("Labels", "Follow-up")},
    Entry<TicketStatus> {TicketStatus::Closed, "closed", QT_TRANSLATE_NOOP("Labels", "Closed")},
    Entry<TicketStatus> {TicketStatus::Spam, "spam", QT_TRANSLATE_NOOP("Labels", "Spam")},
    Entry<TicketStatus> {TicketStatus::Merged, "merged", QT_TRANSLATE_NOOP("Labels", "Merged")},
};
constexpr std::array visibilities {
    Entry<CommentVisibility> {CommentVisibility::Public, "public", QT_TRANSLATE_NOOP("Labels", "Public reply")},
    Entry<CommentVisibility> {CommentVisibility::Internal, "internal", QT_TRANSLATE_NOOP("Labels", "Internal note")},
};

template<typename E>
constexpr const auto& table()
{
    if constexpr (std::is_same_v<E, NeedType>)
        return needTypes;
    else if constexpr (std::is_same_v<E, Channel>)
        return channels;
    else if constexpr (std::is_same_v<E, Priority>)
        return priorities;
    else if constexpr (std::is_same_v<E, TicketStatus>)
        return statuses;
    else
        return visibilities;
}

template<typename E>
const Entry<E>& entryOf(E value)
{
    for (const auto& entry : table<E>()) {
        if (entry.value == value)
            return entry;
    }
    return table<E>().front();
}

} // namespace

template<typename E>
QString EnumText<E>::key(E value)
{
    return QString::fromLatin1(entryOf(value).key);
}

template<typename E>
std::optional<E> EnumText<E>::fromKey(const QString& key)
{
    for (const auto& entry : table<E>()) {
        if (key == QLatin1String(entry.key))
            return entry.value;
    }
    return std::nullopt;
}

template<typename E>
QString EnumText<E>::displayName(E value)
{
    return QCoreApplication::translate("Labels", entryOf(value).label);
}

template<typename E>
QList<E> EnumText<E>::all()
{
    QList<E> values;
    for (const auto& entry : table<E>())
        values.append(entry.value);
    return values;
}

template struct EnumText<NeedType>;
template struct EnumText<Channel>;
template struct EnumText<Priority>;
template struct EnumText<TicketStatus>;
template struct EnumText<CommentVisibility>;

PriorityTraits priorityTraits(Priority priority)
{
    switch (priority) {
    case Priority::Critical:
        return {0xD32F2F, 2, 4};
    case Priority::Urgent:
        return {0xEF6C00, 4, 24};
    case Priority::Normal:
        break;
    }
    return {0x1976D2, 24, 48};
}

} // namespace gongdan
