#pragma once

#include "domain/Category.h"
#include "ui/common/Workstation.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace gongdan {

/// The admin's editor of the category tree (工单分类): add a category at the top or under the
/// selected one, rename it in both languages, retire it. Read-only for other roles.
class CategoryEditor : public QWidget {
    Q_OBJECT

public:
    CategoryEditor(const Workstation& workstation, QWidget* parent = nullptr);

    /// Starts a new category under `parentId` ("" for the top level).
    void addCategory(const QString& parentId);
    bool saveCategory();
    void retranslate();

Q_SIGNALS:
    void categoriesChanged();

private:
    void reload(const QString& selectId);
    void showCategory(const Category& category);
    bool editable() const;

    const Workstation& m_ws;
    Category m_current;
    QTreeWidget* m_tree;
    QPushButton* m_addRoot;
    QPushButton* m_addChild;
    QLineEdit* m_nameZh;
    QLineEdit* m_nameEn;
    QCheckBox* m_active;
    QLabel* m_parent;
    QLabel* m_error;
    QPushButton* m_save;
};

} // namespace gongdan
