#pragma once

#include "storage/CustomerRepository.h"
#include "storage/Database.h"
#include "storage/FieldDefinitionRepository.h"
#include "storage/Outbox.h"
#include "storage/ViewRepository.h"

#include <QJsonObject>

namespace gongdan {

/// The workstation's copies of the team-wide records — customers, field definitions, categories, and the
/// custom views the server lets this user see (their own and those shared with them) — in two
/// layers like tickets: the server's copy as last pulled (record_synced) under the visible row the UI
/// reads, which is that copy with the upserts still queued for it re-applied. The caller owns the
/// transaction (SyncCache's page or push results).
class RecordCache {
public:
    explicit RecordCache(Database& db);

    /// customer | field | category | view: a change-log entity this cache keeps.
    static bool isRecord(const QString& entity);
    /// The record kind an intent writes (customer.upsert → customer, view.delete → view), empty for any other
    /// intent.
    static QString kindOfIntent(const QString& intentName);

    /// A pulled record: kept as the server's copy, and the visible row rebuilt from it.
    Status applyPulled(
        const QString& kind, const QString& id, const QJsonObject& data, qint64 serverSeq, qint64 cursor);
    /// A record the server deleted or took out of this user's sight (a view unshared): its copy and row go,
    /// and what is still queued for it is re-applied.
    Status applyPulledDelete(const QString& kind, const QString& id, qint64 cursor);
    /// After a refused upsert: the visible row back to the server's copy and what is still queued. A
    /// record the server has never had stays as the workstation wrote it (the refusal is in the outbox).
    Status restore(const QString& kind, const QString& id, qint64 cursor);

private:
    /// Writes the server's version of a record as the visible row; a local record that holds its
    /// unique value (field key, customer number) gives it up: the server's has it.
    Status writeVisible(const QString& kind, const QJsonObject& data);
    Status replayQueued(const QString& id, qint64 cursor);

    Database& m_db;
    Outbox m_outbox;
    CustomerRepository m_customers;
    FieldDefinitionRepository m_fields;
    ViewRepository m_views;
};

} // namespace gongdan
