#include "teamdb/AuditLog.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace gongdan {

namespace {

const QString kColumns = QStringLiteral(
    "seq, at_ms, actor_id, actor_login, address, client, kind, entity, entity_id, detail, prev_hash, hash");

/// Text the database can hold on both backends (PostgreSQL refuses NUL), kept to a sane length.
QString storable(const QString& text, int maxLength = 200)
{
    QString out = text.left(maxLength);
    out.replace(QChar(0), QChar(0xFFFD));
    return out.isNull() ? QStringLiteral("") : out; // a null QString binds as SQL NULL
}

AuditEntry entryFrom(const QSqlQuery& query)
{
    AuditEntry entry;
    entry.seq = query.value(0).toLongLong();
    entry.atMs = query.value(1).toLongLong();
    entry.actor
        = {query.value(2).toString(), query.value(3).toString(), query.value(4).toString(), query.value(5).toString()};
    entry.kind = query.value(6).toString();
    entry.entity = query.value(7).toString();
    entry.entityId = query.value(8).toString();
    entry.detail = query.value(9).toString();
    entry.prevHash = query.value(10).toString();
    entry.hash = query.value(11).toString();
    return entry;
}

struct Head {
    qint64 seq = 0;
    QString hash;
};

Head parseHead(const QString& value)
{
    const QStringList parts = value.split(QLatin1Char(' '));
    return parts.size() == 2 ? Head {parts.at(0).toLongLong(), parts.at(1)} : Head {-1, QString()};
}

} // namespace

QJsonObject AuditEntry::toJson() const
{
    return {{QStringLiteral("seq"), seq}, {QStringLiteral("at_ms"), atMs},
        {QStringLiteral("actor"),
            QJsonObject {{QStringLiteral("user_id"), actor.userId}, {QStringLiteral("login"), actor.login}}},
        {QStringLiteral("address"), actor.address}, {QStringLiteral("client"), actor.client},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("target"), QJsonObject {{QStringLiteral("entity"), entity}, {QStringLiteral("id"), entityId}}},
        {QStringLiteral("detail"), QJsonDocument::fromJson(detail.toUtf8()).object()},
        {QStringLiteral("prev_hash"), prevHash}, {QStringLiteral("hash"), hash}};
}

AuditLog::AuditLog(ServerDatabase& database, const Clock& clock) : m_database(database), m_clock(clock) { }

QByteArray AuditLog::canonical(const AuditEntry& entry)
{
    QByteArray out = QByteArrayLiteral("gongdan-audit-v1\n");
    const auto field = [&out](const QByteArray& bytes) {
        out.append(QByteArray::number(bytes.size())).append(':').append(bytes).append('\n');
    };
    field(QByteArray::number(entry.seq));
    field(QByteArray::number(entry.atMs));
    for (const QString* text : {&entry.actor.userId, &entry.actor.login, &entry.actor.address, &entry.actor.client,
             &entry.kind, &entry.entity, &entry.entityId, &entry.detail, &entry.prevHash})
        field(text->toUtf8());
    return out;
}

QString AuditLog::hashOf(const AuditEntry& entry)
{
    return QString::fromLatin1(QCryptographicHash::hash(canonical(entry), QCryptographicHash::Sha256).toHex());
}

Status AuditLog::append(const QString& kind, const QString& entity, const QString& entityId, const QJsonObject& detail)
{
    return append(m_actor, kind, entity, entityId, detail);
}

Status AuditLog::append(const AuditActor& actor, const QString& kind, const QString& entity, const QString& entityId,
    const QJsonObject& detail)
{
    // The anchor first: updating its row serializes appends until this transaction ends. Read once per
    // transaction (a push appends one entry per intent).
    const quint64 transaction = m_database.openTransaction();
    Head last {m_headSeq, m_headHash};
    if (transaction == 0 || transaction != m_headTransaction) {
        QSqlQuery& head = m_database.prepared(
            QStringLiteral("UPDATE server_meta SET value = value WHERE name = 'audit_head' RETURNING value"));
        if (!head.exec() || !head.next())
            return ServerDatabase::failure(head.lastError(), QStringLiteral("Cannot read the audit trail's head"));
        last = parseHead(head.value(0).toString());
        head.finish();
        if (last.seq < 0)
            return Error {QStringLiteral("server.audit_head"), QStringLiteral("The audit trail's head is unreadable.")};
    }

    AuditEntry entry;
    entry.seq = last.seq + 1;
    entry.atMs = m_clock.nowMs();
    entry.actor = {storable(actor.userId), storable(actor.login), storable(actor.address), storable(actor.client)};
    entry.kind = storable(kind);
    entry.entity = storable(entity);
    entry.entityId = storable(entityId);
    entry.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)); // NUL is escaped
    entry.prevHash = last.seq == 0 ? genesisHash() : last.hash;
    entry.hash = hashOf(entry);

    // The entry and the anchor moved to it: one statement on PostgreSQL (one round trip), two on SQLite.
    const QString anchor = QStringLiteral("UPDATE server_meta SET value = ? WHERE name = 'audit_head'");
    const QString insert
        = QStringLiteral("INSERT INTO audit_entry(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(kColumns);
    const bool postgres = m_database.backend() == ServerDatabase::Backend::Postgresql;
    const QVariantList values {entry.seq, entry.atMs, entry.actor.userId, entry.actor.login, entry.actor.address,
        entry.actor.client, entry.kind, entry.entity, entry.entityId, entry.detail, entry.prevHash, entry.hash};
    const QString newHead = QStringLiteral("%1 %2").arg(entry.seq).arg(entry.hash);
    QSqlQuery& write
        = m_database.prepared(postgres ? QStringLiteral("WITH moved AS (%1) %2").arg(anchor, insert) : insert);
    if (postgres)
        write.addBindValue(newHead);
    for (const QVariant& value : values)
        write.addBindValue(value);
    if (!write.exec())
        return ServerDatabase::failure(write.lastError(), QStringLiteral("Cannot append to the audit trail"));
    write.finish();
    if (!postgres) {
        QSqlQuery& move = m_database.prepared(anchor);
        move.addBindValue(newHead);
        if (!move.exec())
            return ServerDatabase::failure(move.lastError(), QStringLiteral("Cannot move the audit trail's head"));
        move.finish();
    }
    if (transaction != 0) {
        m_headTransaction = transaction;
        m_headSeq = entry.seq;
        m_headHash = entry.hash;
    }
    return {};
}

Status AuditLog::appendAlone(
    const QString& kind, const QString& entity, const QString& entityId, const QJsonObject& detail)
{
    ServerTransaction transaction(m_database);
    if (Status appended = append(kind, entity, entityId, detail); !appended)
        return appended;
    return transaction.commit();
}

Status AuditLog::recordUnmask(const QString& entity, const QString& entityId, const QStringList& fields)
{
    return appendAlone(
        QStringLiteral("unmask"), entity, entityId, {{QStringLiteral("fields"), QJsonArray::fromStringList(fields)}});
}

Result<std::optional<QString>> AuditLog::hashAt(qint64 seq) const
{
    QSqlQuery query(m_database.sql());
    query.prepare(QStringLiteral("SELECT hash FROM audit_entry WHERE seq = ?"));
    query.addBindValue(seq);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot read the audit trail"));
    return query.next() ? std::optional<QString>(query.value(0).toString()) : std::nullopt;
}

Result<QList<AuditEntry>> AuditLog::list(const AuditFilter& filter) const
{
    QStringList where;
    QVariantList values;
    if (!filter.actor.isEmpty()) {
        where << QStringLiteral("(actor_id = ? OR actor_login = ?)");
        values << filter.actor << filter.actor;
    }
    for (const auto& [column, value] :
        {std::pair {QStringLiteral("kind"), &filter.kind}, std::pair {QStringLiteral("entity"), &filter.entity},
            std::pair {QStringLiteral("entity_id"), &filter.entityId}}) {
        if (!value->isEmpty()) {
            where << column + QStringLiteral(" = ?");
            values << *value;
        }
    }
    if (filter.sinceMs) {
        where << QStringLiteral("at_ms >= ?");
        values << *filter.sinceMs;
    }
    if (filter.untilMs) {
        where << QStringLiteral("at_ms < ?");
        values << *filter.untilMs;
    }
    if (filter.beforeSeq > 0) {
        where << QStringLiteral("seq < ?");
        values << filter.beforeSeq;
    }
    QSqlQuery query(m_database.sql());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM audit_entry%2 ORDER BY seq DESC LIMIT %3")
                      .arg(kColumns,
                          where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND ")))
                      .arg(std::clamp(filter.limit, 1, kMaxLimit)));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot read the audit trail"));
    QList<AuditEntry> out;
    while (query.next())
        out.append(entryFrom(query));
    return out;
}

Result<AuditVerdict> AuditLog::verify() const
{
    QSqlQuery meta(m_database.sql());
    if (!meta.exec(QStringLiteral("SELECT value FROM server_meta WHERE name = 'audit_head'")))
        return ServerDatabase::failure(meta.lastError(), QStringLiteral("Cannot read the audit trail's head"));
    const Head anchor = meta.next() ? parseHead(meta.value(0).toString()) : Head {-1, QString()};
    const auto bad = [](qint64 seq, const QString& problem) { return AuditVerdict {false, 0, seq, problem, {}}; };
    if (anchor.seq < 0)
        return bad(0, QStringLiteral("the anchor (server_meta audit_head) is missing or unreadable"));

    QSqlQuery query(m_database.sql());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM audit_entry ORDER BY seq").arg(kColumns)))
        return ServerDatabase::failure(query.lastError(), QStringLiteral("Cannot read the audit trail"));
    const auto next = [&query]() -> std::optional<AuditEntry> {
        return query.next() ? std::optional<AuditEntry>(entryFrom(query)) : std::nullopt;
    };
    const auto renumbered = [](AuditEntry entry, qint64 by) {
        entry.seq += by;
        return hashOf(entry) == entry.hash;
    };
    QString prev = genesisHash(); // the hash of the entry before `current`
    QString prevPrev; // … and of the one before that
    qint64 expected = 1;
    std::optional<AuditEntry> current = next();
    while (current) {
        const std::optional<AuditEntry> following = next();
        const AuditEntry& e = *current;
        if (e.seq != expected)
            return bad(expected,
                QStringLiteral("entry %1 is missing: deleted (entry %2 follows entry %3)")
                    .arg(expected)
                    .arg(e.seq)
                    .arg(expected - 1));
        const bool intact = hashOf(e) == e.hash;
        const bool linked = e.prevHash == prev;
        if (!intact || !linked) {
            if (following && following->prevHash == prev && renumbered(*following, -1))
                return bad(
                    e.seq, QStringLiteral("entry %1 was inserted: the entries after it were renumbered").arg(e.seq));
            if (!intact && e.seq > 1 && e.prevHash == prevPrev && renumbered(e, -1))
                return bad(e.seq - 1,
                    QStringLiteral("entry %1 was inserted: the entries after it were renumbered").arg(e.seq - 1));
            if (!intact && renumbered(e, +1))
                return bad(e.seq,
                    QStringLiteral("entry %1 is missing: deleted, and the entries after it renumbered").arg(e.seq));
            if (intact && e.seq > 1)
                return bad(e.seq - 1,
                    QStringLiteral("entry %1 was edited: its hash is not the one entry %2 recorded")
                        .arg(e.seq - 1)
                        .arg(e.seq));
            if (!intact)
                return bad(
                    e.seq, QStringLiteral("entry %1 was edited: its hash does not match its contents").arg(e.seq));
            return bad(e.seq, QStringLiteral("entry %1 was edited: it does not start the chain").arg(e.seq));
        }
        prevPrev = prev;
        prev = e.hash;
        ++expected;
        current = following;
    }
    const qint64 last = expected - 1;
    if (last < anchor.seq)
        return bad(last + 1,
            QStringLiteral("entries %1 to %2 are missing: deleted from the end (the anchor records entry %2)")
                .arg(last + 1)
                .arg(anchor.seq));
    if (last > anchor.seq)
        return bad(anchor.seq + 1,
            QStringLiteral("entry %1 was inserted: it is after the head the anchor records (entry %2)")
                .arg(anchor.seq + 1)
                .arg(anchor.seq));
    if (last > 0 && prev != anchor.hash)
        return bad(last, QStringLiteral("entry %1 was edited: its hash is not the one the anchor records").arg(last));
    return AuditVerdict {true, last, 0, QString(), last > 0 ? prev : genesisHash()};
}

} // namespace gongdan
