#pragma once

#include "ui/settings/RecordListEditor.h"

class QComboBox;
class QDateTimeEdit;
class QGroupBox;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace gongdan {

/// The admin's editor of business calendars (workflows.md §0): name, IANA time zone, weekly hours with several
/// intervals a day (Mon … Sun × intervals), holidays and 调休 make-up workdays, import and export of the §0 JSON
/// file, and a due preview computed here with domain/BusinessCalendar, offline.
class CalendarEditor : public RecordListEditor {
    Q_OBJECT

public:
    static constexpr int kIntervalColumns = 4;

    explicit CalendarEditor(const Workstation& workstation, QWidget* parent = nullptr);

    /// Reads a §0 JSON file into the form as a new calendar (not saved yet); false, with the reason shown and the
    /// form untouched, when the file is not a valid calendar.
    bool importFile(const QString& path);
    /// Writes the form's calendar as a §0 JSON file; false, with the reason shown, when it does not pass the rules.
    bool exportFile(const QString& path);
    /// The due time for the preview's start and minutes, as shown.
    void updatePreview();

protected:
    QString titleOf(const QJsonObject& record) const override;
    void showRecord(const QJsonObject& record) override;
    Result<QJsonObject> collect() const override;
    QString fieldLabel(const QString& field) const override;
    void retranslateForm() override;
    QJsonObject newRecordData() const override;

private:
    Result<QJsonObject> formJson() const;
    void chooseFile(bool forImport);

    QLineEdit* m_name;
    QComboBox* m_zone;
    QTableWidget* m_weekly;
    QTableWidget* m_holidays;
    QTableWidget* m_workdays;
    QPushButton* m_addHoliday;
    QPushButton* m_removeHoliday;
    QPushButton* m_addWorkday;
    QPushButton* m_removeWorkday;
    QPushButton* m_import;
    QPushButton* m_export;
    QDateTimeEdit* m_previewFrom;
    QSpinBox* m_previewMinutes;
    QLabel* m_previewDue;
    QGroupBox* m_weeklyBox;
    QGroupBox* m_holidayBox;
    QGroupBox* m_workdayBox;
    QGroupBox* m_previewBox;
    QLabel* m_nameLabel;
    QLabel* m_zoneLabel;
    QLabel* m_fromLabel;
    QLabel* m_minutesLabel;
};

} // namespace gongdan
