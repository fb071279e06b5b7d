#pragma once

#include "domain/Clock.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"
#include "storage/FieldDefinitionRepository.h"
#include "storage/LocalNumberAllocator.h"
#include "storage/LocalTicketWorld.h"
#include "storage/TicketRepository.h"

#include <QTemporaryDir>
#include <QTimeZone>
#include <memory>

namespace gongdan::test {

/// A fresh store in a temporary folder with a manual clock and the repositories wired up.
class TempStore {
public:
    explicit TempStore(const QDateTime& start = QDateTime(QDate(2023, 10, 1), QTime(1, 30), Qt::UTC));
    ~TempStore();

    QString path() const { return m_dir.filePath(QStringLiteral("store.sqlite")); }
    QString dir() const { return m_dir.path(); }
    bool ok() const { return m_db != nullptr; }
    QString openError() const { return m_error; }

    /// Closes and reopens the store (repositories are rebuilt).
    bool reopen();
    void close();

    ManualClock clock;
    Database& db() { return *m_db; }
    FieldDefinitionRepository& fields() { return *m_fields; }
    CustomerRepository& customers() { return *m_customers; }
    TicketRepository& tickets() { return *m_tickets; }
    /// The person `id` as the ticket rules see them. One the store's directory does not know yet joins it,
    /// with `role`, in `group` (made when missing; "g-service", 客服部, unless said): what most tests act as.
    Principal agent(const QString& id, Role role = Role::Agent, const QString& group = QStringLiteral("g-service"));

private:
    QTemporaryDir m_dir;
    QString m_error;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<LocalNumberAllocator> m_numbers;
    std::unique_ptr<FieldDefinitionRepository> m_fields;
    std::unique_ptr<CustomerRepository> m_customers;
    std::unique_ptr<TicketRepository> m_tickets;
};

/// The first column of the first row of `sql` as a number; -1 when the query fails.
qint64 scalar(Database& db, const QString& sql);

/// A minimal valid ticket draft.
Ticket draftTicket(const QString& subject, const QString& description = {});

/// A ticket as the server sends it: the draft with an id of `store`'s, `number`, version 1.
Ticket serverTicket(TempStore& store, const QString& subject, const QString& number);

} // namespace gongdan::test
