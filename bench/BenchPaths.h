#pragma once

#include <QString>

namespace gongdan::demo {

/// Checks of the paths given to gongdan-bench, so that a mistyped one stops it with a sentence naming
/// the path on stderr instead of figures measured somewhere else (or of nothing). Each returns an empty
/// string when the path is fine; `option` is the command-line option it came from ("--dir").

/// `folder` exists, is a folder and can be written to.
QString folderProblem(const QString& option, const QString& folder);
/// The file `path` exists, or can be made: it is not a folder and its folder exists.
QString fileProblem(const QString& option, const QString& path);
/// A team database LOCATION: a SQLite file (or sqlite:FILE) as for fileProblem(); a postgresql:// URL is not
/// checked here.
QString databaseProblem(const QString& option, const QString& location);

} // namespace gongdan::demo
