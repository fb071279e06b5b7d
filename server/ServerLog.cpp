#include "server/ServerLog.h"

#include <QJsonDocument>

namespace gongdan {

ServerLog::ServerLog(const Clock& clock, QTextStream& out) : m_clock(clock), m_out(out) { }

void ServerLog::write(const QString& level, const QString& event, QJsonObject fields)
{
    fields.insert(QStringLiteral("ts"), m_clock.now().toUTC().toString(Qt::ISODateWithMs));
    fields.insert(QStringLiteral("level"), level);
    fields.insert(QStringLiteral("event"), event);
    const QMutexLocker lock(&m_mutex);
    m_out << QJsonDocument(fields).toJson(QJsonDocument::Compact) << Qt::endl;
}

} // namespace gongdan
