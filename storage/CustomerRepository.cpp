#include "storage/CustomerRepository.h"

#include "domain/JsonCodec.h"
#include "storage/SearchTokenizer.h"
#include "storage/TicketRows.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gongdan {

CustomerRepository::CustomerRepository(Database& db) : m_db(db), m_outbox(db) { }

Result<Customer> CustomerRepository::save(Customer customer)
{
    if (Status normalized = normalizeCustomer(customer); !normalized)
        return normalized.error();
    const QDateTime now = m_db.clock().now();
    if (customer.id.isEmpty()) {
        customer.id = m_db.ids().next();
        customer.createdAt = now;
    } else if (const auto existing = find(customer.id)) {
        customer.createdAt = existing->createdAt;
        customer.version = existing->version + 1;
    }
    customer.updatedAt = now;
    if (!customer.number.isEmpty()
        && !select(QStringLiteral("number = ? AND id <> ?"), {customer.number, customer.id}).isEmpty()) {
        return Error {QStringLiteral("customer.number_taken"),
            tr("The customer number %1 is already used.").arg(customer.number), QStringLiteral("number")};
    }
    SqlTransaction transaction(m_db);
    if (auto written = write(customer); !written)
        return written.error();
    if (auto queued = m_outbox.append(QStringLiteral("customer.upsert"), customer.id,
            QJsonObject {{QStringLiteral("customer"), JsonCodec::toJson(customer)}});
        !queued)
        return queued.error();
    if (Status status = transaction.commit(); !status)
        return status.error();
    return customer;
}

Result<qint64> CustomerRepository::write(const Customer& c)
{
    QStringList keys;
    for (const QString& phone : c.phones) {
        const QString key = normalizePhone(phone);
        if (!key.isEmpty() && !keys.contains(key))
            keys.append(key);
    }
    QSqlQuery& upsert = m_db.prepared(QStringLiteral(
        "INSERT INTO customer(id, number, name, phones, level, region, tags, notes, created_ms, updated_ms, version, "
        "id_card, bank_card) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET number = "
        "excluded.number, "
        "name = excluded.name, phones = excluded.phones, level = excluded.level, region = excluded.region, "
        "tags = excluded.tags, notes = excluded.notes, updated_ms = excluded.updated_ms, version = excluded.version, "
        "id_card = excluded.id_card, bank_card = excluded.bank_card RETURNING rowid"));
    upsert.addBindValue(c.id);
    upsert.addBindValue(c.number.isEmpty() ? QVariant() : QVariant(c.number));
    upsert.addBindValue(c.name);
    upsert.addBindValue(
        keys.isEmpty() ? QStringLiteral("") : keys.join(QLatin1Char(' '))); // never NULL: no phone is ""
    upsert.addBindValue(Customer::levelKey(c.level));
    upsert.addBindValue(c.region);
    upsert.addBindValue(
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(c.tags)).toJson(QJsonDocument::Compact)));
    upsert.addBindValue(c.notes);
    upsert.addBindValue(TicketRows::toMs(c.createdAt));
    upsert.addBindValue(TicketRows::toMs(c.updatedAt));
    upsert.addBindValue(c.version);
    upsert.addBindValue(c.idCard.isEmpty() ? QVariant() : QVariant(c.idCard));
    upsert.addBindValue(c.bankCard.isEmpty() ? QVariant() : QVariant(c.bankCard));
    if (!upsert.exec() || !upsert.next()) {
        Error error = Database::errorOf(upsert);
        upsert.finish();
        return error;
    }
    const qint64 rowid = upsert.value(0).toLongLong();
    upsert.finish();
    QSqlQuery& clear = m_db.prepared(QStringLiteral("DELETE FROM customer_phone WHERE customer_rowid = ?"));
    clear.addBindValue(rowid);
    const bool cleared = clear.exec();
    clear.finish();
    if (!cleared)
        return Database::errorOf(clear);
    for (const QString& key : keys) {
        QSqlQuery& phone
            = m_db.prepared(QStringLiteral("INSERT INTO customer_phone(phone, customer_rowid) VALUES (?, ?)"));
        phone.addBindValue(key);
        phone.addBindValue(rowid);
        const bool ok = phone.exec();
        phone.finish();
        if (!ok)
            return Database::errorOf(phone);
    }
    return rowid;
}

QList<Customer> CustomerRepository::select(const QString& where, const QVariantList& values)
{
    QList<Customer> result;
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("SELECT id, number, name, phones, level, region, tags, notes, created_ms, updated_ms, "
                                 "version, id_card, bank_card FROM customer c WHERE ")
        + where);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return result;
    while (query.next()) {
        Customer c;
        c.id = query.value(0).toString();
        c.number = query.value(1).toString();
        c.name = query.value(2).toString();
        c.phones = query.value(3).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        c.level = Customer::levelFromKey(query.value(4).toString()).value_or(CustomerLevel::Normal);
        c.region = query.value(5).toString();
        for (const QJsonValue& tag : QJsonDocument::fromJson(query.value(6).toByteArray()).array())
            c.tags.append(tag.toString());
        c.notes = query.value(7).toString();
        c.createdAt = TicketRows::fromMs(query.value(8));
        c.updatedAt = TicketRows::fromMs(query.value(9));
        c.version = query.value(10).toInt();
        c.idCard = query.value(11).toString();
        c.bankCard = query.value(12).toString();
        result.append(c);
    }
    return result;
}

std::optional<Customer> CustomerRepository::find(const QString& id)
{
    const QList<Customer> found = select(QStringLiteral("id = ?"), {id});
    return found.isEmpty() ? std::nullopt : std::optional<Customer>(found.first());
}

QList<Customer> CustomerRepository::findByPhone(const QString& phone)
{
    const QString key = normalizePhone(phone);
    if (key.isEmpty())
        return {};
    return select(
        QStringLiteral("rowid IN (SELECT customer_rowid FROM customer_phone WHERE phone = ?) ORDER BY name"), {key});
}

QList<Customer> CustomerRepository::search(const QString& text, int limit)
{
    const QString match = SearchTokenizer::matchExpression(text);
    if (match.isEmpty())
        return {};
    return select(QStringLiteral("rowid IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? "
                                 "ORDER BY rowid DESC LIMIT ?) ORDER BY rowid DESC"),
        {match, limit});
}

QList<Customer> CustomerRepository::recent(int limit)
{
    return select(QStringLiteral("rowid IN (SELECT rowid FROM customer ORDER BY updated_ms DESC, rowid DESC LIMIT ?) "
                                 "ORDER BY updated_ms DESC, rowid DESC"),
        {limit});
}

Status CustomerRepository::replay(const OutboxEntry& entry)
{
    auto customer = JsonCodec::customerFromJson(entry.args.value(QStringLiteral("customer")).toObject());
    if (!customer)
        return customer.error();
    auto written = write(customer.value());
    return written ? Status() : Status(written.error());
}

} // namespace gongdan
