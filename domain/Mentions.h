#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gongdan {

/// Someone who can be @-mentioned in a comment: by login (@li.na) or by name (@李娜, which Chinese text writes
/// without a space after it).
struct MentionTarget {
    QString userId;
    QString login;
    QString name;
};

/// The people a comment's text mentions (workflows.md §9.7: they are notified, and the notification is never read
/// by merely opening the ticket). "@" followed by a login (ASCII, case-insensitive, ending at a character a login
/// cannot hold) or by a name (the longest that fits); an "@" inside a word (an e-mail address) mentions nobody. Each
/// user once, in the order first mentioned.
class Mentions {
public:
    static QStringList find(const QString& text, const QList<MentionTarget>& people);
};

} // namespace gongdan
