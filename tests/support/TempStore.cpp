#include "tests/support/TempStore.h"

#include <QSqlQuery>

namespace gongdan::test {

TempStore::TempStore(const QDateTime& start) : clock(start)
{
    reopen();
}

TempStore::~TempStore()
{
    close();
}

void TempStore::close()
{
    m_tickets.reset();
    m_customers.reset();
    m_fields.reset();
    m_numbers.reset();
    m_db.reset();
}

bool TempStore::reopen()
{
    close();
    auto db = Database::open(path(), clock);
    if (!db) {
        m_error = db.error().code + QStringLiteral(": ") + db.error().message;
        return false;
    }
    m_db = std::move(db).value();
    m_numbers = std::make_unique<LocalNumberAllocator>(*m_db);
    m_fields = std::make_unique<FieldDefinitionRepository>(*m_db);
    m_customers = std::make_unique<CustomerRepository>(*m_db);
    m_tickets = std::make_unique<TicketRepository>(*m_db, *m_numbers, *m_fields);
    return true;
}

Principal TempStore::agent(const QString& id, Role role, const QString& group)
{
    QSqlQuery known(m_db->sql());
    known.prepare(QStringLiteral("SELECT 1 FROM agent WHERE id = ?"));
    known.addBindValue(id);
    if (!(known.exec() && known.next())) {
        QSqlQuery add(m_db->sql());
        add.prepare(QStringLiteral("INSERT OR IGNORE INTO team_group(id, name_zh, name_en) VALUES (?, ?, ?)"));
        add.addBindValue(group);
        add.addBindValue(group == QLatin1String("g-service") ? QStringLiteral("客服部") : group);
        add.addBindValue(group);
        add.exec();
        add.prepare(QStringLiteral("INSERT INTO agent(id, login, name, role, group_id, groups) "
                                   "VALUES (?, ?, ?, ?, ?, json_array(?))"));
        add.addBindValue(id);
        add.addBindValue(id);
        add.addBindValue(id);
        add.addBindValue(roleName(role));
        add.addBindValue(group);
        add.addBindValue(group);
        add.exec();
    }
    return LocalTicketWorld::principalOf(*m_db, id);
}

qint64 scalar(Database& db, const QString& sql)
{
    QSqlQuery q(db.sql());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

Ticket serverTicket(TempStore& store, const QString& subject, const QString& number)
{
    Ticket t = draftTicket(subject);
    t.id = store.db().ids().next();
    t.number = number;
    t.createdAt = t.updatedAt = store.clock.now();
    t.version = 1;
    return t;
}

Ticket draftTicket(const QString& subject, const QString& description)
{
    Ticket t;
    t.subject = subject;
    t.description = description;
    t.needType = NeedType::Repair;
    t.channel = Channel::Phone;
    t.priority = Priority::Urgent;
    t.contactName = QString::fromUtf8("王小明");
    t.contactPhone = QStringLiteral("13800138000");
    return t;
}

} // namespace gongdan::test
