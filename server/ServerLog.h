#pragma once

#include "domain/Clock.h"

#include <QJsonObject>
#include <QMutex>
#include <QTextStream>

namespace gongdan {

/// Structured logs: one JSON object per line ({"ts", "level", "event", …fields}) on stderr, for
/// journald and log shippers alike.
class ServerLog {
public:
    ServerLog(const Clock& clock, QTextStream& out);
    ~ServerLog();
    ServerLog(const ServerLog&) = delete;
    ServerLog& operator=(const ServerLog&) = delete;

    void info(const QString& event, const QJsonObject& fields = {}) { write(QStringLiteral("info"), event, fields); }
    void warning(const QString& event, const QJsonObject& fields = {})
    {
        write(QStringLiteral("warning"), event, fields);
    }
    void error(const QString& event, const QJsonObject& fields = {}) { write(QStringLiteral("error"), event, fields); }

    /// From now on Qt's own messages (qWarning and the like, from Qt's modules and drivers: QPSQL's notices
    /// among them) are written as lines of this log too, event "qt", so the log stays JSON lines only.
    /// One log per process takes them; this one must outlive every Qt message (it is main()'s).
    void takeQtMessages();

private:
    void write(const QString& level, const QString& event, QJsonObject fields);

    const Clock& m_clock;
    QTextStream& m_out;
    QMutex m_mutex;
};

} // namespace gongdan
