#pragma once

#include "ui/attachment/AttachmentChip.h"
#include "ui/form/FieldEditor.h"

#include <QJsonArray>
#include <optional>

class QListWidget;
class QPushButton;

namespace gongdan {

class AttachmentStrip;

/// The attachment custom field: its files as chips (open, save as, drag out, remove) and "Add files…"
/// (or files dropped on it), stored like a comment's files — by content, under the same size limit, queued
/// for upload. Without the store (a form that only shows values) it lists the files by name.
class AttachmentFieldEditor final : public FieldEditor {
    Q_OBJECT

public:
    AttachmentFieldEditor(const FieldDefinition& definition, const AttachmentAccess* files, QWidget* parent);

    QJsonValue value() const override;
    void setValue(const QJsonValue& value) override;
    void setReadOnly(bool readOnly) override;
    /// Stores the files and adds them to the value; a file over the limit is refused by name, size and limit.
    void addFiles(const QStringList& paths);
    void remove(const AttachmentRef& ref);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showFiles();
    QList<AttachmentRef> refs() const;

    std::optional<AttachmentAccess> m_files;
    QJsonArray m_value;
    QListWidget* m_list = nullptr;
    AttachmentStrip* m_strip = nullptr;
    QPushButton* m_add = nullptr;
    bool m_readOnly = false;
};

} // namespace gongdan
