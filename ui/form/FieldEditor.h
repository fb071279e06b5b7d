#pragma once

#include "domain/Clock.h"
#include "domain/FieldDefinition.h"

#include <QJsonValue>
#include <QWidget>

namespace gongdan {

struct AttachmentAccess;

/// The editor of one custom field, made for its type: line edits for text and numbers, a date or
/// date-time picker with an empty state, combo boxes for single and cascading choices, check lists for
/// multiple choice, a check box, and a file list for attachments. Values go in and out as the JSON the
/// FieldValidator checks, so the form never converts types by hand.
class FieldEditor : public QWidget {
    Q_OBJECT

public:
    /// `files`: where the attachment field stores and fetches its files; without it the field only lists them.
    static FieldEditor* create(const FieldDefinition& definition, bool chinese, const Clock& clock,
        QWidget* parent = nullptr, const AttachmentAccess* files = nullptr);

    const FieldDefinition& definition() const { return m_definition; }
    virtual QJsonValue value() const = 0;
    virtual void setValue(const QJsonValue& value) = 0;
    virtual void setReadOnly(bool readOnly) = 0;

Q_SIGNALS:
    void edited();

protected:
    FieldEditor(FieldDefinition definition, QWidget* parent);

private:
    FieldDefinition m_definition;
};

} // namespace gongdan
