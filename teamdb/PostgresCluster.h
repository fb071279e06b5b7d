#pragma once

#include <QString>
#include <QUrl>

namespace gongdan {

/// Runs one statement on the PostgreSQL cluster's maintenance database that `url` names (CREATE/DROP
/// DATABASE, which cannot run in a transaction; QSqlQuery opens none) on a connection of its own; the
/// error text, empty when it ran. For the test harness and the benchmarks that make throwaway databases.
QString runOnPostgresCluster(const QUrl& url, const QString& statement);

} // namespace gongdan
