#pragma once

#include "domain/TicketView.h"
#include "storage/TeamDirectory.h"

#include <QCoreApplication>

namespace gongdan {

/// What the view editor offers: every field a view can filter or sort on (built-in and active custom
/// fields) with its label in the interface language, the operators that fit its kind and, for fields
/// holding keys, the choices to pick from (statuses, priorities, agents, groups, categories, options).
class FieldCatalog {
    Q_DECLARE_TR_FUNCTIONS(FieldCatalog)

public:
    struct Choice {
        QString key;
        QString label;
    };

    FieldCatalog(const TeamDirectory& directory, const QList<FieldDefinition>& definitions, bool chinese);

    /// Built-in fields first, then "custom_fields.<key>" in the definitions' order.
    QStringList fields() const;
    QString label(const QString& field) const;
    std::optional<ViewFields::Kind> kind(const QString& field) const;
    /// Empty when the field holds free text, numbers or times.
    QList<Choice> choices(const QString& field) const;
    QList<ConditionOp> operatorsFor(const QString& field) const;
    const QList<FieldDefinition>& definitions() const { return m_definitions; }

    static QString builtInLabel(const QString& field);
    static QString opName(ConditionOp op);

private:
    const TeamDirectory& m_directory;
    QList<FieldDefinition> m_definitions;
    bool m_chinese;
};

} // namespace gongdan
