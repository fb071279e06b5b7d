#pragma once

#include <QStringList>

namespace gongdan::demo {

/// Word lists the demo seeder draws from: names, products, problems and phrasings agents really write.
struct Vocabulary {
    QStringList surnames, givenNames, regions, products, models;
    struct Topic {
        QString categoryId;
        QStringList subjects; ///< may contain %1 (product) and %2 (model)
        QStringList descriptions; ///< sentences; a description joins two or three
    };
    QList<Topic> topics;
    QStringList replies, notes;

    static const Vocabulary& instance();
};

} // namespace gongdan::demo
