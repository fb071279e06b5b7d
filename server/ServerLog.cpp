#include "server/ServerLog.h"

#include <QJsonDocument>

namespace gongdan {

namespace {

ServerLog* g_qtMessages = nullptr; ///< the log Qt's messages go to (qInstallMessageHandler takes no context)

void qtMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (!g_qtMessages)
        return;
    const QJsonObject fields {{QStringLiteral("message"), message.trimmed()},
        {QStringLiteral("category"), QString::fromLatin1(context.category ? context.category : "default")}};
    switch (type) {
    case QtDebugMsg:
    case QtInfoMsg:
        g_qtMessages->info(QStringLiteral("qt"), fields);
        break;
    case QtWarningMsg:
        g_qtMessages->warning(QStringLiteral("qt"), fields);
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        g_qtMessages->error(QStringLiteral("qt"), fields);
        break;
    }
}

} // namespace

ServerLog::ServerLog(const Clock& clock, QTextStream& out) : m_clock(clock), m_out(out) { }

ServerLog::~ServerLog()
{
    if (g_qtMessages == this) {
        qInstallMessageHandler(nullptr);
        g_qtMessages = nullptr;
    }
}

void ServerLog::takeQtMessages()
{
    g_qtMessages = this;
    qInstallMessageHandler(&qtMessage);
}

void ServerLog::write(const QString& level, const QString& event, QJsonObject fields)
{
    fields.insert(QStringLiteral("ts"), m_clock.now().toUTC().toString(Qt::ISODateWithMs));
    fields.insert(QStringLiteral("level"), level);
    fields.insert(QStringLiteral("event"), event);
    const QMutexLocker lock(&m_mutex);
    m_out << QJsonDocument(fields).toJson(QJsonDocument::Compact) << Qt::endl;
}

} // namespace gongdan
