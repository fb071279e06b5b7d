#include "domain/Ticket.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace gongdan {

namespace {

const QString kCustomFields = QStringLiteral("custom_fields");

Error wrongType(const QString& field, const QString& expected)
{
    return Error {QStringLiteral("patch.type"),
        QCoreApplication::translate("Ticket", "The field \"%1\" must be %2.").arg(field, expected), field};
}

template<typename E>
bool setEnum(const QJsonValue& value, E* target)
{
    const auto parsed = EnumText<E>::fromKey(value.toString());
    if (!value.isString() || !parsed)
        return false;
    *target = *parsed;
    return true;
}

QJsonArray toArray(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

QJsonObject AttachmentRef::toJson() const
{
    return QJsonObject {{QStringLiteral("sha256"), sha256}, {QStringLiteral("name"), fileName},
        {QStringLiteral("mime"), mimeType}, {QStringLiteral("size"), size}};
}

std::optional<AttachmentRef> AttachmentRef::fromJson(const QJsonValue& value)
{
    static const QRegularExpression hash(QStringLiteral("^[0-9a-f]{64}$"));
    const QJsonObject object = value.toObject();
    AttachmentRef ref {object.value(QStringLiteral("sha256")).toString(),
        object.value(QStringLiteral("name")).toString(), object.value(QStringLiteral("mime")).toString(),
        object.value(QStringLiteral("size")).toInteger(-1)};
    if (!value.isObject() || !hash.match(ref.sha256).hasMatch() || ref.fileName.isEmpty() || ref.size < 0)
        return std::nullopt;
    return ref;
}

const QStringList& Ticket::patchableFields()
{
    static const QStringList fields {QStringLiteral("subject"), QStringLiteral("description"),
        QStringLiteral("need_type"), QStringLiteral("channel"), QStringLiteral("category_id"),
        QStringLiteral("priority"), QStringLiteral("tags"), QStringLiteral("assignee_id"), QStringLiteral("group_id"),
        QStringLiteral("customer_id"), QStringLiteral("contact_name"), QStringLiteral("contact_phone"),
        QStringLiteral("resolution"), QStringLiteral("response_due_at"), QStringLiteral("resolution_due_at")};
    return fields;
}

QJsonValue Ticket::fieldValue(const QString& key) const
{
    const auto time
        = [](const QDateTime& t) { return t.isValid() ? QJsonValue(t.toString(Qt::ISODateWithMs)) : QJsonValue(); };
    if (key == QLatin1String("subject"))
        return subject;
    if (key == QLatin1String("description"))
        return description;
    if (key == QLatin1String("need_type"))
        return EnumText<NeedType>::key(needType);
    if (key == QLatin1String("channel"))
        return EnumText<Channel>::key(channel);
    if (key == QLatin1String("category_id"))
        return categoryId;
    if (key == QLatin1String("priority"))
        return EnumText<Priority>::key(priority);
    if (key == QLatin1String("tags"))
        return toArray(tags);
    if (key == QLatin1String("assignee_id"))
        return assigneeId;
    if (key == QLatin1String("group_id"))
        return groupId;
    if (key == QLatin1String("customer_id"))
        return customerId;
    if (key == QLatin1String("contact_name"))
        return contactName;
    if (key == QLatin1String("contact_phone"))
        return contactPhone;
    if (key == QLatin1String("resolution"))
        return resolution;
    if (key == QLatin1String("status"))
        return EnumText<TicketStatus>::key(status);
    if (key == QLatin1String("response_due_at"))
        return time(responseDueAt);
    if (key == QLatin1String("resolution_due_at"))
        return time(resolutionDueAt);
    if (key == QLatin1String("satisfaction"))
        return satisfaction > 0 ? QJsonValue(satisfaction) : QJsonValue();
    if (key == QLatin1String("rated_at"))
        return time(ratedAt);
    if (key == QLatin1String("closed_at"))
        return time(closedAt);
    if (key == QLatin1String("updated_at"))
        return time(updatedAt);
    if (key.startsWith(kCustomFields + QLatin1Char('.')))
        return customFields.value(key.mid(kCustomFields.size() + 1));
    return QJsonValue(QJsonValue::Undefined);
}

Result<QList<FieldChange>> applyTicketPatch(Ticket& ticket, const QJsonObject& patch)
{
    Ticket next = ticket;
    QList<FieldChange> changes;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QString& key = it.key();
        const QJsonValue value = it.value();
        if (key == kCustomFields) {
            if (!value.isObject())
                return wrongType(key, QCoreApplication::translate("Ticket", "an object of field values"));
            const QJsonObject custom = value.toObject();
            for (auto c = custom.begin(); c != custom.end(); ++c) {
                const QJsonValue old = next.customFields.value(c.key());
                if (c.value().isNull())
                    next.customFields.remove(c.key());
                else
                    next.customFields.insert(c.key(), c.value());
                const QJsonValue now = next.customFields.value(c.key());
                // Absent is null, never Undefined: QJsonObject::insert() drops a key whose value is Undefined.
                if (old != now)
                    changes.append({kCustomFields + QLatin1Char('.') + c.key(), old.isUndefined() ? QJsonValue() : old,
                        now.isUndefined() ? QJsonValue() : now});
            }
            continue;
        }
        if (!Ticket::patchableFields().contains(key)) {
            return Error {QStringLiteral("patch.unknown_field"),
                QCoreApplication::translate("Ticket", "\"%1\" is not a field that can be edited.").arg(key), key};
        }
        const QJsonValue old = next.fieldValue(key);
        bool ok = true;
        if (key == QLatin1String("need_type"))
            ok = setEnum(value, &next.needType);
        else if (key == QLatin1String("channel"))
            ok = setEnum(value, &next.channel);
        else if (key == QLatin1String("priority"))
            ok = setEnum(value, &next.priority);
        else if (key == QLatin1String("tags")) {
            ok = value.isArray();
            QStringList tags;
            for (const QJsonValue& tag : value.toArray()) {
                ok = ok && tag.isString() && !tag.toString().trimmed().isEmpty();
                if (ok && !tags.contains(tag.toString().trimmed()))
                    tags.append(tag.toString().trimmed());
            }
            if (ok)
                next.tags = tags;
        } else if (key.endsWith(QLatin1String("_due_at"))) {
            const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
            ok = value.isNull() || (value.isString() && time.isValid());
            if (ok)
                (key == QLatin1String("response_due_at") ? next.responseDueAt : next.resolutionDueAt) = time;
        } else {
            ok = value.isString() || value.isNull();
            QString* target = key == QLatin1String("subject") ? &next.subject
                : key == QLatin1String("description")         ? &next.description
                : key == QLatin1String("category_id")         ? &next.categoryId
                : key == QLatin1String("assignee_id")         ? &next.assigneeId
                : key == QLatin1String("group_id")            ? &next.groupId
                : key == QLatin1String("customer_id")         ? &next.customerId
                : key == QLatin1String("contact_name")        ? &next.contactName
                : key == QLatin1String("contact_phone")       ? &next.contactPhone
                                                              : &next.resolution;
            if (ok)
                *target = value.toString();
            if (ok && key == QLatin1String("subject") && next.subject.trimmed().isEmpty()) {
                return Error {QStringLiteral("patch.required"),
                    QCoreApplication::translate("Ticket", "A ticket needs a subject."), key};
            }
        }
        if (!ok) {
            const QString expected = key == QLatin1String("tags")
                ? QCoreApplication::translate("Ticket", "a list of tags")
                : key.endsWith(QLatin1String("_due_at")) ? QCoreApplication::translate("Ticket", "a date and time")
                : (key == QLatin1String("need_type") || key == QLatin1String("channel")
                      || key == QLatin1String("priority"))
                ? QCoreApplication::translate("Ticket", "one of the listed choices")
                : QCoreApplication::translate("Ticket", "text");
            return wrongType(key, expected);
        }
        if (old != next.fieldValue(key))
            changes.append({key, old, next.fieldValue(key)});
    }
    ticket = next;
    return changes;
}

QString eventText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isNull() || value.isUndefined())
        return QString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

} // namespace gongdan
