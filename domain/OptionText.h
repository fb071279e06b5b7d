#pragma once

#include "domain/FieldDefinition.h"

namespace gongdan {

/// The options of a choice or cascading field as an admin types them, one per line:
///
///     value = 中文 | English
///       child = 子项 | Child          (two more spaces of indent per level)
///     ~old = 旧选项 | Old             (a leading ~ marks an option no longer offered)
///
/// Blank lines are skipped. parse() names the offending line in its Error.
class OptionText {
public:
    static QString format(const QList<FieldOption>& options);
    static Result<QList<FieldOption>> parse(const QString& text);
};

} // namespace gongdan
