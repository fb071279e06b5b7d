#include "ui/settings/CalendarEditor.h"

#include "domain/BusinessCalendar.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gongdan {

namespace {

const char* const kDays[] {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

QString cellText(const QTableWidget* table, int row, int column)
{
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

void setCell(QTableWidget* table, int row, int column, const QString& text)
{
    auto* item = table->item(row, column);
    if (!item) {
        item = new QTableWidgetItem;
        table->setItem(row, column, item);
    }
    item->setText(text);
}

/// "09:00–12:00" (or with -, ~, 至) as the JSON pair; what does not split in two stays whole for the rules to refuse.
QJsonArray pairOf(const QString& text)
{
    static const QRegularExpression dash(QStringLiteral("\\s*[-–—~至]\\s*"));
    const QStringList parts = text.split(dash);
    return parts.size() == 2 ? QJsonArray {parts.at(0), parts.at(1)} : QJsonArray {text, QString()};
}

QString textOf(const QJsonValue& pair)
{
    const QJsonArray times = pair.toArray();
    return times.at(0).toString() + QStringLiteral("–") + times.at(1).toString();
}

/// "09:00–12:00, 13:30–18:00" as a list of pairs.
QJsonArray intervalsOf(const QString& text)
{
    static const QRegularExpression separator(QStringLiteral("\\s*[,，;；]\\s*"));
    QJsonArray list;
    for (const QString& part : text.split(separator, Qt::SkipEmptyParts))
        list.append(pairOf(part));
    return list;
}

QString textOfIntervals(const QJsonArray& list)
{
    QStringList parts;
    for (const QJsonValue& pair : list)
        parts.append(textOf(pair));
    return parts.join(QStringLiteral(", "));
}

} // namespace

CalendarEditor::CalendarEditor(const Workstation& workstation, QWidget* parent)
    : RecordListEditor(workstation, WorkflowRecords::kCalendar, QStringLiteral("calendar"), parent)
    , m_name(new QLineEdit(m_form))
    , m_zone(new QComboBox(m_form))
    , m_weekly(new QTableWidget(7, kIntervalColumns, m_form))
    , m_holidays(new QTableWidget(0, 2, m_form))
    , m_workdays(new QTableWidget(0, 2, m_form))
    , m_addHoliday(new QPushButton(m_form))
    , m_removeHoliday(new QPushButton(m_form))
    , m_addWorkday(new QPushButton(m_form))
    , m_removeWorkday(new QPushButton(m_form))
    , m_import(new QPushButton(this))
    , m_export(new QPushButton(this))
    , m_previewFrom(new QDateTimeEdit(this))
    , m_previewMinutes(new QSpinBox(this))
    , m_previewDue(new QLabel(this))
    , m_weeklyBox(new QGroupBox(m_form))
    , m_holidayBox(new QGroupBox(m_form))
    , m_workdayBox(new QGroupBox(m_form))
    , m_previewBox(new QGroupBox(this))
    , m_nameLabel(new QLabel(m_form))
    , m_zoneLabel(new QLabel(m_form))
    , m_fromLabel(new QLabel(this))
    , m_minutesLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("calendarEditor"));
    const QList<QPair<QWidget*, const char*>> names {{m_name, "calendarName"}, {m_zone, "calendarZone"},
        {m_weekly, "calendarWeekly"}, {m_holidays, "calendarHolidays"}, {m_workdays, "calendarWorkdays"},
        {m_addHoliday, "calendarAddHoliday"}, {m_removeHoliday, "calendarRemoveHoliday"},
        {m_addWorkday, "calendarAddWorkday"}, {m_removeWorkday, "calendarRemoveWorkday"}, {m_import, "calendarImport"},
        {m_export, "calendarExport"}, {m_previewFrom, "calendarPreviewFrom"},
        {m_previewMinutes, "calendarPreviewMinutes"}, {m_previewDue, "calendarPreviewDue"}};
    for (const auto& [widget, name] : names)
        widget->setObjectName(QLatin1String(name));
    m_zone->setEditable(true);
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromUtf8(id));
    m_nameLabel->setBuddy(m_name);
    m_zoneLabel->setBuddy(m_zone);
    for (QTableWidget* table : {m_weekly, m_holidays, m_workdays}) {
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    }
    m_weekly->setMinimumHeight(m_weekly->verticalHeader()->defaultSectionSize() * 7 + 30);
    m_previewFrom->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_previewFrom->setCalendarPopup(true);
    const QDateTime shanghai = m_ws.clock.now().toTimeZone(QTimeZone("Asia/Shanghai"));
    m_previewFrom->setDateTime(QDateTime(shanghai.date(), QTime(shanghai.time().hour(), 0)));
    m_previewMinutes->setRange(1, 1000000);
    m_previewMinutes->setValue(480);
    m_previewDue->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* head = new QFormLayout;
    head->addRow(m_nameLabel, m_name);
    head->addRow(m_zoneLabel, m_zone);
    auto* weekly = new QVBoxLayout(m_weeklyBox);
    weekly->addWidget(m_weekly);
    auto* holidays = new QGridLayout(m_holidayBox);
    holidays->addWidget(m_holidays, 0, 0, 1, 2);
    holidays->addWidget(m_addHoliday, 1, 0);
    holidays->addWidget(m_removeHoliday, 1, 1);
    auto* workdays = new QGridLayout(m_workdayBox);
    workdays->addWidget(m_workdays, 0, 0, 1, 2);
    workdays->addWidget(m_addWorkday, 1, 0);
    workdays->addWidget(m_removeWorkday, 1, 1);
    auto* dates = new QHBoxLayout;
    dates->addWidget(m_holidayBox);
    dates->addWidget(m_workdayBox);
    auto* preview = new QHBoxLayout(m_previewBox);
    preview->addWidget(m_fromLabel);
    preview->addWidget(m_previewFrom);
    preview->addWidget(m_minutesLabel);
    preview->addWidget(m_previewMinutes);
    preview->addWidget(m_previewDue, 1);
    m_formLayout->addLayout(head);
    m_formLayout->addWidget(m_weeklyBox);
    m_formLayout->addLayout(dates, 1);
    m_below->addWidget(m_previewBox); // no edit: it works for every reader
    m_listButtons->addWidget(m_import);
    m_listButtons->addWidget(m_export);

    connect(m_addHoliday, &QPushButton::clicked, this, [this] {
        m_holidays->insertRow(m_holidays->rowCount());
        m_holidays->setCurrentCell(m_holidays->rowCount() - 1, 0);
        m_holidays->editItem(m_holidays->currentItem());
    });
    connect(m_removeHoliday, &QPushButton::clicked, this, [this] {
        if (m_holidays->currentRow() >= 0)
            m_holidays->removeRow(m_holidays->currentRow());
    });
    connect(m_addWorkday, &QPushButton::clicked, this, [this] {
        m_workdays->insertRow(m_workdays->rowCount());
        setCell(m_workdays, m_workdays->rowCount() - 1, 1, QStringLiteral("09:00–18:00"));
        m_workdays->setCurrentCell(m_workdays->rowCount() - 1, 0);
    });
    connect(m_removeWorkday, &QPushButton::clicked, this, [this] {
        if (m_workdays->currentRow() >= 0)
            m_workdays->removeRow(m_workdays->currentRow());
    });
    connect(m_import, &QPushButton::clicked, this, [this] { chooseFile(true); });
    connect(m_export, &QPushButton::clicked, this, [this] { chooseFile(false); });
    connect(m_previewFrom, &QDateTimeEdit::dateTimeChanged, this, &CalendarEditor::updatePreview);
    connect(m_previewMinutes, &QSpinBox::valueChanged, this, &CalendarEditor::updatePreview);
    connect(m_weekly, &QTableWidget::itemChanged, this, &CalendarEditor::updatePreview);
    connect(m_workdays, &QTableWidget::itemChanged, this, &CalendarEditor::updatePreview);
    connect(m_holidays, &QTableWidget::itemChanged, this, &CalendarEditor::updatePreview);
    connect(m_zone, &QComboBox::currentTextChanged, this, &CalendarEditor::updatePreview);
    retranslate();
    reload();
}

QJsonObject CalendarEditor::newRecordData() const
{
    QJsonObject weekly;
    for (int day = 0; day < 7; ++day)
        weekly.insert(QLatin1String(kDays[day]),
            day < 5 ? QJsonArray {QJsonArray {QStringLiteral("09:00"), QStringLiteral("18:00")}} : QJsonArray {});
    return {{QStringLiteral("name"), QString()}, {QStringLiteral("timezone"), QStringLiteral("Asia/Shanghai")},
        {QStringLiteral("weekly"), weekly}};
}

QString CalendarEditor::titleOf(const QJsonObject& record) const
{
    return record.value(QStringLiteral("name")).toString();
}

void CalendarEditor::showRecord(const QJsonObject& record)
{
    m_name->setText(record.value(QStringLiteral("name")).toString());
    m_zone->setCurrentText(record.value(QStringLiteral("timezone")).toString());
    const QJsonObject weekly = record.value(QStringLiteral("weekly")).toObject();
    const QSignalBlocker blockWeekly(m_weekly);
    for (int day = 0; day < 7; ++day) {
        const QJsonArray list = weekly.value(QLatin1String(kDays[day])).toArray();
        for (int column = 0; column < kIntervalColumns; ++column)
            setCell(m_weekly, day, column, column < list.size() ? textOf(list.at(column)) : QString());
        if (list.size() > kIntervalColumns) // more intervals than columns: the last cell holds the rest
            setCell(m_weekly, day, kIntervalColumns - 1,
                textOfIntervals(QJsonArray::fromVariantList(list.toVariantList().mid(kIntervalColumns - 1))));
    }
    const QSignalBlocker blockHolidays(m_holidays);
    const QJsonObject holidays = record.value(QStringLiteral("holidays")).toObject();
    m_holidays->setRowCount(0);
    for (auto it = holidays.constBegin(); it != holidays.constEnd(); ++it) {
        const int row = m_holidays->rowCount();
        m_holidays->insertRow(row);
        setCell(m_holidays, row, 0, it.key());
        setCell(m_holidays, row, 1, it.value().toString());
    }
    const QSignalBlocker blockWorkdays(m_workdays);
    const QJsonObject workdays = record.value(QStringLiteral("workdays")).toObject();
    m_workdays->setRowCount(0);
    for (auto it = workdays.constBegin(); it != workdays.constEnd(); ++it) {
        const int row = m_workdays->rowCount();
        m_workdays->insertRow(row);
        setCell(m_workdays, row, 0, it.key());
        setCell(m_workdays, row, 1, textOfIntervals(it.value().toArray()));
    }
    updatePreview();
}

Result<QJsonObject> CalendarEditor::formJson() const
{
    QJsonObject weekly;
    for (int day = 0; day < 7; ++day) {
        QJsonArray list;
        for (int column = 0; column < kIntervalColumns; ++column) {
            for (const QJsonValue& pair : intervalsOf(cellText(m_weekly, day, column)))
                list.append(pair);
        }
        weekly.insert(QLatin1String(kDays[day]), list);
    }
    QJsonObject holidays;
    for (int row = 0; row < m_holidays->rowCount(); ++row) {
        const QString date = cellText(m_holidays, row, 0);
        const QString name = cellText(m_holidays, row, 1);
        if (date.isEmpty() && name.isEmpty())
            continue;
        if (holidays.contains(date))
            return Error {QStringLiteral("calendar.invalid"), tr("The date %1 is listed twice.").arg(date),
                QStringLiteral("holidays.") + date};
        holidays.insert(date, name);
    }
    QJsonObject workdays;
    for (int row = 0; row < m_workdays->rowCount(); ++row) {
        const QString date = cellText(m_workdays, row, 0);
        const QString hours = cellText(m_workdays, row, 1);
        if (date.isEmpty() && hours.isEmpty())
            continue;
        if (workdays.contains(date))
            return Error {QStringLiteral("calendar.invalid"), tr("The date %1 is listed twice.").arg(date),
                QStringLiteral("workdays.") + date};
        workdays.insert(date, intervalsOf(hours));
    }
    return QJsonObject {{QStringLiteral("name"), m_name->text().trimmed()},
        {QStringLiteral("timezone"), m_zone->currentText().trimmed()}, {QStringLiteral("weekly"), weekly},
        {QStringLiteral("holidays"), holidays}, {QStringLiteral("workdays"), workdays}};
}

Result<QJsonObject> CalendarEditor::collect() const
{
    auto json = formJson();
    if (!json)
        return json.error();
    auto calendar = BusinessCalendar::fromJson(json.value());
    if (!calendar)
        return calendar.error();
    calendar.value().id.clear();
    calendar.value().version = 0;
    return calendar.value().toJson();
}

QString CalendarEditor::fieldLabel(const QString& field) const
{
    static const QRegularExpression pattern(QStringLiteral("^(\\w+)(?:\\.([^\\[]+))?(?:\\[(\\d+)\\])?$"));
    const QRegularExpressionMatch match = pattern.match(field);
    const QString head = match.captured(1);
    if (head == QLatin1String("name"))
        return tr("Name");
    if (head == QLatin1String("timezone"))
        return tr("Time zone");
    if (head == QLatin1String("weekly")) {
        const int day = int(std::find_if(std::begin(kDays), std::end(kDays), [&](const char* d) {
            return match.captured(2) == QLatin1String(d);
        }) - std::begin(kDays));
        const QString dayName = day < 7 ? QLocale().dayName(day + 1) : match.captured(2);
        return match.captured(3).isEmpty()
            ? tr("Weekly hours, %1").arg(dayName)
            : tr("Weekly hours, %1, interval %2").arg(dayName).arg(match.captured(3).toInt() + 1);
    }
    if (head == QLatin1String("holidays"))
        return tr("Holidays, %1").arg(match.captured(2));
    if (head == QLatin1String("workdays"))
        return tr("Make-up workdays, %1").arg(match.captured(2));
    return field;
}

void CalendarEditor::retranslateForm()
{
    m_nameLabel->setText(tr("&Name"));
    m_zoneLabel->setText(tr("&Time zone"));
    m_name->setAccessibleName(tr("Name"));
    m_zone->setAccessibleName(tr("Time zone"));
    m_weeklyBox->setTitle(tr("Weekly hours (e.g. 09:00–12:00; an empty day is closed)"));
    QStringList intervals;
    for (int column = 0; column < kIntervalColumns; ++column)
        intervals.append(tr("Interval %1").arg(column + 1));
    m_weekly->setHorizontalHeaderLabels(intervals);
    QStringList days;
    for (int day = 1; day <= 7; ++day)
        days.append(QLocale().dayName(day));
    m_weekly->setVerticalHeaderLabels(days);
    m_weekly->setAccessibleName(tr("Weekly hours"));
    m_holidayBox->setTitle(tr("Holidays (closed all day)"));
    m_holidays->setHorizontalHeaderLabels({tr("Date (YYYY-MM-DD)"), tr("Holiday")});
    m_holidays->setAccessibleName(tr("Holidays"));
    m_workdayBox->setTitle(tr("Make-up workdays (调休) and special hours"));
    m_workdays->setHorizontalHeaderLabels({tr("Date (YYYY-MM-DD)"), tr("Hours")});
    m_workdays->setAccessibleName(tr("Make-up workdays"));
    m_addHoliday->setText(tr("Add holiday"));
    m_removeHoliday->setText(tr("Remove"));
    m_addWorkday->setText(tr("Add workday"));
    m_removeWorkday->setText(tr("Remove"));
    m_import->setText(tr("&Import…"));
    m_export->setText(tr("E&xport…"));
    m_previewBox->setTitle(tr("Due preview"));
    m_fromLabel->setText(tr("From"));
    m_minutesLabel->setText(tr("+ business minutes"));
    m_previewFrom->setAccessibleName(tr("Preview start"));
    m_previewMinutes->setAccessibleName(tr("Business minutes"));
    updatePreview();
}

void CalendarEditor::updatePreview()
{
    auto json = formJson();
    auto calendar = json ? BusinessCalendar::fromJson(json.value()) : Result<BusinessCalendar>(json.error());
    if (!calendar) {
        const QString where = fieldLabel(calendar.error().field);
        m_previewDue->setText(tr("No preview: %1").arg(where.isEmpty() ? calendar.error().message : where));
        return;
    }
    const QDateTime wall = m_previewFrom->dateTime();
    const QDateTime from(wall.date(), wall.time(), calendar.value().zone());
    auto due = calendar.value().addBusinessSeconds(from.toSecsSinceEpoch(), qint64(m_previewMinutes->value()) * 60);
    if (!due) {
        m_previewDue->setText(due.error().message);
        return;
    }
    const QDateTime at = QDateTime::fromSecsSinceEpoch(due.value(), calendar.value().zone());
    m_previewDue->setText(
        tr("Due %1 (%2)")
            .arg(QLocale().toString(at, QStringLiteral("yyyy-MM-dd ddd HH:mm")), instant::format(due.value())));
}

void CalendarEditor::chooseFile(bool forImport)
{
    auto* dialog = new QFileDialog(this, forImport ? tr("Import a calendar") : tr("Export the calendar"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setNameFilter(tr("Calendars (*.json)"));
    dialog->setAcceptMode(forImport ? QFileDialog::AcceptOpen : QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("json"));
    if (!forImport)
        dialog->selectFile(m_name->text().trimmed() + QStringLiteral(".json"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, forImport](const QString& path) {
        if (forImport)
            importFile(path);
        else
            exportFile(path);
    });
    dialog->open();
}

bool CalendarEditor::importFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError({QStringLiteral("calendar.file"), tr("Cannot read %1: %2").arg(path, file.errorString())});
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        showError({QStringLiteral("calendar.file"),
            tr("%1 is not a calendar file (JSON): %2").arg(path, parseError.errorString())});
        return false;
    }
    auto calendar = BusinessCalendar::fromJson(document.object());
    if (!calendar) {
        showError(calendar.error());
        return false;
    }
    newRecord();
    calendar.value().id.clear();
    showRecord(calendar.value().toJson());
    showNote(tr("Imported \"%1\". Check it and save it.").arg(calendar.value().name));
    return true;
}

bool CalendarEditor::exportFile(const QString& path)
{
    auto calendar = collect();
    if (!calendar) {
        showError(calendar.error());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(calendar.value()).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        showError({QStringLiteral("calendar.file"), tr("Cannot write %1: %2").arg(path, file.errorString())});
        return false;
    }
    showNote(tr("Exported to %1.").arg(path));
    return true;
}

} // namespace gongdan
