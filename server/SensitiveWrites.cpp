#include "server/SensitiveWrites.h"

#include "domain/Masking.h"

namespace gongdan {

QJsonObject SensitiveWrites::withoutMaskedValues(const QJsonObject& patch, const QStringList& keys)
{
    const QString customKey = QStringLiteral("custom_fields");
    if (keys.isEmpty() || !patch.value(customKey).isObject())
        return patch;
    QJsonObject custom = patch.value(customKey).toObject();
    for (const QString& key : keys) {
        const QJsonValue value = custom.value(key);
        if (value.isString() && masking::looksMasked(value.toString()))
            custom.remove(key);
    }
    QJsonObject out = patch;
    if (custom.isEmpty())
        out.remove(customKey);
    else
        out.insert(customKey, custom);
    return out;
}

Status SensitiveWrites::seal(TicketChange& change, const std::optional<Ticket>& before, const QStringList& keys)
{
    Ticket& ticket = change.ticket;
    for (const QString& key : keys) {
        const QString field = masking::customFieldName(key);
        const QJsonValue value = ticket.customFields.value(key);
        const QJsonValue stored = before ? before->customFields.value(key) : QJsonValue(QJsonValue::Undefined);
        if (value == stored)
            continue; // untouched: already the masked form
        if (value.isString() && masking::looksMasked(value.toString())) {
            if (stored.isUndefined()) // a masked form is never a value of its own
                ticket.customFields.remove(key);
            else
                ticket.customFields.insert(key, stored);
        } else {
            if (Status kept = m_vault.put(QStringLiteral("ticket"), ticket.id, field, value.toString()); !kept)
                return kept;
            if (value.isString() && !value.toString().isEmpty())
                ticket.customFields.insert(key, masking::mask(value.toString()));
        }
        for (TicketEvent& event : change.events) {
            if (event.field == field && event.ticketId == ticket.id) {
                event.oldValue = masking::looksMasked(event.oldValue) ? event.oldValue : masking::mask(event.oldValue);
                event.newValue = masking::looksMasked(event.newValue) ? event.newValue : masking::mask(event.newValue);
            }
        }
        for (FieldChange& c : change.fieldChanges) {
            if (c.field != field)
                continue;
            if (c.oldValue.isString() && !masking::looksMasked(c.oldValue.toString()))
                c.oldValue = masking::mask(c.oldValue.toString());
            if (c.newValue.isString() && !masking::looksMasked(c.newValue.toString()))
                c.newValue = masking::mask(c.newValue.toString());
        }
    }
    return {};
}

Status SensitiveWrites::seal(Customer& customer, const QJsonObject& stored)
{
    for (const QString& key : masking::customerFields()) {
        const QString value = masking::customerValue(customer, key);
        const QString kept = stored.value(key).toString();
        if (value == kept)
            continue; // untouched (the masked form the desk holds), or still empty
        if (masking::looksMasked(value)) {
            masking::setCustomerValue(customer, key, kept);
            continue;
        }
        if (Status put = m_vault.put(QStringLiteral("customer"), customer.id, key, value); !put)
            return put;
        masking::setCustomerValue(customer, key, masking::mask(value));
    }
    return {};
}

} // namespace gongdan
