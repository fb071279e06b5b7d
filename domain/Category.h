#pragma once

#include "domain/Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace gongdan {

/// One node of the admin-maintained category tree (工单分类), e.g. 售后 › 产品维修.
struct Category {
    QString id;
    QString parentId; ///< empty for a root
    QString nameZh;
    QString nameEn;
    int order = 0;
    bool active = true;
    QString groupId; ///< the group (department) its tickets go to; empty: the parent's, else none

    QString name(bool chinese) const { return chinese || nameEn.isEmpty() ? nameZh : nameEn; }
};

/// The category tree, checked: every parent exists, no cycles, no deeper than kMaxDepth.
class CategoryTree {
public:
    static constexpr int kMaxDepth = 6;

    CategoryTree() = default;
    static Result<CategoryTree> build(const QList<Category>& categories);

    const Category* find(const QString& id) const;
    QList<Category> children(const QString& parentId) const; ///< ordered; "" for the roots
    QStringList pathIds(const QString& id) const; ///< root first, ending with id
    QString pathText(const QString& id, bool chinese) const; ///< "售后 › 产品维修"
    bool isSelfOrDescendant(const QString& id, const QString& ancestorId) const;
    /// The group a ticket of this category goes to: its own, else the nearest ancestor's; empty: none.
    QString groupOf(const QString& id) const;
    const QList<Category>& all() const { return m_categories; }

private:
    QList<Category> m_categories;
    QHash<QString, qsizetype> m_index;
};

} // namespace gongdan
