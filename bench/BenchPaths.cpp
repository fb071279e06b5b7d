#include "bench/BenchPaths.h"

#include <QDir>
#include <QFileInfo>

namespace gongdan::demo {

namespace {

QString quoted(const QString& path)
{
    return QLatin1Char('"') + QDir::toNativeSeparators(path) + QLatin1Char('"');
}

} // namespace

QString folderProblem(const QString& option, const QString& folder)
{
    const QFileInfo info(folder);
    if (!info.exists())
        return option + QStringLiteral(": the folder ") + quoted(folder) + QStringLiteral(" does not exist");
    if (!info.isDir())
        return option + QStringLiteral(": ") + quoted(folder) + QStringLiteral(" is not a folder");
    if (!info.isWritable())
        return option + QStringLiteral(": the folder ") + quoted(folder) + QStringLiteral(" cannot be written to");
    return {};
}

QString fileProblem(const QString& option, const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return option + QStringLiteral(": ") + quoted(path) + QStringLiteral(" is a folder, not a file");
    if (info.exists())
        return {};
    const QString folder = info.absolutePath();
    if (!QFileInfo(folder).isDir())
        return option + QStringLiteral(": the folder ") + quoted(folder) + QStringLiteral(" of ") + quoted(path)
            + QStringLiteral(" does not exist");
    if (!QFileInfo(folder).isWritable())
        return option + QStringLiteral(": the folder ") + quoted(folder) + QStringLiteral(" of ") + quoted(path)
            + QStringLiteral(" cannot be written to");
    return {};
}

QString databaseProblem(const QString& option, const QString& location)
{
    if (location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://")))
        return {};
    return fileProblem(option, location.startsWith(QLatin1String("sqlite:")) ? location.mid(7) : location);
}

} // namespace gongdan::demo
