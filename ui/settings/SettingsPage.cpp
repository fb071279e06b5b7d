#include "ui/settings/SettingsPage.h"

#include "ui/settings/CalendarEditor.h"
#include "ui/settings/CategoryEditor.h"
#include "ui/settings/DispatchEditor.h"
#include "ui/settings/EscalationEditor.h"
#include "ui/settings/FieldDefinitionEditor.h"
#include "ui/settings/SlaPolicyEditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace gongdan {

SettingsPage::SettingsPage(const Workstation& workstation, const QString& chosenLanguage, QWidget* parent)
    : WorkPage(parent)
    , m_tabs(new QTabWidget(this))
    , m_language(new QComboBox(this))
    , m_languageLabel(new QLabel(this))
    , m_languageNote(new QLabel(this))
    , m_fields(new FieldDefinitionEditor(workstation, this))
    , m_categories(new CategoryEditor(workstation, this))
    , m_calendars(new CalendarEditor(workstation, this))
    , m_policies(new SlaPolicyEditor(workstation, this))
    , m_escalations(new EscalationEditor(workstation, this))
    , m_dispatch(new DispatchEditor(workstation, this))
{
    setObjectName(QStringLiteral("settingsPage"));
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    m_languageLabel->setBuddy(m_language);
    m_languageNote->setWordWrap(true);
    // Each language is named in itself, so it can be found whatever the current one is.
    m_language->addItem(QString(), QString());
    m_language->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(chosenLanguage)));

    auto* general = new QWidget(this);
    auto* form = new QFormLayout(general);
    form->addRow(m_languageLabel, m_language);
    form->addRow(QString(), m_languageNote);
    m_tabs->addTab(general, QString());
    m_tabs->addTab(m_fields, QString());
    m_tabs->addTab(m_categories, QString());
    m_tabs->addTab(m_calendars, QString());
    m_tabs->addTab(m_policies, QString());
    m_tabs->addTab(m_escalations, QString());
    m_tabs->addTab(m_dispatch, QString());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    setFocusProxy(m_tabs);

    connect(m_language, &QComboBox::activated, this,
        [this] { Q_EMIT languageChosen(m_language->currentData().toString()); });
    connect(m_fields, &FieldDefinitionEditor::definitionsChanged, this, &SettingsPage::definitionsEdited);
    connect(m_categories, &CategoryEditor::categoriesChanged, this, &SettingsPage::definitionsEdited);
    retranslate();
}

QString SettingsPage::title() const
{
    return tr("Settings");
}

void SettingsPage::showFields()
{
    m_tabs->setCurrentWidget(m_fields);
}

void SettingsPage::showTab(const QString& name)
{
    const QStringList names {QStringLiteral("general"), QStringLiteral("fields"), QStringLiteral("categories"),
        QStringLiteral("calendars"), QStringLiteral("sla"), QStringLiteral("escalation"), QStringLiteral("dispatch")};
    m_tabs->setCurrentIndex(std::max(0, int(names.indexOf(name))));
}

void SettingsPage::retranslate()
{
    m_tabs->setTabText(0, tr("&General"));
    m_tabs->setTabText(1, tr("Custom &fields"));
    m_tabs->setTabText(2, tr("Ca&tegories"));
    m_tabs->setTabText(3, tr("Business &calendars"));
    m_tabs->setTabText(4, tr("S&LA policies"));
    m_tabs->setTabText(5, tr("&Escalation"));
    m_tabs->setTabText(6, tr("&Dispatch"));
    m_languageLabel->setText(tr("Interface &language"));
    m_language->setAccessibleName(tr("Interface language"));
    m_language->setItemText(0, tr("Follow the system"));
    m_languageNote->setText(tr("The change applies at once to every open window."));
    m_fields->retranslate();
    m_categories->retranslate();
    m_calendars->retranslate();
    m_policies->retranslate();
    m_escalations->retranslate();
    m_dispatch->retranslate();
}

} // namespace gongdan
