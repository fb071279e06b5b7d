#include "storage/LocalNumberAllocator.h"

namespace gongdan {

LocalNumberAllocator::LocalNumberAllocator(Database& db) : m_db(db) { }

Result<QString> LocalNumberAllocator::allocate(QDate day)
{
    // Once the workstation is registered with a team server, the server numbers tickets: until the first
    // push, a new one carries a provisional reference of this device instead of a number that could clash.
    QSqlQuery& registered = m_db.prepared(QStringLiteral("SELECT device_code FROM client_meta WHERE id = 1"));
    const bool synced = registered.exec() && registered.next() && !registered.value(0).toString().isEmpty();
    registered.finish();
    if (synced)
        return DeviceRefAllocator(m_db).allocate(day);
    const QString key = day.toString(QStringLiteral("yyyyMMdd"));
    QSqlQuery& next = m_db.prepared(QStringLiteral(
        "INSERT INTO number_counter(day, last) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET last = last + 1 "
        "RETURNING last"));
    next.addBindValue(key);
    if (!next.exec() || !next.next()) {
        Error error = Database::errorOf(next);
        next.finish();
        return error;
    }
    const int sequence = next.value(0).toInt();
    next.finish();
    return TicketNumber::format(day, sequence);
}

Status LocalNumberAllocator::reserve(const QString& number)
{
    QDate day;
    int sequence = 0;
    if (!TicketNumber::parse(number, &day, &sequence))
        return {}; // not one of ours (e.g. a provisional reference): nothing to reserve
    QSqlQuery& upsert = m_db.prepared(QStringLiteral("INSERT INTO number_counter(day, last) VALUES (?, ?) ON "
                                                     "CONFLICT(day) DO UPDATE SET last = max(last, excluded.last)"));
    upsert.addBindValue(day.toString(QStringLiteral("yyyyMMdd")));
    upsert.addBindValue(sequence);
    const bool ok = upsert.exec();
    upsert.finish();
    return ok ? Status() : Status(Database::errorOf(upsert));
}

DeviceRefAllocator::DeviceRefAllocator(Database& db) : m_db(db) { }

Result<QString> DeviceRefAllocator::allocate(QDate)
{
    QSqlQuery& next = m_db.prepared(QStringLiteral("UPDATE client_meta SET local_ticket_counter = local_ticket_counter "
                                                   "+ 1 WHERE id = 1 RETURNING local_ticket_counter, device_code"));
    if (!next.exec() || !next.next()) {
        Error error = Database::errorOf(next);
        next.finish();
        return error;
    }
    const qint64 counter = next.value(0).toLongLong();
    const QString code = next.value(1).toString();
    next.finish();
    return QStringLiteral("%1-%2")
        .arg(code.isEmpty() ? QStringLiteral("NEW") : code)
        .arg(counter, 4, 10, QLatin1Char('0'));
}

Status DeviceRefAllocator::reserve(const QString& number)
{
    const qsizetype dash = number.lastIndexOf(QLatin1Char('-'));
    bool ok = false;
    const qint64 counter = dash < 0 ? 0 : number.mid(dash + 1).toLongLong(&ok);
    if (!ok)
        return {}; // a server number or another device's reference: nothing to reserve here
    QSqlQuery& bump = m_db.prepared(
        QStringLiteral("UPDATE client_meta SET local_ticket_counter = max(local_ticket_counter, ?) WHERE id = 1"));
    bump.addBindValue(counter);
    const bool bumped = bump.exec();
    bump.finish();
    return bumped ? Status() : Status(Database::errorOf(bump));
}

} // namespace gongdan
