#include "LocalNumberAllocator.h"

namespace gongdan {

LocalNumberAllocator::LocalNumberAllocator(Database& db) : m_db(db) { }

Result<QString> LocalNumberAllocator::allocate(QDate day)
{
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

} // namespace gongdan
