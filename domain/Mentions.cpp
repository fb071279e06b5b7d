#include "domain/Mentions.h"

namespace gongdan {

namespace {

bool loginCharacter(QChar c)
{
    return (c.unicode() < 128 && c.isLetterOrNumber()) || c == u'.' || c == u'_' || c == u'-';
}

/// The length of the mention of `person` at `from` (just after the "@"), 0 when it is not theirs.
qsizetype lengthAt(const QString& text, qsizetype from, const MentionTarget& person)
{
    const QStringView rest = QStringView(text).mid(from);
    if (!person.login.isEmpty() && rest.startsWith(person.login, Qt::CaseInsensitive)) {
        const qsizetype end = from + person.login.size();
        // "@li.na." at a sentence's end still mentions li.na; "@li.nana" does not.
        if (end >= text.size() || !loginCharacter(text.at(end))
            || (text.at(end) == u'.' && (end + 1 >= text.size() || !loginCharacter(text.at(end + 1)))))
            return person.login.size();
    }
    if (!person.name.isEmpty() && rest.startsWith(person.name))
        return person.name.size();
    return 0;
}

} // namespace

QStringList Mentions::find(const QString& text, const QList<MentionTarget>& people)
{
    QStringList found;
    for (qsizetype at = text.indexOf(u'@'); at >= 0; at = text.indexOf(u'@', at + 1)) {
        if (at > 0 && loginCharacter(text.at(at - 1)))
            continue; // name@example.com
        const MentionTarget* best = nullptr;
        qsizetype bestLength = 0;
        for (const MentionTarget& person : people) {
            const qsizetype length = lengthAt(text, at + 1, person);
            if (length > bestLength) {
                best = &person;
                bestLength = length;
            }
        }
        if (best && !found.contains(best->userId))
            found.append(best->userId);
    }
    return found;
}

} // namespace gongdan
