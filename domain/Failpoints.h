#pragma once

#include <QStringList>

namespace gongdan {

/// Named faults the server can be started with (GONGDAN_FAILPOINTS="a,b"), so tests can prove what
/// happens at the exact moments that matter: a crash just before or just after a push commits, a
/// slow commit that holds its locks, or the naive sequence the gap test must catch. None is active
/// in normal operation; each use site says what it does.
class Failpoints {
public:
    Failpoints() = default;
    explicit Failpoints(const QStringList& active) : m_active(active) { }
    /// From the GONGDAN_FAILPOINTS environment variable.
    static Failpoints fromEnvironment();

    bool isActive(const QString& name) const { return m_active.contains(name); }
    /// Ends the process at once, like kill -9: no destructors, no flush, no commit.
    void crashIf(const QString& name) const;
    const QStringList& active() const { return m_active; }

private:
    QStringList m_active;
};

} // namespace gongdan
