#include "storage/SlaSettings.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace gongdan {

const SlaSetup& SlaSettings::current()
{
    QSqlQuery& state = m_db.prepared(QStringLiteral(
        "SELECT count(*), COALESCE(max(server_seq), 0) FROM record_synced WHERE kind IN ('calendar', 'sla_policy')"));
    QString seen;
    if (state.exec() && state.next())
        seen = state.value(0).toString() + QLatin1Char(':') + state.value(1).toString();
    state.finish();
    if (seen == m_seen)
        return m_setup;
    m_seen = seen;
    m_setup = {};
    QSqlQuery& copies = m_db.prepared(
        QStringLiteral("SELECT kind, id, data FROM record_synced WHERE kind IN ('calendar', 'sla_policy')"));
    if (copies.exec()) {
        while (copies.next()) {
            const QJsonObject data = QJsonDocument::fromJson(copies.value(2).toByteArray()).object();
            if (copies.value(0).toString() == QLatin1String("calendar")) {
                if (auto calendar = BusinessCalendar::fromJson(data))
                    m_setup.calendars.insert(copies.value(1).toString(), calendar.value());
            } else if (auto policy = SlaPolicy::fromJson(data)) {
                m_setup.policies.append(policy.value());
            }
        }
    }
    copies.finish();
    return m_setup;
}

} // namespace gongdan
