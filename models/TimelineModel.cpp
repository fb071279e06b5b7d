#include "models/TimelineModel.h"

#include "domain/Dispatch.h"
#include "models/FieldCatalog.h"
#include "models/FieldText.h"

#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <algorithm>

namespace gongdan {

namespace {

bool chineseUi()
{
    return QLocale().language() == QLocale::Chinese;
}

} // namespace

TimelineModel::TimelineModel(const TeamDirectory& directory, QObject* parent)
    : QAbstractListModel(parent), m_directory(directory)
{
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries.at(index.row());
    const QString when = QLocale().toString(entry.at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
    const QString who = entry.actorId.isEmpty() ? tr("System") : m_directory.agentName(entry.actorId);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        if (entry.kind == QLatin1String("comment")) {
            QString heading = entry.internal ? tr("%1 · %2 · internal note") : tr("%1 · %2 · reply to customer");
            if (!entry.origin.isEmpty()) // moved here by a merge: where it was written
                heading += QStringLiteral(" · ") + tr("from %1").arg(entry.origin);
            const QString files = entry.attachments > 0
                ? QStringLiteral("\n") + tr("%n attachment(s)", nullptr, entry.attachments)
                : QString();
            const QString refused
                = entry.refused ? QStringLiteral("\n") + tr("Not sent: the team server refused it.") : QString();
            return QString(heading.arg(when, who) + QStringLiteral("\n") + entry.text + files + refused);
        }
        return QStringLiteral("%1 · %2").arg(when, entry.text);
    case KindRole:
        return entry.kind;
    case ActorRole:
        return entry.actorId;
    case TimeRole:
        return entry.at;
    case BodyRole:
        return entry.text;
    case InternalRole:
        return entry.internal;
    case AttachmentCountRole:
        return entry.attachments;
    case RefusedRole:
        return entry.refused;
    case OriginRole:
        return entry.origin;
    case Qt::ForegroundRole:
        return entry.refused ? QVariant(QColor(0xC6, 0x28, 0x28)) : QVariant();
    default:
        return {};
    }
}

void TimelineModel::setEntries(const QList<Comment>& comments, const QList<TicketEvent>& events,
    const QSet<QString>& unsent, const QSet<QString>& refused)
{
    beginResetModel();
    m_entries.clear();
    m_files.clear();
    for (const TicketEvent& event : events) {
        if (event.kind == QLatin1String("comment"))
            continue;
        const bool notDone = !event.mutationId.isEmpty() && refused.contains(event.mutationId);
        m_entries.append({event.at, event.kind, event.actorId,
            notDone ? tr("%1 — refused by the team server, not done").arg(describe(event)) : describe(event), false, 0,
            notDone});
    }
    for (const Comment& comment : comments) {
        QString origin;
        if (!comment.originTicketId.isEmpty()) { // its number now (a provisional reference numbered since)
            origin = m_ticketName ? m_ticketName(comment.originTicketId) : QString();
            if (origin.isEmpty())
                origin = comment.originNumber.isEmpty() ? comment.originTicketId : comment.originNumber;
        }
        m_entries.append({comment.createdAt, QStringLiteral("comment"), comment.authorId, comment.body,
            comment.visibility == CommentVisibility::Internal, static_cast<int>(comment.attachments.size()),
            unsent.contains(comment.id), origin});
        for (const AttachmentRef& file : comment.attachments) {
            const bool known = std::any_of(m_files.cbegin(), m_files.cend(), [&file](const AttachmentRef& seen) {
                return seen.sha256 == file.sha256 && seen.fileName == file.fileName;
            });
            if (!known)
                m_files.append(file);
        }
    }
    // Oldest first; an event and the comment written with it keep their insertion order.
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) { return a.at < b.at; });
    endResetModel();
}

QString TimelineModel::describe(const TicketEvent& event) const
{
    const QString who = event.actorId.isEmpty() ? tr("System") : m_directory.agentName(event.actorId);
    if (event.kind == QLatin1String("created"))
        return tr("%1 created ticket %2").arg(who, event.newValue);
    if (event.kind == QLatin1String("call")) {
        const QDateTime started = QDateTime::fromString(event.oldValue, Qt::ISODate);
        const int seconds = event.newValue.toInt();
        return tr("Phone call at %1, %2 min %3 s")
            .arg(QLocale().toString(started.toLocalTime(), QStringLiteral("HH:mm:ss")))
            .arg(seconds / 60)
            .arg(seconds % 60);
    }
    if (event.kind == QLatin1String("status")) {
        const auto from = EnumText<TicketStatus>::fromKey(event.oldValue);
        const auto to = EnumText<TicketStatus>::fromKey(event.newValue);
        const auto action = Lifecycle::actionFromKey(event.field);
        if (event.oldValue == event.newValue) // a transfer within the same status: the step alone, no "New → New"
            return tr("%1: %2").arg(who, action ? Lifecycle::actionName(*action) : event.field);
        return tr("%1: %2 (%3 → %4)")
            .arg(who, action ? Lifecycle::actionName(*action) : event.field,
                from ? EnumText<TicketStatus>::displayName(*from) : event.oldValue,
                to ? EnumText<TicketStatus>::displayName(*to) : event.newValue);
    }
    if (event.kind == QLatin1String("link")) {
        const QString named = ticketName(event.newValue);
        return event.field == QLatin1String("unlinked") ? tr("%1 unlinked ticket %2").arg(who, named)
                                                        : tr("%1 linked ticket %2 as related").arg(who, named);
    }
    if (event.kind == QLatin1String("dispatch")) { // the server's automatic choice, worded here from its facts
        const QJsonObject facts = QJsonDocument::fromJson(event.oldValue.toUtf8()).object();
        const QString why = facts.isEmpty() ? event.newValue : Dispatch::explain(facts);
        if (event.field == QLatin1String("reclaim"))
            return tr("Automatic dispatch took the offer back: %1").arg(why);
        if (event.field == QLatin1String("overflow"))
            return tr("Automatic dispatch moved the ticket on: %1").arg(why);
        return tr("Automatic dispatch: %1").arg(why);
    }
    if (event.kind == QLatin1String("merge")) {
        const QString named = ticketName(event.newValue);
        return event.field == QLatin1String("merged_from")
            ? tr("%1 merged ticket %2 into this one (its conversation is below)").arg(who, named)
            : tr("%1 merged this ticket into %2").arg(who, named);
    }
    if (event.field == QLatin1String("customer_id") && m_customerName) {
        // The customer by name, never the archive's id.
        const auto name = [this](const QString& id) {
            const QString found = id.isEmpty() ? QString() : m_customerName(id);
            return found.isEmpty() ? id : found;
        };
        const QString from = name(event.oldValue);
        const QString to = name(event.newValue);
        if (from.isEmpty())
            return tr("%1 set %2 to %3").arg(who, fieldLabel(event.field), to);
        if (to.isEmpty())
            return tr("%1 cleared %2 (was %3)").arg(who, fieldLabel(event.field), from);
        return tr("%1 changed %2: %3 → %4").arg(who, fieldLabel(event.field), from, to);
    }
    if (event.field == QLatin1String("tags"))
        return tagsChange(who, event.oldValue, event.newValue);
    if (event.field == QLatin1String("note"))
        return tr("%1 noted: %2").arg(who, event.newValue);
    if (event.field == QLatin1String("resolution") && event.oldValue.isEmpty())
        return tr("%1 recorded the solution: %2").arg(who, event.newValue);
    if (event.field == QLatin1String("satisfaction")) // 满意度: a score out of five, never a bare number
        return event.oldValue.isEmpty()
            ? tr("%1 recorded the customer's satisfaction: %2 of 5").arg(who, event.newValue)
            : tr("%1 recorded the customer's satisfaction again: %2 of 5 (was %3)")
                  .arg(who, event.newValue, event.oldValue);
    if (event.field == QLatin1String("satisfaction_comment"))
        return tr("The customer said: %1").arg(event.newValue);
    const QString from = valueText(event.field, event.oldValue);
    const QString to = valueText(event.field, event.newValue);
    if (from.isEmpty())
        return tr("%1 set %2 to %3").arg(who, fieldLabel(event.field), to);
    if (to.isEmpty())
        return tr("%1 cleared %2 (was %3)").arg(who, fieldLabel(event.field), from);
    return tr("%1 changed %2: %3 → %4").arg(who, fieldLabel(event.field), from, to);
}

QString TimelineModel::ticketName(const QString& id) const
{
    const QString number = m_ticketName ? m_ticketName(id) : QString();
    return number.isEmpty() ? id : number;
}

QString TimelineModel::tagsChange(const QString& who, const QString& was, const QString& now) const
{
    // Tags are a set: what was added and what was removed, never the two lists as JSON.
    const auto tags = [](const QString& text) {
        QStringList list;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
        for (const QJsonValue& tag : doc.array())
            list.append(tag.toString());
        if (!doc.isArray() && !text.isEmpty())
            list.append(text);
        return list;
    };
    const QStringList before = tags(was);
    const QStringList after = tags(now);
    QStringList added;
    QStringList removed;
    for (const QString& tag : after) {
        if (!before.contains(tag))
            added.append(tag);
    }
    for (const QString& tag : before) {
        if (!after.contains(tag))
            removed.append(tag);
    }
    const QString separator = tr(", ");
    if (!added.isEmpty() && !removed.isEmpty())
        return tr("%1 changed tags: added %2, removed %3").arg(who, added.join(separator), removed.join(separator));
    if (!removed.isEmpty())
        return tr("%1 removed tags: %2").arg(who, removed.join(separator));
    return tr("%1 added tags: %2").arg(who, added.join(separator));
}

QString TimelineModel::fieldLabel(const QString& field) const
{
    return FieldText(m_directory, m_definitions, chineseUi()).label(field);
}

QString TimelineModel::valueText(const QString& field, const QString& value) const
{
    return FieldText(m_directory, m_definitions, chineseUi()).valueOfText(field, value);
}

} // namespace gongdan
