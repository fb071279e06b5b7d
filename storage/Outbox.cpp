#include "storage/Outbox.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace gongdan {

Outbox::Outbox(Database& db) : m_db(db) { }

QString Outbox::columns()
{
    return QStringLiteral("seq, mutation_id, name, entity_id, args, base_version, state, attempts, last_error, "
                          "acked_server_seq, created_local_ms, user_id, push_seq");
}

OutboxEntry Outbox::fromQuery(const QSqlQuery& q)
{
    OutboxEntry e;
    e.seq = q.value(0).toLongLong();
    e.mutationId = q.value(1).toString();
    e.name = q.value(2).toString();
    e.entityId = q.value(3).toString();
    e.args = QJsonDocument::fromJson(q.value(4).toByteArray()).object();
    if (!q.value(5).isNull())
        e.baseVersion = q.value(5).toInt();
    e.state = q.value(6).toString();
    e.attempts = q.value(7).toInt();
    e.lastError = q.value(8).toString();
    if (!q.value(9).isNull())
        e.ackedServerSeq = q.value(9).toLongLong();
    e.createdLocalMs = q.value(10).toLongLong();
    e.userId = q.value(11).toString();
    e.pushSeq = q.value(12).isNull() ? e.seq : q.value(12).toLongLong();
    return e;
}

Result<OutboxEntry> Outbox::append(
    const QString& name, const QString& entityId, QJsonObject args, std::optional<int> baseVersion)
{
    if (m_db.transactionDepth() == 0) {
        return Error {QStringLiteral("storage.outbox_outside_transaction"),
            QStringLiteral("Outbox::append must run inside the transaction that changes the data")};
    }
    args.insert(QStringLiteral("payload_version"), kPayloadVersion);
    OutboxEntry entry;
    entry.seq = nextSeq();
    if (entry.seq <= 0)
        return Error {QStringLiteral("storage.corrupt"), QStringLiteral("client_meta is missing")};
    entry.mutationId = m_db.ids().next();
    entry.name = name;
    entry.entityId = entityId;
    entry.args = args;
    entry.baseVersion = baseVersion;
    entry.state = QStringLiteral("pending");
    entry.createdLocalMs = m_db.clock().nowMs();
    entry.userId = m_db.signedInUser();
    entry.pushSeq = entry.seq; // nobody signed in yet: the device's numbering, which its first user takes
    if (!entry.userId.isEmpty()) {
        auto mine = identity(entry.userId);
        if (!mine)
            return mine.error();
        entry.pushSeq = mine.value().nextSeq;
        QSqlQuery& next
            = m_db.prepared(QStringLiteral("UPDATE sync_identity SET next_seq = next_seq + 1 WHERE user_id = ?"));
        next.addBindValue(entry.userId);
        const bool counted = next.exec();
        next.finish();
        if (!counted)
            return Database::errorOf(next);
    }
    if (Status status = restore(entry); !status)
        return status.error();
    return entry;
}

Status Outbox::restore(const OutboxEntry& e)
{
    QSqlQuery& insert = m_db.prepared(QStringLiteral(
        "INSERT INTO outbox(seq, mutation_id, name, entity_id, args, base_version, state, attempts, last_error, "
        "created_local_ms, user_id, push_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
    insert.addBindValue(e.seq);
    insert.addBindValue(e.mutationId);
    insert.addBindValue(e.name);
    insert.addBindValue(e.entityId);
    insert.addBindValue(QString::fromUtf8(QJsonDocument(e.args).toJson(QJsonDocument::Compact)));
    insert.addBindValue(e.baseVersion ? QVariant(*e.baseVersion) : QVariant());
    // An answer the server gave is not carried over: the entry is sent again and answered as a duplicate.
    insert.addBindValue(e.state == QLatin1String("rejected") ? e.state : QStringLiteral("pending"));
    insert.addBindValue(e.attempts);
    insert.addBindValue(e.lastError.isEmpty() ? QVariant() : QVariant(e.lastError));
    insert.addBindValue(e.createdLocalMs);
    insert.addBindValue(e.userId.isEmpty() ? QVariant() : QVariant(e.userId));
    insert.addBindValue(e.pushSeq > 0 ? e.pushSeq : e.seq);
    const bool inserted = insert.exec();
    insert.finish();
    if (!inserted)
        return Database::errorOf(insert);
    QSqlQuery& bump
        = m_db.prepared(QStringLiteral("UPDATE client_meta SET next_seq = max(next_seq, ? + 1) WHERE id = 1"));
    bump.addBindValue(e.seq);
    const bool bumped = bump.exec();
    bump.finish();
    return bumped ? Status() : Status(Database::errorOf(bump));
}

QList<OutboxEntry> Outbox::entries(qint64 afterSeq, int limit)
{
    QList<OutboxEntry> result;
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?").arg(columns()));
    query.addBindValue(afterSeq);
    query.addBindValue(limit);
    if (query.exec()) {
        while (query.next())
            result.append(fromQuery(query));
    }
    return result;
}

namespace {

QList<OutboxEntry> select(QSqlQuery& query)
{
    QList<OutboxEntry> result;
    if (query.exec()) {
        while (query.next())
            result.append(Outbox::fromQuery(query));
    }
    return result;
}

} // namespace

QList<OutboxEntry> Outbox::pending(int limit)
{
    QSqlQuery query(m_db.sql());
    query.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE state = 'pending' AND (user_id IS NULL OR user_id = ?) "
                                 "ORDER BY seq LIMIT ?")
                      .arg(columns()));
    query.addBindValue(m_db.signedInUser());
    query.addBindValue(limit);
    return select(query);
}

QList<OutboxEntry> Outbox::undelivered(const QString& entityId, qint64 cursor)
{
    QSqlQuery& query
        = m_db.prepared(QStringLiteral("SELECT %1 FROM outbox WHERE entity_id = ? AND (state = 'pending' OR "
                                       "(state = 'acked' AND acked_server_seq > ?)) AND (user_id IS NULL OR "
                                       "user_id = ?) ORDER BY seq")
                            .arg(columns()));
    query.addBindValue(entityId);
    query.addBindValue(cursor);
    query.addBindValue(m_db.signedInUser());
    QList<OutboxEntry> result = select(query);
    query.finish();
    return result;
}

Status Outbox::markAcked(qint64 seq, qint64 serverSeq)
{
    QSqlQuery& query = m_db.prepared(QStringLiteral(
        "UPDATE outbox SET state = 'acked', acked_server_seq = ?, attempts = attempts + 1 WHERE seq = ?"));
    query.addBindValue(serverSeq);
    query.addBindValue(seq);
    const bool ok = query.exec();
    query.finish();
    return ok ? Status() : Status(Database::errorOf(query));
}

Status Outbox::markRejected(qint64 seq, const QString& error)
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("UPDATE outbox SET state = 'rejected', last_error = ?, attempts = attempts + 1 WHERE seq = ?"));
    query.addBindValue(error);
    query.addBindValue(seq);
    const bool ok = query.exec();
    query.finish();
    return ok ? Status() : Status(Database::errorOf(query));
}

Result<int> Outbox::dropDelivered(qint64 cursor)
{
    // The server's copies of a delivered change's events have replaced the ones written here (the same
    // ids); any still left are events the server did not make (its rules found less to change): they go.
    QSqlQuery& any = m_db.prepared(
        QStringLiteral("SELECT EXISTS(SELECT 1 FROM outbox WHERE state = 'acked' AND acked_server_seq <= ?)"));
    any.addBindValue(cursor);
    const bool delivered = any.exec() && any.next() && any.value(0).toInt() != 0;
    any.finish();
    if (delivered) {
        QSqlQuery& stale = m_db.prepared(QStringLiteral(
            "DELETE FROM ticket_event WHERE mutation_id IS NOT NULL AND mutation_id IN (SELECT mutation_id FROM "
            "outbox WHERE state = 'acked' AND acked_server_seq <= ?)"));
        stale.addBindValue(cursor);
        const bool ok = stale.exec();
        stale.finish();
        if (!ok)
            return Database::errorOf(stale);
    }
    QSqlQuery& query
        = m_db.prepared(QStringLiteral("DELETE FROM outbox WHERE state = 'acked' AND acked_server_seq <= ?"));
    query.addBindValue(cursor);
    const bool ok = query.exec();
    const int dropped = query.numRowsAffected();
    query.finish();
    if (!ok)
        return Database::errorOf(query);
    return dropped;
}

qint64 Outbox::waiting()
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending' AND (user_id IS NULL OR user_id = ?)"));
    query.addBindValue(m_db.signedInUser());
    const qint64 count = query.exec() && query.next() ? query.value(0).toLongLong() : -1;
    query.finish();
    return count;
}

qint64 Outbox::waitingForOthers()
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'pending' AND user_id IS NOT NULL AND user_id <> ?"));
    query.addBindValue(m_db.signedInUser());
    const qint64 count = query.exec() && query.next() ? query.value(0).toLongLong() : -1;
    query.finish();
    return count;
}

qint64 Outbox::count()
{
    QSqlQuery query(m_db.sql());
    return query.exec(QStringLiteral("SELECT count(*) FROM outbox")) && query.next() ? query.value(0).toLongLong() : -1;
}

QString Outbox::clientId()
{
    QSqlQuery query(m_db.sql());
    return query.exec(QStringLiteral("SELECT client_id FROM client_meta WHERE id = 1")) && query.next()
        ? query.value(0).toString()
        : QString();
}

Result<SyncIdentity> Outbox::identity(const QString& userId)
{
    QSqlQuery& known = m_db.prepared(QStringLiteral("SELECT client_id, next_seq FROM sync_identity WHERE user_id = ?"));
    known.addBindValue(userId);
    if (!known.exec())
        return Database::errorOf(known);
    if (known.next()) {
        SyncIdentity found {userId, known.value(0).toString(), known.value(1).toLongLong()};
        known.finish();
        return found;
    }
    known.finish();
    QSqlQuery any(m_db.sql());
    const bool first = any.exec(QStringLiteral("SELECT NOT EXISTS(SELECT 1 FROM sync_identity)")) && any.next()
        && any.value(0).toBool();
    // The device's first user goes on with its client id and numbering; another gets a client of their own.
    SyncIdentity made {userId, first ? clientId() : m_db.ids().next(), first ? nextSeq() : 1};
    QSqlQuery& insert
        = m_db.prepared(QStringLiteral("INSERT INTO sync_identity(user_id, client_id, next_seq) VALUES (?, ?, ?)"));
    insert.addBindValue(made.userId);
    insert.addBindValue(made.clientId);
    insert.addBindValue(made.nextSeq);
    const bool ok = insert.exec();
    insert.finish();
    if (!ok)
        return Database::errorOf(insert);
    return made;
}

qint64 Outbox::nextSeq()
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT next_seq FROM client_meta WHERE id = 1"));
    const qint64 seq = query.exec() && query.next() ? query.value(0).toLongLong() : -1;
    query.finish();
    return seq;
}

} // namespace gongdan
