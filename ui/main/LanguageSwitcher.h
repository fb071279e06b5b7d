#pragma once

#include <QLocale>
#include <QObject>
#include <QTranslator>

namespace gongdan {

/// Installs the interface language — Gongdan's own translations (embedded in the ui library) and Qt's —
/// and switches it at run time: every window gets QEvent::LanguageChange and retranslates itself.
class LanguageSwitcher : public QObject {
    Q_OBJECT

public:
    explicit LanguageSwitcher(QObject* parent = nullptr);

    /// Switches to `locale` (zh_CN or en); false when there is no translation for it.
    bool switchTo(const QLocale& locale);
    QLocale current() const { return m_current; }
    static QList<QLocale> available();

private:
    QTranslator m_app;
    QTranslator m_qt;
    QLocale m_current = QLocale::c();
};

} // namespace gongdan
