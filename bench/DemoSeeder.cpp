#include "bench/DemoSeeder.h"

#include "bench/DemoTeam.h"
#include "bench/DemoTickets.h"
#include "storage/BulkLoad.h"
#include "storage/CustomerRepository.h"
#include "storage/FieldDefinitionRepository.h"
#include "storage/TicketRows.h"

#include <QHash>

namespace gongdan::demo {

DemoSeeder::DemoSeeder(Database& db, SeedOptions options) : m_db(db), m_options(std::move(options))
{
    if (!m_options.end.isValid())
        m_options.end = QDateTime::currentDateTime();
}

Result<SeedReport> DemoSeeder::run(const std::function<void(qint64)>& progress)
{
    SeedReport report;
    BulkLoad bulk(m_db);
    if (!bulk.started())
        return bulk.started().error();
    if (Status s = seedTeam(report); !s)
        return s.error();
    if (Status s = seedCustomers(report); !s)
        return s.error();
    if (Status s = seedTickets(report, progress); !s)
        return s.error();
    if (Status s = bulk.finish(); !s)
        return s.error();
    return report;
}

Status DemoSeeder::seedTeam(SeedReport& report)
{
    const DemoTeam& team = DemoTeam::instance();
    SqlTransaction transaction(m_db);
    for (const DemoGroup& g : team.groups) {
        QSqlQuery& q
            = m_db.prepared(QStringLiteral("INSERT OR REPLACE INTO team_group(id, name_zh, name_en) VALUES (?,?,?)"));
        q.addBindValue(g.id);
        q.addBindValue(g.nameZh);
        q.addBindValue(g.nameEn);
        const bool ok = q.exec();
        q.finish();
        if (!ok)
            return Database::errorOf(q);
    }
    for (const DemoAgent& a : team.agents) {
        QSqlQuery& q = m_db.prepared(QStringLiteral(
            "INSERT OR REPLACE INTO agent(id, login, name, role, group_id, groups) VALUES (?,?,?,?,?,?)"));
        q.addBindValue(a.id);
        q.addBindValue(a.login);
        q.addBindValue(a.name);
        q.addBindValue(a.role);
        q.addBindValue(a.groupId.isEmpty() ? QVariant() : QVariant(a.groupId));
        q.addBindValue(a.groupId.isEmpty() ? QStringLiteral("[]") : QStringLiteral("[\"%1\"]").arg(a.groupId));
        const bool ok = q.exec();
        q.finish();
        if (!ok)
            return Database::errorOf(q);
    }
    FieldDefinitionRepository fields(m_db);
    for (const Category& c : team.categories) {
        if (Status s = fields.writeCategory(c); !s)
            return s;
    }
    for (const FieldDefinition& f : team.fields) {
        if (Status s = checkFieldDefinition(f); !s)
            return s;
        if (Status s = fields.write(f); !s)
            return s;
        ++report.fieldDefinitions;
    }
    return transaction.commit();
}

Status DemoSeeder::seedCustomers(SeedReport& report)
{
    CustomerRepository customers(m_db);
    m_customers = demoCustomers(m_options);
    SqlTransaction transaction(m_db);
    for (const Customer& c : std::as_const(m_customers)) {
        if (auto written = customers.write(c); !written)
            return written.error();
    }
    report.customers = m_customers.size();
    return transaction.commit();
}

Status DemoSeeder::seedTickets(SeedReport& report, const std::function<void(qint64)>& progress)
{
    DemoTicketMaker maker(m_options, m_customers);
    TicketRowWriter writer(m_db);
    while (!maker.atEnd()) {
        SqlTransaction transaction(m_db);
        if (!transaction.started())
            return transaction.started();
        QHash<QDate, int> perDay; // the highest number given out per day in this batch
        const qint64 batchEnd = std::min(m_options.tickets, maker.made() + std::max(1, m_options.batchSize));
        while (maker.made() < batchEnd) {
            const DemoTicket made = maker.next();
            perDay[made.day] = std::max(perDay.value(made.day), made.sequence);
            auto rowid = writer.insertTicket(made.ticket);
            if (!rowid)
                return rowid.error();
            for (const Comment& c : made.comments) {
                if (auto inserted = writer.insertComment(rowid.value(), c); !inserted)
                    return inserted.error();
            }
            for (const TicketEvent& e : made.events) {
                if (Status s = writer.appendEvent(rowid.value(), e); !s)
                    return s;
            }
            report.comments += made.comments.size();
            report.events += made.events.size();
        }
        for (auto it = perDay.cbegin(); it != perDay.cend(); ++it) {
            QSqlQuery& q = m_db.prepared(QStringLiteral("INSERT INTO number_counter(day, last) VALUES (?, ?) ON "
                                                        "CONFLICT(day) DO UPDATE SET last = max(last, excluded.last)"));
            q.addBindValue(it.key().toString(QStringLiteral("yyyyMMdd")));
            q.addBindValue(it.value());
            const bool ok = q.exec();
            q.finish();
            if (!ok)
                return Database::errorOf(q);
        }
        if (Status s = transaction.commit(); !s)
            return s;
        report.tickets = maker.made();
        if (progress)
            progress(maker.made());
    }
    return {};
}

} // namespace gongdan::demo
