#include "domain/Category.h"

#include <QCoreApplication>
#include <algorithm>

namespace gongdan {

Result<CategoryTree> CategoryTree::build(const QList<Category>& categories)
{
    CategoryTree tree;
    tree.m_categories = categories;
    for (qsizetype i = 0; i < categories.size(); ++i) {
        const Category& category = categories.at(i);
        if (category.id.isEmpty() || category.nameZh.trimmed().isEmpty()) {
            return Error {QStringLiteral("category.invalid"),
                QCoreApplication::translate("CategoryTree", "Every category needs an id and a Chinese name."),
                category.id};
        }
        if (tree.m_index.contains(category.id)) {
            return Error {QStringLiteral("category.duplicate"),
                QCoreApplication::translate("CategoryTree", "The category id \"%1\" is used twice.").arg(category.id),
                category.id};
        }
        tree.m_index.insert(category.id, i);
    }
    for (const Category& category : categories) {
        if (!category.parentId.isEmpty() && !tree.m_index.contains(category.parentId)) {
            return Error {QStringLiteral("category.parent_missing"),
                QCoreApplication::translate("CategoryTree", "The parent of \"%1\" does not exist.")
                    .arg(category.nameZh),
                category.id};
        }
        int depth = 1;
        QString parent = category.parentId;
        while (!parent.isEmpty()) {
            if (parent == category.id || ++depth > kMaxDepth) {
                return Error {QStringLiteral("category.depth"),
                    QCoreApplication::translate("CategoryTree", "\"%1\" is inside itself or more than %2 levels deep.")
                        .arg(category.nameZh)
                        .arg(kMaxDepth),
                    category.id};
            }
            parent = tree.find(parent)->parentId;
        }
    }
    return tree;
}

const Category* CategoryTree::find(const QString& id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_categories.at(*it);
}

QList<Category> CategoryTree::children(const QString& parentId) const
{
    QList<Category> result;
    for (const Category& category : m_categories) {
        if (category.parentId == parentId)
            result.append(category);
    }
    std::stable_sort(
        result.begin(), result.end(), [](const Category& a, const Category& b) { return a.order < b.order; });
    return result;
}

QStringList CategoryTree::pathIds(const QString& id) const
{
    QStringList path;
    for (const Category* node = find(id); node; node = find(node->parentId))
        path.prepend(node->id);
    return path;
}

QString CategoryTree::pathText(const QString& id, bool chinese) const
{
    QStringList names;
    for (const QString& nodeId : pathIds(id))
        names.append(find(nodeId)->name(chinese));
    return names.join(QStringLiteral(" › "));
}

bool CategoryTree::isSelfOrDescendant(const QString& id, const QString& ancestorId) const
{
    return pathIds(id).contains(ancestorId);
}

QString CategoryTree::groupOf(const QString& id) const
{
    const QStringList path = pathIds(id);
    for (auto it = path.crbegin(); it != path.crend(); ++it) {
        if (const Category* category = find(*it); category && !category->groupId.isEmpty())
            return category->groupId;
    }
    return {};
}

} // namespace gongdan
