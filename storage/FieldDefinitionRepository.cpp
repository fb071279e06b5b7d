#include "storage/FieldDefinitionRepository.h"

#include "domain/Intents.h"
#include "domain/JsonCodec.h"

#include <QJsonDocument>

namespace gongdan {

FieldDefinitionRepository::FieldDefinitionRepository(Database& db) : m_db(db), m_outbox(db) { }

QList<FieldDefinition> FieldDefinitionRepository::definitions()
{
    QList<FieldDefinition> result;
    QSqlQuery query(m_db.sql());
    if (!query.exec(QStringLiteral("SELECT definition FROM field_definition ORDER BY sort_order, key")))
        return result;
    while (query.next()) {
        auto definition = FieldDefinition::fromJson(QJsonDocument::fromJson(query.value(0).toByteArray()).object());
        if (definition)
            result.append(definition.value());
    }
    return result;
}

std::optional<FieldDefinition> FieldDefinitionRepository::find(const QString& key)
{
    for (const FieldDefinition& definition : definitions()) {
        if (definition.key == key)
            return definition;
    }
    return std::nullopt;
}

Result<FieldDefinition> FieldDefinitionRepository::save(FieldDefinition definition)
{
    const auto existing = find(definition.key);
    if (existing) {
        if (definition.id.isEmpty())
            definition.id = existing->id;
        if (Status status = checkFieldDefinitionUpdate(*existing, definition); !status)
            return status.error();
    } else {
        if (Status status = checkFieldDefinition(definition); !status)
            return status.error();
        if (definition.id.isEmpty())
            definition.id = m_db.ids().next();
    }
    SqlTransaction transaction(m_db);
    if (Status status = write(definition); !status)
        return status.error();
    auto queued = m_outbox.append(
        intent::FieldUpsert, definition.id, QJsonObject {{QStringLiteral("definition"), definition.toJson()}});
    if (!queued)
        return queued.error();
    if (Status status = transaction.commit(); !status)
        return status.error();
    return definition;
}

Status FieldDefinitionRepository::write(const FieldDefinition& definition)
{
    QSqlQuery& upsert = m_db.prepared(QStringLiteral(
        "INSERT INTO field_definition(id, key, type, definition, sort_order, active, version) VALUES (?,?,?,?,?,?,0) "
        "ON CONFLICT(id) DO UPDATE SET definition = excluded.definition, sort_order = excluded.sort_order, "
        "active = excluded.active, version = version + 1"));
    upsert.addBindValue(definition.id);
    upsert.addBindValue(definition.key);
    upsert.addBindValue(FieldDefinition::typeKey(definition.type));
    upsert.addBindValue(QString::fromUtf8(QJsonDocument(definition.toJson()).toJson(QJsonDocument::Compact)));
    upsert.addBindValue(definition.order);
    upsert.addBindValue(definition.active ? 1 : 0);
    const bool ok = upsert.exec();
    upsert.finish();
    return ok ? Status() : Status(Database::errorOf(upsert));
}

Result<CategoryTree> FieldDefinitionRepository::categories()
{
    QList<Category> list;
    QSqlQuery query(m_db.sql());
    if (!query.exec(
            QStringLiteral("SELECT id, parent_id, name_zh, name_en, sort_order, active, group_id FROM category")))
        return Database::errorOf(query);
    while (query.next()) {
        list.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(), query.value(4).toInt(), query.value(5).toBool(), query.value(6).toString()});
    }
    return CategoryTree::build(list);
}

Status FieldDefinitionRepository::saveCategory(const Category& category)
{
    auto current = categories();
    if (!current)
        return current.error();
    QList<Category> next = current.value().all();
    const auto it = std::find_if(next.begin(), next.end(), [&](const Category& c) { return c.id == category.id; });
    if (it != next.end())
        *it = category;
    else
        next.append(category);
    if (auto checked = CategoryTree::build(next); !checked)
        return checked.error();
    SqlTransaction transaction(m_db);
    if (Status status = writeCategory(category); !status)
        return status;
    const QJsonObject args {{QStringLiteral("category"), JsonCodec::toJson(category)}};
    if (auto queued = m_outbox.append(intent::CategoryUpsert, category.id, args); !queued)
        return queued.error();
    return transaction.commit();
}

Status FieldDefinitionRepository::writeCategory(const Category& category)
{
    QSqlQuery& upsert = m_db.prepared(
        QStringLiteral("INSERT INTO category(id, parent_id, name_zh, name_en, sort_order, active, group_id) "
                       "VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, "
                       "name_zh = excluded.name_zh, name_en = excluded.name_en, sort_order = excluded.sort_order, "
                       "active = excluded.active, group_id = excluded.group_id, version = version + 1"));
    upsert.addBindValue(category.id);
    upsert.addBindValue(category.parentId.isEmpty() ? QVariant() : QVariant(category.parentId));
    upsert.addBindValue(category.nameZh);
    upsert.addBindValue(category.nameEn);
    upsert.addBindValue(category.order);
    upsert.addBindValue(category.active ? 1 : 0);
    upsert.addBindValue(category.groupId.isEmpty() ? QVariant() : QVariant(category.groupId));
    const bool ok = upsert.exec();
    upsert.finish();
    return ok ? Status() : Status(Database::errorOf(upsert));
}

Status FieldDefinitionRepository::replay(const OutboxEntry& entry)
{
    if (entry.name == intent::FieldUpsert) {
        auto definition = FieldDefinition::fromJson(entry.args.value(QStringLiteral("definition")).toObject());
        return definition ? write(definition.value()) : Status(definition.error());
    }
    auto category = JsonCodec::categoryFromJson(entry.args.value(QStringLiteral("category")).toObject());
    return category ? writeCategory(category.value()) : Status(category.error());
}

} // namespace gongdan
