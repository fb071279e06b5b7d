#pragma once

#include "models/FieldCatalog.h"
#include "ui/common/Workstation.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QVBoxLayout;

namespace gongdan {

class ConditionRow;

/// Creates or edits a custom view (自定义视图): names, conditions combined by all or any, the columns
/// to show, the sort, personal or shared (supervisors and admins), enabled or not; deletes it. Opened
/// with open(), never exec(): the window stays live behind it. Refusals show inline.
class ViewEditorDialog : public QDialog {
    Q_OBJECT

public:
    struct Column {
        QString field;
        QString label;
    };

    ViewEditorDialog(
        const Workstation& workstation, TicketView view, const QList<Column>& columns, QWidget* parent = nullptr);
    ~ViewEditorDialog() override;

    /// Stores the view; false with the reason shown in the dialog.
    bool saveView();
    ConditionRow* addCondition();

Q_SIGNALS:
    void viewSaved(const QString& viewId);
    void viewDeleted(const QString& viewId);

private:
    void removeCondition(ConditionRow* row);
    void deleteView();
    void showError(const QString& message);
    bool canShare() const;

    const Workstation& m_ws;
    TicketView m_view;
    std::unique_ptr<FieldCatalog> m_catalog;
    QList<ConditionRow*> m_rows;
    int m_nextRow = 0;
    QLineEdit* m_nameZh;
    QLineEdit* m_nameEn;
    QRadioButton* m_all;
    QRadioButton* m_any;
    QVBoxLayout* m_conditions;
    QPushButton* m_add;
    QListWidget* m_columns;
    QComboBox* m_sort;
    QCheckBox* m_descending;
    QCheckBox* m_shared;
    QComboBox* m_shareWith; ///< the whole team, or one group
    QCheckBox* m_enabled;
    QLabel* m_error;
    QPushButton* m_save;
    QPushButton* m_delete;
    bool m_deleteArmed = false;
};

} // namespace gongdan
