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

    void info(const QString& event, const QJsonObject& fields = {}) { write(QStringLiteral("info"), event, fields); }
    void warning(const QString& event, const QJsonObject& fields = {})
    {
        write(QStringLiteral("warning"), event, fields);
    }
    void error(const QString& event, const QJsonObject& fields = {}) { write(QStringLiteral("error"), event, fields); }

private:
    void write(const QString& level, const QString& event, QJsonObject fields);

    const Clock& m_clock;
    QTextStream& m_out;
    QMutex m_mutex;
};

} // namespace gongdan
