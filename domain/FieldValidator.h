#pragma once

#include "domain/Category.h"
#include "domain/FieldDefinition.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

namespace gongdan {

/// One problem with one field's value, to show next to that field.
struct FieldIssue {
    QString key;
    QString message;
};

/// What validation needs to know besides the values.
struct ValidationContext {
    QString categoryId; ///< the ticket's category; decides which fields apply
    const CategoryTree* categories = nullptr;
    bool closing = false; ///< also enforce required-to-close
    bool chinese = true; ///< language of field labels in messages
};

/// Checks custom field values against their definitions: one FieldIssue per offending field, none when
/// the values are acceptable. Inactive fields and fields that do not apply to the category are skipped
/// (their stored values are kept, never dropped); a value for a key no definition knows is an issue.
class FieldValidator {
    Q_DECLARE_TR_FUNCTIONS(FieldValidator)

public:
    static QList<FieldIssue> validate(
        const QList<FieldDefinition>& definitions, const QJsonObject& values, const ValidationContext& context);

    /// One value against one definition, ignoring required-ness; empty when it is acceptable.
    static QString checkValue(const FieldDefinition& definition, const QJsonValue& value, bool chinese);

    static bool isEmptyValue(const QJsonValue& value);
    static bool appliesTo(const FieldDefinition& definition, const ValidationContext& context);
};

} // namespace gongdan
