#pragma once

#include "ui/common/WorkPage.h"
#include "ui/common/Workstation.h"

class QComboBox;
class QLabel;
class QTabWidget;

namespace gongdan {

class CalendarEditor;
class CategoryEditor;
class DispatchEditor;
class EscalationEditor;
class FieldDefinitionEditor;
class SlaPolicyEditor;

/// Settings and administration in one tab: the interface language (the system's by default), the
/// custom field definitions, the category tree, and the team's workflow: business calendars, SLA policies,
/// escalation rules and dispatch settings. Changes apply at once, without a restart.
class SettingsPage : public WorkPage {
    Q_OBJECT

public:
    /// `chosenLanguage`: the locale name chosen before ("zh_CN", "en"), empty when following the system.
    SettingsPage(const Workstation& workstation, const QString& chosenLanguage, QWidget* parent = nullptr);

    QString title() const override;
    bool hasUnsavedChanges() const override { return false; } // every change is stored when made
    bool save() override { return true; }
    void retranslate() override;
    void showFields();
    /// Shows a tab by name: "general", "fields", "categories", "calendars", "sla", "escalation" or "dispatch".
    void showTab(const QString& name);

Q_SIGNALS:
    /// A locale name, or empty to follow the system.
    void languageChosen(const QString& localeName);
    void definitionsEdited();

private:
    QTabWidget* m_tabs;
    QComboBox* m_language;
    QLabel* m_languageLabel;
    QLabel* m_languageNote;
    FieldDefinitionEditor* m_fields;
    CategoryEditor* m_categories;
    CalendarEditor* m_calendars;
    SlaPolicyEditor* m_policies;
    EscalationEditor* m_escalations;
    DispatchEditor* m_dispatch;
};

} // namespace gongdan
