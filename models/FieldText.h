#pragma once

#include "domain/FieldDefinition.h"
#include "storage/TeamDirectory.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace gongdan {

/// A ticket field and its value as people read them: labels instead of keys ("分类", "退款金额"), names
/// instead of ids (agents, groups, category paths), choices' labels instead of their keys, lists joined.
/// For the timeline and for what the workstation says about a change ("your change: priority 特急").
class FieldText {
    Q_DECLARE_TR_FUNCTIONS(FieldText)

public:
    FieldText(const TeamDirectory& directory, QList<FieldDefinition> definitions, bool chinese);

    /// "priority" → "紧急程度"; "custom_fields.refund_amount" → the definition's label.
    QString label(const QString& field) const;
    /// The value of `field` in words; long text is cut with an ellipsis.
    QString value(const QString& field, const QJsonValue& value) const;
    /// The same for a value kept as text (the event log: strings as they are, anything else as JSON).
    QString valueOfText(const QString& field, const QString& text) const;

private:
    const FieldDefinition* definition(const QString& field) const;

    const TeamDirectory& m_directory;
    QList<FieldDefinition> m_definitions;
    bool m_chinese;
};

} // namespace gongdan
