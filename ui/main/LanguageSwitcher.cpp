#include "ui/main/LanguageSwitcher.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace gongdan {

LanguageSwitcher::LanguageSwitcher(QObject* parent) : QObject(parent) { }

QList<QLocale> LanguageSwitcher::available()
{
    return {QLocale(QLocale::Chinese, QLocale::China), QLocale(QLocale::English, QLocale::UnitedStates)};
}

bool LanguageSwitcher::switchTo(const QLocale& locale)
{
    const QString name = locale.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
    if (!m_app.load(QStringLiteral(":/i18n/gongdan_%1.qm").arg(name)))
        return false;
    if (m_qt.load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    m_current = name == QLatin1String("zh_CN") ? available().first() : available().last();
    QLocale::setDefault(m_current);
    QCoreApplication::installTranslator(&m_app); // posts LanguageChange to every widget
    return true;
}

} // namespace gongdan
