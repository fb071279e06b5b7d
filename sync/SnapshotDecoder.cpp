#include "sync/SnapshotDecoder.h"

#include "domain/JsonCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <simdjson.h>

namespace gongdan {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

std::string_view view(QLatin1String key)
{
    return {key.data(), static_cast<size_t>(key.size())};
}

QString qtText(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QJsonValue qtValue(element value);

QJsonObject qtObject(object fields)
{
    QJsonObject out;
    for (const auto field : fields)
        out.insert(qtText(field.key), qtValue(field.value));
    return out;
}

/// Any value in Qt's JSON types, as QJsonDocument would have made it.
QJsonValue qtValue(element value)
{
    switch (value.type()) {
    case element_type::ARRAY: {
        QJsonArray array;
        const simdjson::dom::array items = value.get_array().value_unsafe();
        for (element item : items)
            array.append(qtValue(item));
        return array;
    }
    case element_type::OBJECT:
        return qtObject(value.get_object().value_unsafe());
    case element_type::INT64:
        return static_cast<qint64>(value.get_int64().value_unsafe());
    case element_type::UINT64: // beyond qint64: a double, as QJsonDocument reads it
        return static_cast<double>(value.get_uint64().value_unsafe());
    case element_type::DOUBLE:
        return value.get_double().value_unsafe();
    case element_type::STRING:
        return qtText(value.get_string().value_unsafe());
    case element_type::BOOL:
        return value.get_bool().value_unsafe();
    case element_type::NULL_VALUE:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

/// JsonCodec's view of a simdjson object: the same answers QJsonObject would give.
class SimdFields : public JsonCodec::JsonFields {
public:
    explicit SimdFields(object fields) : m_object(fields) { }

    QString text(QLatin1String key) const override
    {
        std::string_view text;
        return m_object.at_key(view(key)).get_string().get(text) ? QString() : qtText(text);
    }

    qint64 integer(QLatin1String key) const override
    {
        const QJsonValue number = value(key);
        return number.toInteger(); // 0 unless a whole number, as QJsonValue says
    }

    QJsonValue value(QLatin1String key) const override
    {
        element found;
        return m_object.at_key(view(key)).get(found) ? QJsonValue(QJsonValue::Undefined) : qtValue(found);
    }

private:
    object m_object;
};

SnapshotPage refusal(const QString& why)
{
    SnapshotPage out;
    out.status = 502;
    out.errorBody = QJsonDocument(
        QJsonObject {{QStringLiteral("code"), QStringLiteral("sync.bad_snapshot_page")},
            {QStringLiteral("message"),
                why}}).toJson(QJsonDocument::Compact);
    return out;
}

qint64 integerAt(object o, std::string_view key)
{
    int64_t number = 0;
    return o.at_key(key).get_int64().get(number) ? 0 : number;
}

QString textAt(object o, std::string_view key)
{
    std::string_view text;
    return o.at_key(key).get_string().get(text) ? QString() : qtText(text);
}

} // namespace

struct SnapshotDecoder::Parser {
    simdjson::dom::parser parser;
};

SnapshotDecoder::SnapshotDecoder() : m_parser(std::make_unique<Parser>()) { }

SnapshotDecoder::~SnapshotDecoder() = default;

SnapshotPage SnapshotDecoder::decode(const QByteArray& body)
{
    object page;
    if (const auto error
        = m_parser->parser.parse(body.constData(), static_cast<size_t>(body.size())).get_object().get(page))
        return refusal(QStringLiteral("The snapshot page is not a JSON object: %1")
                           .arg(QLatin1String(simdjson::error_message(error))));
    simdjson::dom::array tickets;
    if (page.at_key("tickets").get_array().get(tickets))
        return refusal(QStringLiteral("The snapshot page has no tickets array."));
    SnapshotPage out;
    out.status = 200;
    out.cursor = integerAt(page, "cursor");
    out.epoch = textAt(page, "epoch");
    out.total = integerAt(page, "total");
    bool more = false;
    out.more = !page.at_key("has_more").get_bool().get(more) && more;
    out.nextAfter = textAt(page, "next_after");
    out.tickets = static_cast<qint64>(tickets.size());
    for (element entry : tickets) {
        object t;
        if (entry.get_object().get(t))
            return refusal(QStringLiteral("A snapshot entry is not a JSON object."));
        const QString id = textAt(t, "id");
        const qint64 seq = integerAt(t, "server_seq");
        if (object copy; !t.at_key("ticket").get_object().get(copy)) {
            element aliases;
            PulledChange ticket {seq, QStringLiteral("ticket"), id, QStringLiteral("upsert"),
                {{QStringLiteral("aliases"),
                    t.at_key("aliases").get(aliases) ? QJsonValue(QJsonValue::Undefined) : qtValue(aliases)}}};
            // Decoded, the JSON is not passed on; a copy that does not decode is, and the store refuses
            // the page with the codec's reason.
            if (auto decoded = JsonCodec::ticketFrom(SimdFields(copy)))
                ticket.ticket = std::move(decoded.value());
            else
                ticket.data.insert(QStringLiteral("ticket"), qtObject(copy));
            out.changes.append(std::move(ticket));
        }
        if (simdjson::dom::array comments; !t.at_key("comments").get_array().get(comments)) {
            for (element value : comments) {
                object c;
                if (value.get_object().get(c))
                    return refusal(QStringLiteral("A comment of ticket %1 is not a JSON object.").arg(id));
                PulledChange comment {seq, QStringLiteral("comment"), textAt(c, "id"), QStringLiteral("upsert"), {}};
                if (auto decoded = JsonCodec::commentFrom(SimdFields(c)))
                    comment.comment = std::move(decoded.value());
                else
                    comment.data = qtObject(c);
                out.changes.append(std::move(comment));
            }
        }
        if (simdjson::dom::array events; !t.at_key("events").get_array().get(events)) {
            for (element value : events) {
                object e;
                if (value.get_object().get(e))
                    return refusal(QStringLiteral("An event of ticket %1 is not a JSON object.").arg(id));
                PulledChange event {seq, QStringLiteral("event"), textAt(e, "id"), QStringLiteral("upsert"), {}};
                if (auto decoded = JsonCodec::eventFrom(SimdFields(e)))
                    event.event = std::move(decoded.value());
                else
                    event.data = qtObject(e);
                out.changes.append(std::move(event));
            }
        }
        if (simdjson::dom::array conflicts; !t.at_key("conflicts").get_array().get(conflicts)) {
            for (element conflict : conflicts) {
                const QJsonObject data = qtValue(conflict).toObject();
                out.changes.append({seq, QStringLiteral("conflict"), data.value(QStringLiteral("id")).toString(),
                    QStringLiteral("upsert"), data});
            }
        }
    }
    return out;
}

SnapshotPage decodeSnapshotPage(const QByteArray& body)
{
    return SnapshotDecoder().decode(body);
}

} // namespace gongdan
