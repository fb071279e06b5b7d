#include "teamdb/ServerDatabase.h"

#include "teamdb/ServerRows.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>
#include <libpq-fe.h>

namespace gongdan {

namespace {

Error sqlError(const QString& code, const QSqlError& error, const QString& what)
{
    return Error {code, QStringLiteral("%1: %2").arg(what, error.text()), QString()};
}

// Server schema steps, in SQL both backends accept. Each runs in its own transaction; the version
// is kept in server_meta.
const QList<QStringList>& steps()
{
    static const QList<QStringList> all {
        {
            // Accounts: groups (departments), users with one role, group memberships and skills;
            // sign-in tokens (only their hashes) and failed sign-ins per login for throttling.
            QStringLiteral("CREATE TABLE team_group(id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, "
                           "active INTEGER NOT NULL DEFAULT 1, version INTEGER NOT NULL DEFAULT 1)"),
            QStringLiteral("CREATE TABLE app_user(id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
                           "role TEXT NOT NULL, password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, "
                           "created_ms BIGINT NOT NULL, version INTEGER NOT NULL DEFAULT 1)"),
            QStringLiteral("CREATE TABLE user_group(user_id TEXT NOT NULL REFERENCES app_user(id), "
                           "group_id TEXT NOT NULL REFERENCES team_group(id), PRIMARY KEY(user_id, group_id))"),
            QStringLiteral(
                "CREATE TABLE user_skill(user_id TEXT NOT NULL REFERENCES app_user(id), skill TEXT NOT NULL, "
                "PRIMARY KEY(user_id, skill))"),
            QStringLiteral("CREATE TABLE session_token(token_hash TEXT PRIMARY KEY, "
                           "user_id TEXT NOT NULL REFERENCES app_user(id), device TEXT NOT NULL, "
                           "created_ms BIGINT NOT NULL, expires_ms BIGINT NOT NULL, revoked_ms BIGINT)"),
            QStringLiteral("CREATE INDEX session_token_user ON session_token(user_id)"),
            QStringLiteral("CREATE TABLE sign_in_failure(login TEXT PRIMARY KEY, failures INTEGER NOT NULL, "
                           "last_failure_ms BIGINT NOT NULL)"),
        },
        {
            // Sync (docs/ARCHITECTURE.md, "Sync"): one counter row whose lock orders every change, the
            // change log pulls read by scope, exactly-once bookkeeping per (client, seq), the tickets and
            // comments themselves (JSON in `data`, the columns access and lists need beside it), the
            // per-day number counter, aliases (provisional references) and recorded conflicts.
            QStringLiteral("CREATE TABLE seq_counter(name TEXT PRIMARY KEY, value BIGINT NOT NULL)"),
            QStringLiteral("INSERT INTO seq_counter(name, value) VALUES ('change', 0)"),
            QStringLiteral("CREATE TABLE change_log(server_seq BIGINT PRIMARY KEY, entity TEXT NOT NULL, "
                           "entity_id TEXT NOT NULL, audience TEXT NOT NULL, group_id TEXT, assignee_id TEXT, "
                           "op TEXT NOT NULL, data TEXT NOT NULL, mutation_id TEXT, client_id TEXT, "
                           "committed_ms BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX change_log_group ON change_log(group_id, server_seq)"),
            QStringLiteral("CREATE INDEX change_log_assignee ON change_log(assignee_id, server_seq)"),
            QStringLiteral("CREATE TABLE sync_client(client_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, "
                           "device_code TEXT NOT NULL UNIQUE, last_seq_applied BIGINT NOT NULL DEFAULT 0, "
                           "last_seen_ms BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE mutation_result(client_id TEXT NOT NULL, seq BIGINT NOT NULL, "
                           "mutation_id TEXT NOT NULL, status TEXT NOT NULL, result TEXT NOT NULL, "
                           "PRIMARY KEY(client_id, seq))"),
            QStringLiteral("CREATE TABLE ticket(id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, group_id TEXT, "
                           "assignee_id TEXT, status TEXT NOT NULL, version INTEGER NOT NULL, data TEXT NOT NULL, "
                           "server_seq BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX ticket_group ON ticket(group_id)"),
            QStringLiteral("CREATE INDEX ticket_assignee ON ticket(assignee_id)"),
            QStringLiteral("CREATE TABLE ticket_alias(alias TEXT NOT NULL, ticket_id TEXT NOT NULL, "
                           "PRIMARY KEY(alias, ticket_id))"),
            QStringLiteral("CREATE TABLE ticket_comment(id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, "
                           "data TEXT NOT NULL, server_seq BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX ticket_comment_ticket ON ticket_comment(ticket_id, server_seq)"),
            QStringLiteral("CREATE TABLE ticket_number(day TEXT PRIMARY KEY, last INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE ticket_conflict(id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, "
                           "data TEXT NOT NULL, server_seq BIGINT NOT NULL)"),
        },
        {
            // v3. Team-wide records every workstation keeps whole: customers, field definitions and categories
            // (kind), JSON in `data`; unique_key is what must not repeat within a kind (a customer number,
            // a field key), search the lower-cased text a customer lookup matches.
            QStringLiteral("CREATE TABLE team_record(kind TEXT NOT NULL, id TEXT NOT NULL, unique_key TEXT, "
                           "search TEXT NOT NULL, data TEXT NOT NULL, version INTEGER NOT NULL, "
                           "server_seq BIGINT NOT NULL, PRIMARY KEY(kind, id))"),
            QStringLiteral("CREATE UNIQUE INDEX team_record_key ON team_record(kind, unique_key)"),
            // A ticket's aliases and conflicts are read with every change to it and with every snapshot
            // page: without these, each read scanned the table (pushes slowed 5× at 100,000 tickets).
            QStringLiteral("CREATE INDEX ticket_alias_ticket ON ticket_alias(ticket_id)"),
            QStringLiteral("CREATE INDEX ticket_conflict_ticket ON ticket_conflict(ticket_id)"),
            // A user's own tickets in id order: the first pages of a new device's snapshot.
            QStringLiteral("CREATE INDEX ticket_assignee_id ON ticket(assignee_id, id)"),
        },
        {
            // The team-wide rows (users, groups, definitions, categories): a new device's pull?team=1
            // read the whole change log to find them (0.3 s at 100,000 tickets, the device waiting).
            QStringLiteral("CREATE INDEX change_log_team ON change_log(server_seq) WHERE audience = 'all'"),
        },
        {
            // v5: who created a ticket keeps seeing it (domain/Access.h): the ticket's creator beside its group
            // and assignee, on the ticket and on each change-log row, indexed like them.
            QStringLiteral("ALTER TABLE ticket ADD COLUMN creator_id TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE change_log ADD COLUMN creator_id TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE INDEX ticket_creator ON ticket(creator_id, id)"),
            QStringLiteral("CREATE INDEX change_log_creator ON change_log(creator_id, server_seq)"),
        },
        {
            // v6: a ticket's event log (who did what, when), written with the change that made it — by a sync
            // push or by REST alike — and the acting user on every change-log row (REST changes have no
            // device, client "api": the user says who made them). An event's id is the same on the
            // workstation that made it ("<mutation id>:<index>", TicketChange::identifyEvents).
            QStringLiteral("CREATE TABLE ticket_event(id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, "
                           "actor_id TEXT NOT NULL, actor_login TEXT NOT NULL, at_ms BIGINT NOT NULL, "
                           "data TEXT NOT NULL, server_seq BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX ticket_event_ticket ON ticket_event(ticket_id, server_seq)"),
            QStringLiteral("ALTER TABLE change_log ADD COLUMN actor_id TEXT NOT NULL DEFAULT ''"),
        },
        {
            // v7: views sync (server/ViewApplier): a personal view's rows are for its owner alone (audience
            // 'user'), a group's shared view's for the group (audience 'group'); a new device's team pull
            // reads every row that belongs to no ticket through this index.
            QStringLiteral("CREATE INDEX change_log_untied ON change_log(server_seq) WHERE audience <> 'scoped'"),
        },
        {
            // v8: attachment bytes (teamdb/BlobStore), stored once by the SHA-256 of their content ({blob}: BLOB on
            // SQLite, BYTEA on PostgreSQL); who uploaded which (they may read it back); and which ticket refers
            // to which (a comment, "comment:<id>", or a custom field, "field:<key>"), written with the comment or
            // ticket, so whether someone may read the bytes is one indexed query over the tickets they may read.
            QStringLiteral("CREATE TABLE attachment_blob(sha256 TEXT PRIMARY KEY, size BIGINT NOT NULL, "
                           "mime_type TEXT NOT NULL, content {blob} NOT NULL, created_ms BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE attachment_upload(sha256 TEXT NOT NULL, user_id TEXT NOT NULL, "
                           "PRIMARY KEY(sha256, user_id))"),
            QStringLiteral("CREATE TABLE attachment_ref(sha256 TEXT NOT NULL, ticket_id TEXT NOT NULL, "
                           "source TEXT NOT NULL, PRIMARY KEY(sha256, ticket_id, source))"),
        },
        {
            // v9: the audit trail (teamdb/AuditLog): append-only, each entry chained to the one before by
            // SHA-256; the anchor (the newest entry's "seq hash") in server_meta, updated with every append, so
            // that deleting the newest entries shows too. Admins filter by actor, kind, target and time.
            QStringLiteral("CREATE TABLE audit_entry(seq BIGINT PRIMARY KEY, at_ms BIGINT NOT NULL, "
                           "actor_id TEXT NOT NULL, actor_login TEXT NOT NULL, address TEXT NOT NULL, "
                           "client TEXT NOT NULL, kind TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, "
                           "detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX audit_entry_kind ON audit_entry(kind, seq)"),
            QStringLiteral("CREATE INDEX audit_entry_actor ON audit_entry(actor_id, seq)"),
            QStringLiteral("CREATE INDEX audit_entry_login ON audit_entry(actor_login, seq)"),
            QStringLiteral("CREATE INDEX audit_entry_target ON audit_entry(entity, entity_id, seq)"),
            QStringLiteral("CREATE INDEX audit_entry_time ON audit_entry(at_ms)"),
            QStringLiteral("INSERT INTO server_meta(name, value) VALUES ('audit_head', '0 "
                           "0000000000000000000000000000000000000000000000000000000000000000')"),
        },
        {
            // v10: sensitive values (domain/Masking.h) in clear, kept apart (teamdb/SensitiveVault): the ticket,
            // customer, event and change-log rows hold only the masked form; an unmask reads this table.
            // entity: customer | ticket; field: "id_card", "bank_card" or "custom_fields.<key>".
            QStringLiteral("CREATE TABLE sensitive_value(entity TEXT NOT NULL, entity_id TEXT NOT NULL, "
                           "field TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY(entity, entity_id, field))"),
        },
        {
            // v11: escalation firings (server/EscalationScheduler; key ticket:metric:cycle:level, written in the
            // transaction of the level's effects, so two server processes never fire one level twice) and the
            // per-user notifications (teamdb/NotificationStore; delivered: logged for the user's desks, which a
            // notification held by quiet hours is not yet).
            QStringLiteral("CREATE TABLE escalation_firing(key TEXT PRIMARY KEY, ticket_id TEXT NOT NULL, "
                           "metric TEXT NOT NULL, cycle INTEGER NOT NULL, level INTEGER NOT NULL, kind TEXT NOT NULL, "
                           "reached_ms BIGINT NOT NULL, fired_ms BIGINT NOT NULL, late INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX escalation_firing_ticket ON escalation_firing(ticket_id)"),
            QStringLiteral(
                "CREATE TABLE notification(id TEXT PRIMARY KEY, user_id TEXT NOT NULL, "
                "ticket_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, created_ms BIGINT NOT NULL, "
                "notify_ms BIGINT NOT NULL, delivered INTEGER NOT NULL, read_ms BIGINT)"),
            QStringLiteral("CREATE INDEX notification_user ON notification(user_id, created_ms)"),
            QStringLiteral("CREATE INDEX notification_held ON notification(delivered, notify_ms)"),
        },
        {
            // v12: automatic dispatch (server/Dispatcher). Each agent's presence (在线 / 忙碌 / 离开 / 离线), who set
            // it, and the offers missed in a row. Each offer of a ticket to an agent, keyed by the ticket's version it
            // was made on: two server processes that decide on the same ticket at once write the same key, and one of
            // them fails — a ticket is never offered twice.
            QStringLiteral("CREATE TABLE agent_presence(user_id TEXT PRIMARY KEY, presence TEXT NOT NULL, "
                           "changed_ms BIGINT NOT NULL, changed_by TEXT NOT NULL, misses INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE dispatch_offer(ticket_id TEXT NOT NULL, base_version INTEGER NOT NULL, "
                           "user_id TEXT NOT NULL, group_id TEXT NOT NULL, offered_ms BIGINT NOT NULL, "
                           "expires_ms BIGINT NOT NULL, state TEXT NOT NULL, explanation TEXT NOT NULL, "
                           "PRIMARY KEY(ticket_id, base_version))"),
            QStringLiteral("CREATE INDEX dispatch_offer_state ON dispatch_offer(state, expires_ms)"),
            QStringLiteral("CREATE INDEX dispatch_offer_user ON dispatch_offer(user_id, group_id, offered_ms)"),
        },
    };
    return all;
}

} // namespace

ServerDatabase::ServerDatabase(Backend backend, QString connection)
    : m_backend(backend), m_connection(std::move(connection))
{
}

ServerDatabase::~ServerDatabase()
{
    m_statements.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

namespace {

Q_LOGGING_CATEGORY(lcPostgres, "gongdan.postgresql")

/// PostgreSQL's notices ("relation … already exists, skipping") as Qt messages, which the server writes
/// as log lines: libpq would print them on stderr between the JSON lines.
void postgresNotice(void*, const char* message)
{
    qCInfo(lcPostgres).noquote() << QString::fromUtf8(message).trimmed();
}

} // namespace

Result<std::unique_ptr<ServerDatabase>> ServerDatabase::open(const QString& location)
{
    const QString connection = QStringLiteral("gongdan-server-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QUrl url(location);
    const bool postgres = url.scheme() == QLatin1String("postgresql") || url.scheme() == QLatin1String("postgres");
    QSqlDatabase db
        = QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), connection);
    if (postgres) {
        db.setHostName(url.host().isEmpty() ? QStringLiteral("localhost") : url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    } else {
        db.setDatabaseName(location.startsWith(QLatin1String("sqlite:")) ? location.mid(7) : location);
    }
    std::unique_ptr<ServerDatabase> server(
        new ServerDatabase(postgres ? Backend::Postgresql : Backend::Sqlite, connection));
    if (!db.open())
        return sqlError(QStringLiteral("server.database_open"), db.lastError(),
            QStringLiteral("Cannot open the team database %1").arg(url.toString(QUrl::RemovePassword)));
    if (postgres) {
        if (pg_conn* handle = ServerRows::postgresConnection(*server))
            PQsetNoticeProcessor(handle, &postgresNotice, nullptr);
    }
    QSqlQuery pragma(db);
    if (!postgres) {
        pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        pragma.exec(QStringLiteral("PRAGMA synchronous=FULL")); // an acknowledged write survives a power cut
        pragma.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    }
    if (Status migrated = server->migrate(); !migrated)
        return migrated.error();
    return server;
}

QSqlQuery& ServerDatabase::prepared(const QString& sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(this->sql());
        query.prepare(sql);
        it = m_statements.insert(sql, query);
    }
    return it.value();
}

int ServerDatabase::schemaVersion() const
{
    QSqlQuery query(sql());
    if (!query.exec(QStringLiteral("SELECT value FROM server_meta WHERE name = 'schema_version'")) || !query.next())
        return 0;
    return query.value(0).toInt();
}

Status ServerDatabase::ping() const
{
    QSqlQuery query(sql());
    if (!query.exec(QStringLiteral("SELECT 1")) || !query.next())
        return sqlError(QStringLiteral("server.database_unavailable"), query.lastError(),
            QStringLiteral("The team database does not answer"));
    return {};
}

Status ServerDatabase::migrate()
{
    QSqlDatabase db = sql();
    QSqlQuery query(db);
    if (!query.exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS server_meta(name TEXT PRIMARY KEY, value TEXT NOT NULL)")))
        return sqlError(
            QStringLiteral("server.migration"), query.lastError(), QStringLiteral("Cannot create server_meta"));
    const int current = schemaVersion();
    m_migratedFrom = current;
    if (current > steps().size())
        return Error {QStringLiteral("server.schema_newer"),
            QStringLiteral("The team database has schema %1; this server knows up to %2. Use a newer gongdan-server.")
                .arg(current)
                .arg(steps().size()),
            QString()};
    for (int version = current + 1; version <= steps().size(); ++version) {
        if (!db.transaction())
            return sqlError(QStringLiteral("server.migration"), db.lastError(), QStringLiteral("Cannot begin"));
        for (QString statement : steps().at(version - 1)) {
            statement.replace(QStringLiteral("{blob}"),
                m_backend == Backend::Sqlite ? QStringLiteral("BLOB") : QStringLiteral("BYTEA"));
            if (!query.exec(statement)) {
                const QSqlError error = query.lastError();
                db.rollback();
                return sqlError(
                    QStringLiteral("server.migration"), error, QStringLiteral("Migration %1 failed").arg(version));
            }
        }
        query.prepare(version == 1 ? QStringLiteral("INSERT INTO server_meta(name, value) VALUES ('schema_version', ?)")
                                   : QStringLiteral("UPDATE server_meta SET value = ? WHERE name = 'schema_version'"));
        query.addBindValue(QString::number(version));
        if (!query.exec() || !db.commit()) {
            const QSqlError error = query.lastError();
            db.rollback();
            return sqlError(
                QStringLiteral("server.migration"), error, QStringLiteral("Migration %1 failed").arg(version));
        }
    }
    // The epoch names this database's history: a client whose cursor came from another history (a
    // restored backup, a different server) must resync.
    query.prepare(QStringLiteral("INSERT INTO server_meta(name, value) SELECT 'epoch', ? "
                                 "WHERE NOT EXISTS (SELECT 1 FROM server_meta WHERE name = 'epoch')"));
    query.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!query.exec())
        return sqlError(QStringLiteral("server.migration"), query.lastError(), QStringLiteral("Cannot name the epoch"));
    return {};
}

QString ServerDatabase::epoch()
{
    QSqlQuery& query = prepared(QStringLiteral("SELECT value FROM server_meta WHERE name = 'epoch'"));
    QString value;
    if (query.exec() && query.next())
        value = query.value(0).toString();
    query.finish();
    return value;
}

Error ServerDatabase::failure(const QSqlError& error, const QString& what)
{
    return sqlError(QStringLiteral("server.database"), error, what);
}

ServerTransaction::ServerTransaction(ServerDatabase& database) : m_database(database), m_db(database.sql())
{
    m_begun = m_db.transaction();
    if (m_begun)
        m_database.m_openTransaction = ++m_database.m_transactions;
}

ServerTransaction::~ServerTransaction()
{
    if (m_begun && !m_done) {
        ended();
        m_db.rollback();
    }
}

void ServerTransaction::ended()
{
    m_database.m_openTransaction = 0;
}

Status ServerTransaction::commit()
{
    if (!m_begun)
        return sqlError(
            QStringLiteral("server.database"), m_db.lastError(), QStringLiteral("Cannot begin a transaction"));
    m_done = true;
    ended();
    if (!m_db.commit()) {
        const QSqlError error = m_db.lastError();
        m_db.rollback();
        return sqlError(QStringLiteral("server.database"), error, QStringLiteral("Cannot commit"));
    }
    return {};
}

} // namespace gongdan
