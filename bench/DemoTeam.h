#pragma once

#include "domain/Category.h"
#include "domain/FieldDefinition.h"

#include <QList>

namespace gongdan::demo {

struct DemoGroup {
    QString id, nameZh, nameEn;
};
struct DemoAgent {
    QString id, login, name, role, groupId;
};

/// The demo team's fixed structure: departments, agents, the category tree (with the group each
/// category is dispatched to) and field definitions covering every field type.
struct DemoTeam {
    QList<DemoGroup> groups;
    QList<DemoAgent> agents;
    QList<Category> categories;
    QHash<QString, QString> groupOfCategory;
    QList<FieldDefinition> fields;

    static const DemoTeam& instance();
};

} // namespace gongdan::demo
