#include "domain/OptionText.h"

#include <QCoreApplication>

namespace gongdan {

namespace {

void formatInto(const QList<FieldOption>& options, int depth, QStringList* lines)
{
    for (const FieldOption& option : options) {
        QString line = QString(depth * 2, QLatin1Char(' ')) + (option.active ? QString() : QStringLiteral("~"))
            + option.value + QStringLiteral(" = ") + option.labelZh;
        if (!option.labelEn.isEmpty())
            line += QStringLiteral(" | ") + option.labelEn;
        lines->append(line);
        formatInto(option.children, depth + 1, lines);
    }
}

Error lineError(int number, const QString& message)
{
    return Error {QStringLiteral("options.line"),
        QCoreApplication::translate("OptionText", "Line %1: %2").arg(number).arg(message), QStringLiteral("options")};
}

} // namespace

QString OptionText::format(const QList<FieldOption>& options)
{
    QStringList lines;
    formatInto(options, 0, &lines);
    return lines.join(QLatin1Char('\n'));
}

Result<QList<FieldOption>> OptionText::parse(const QString& text)
{
    QList<FieldOption> roots;
    QList<QList<FieldOption>*> levels {&roots}; // levels[d]: where options of depth d go
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString& raw = lines.at(i);
        if (raw.trimmed().isEmpty())
            continue;
        int spaces = 0;
        while (spaces < raw.size() && raw.at(spaces) == QLatin1Char(' '))
            ++spaces;
        if (spaces % 2 != 0)
            return lineError(i + 1, QCoreApplication::translate("OptionText", "indent by two spaces per level."));
        const int depth = spaces / 2;
        if (depth >= levels.size())
            return lineError(i + 1, QCoreApplication::translate("OptionText", "indented deeper than the line above."));
        QString body = raw.trimmed();
        FieldOption option;
        if (body.startsWith(QLatin1Char('~'))) {
            option.active = false;
            body = body.mid(1).trimmed();
        }
        const int equals = body.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return lineError(i + 1, QCoreApplication::translate("OptionText", "write it as “value = 中文 | English”."));
        option.value = body.left(equals).trimmed();
        const QString labels = body.mid(equals + 1);
        option.labelZh = labels.section(QLatin1Char('|'), 0, 0).trimmed();
        option.labelEn = labels.section(QLatin1Char('|'), 1).trimmed();
        if (option.labelZh.isEmpty())
            return lineError(i + 1, QCoreApplication::translate("OptionText", "the Chinese label is missing."));
        levels.resize(depth + 1);
        levels.at(depth)->append(option);
        levels.append(&levels.at(depth)->last().children);
    }
    return roots;
}

} // namespace gongdan
