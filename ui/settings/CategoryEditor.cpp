#include "ui/settings/CategoryEditor.h"

#include "storage/Database.h"
#include "storage/FieldDefinitionRepository.h"
#include "storage/TeamDirectory.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gongdan {

CategoryEditor::CategoryEditor(const Workstation& workstation, QWidget* parent)
    : QWidget(parent)
    , m_ws(workstation)
    , m_tree(new QTreeWidget(this))
    , m_addRoot(new QPushButton(this))
    , m_addChild(new QPushButton(this))
    , m_nameZh(new QLineEdit(this))
    , m_nameEn(new QLineEdit(this))
    , m_active(new QCheckBox(this))
    , m_parent(new QLabel(this))
    , m_error(new QLabel(this))
    , m_save(new QPushButton(this))
{
    setObjectName(QStringLiteral("categoryEditor"));
    m_tree->setObjectName(QStringLiteral("categoryTree"));
    m_addRoot->setObjectName(QStringLiteral("categoryAddRoot"));
    m_addChild->setObjectName(QStringLiteral("categoryAddChild"));
    m_nameZh->setObjectName(QStringLiteral("categoryNameZh"));
    m_nameEn->setObjectName(QStringLiteral("categoryNameEn"));
    m_active->setObjectName(QStringLiteral("categoryActive"));
    m_error->setObjectName(QStringLiteral("categoryError"));
    m_save->setObjectName(QStringLiteral("categorySave"));
    m_tree->setHeaderHidden(true);
    m_error->setStyleSheet(QStringLiteral("color:#c62828"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addRoot);
    buttons->addWidget(m_addChild);
    auto* left = new QVBoxLayout;
    left->addWidget(m_tree, 1);
    left->addLayout(buttons);
    auto* form = new QFormLayout;
    for (QWidget* editor : std::initializer_list<QWidget*> {m_parent, m_nameZh, m_nameEn}) {
        auto* label = new QLabel(this);
        label->setBuddy(editor);
        form->addRow(label, editor);
    }
    form->addRow(QString(), m_active);
    auto* right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_error);
    right->addWidget(m_save, 0, Qt::AlignRight);
    right->addStretch(1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 2);
    layout->addLayout(right, 3);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* current) {
        if (!current)
            return;
        if (const Category* category = m_ws.directory.categories().find(current->data(0, Qt::UserRole).toString()))
            showCategory(*category);
    });
    connect(m_addRoot, &QPushButton::clicked, this, [this] { addCategory(QString()); });
    connect(m_addChild, &QPushButton::clicked, this, [this] {
        if (!m_current.id.isEmpty())
            addCategory(m_current.id);
    });
    connect(m_save, &QPushButton::clicked, this, &CategoryEditor::saveCategory);
    retranslate();
    reload(QString());
    for (QWidget* widget : std::initializer_list<QWidget*> {m_addRoot, m_addChild, m_save})
        widget->setEnabled(editable());
}

bool CategoryEditor::editable() const
{
    return access::mayManageFields(m_ws.session.principal());
}

void CategoryEditor::retranslate()
{
    m_addRoot->setText(tr("Add &top-level category"));
    m_addChild->setText(tr("Add &subcategory"));
    m_active->setText(tr("In use (offered on new tickets)"));
    m_save->setText(tr("&Save category"));
    const QList<QPair<QWidget*, QString>> labels {
        {m_parent, tr("Under")}, {m_nameZh, tr("Name (&Chinese)")}, {m_nameEn, tr("Name (&English)")}};
    for (const auto& [editor, text] : labels) {
        for (QLabel* label : findChildren<QLabel*>()) {
            if (label->buddy() == editor)
                label->setText(text);
        }
        editor->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    }
    m_tree->setAccessibleName(tr("Categories"));
    reload(m_current.id);
}

void CategoryEditor::reload(const QString& selectId)
{
    const bool chinese = QLocale().language() == QLocale::Chinese;
    const CategoryTree& tree = m_ws.directory.categories();
    m_tree->blockSignals(true);
    m_tree->clear();
    QHash<QString, QTreeWidgetItem*> items;
    QTreeWidgetItem* selected = nullptr;
    // Parents come before children: walk the tree from the roots.
    QList<QPair<QString, QTreeWidgetItem*>> pending {{QString(), nullptr}};
    while (!pending.isEmpty()) {
        const auto [parentId, parentItem] = pending.takeFirst();
        for (const Category& category : tree.children(parentId)) {
            auto* item = parentItem ? new QTreeWidgetItem(parentItem) : new QTreeWidgetItem(m_tree);
            item->setText(0, category.active ? category.name(chinese) : tr("%1 (retired)").arg(category.name(chinese)));
            item->setData(0, Qt::UserRole, category.id);
            if (!category.active)
                item->setForeground(0, QColor(0x9e, 0x9e, 0x9e));
            if (category.id == selectId)
                selected = item;
            pending.append({category.id, item});
        }
    }
    m_tree->expandAll();
    m_tree->blockSignals(false);
    if (!selected && m_tree->topLevelItemCount() > 0)
        selected = m_tree->topLevelItem(0);
    if (selected)
        m_tree->setCurrentItem(selected);
}

void CategoryEditor::showCategory(const Category& category)
{
    m_current = category;
    const bool chinese = QLocale().language() == QLocale::Chinese;
    m_parent->setText(
        category.parentId.isEmpty() ? tr("(top level)") : m_ws.directory.categoryPath(category.parentId, chinese));
    m_nameZh->setText(category.nameZh);
    m_nameEn->setText(category.nameEn);
    m_active->setChecked(category.active);
    m_error->hide();
}

void CategoryEditor::addCategory(const QString& parentId)
{
    Category category;
    category.parentId = parentId;
    const QList<Category> siblings = m_ws.directory.categories().children(parentId);
    category.order = siblings.isEmpty() ? 10 : siblings.last().order + 10;
    showCategory(category);
    m_nameZh->setFocus();
}

bool CategoryEditor::saveCategory()
{
    if (!editable())
        return false;
    Category category = m_current;
    category.nameZh = m_nameZh->text().trimmed();
    category.nameEn = m_nameEn->text().trimmed();
    category.active = m_active->isChecked();
    if (category.nameZh.isEmpty()) {
        m_error->setText(tr("A category needs a Chinese name."));
        m_error->show();
        m_nameZh->setFocus();
        return false;
    }
    if (category.id.isEmpty())
        category.id = m_ws.db.ids().next();
    if (Status saved = m_ws.fields.saveCategory(category); !saved) {
        m_error->setText(saved.error().message);
        m_error->show();
        return false;
    }
    m_ws.directory.reload();
    reload(category.id);
    Q_EMIT categoriesChanged();
    return true;
}

} // namespace gongdan
