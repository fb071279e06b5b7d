#pragma once

#include "domain/FieldDefinition.h"
#include "ui/common/Workstation.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace gongdan {

/// The admin's editor of custom field definitions (自定义字段): add a field of any type, change its
/// labels, rules, options, categories and who may edit it, reorder, deactivate. Every change is stored
/// at once and announced, so open forms rebuild without a restart. Read-only for other roles.
class FieldDefinitionEditor : public QWidget {
    Q_OBJECT

public:
    FieldDefinitionEditor(const Workstation& workstation, QWidget* parent = nullptr);

    /// Starts a new definition in the form.
    void addField();
    /// Stores the form; false with the reason shown next to the form.
    bool saveField();
    /// Moves the selected field up (-1) or down (+1) in every form.
    void moveSelected(int step);
    /// Deactivates the selected field (or activates it again).
    void toggleSelected();
    void retranslate();
    bool editable() const;

Q_SIGNALS:
    void definitionsChanged();

private:
    void reload(const QString& selectKey);
    void showDefinition(const FieldDefinition& definition, bool isNew);
    void typeChanged();
    Result<FieldDefinition> formDefinition() const;
    void showError(const QString& message);
    bool store(const FieldDefinition& definition);

    const Workstation& m_ws;
    QList<FieldDefinition> m_definitions;
    FieldDefinition m_current;
    bool m_isNew = false;
    QListWidget* m_list;
    QPushButton* m_add;
    QPushButton* m_up;
    QPushButton* m_down;
    QPushButton* m_toggle;
    QLineEdit* m_key;
    QComboBox* m_type;
    QLineEdit* m_labelZh;
    QLineEdit* m_labelEn;
    QCheckBox* m_required;
    QCheckBox* m_requiredToClose;
    QCheckBox* m_sensitive; ///< masked for all but supervisors and admins; text fields, set at creation only
    QComboBox* m_format;
    QLineEdit* m_minimum;
    QLineEdit* m_maximum;
    QSpinBox* m_precision;
    QLineEdit* m_pattern;
    QLineEdit* m_patternZh;
    QLineEdit* m_patternEn;
    QPlainTextEdit* m_options;
    QListWidget* m_categories;
    QList<QCheckBox*> m_roles;
    QLabel* m_error;
    QPushButton* m_save;
    QList<QPair<QWidget*, QWidget*>> m_typeRows; ///< label, editor: shown by type
};

} // namespace gongdan
