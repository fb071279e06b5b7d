#pragma once

#include <QCoreApplication>
#include <QString>

namespace gongdan {

/// Why the server refused a change, in the agent's language. The server answers in English with a stable
/// code (the API convention); the workstation shows its own words for each code, naming the field where
/// there is one (`fieldLabel`: the field as the agent knows it, "分类", "退款金额").
class RefusalText {
    Q_DECLARE_TR_FUNCTIONS(RefusalText)

public:
    /// The agent's words for `code`; the server's own message, when the code is not one this version knows.
    static QString describe(const QString& code, const QString& fieldLabel, const QString& serverMessage);
};

} // namespace gongdan
