#include "ui/call/CallPanel.h"

#include "domain/Clock.h"
#include "storage/CustomerRepository.h"
#include "storage/DraftStore.h"
#include "storage/TeamDirectory.h"
#include "storage/TicketRepository.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

namespace gongdan {

namespace {

/// Whether `text` can be (the start of) a phone number: digits (full-width too), spaces, + - and brackets.
bool phoneText(const QString& text)
{
    static const QRegularExpression allowed(QStringLiteral("^[+]?[0-9\\x{FF10}-\\x{FF19} ()\\-]*$"));
    return allowed.match(text.trimmed()).hasMatch();
}

} // namespace

namespace {

QLabel* errorLabel(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setStyleSheet(QStringLiteral("color:#c62828"));
    label->setWordWrap(true);
    label->hide();
    return label;
}

} // namespace

CallPanel::CallPanel(const Workstation& workstation, Mode mode, QWidget* parent)
    : WorkPage(parent)
    , m_ws(workstation)
    , m_mode(mode)
    , m_draftKey(QStringLiteral("call:") + workstation.db.ids().next())
    , m_started(workstation.clock.now())
    , m_timer(new QLabel(this))
    , m_hangUp(new QPushButton(this))
    , m_phoneLabel(new QLabel(this))
    , m_phone(new QLineEdit(this))
    , m_phoneError(errorLabel(this, QStringLiteral("callError_phone")))
    , m_channel(new QComboBox(this))
    , m_channelLabel(new QLabel(this))
    , m_card(new QLabel(this))
    , m_customerChoice(new QComboBox(this))
    , m_nameLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_tickets(new QListWidget(this))
    , m_addTo(new QPushButton(this))
    , m_needLabel(new QLabel(this))
    , m_needType(new QComboBox(this))
    , m_categoryLabel(new QLabel(this))
    , m_category(new QComboBox(this))
    , m_priorityLabel(new QLabel(this))
    , m_priority(new QComboBox(this))
    , m_subjectLabel(new QLabel(this))
    , m_subject(new QLineEdit(this))
    , m_descriptionLabel(new QLabel(this))
    , m_description(new QPlainTextEdit(this))
    , m_descriptionError(errorLabel(this, QStringLiteral("callError_description")))
    , m_error(errorLabel(this, QStringLiteral("callError")))
    , m_create(new QPushButton(this))
    , m_tick(new QTimer(this))
    , m_draftTimer(new QTimer(this))
    , m_banner(new QLabel(this))
{
    setObjectName(mode == Mode::PhoneCall ? QStringLiteral("callPanel") : QStringLiteral("newTicketPanel"));
    m_timer->setObjectName(QStringLiteral("callTimer"));
    m_hangUp->setObjectName(QStringLiteral("callHangUp"));
    m_phone->setObjectName(QStringLiteral("callerPhone"));
    m_channel->setObjectName(QStringLiteral("callChannel"));
    m_card->setObjectName(QStringLiteral("customerCard"));
    m_customerChoice->setObjectName(QStringLiteral("customerChoice"));
    m_name->setObjectName(QStringLiteral("newCustomerName"));
    m_tickets->setObjectName(QStringLiteral("customerTickets"));
    m_addTo->setObjectName(QStringLiteral("addToTicket"));
    m_needType->setObjectName(QStringLiteral("callNeedType"));
    m_category->setObjectName(QStringLiteral("callCategory"));
    m_priority->setObjectName(QStringLiteral("callPriority"));
    m_subject->setObjectName(QStringLiteral("callSubject"));
    m_description->setObjectName(QStringLiteral("callDescription"));
    m_create->setObjectName(QStringLiteral("createTicket"));
    m_banner->setObjectName(QStringLiteral("callDraftBanner"));
    m_banner->setStyleSheet(QStringLiteral("background:#e3f2fd;padding:4px"));
    m_banner->setWordWrap(true);
    m_banner->hide();
    m_description->setTabChangesFocus(true);
    m_card->setTextFormat(Qt::RichText);
    // No word wrap: QFormLayout gives a wrapping label shown later no height. Lines are short; long
    // notes are cut and shown whole in the tooltip.
    m_card->setWordWrap(false);
    m_card->setStyleSheet(QStringLiteral("QLabel{background:#f1f8e9;padding:6px}"));
    QFont timerFont = m_timer->font();
    timerFont.setPointSizeF(timerFont.pointSizeF() * 1.4);
    timerFont.setBold(true);
    m_timer->setFont(timerFont);
    for (auto [label, buddy] : {std::pair<QLabel*, QWidget*> {m_phoneLabel, m_phone}, {m_channelLabel, m_channel},
             {m_nameLabel, m_name}, {m_needLabel, m_needType}, {m_categoryLabel, m_category},
             {m_priorityLabel, m_priority}, {m_subjectLabel, m_subject}, {m_descriptionLabel, m_description}})
        label->setBuddy(buddy);

    auto* top = new QHBoxLayout;
    top->addWidget(m_timer);
    top->addWidget(m_hangUp);
    top->addStretch(1);
    auto* form = new QFormLayout;
    form->addRow(m_phoneLabel, m_phone);
    form->addRow(QString(), m_phoneError);
    form->addRow(m_channelLabel, m_channel);
    form->addRow(QString(), m_customerChoice);
    form->addRow(QString(), m_card);
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_needLabel, m_needType);
    form->addRow(m_categoryLabel, m_category);
    form->addRow(m_priorityLabel, m_priority);
    form->addRow(m_subjectLabel, m_subject);
    form->addRow(m_descriptionLabel, m_description);
    form->addRow(QString(), m_descriptionError);
    auto* left = new QVBoxLayout;
    left->addWidget(m_banner);
    left->addLayout(top);
    left->addLayout(form, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_error, 1);
    buttons->addWidget(m_create);
    left->addLayout(buttons);
    auto* right = new QVBoxLayout;
    auto* ticketsTitle = new QLabel(this);
    ticketsTitle->setObjectName(QStringLiteral("customerTicketsTitle"));
    ticketsTitle->setBuddy(m_tickets);
    right->addWidget(ticketsTitle);
    right->addWidget(m_tickets, 1);
    right->addWidget(m_addTo);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addLayout(right, 2);
    // Tab follows reading order: the call, the customer, the request, then their tickets.
    setTabOrder(m_phone, m_channel);
    setTabOrder(m_channel, m_customerChoice);
    setTabOrder(m_customerChoice, m_name);
    setTabOrder(m_name, m_needType);
    setTabOrder(m_needType, m_category);
    setTabOrder(m_category, m_priority);
    setTabOrder(m_priority, m_subject);
    setTabOrder(m_subject, m_description);
    setTabOrder(m_description, m_create);
    setTabOrder(m_create, m_tickets);
    setTabOrder(m_tickets, m_addTo);

    const bool call = mode == Mode::PhoneCall;
    m_timer->setVisible(call);
    m_hangUp->setVisible(call);
    m_channelLabel->setVisible(!call);
    m_channel->setVisible(!call);
    m_customerChoice->hide();
    // A call keeps the card's place from the start (a hint until the number is in), so the fields below never
    // jump while the agent types the number.
    m_card->setVisible(call);
    m_card->setText(QString::fromUtf8("\u4e2d Ag")); // one line's height in Chinese and Latin, whichever comes
    m_card->setMinimumHeight(m_card->sizeHint().height());
    m_card->clear();
    connect(m_phone, &QLineEdit::textChanged, this, &CallPanel::lookUpCaller);
    connect(m_phone, &QLineEdit::textChanged, this, &CallPanel::titleChanged);
    connect(m_customerChoice, &QComboBox::currentIndexChanged, this, &CallPanel::showCustomer);
    connect(m_description, &QPlainTextEdit::textChanged, m_descriptionError, &QWidget::hide);
    connect(m_create, &QPushButton::clicked, this, &CallPanel::createTicket);
    connect(m_addTo, &QPushButton::clicked, this, &CallPanel::addToSelectedTicket);
    connect(m_tickets, &QListWidget::currentRowChanged, this, [this](int row) { m_addTo->setEnabled(row >= 0); });
    connect(m_hangUp, &QPushButton::clicked, this, &CallPanel::hangUp);
    connect(m_tick, &QTimer::timeout, this, &CallPanel::tick);
    // Everything typed or chosen is kept 500 ms after the last edit.
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(500);
    connect(m_draftTimer, &QTimer::timeout, this, &CallPanel::saveDraft);
    for (QLineEdit* edit : {m_phone, m_name, m_subject})
        connect(edit, &QLineEdit::textChanged, m_draftTimer, qOverload<>(&QTimer::start));
    connect(m_description, &QPlainTextEdit::textChanged, m_draftTimer, qOverload<>(&QTimer::start));
    for (QComboBox* combo : {m_channel, m_customerChoice, m_needType, m_category, m_priority})
        connect(combo, &QComboBox::currentIndexChanged, m_draftTimer, qOverload<>(&QTimer::start));
    auto* create = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    create->setContext(Qt::WidgetWithChildrenShortcut);
    connect(create, &QShortcut::activated, this, &CallPanel::createTicket);
    auto* addTo = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), this);
    addTo->setContext(Qt::WidgetWithChildrenShortcut);
    connect(addTo, &QShortcut::activated, this, &CallPanel::addToSelectedTicket);
    if (call)
        m_tick->start(1000);
    m_addTo->setEnabled(false);
    setFocusProxy(m_phone);
    retranslate();
}

CallPanel* CallPanel::fromDraft(
    const Workstation& workstation, const QString& draftKey, const Draft& draft, QWidget* parent)
{
    const QString mode = draft.body.value(QStringLiteral("mode")).toString();
    if (!draftKey.startsWith(QLatin1String("call:"))
        || (mode != QLatin1String("call") && mode != QLatin1String("ticket")))
        return nullptr;
    auto* panel = new CallPanel(workstation, mode == QLatin1String("call") ? Mode::PhoneCall : Mode::Ticket, parent);
    panel->m_draftKey = draftKey;
    panel->m_savedKey = DraftStore::agentKey(workstation.session.agentId, draftKey);
    panel->m_restoredFrom = draft.savedAt;
    panel->applySnapshot(draft.body);
    panel->retranslate(); // the banner
    panel->m_banner->show();
    panel->m_draftTimer->stop(); // the store holds all this already
    return panel;
}

QJsonObject CallPanel::snapshot() const
{
    const bool chosen = !m_matches.isEmpty() && m_customerChoice->currentIndex() >= 0;
    return QJsonObject {
        {QStringLiteral("mode"), m_mode == Mode::PhoneCall ? QStringLiteral("call") : QStringLiteral("ticket")},
        {QStringLiteral("phone"), m_phone->text()}, {QStringLiteral("channel"), m_channel->currentData().toString()},
        {QStringLiteral("customer_id"), chosen ? m_customerChoice->currentData().toString() : QString()},
        {QStringLiteral("customer_name"), m_name->text()},
        {QStringLiteral("need_type"), m_needType->currentData().toString()},
        {QStringLiteral("category"), m_category->currentData().toString()},
        {QStringLiteral("priority"), m_priority->currentData().toString()},
        {QStringLiteral("subject"), m_subject->text()}, {QStringLiteral("description"), m_description->toPlainText()},
        {QStringLiteral("started_ms"), m_started.toMSecsSinceEpoch()},
        {QStringLiteral("seconds"), m_endedSeconds >= 0 ? QJsonValue(m_endedSeconds) : QJsonValue()},
        {QStringLiteral("running"), isCallRunning()}};
}

void CallPanel::applySnapshot(const QJsonObject& body)
{
    const auto text = [&body](const char* key) { return body.value(QLatin1String(key)).toString(); };
    const auto choose = [](QComboBox* combo, const QString& key) {
        if (const int index = combo->findData(key); index >= 0)
            combo->setCurrentIndex(index);
    };
    m_phone->setText(text("phone")); // the archive is asked again: the customer may have changed since
    choose(m_customerChoice, text("customer_id"));
    m_name->setText(text("customer_name"));
    choose(m_channel, text("channel"));
    choose(m_needType, text("need_type"));
    choose(m_category, text("category"));
    choose(m_priority, text("priority"));
    m_subject->setText(text("subject"));
    m_description->setPlainText(text("description"));
    if (const qint64 started = body.value(QStringLiteral("started_ms")).toInteger(-1); started >= 0)
        m_started = QDateTime::fromMSecsSinceEpoch(started, Qt::UTC);
    if (m_mode == Mode::PhoneCall && !body.value(QStringLiteral("running")).toBool(true)) {
        m_endedSeconds = std::max(0, body.value(QStringLiteral("seconds")).toInt());
        m_tick->stop();
        m_hangUp->setEnabled(false);
    }
    tick();
}

bool CallPanel::isBlank() const
{
    for (const QLineEdit* edit : {m_phone, m_name, m_subject}) {
        if (!edit->text().trimmed().isEmpty())
            return false;
    }
    const QList<const QComboBox*> choices {m_channel, m_needType, m_category, m_priority};
    return m_description->toPlainText().trimmed().isEmpty()
        && std::all_of(
            choices.cbegin(), choices.cend(), [](const QComboBox* combo) { return combo->currentIndex() <= 0; });
}

void CallPanel::saveDraft()
{
    m_draftTimer->stop();
    if (isBlank()) {
        removeDraft();
        return;
    }
    const QString key = DraftStore::agentKey(m_ws.session.agentId, m_draftKey);
    if (!m_savedKey.isEmpty() && m_savedKey != key)
        m_ws.drafts.remove(m_savedKey); // someone else signed in meanwhile: the notes follow the session
    if (const Status saved = m_ws.drafts.save(key, snapshot()); !saved) {
        m_error->setText(tr("These notes could not be kept in case of a crash: %1").arg(saved.error().message));
        m_error->show();
        return;
    }
    m_savedKey = key;
}

void CallPanel::removeDraft()
{
    m_draftTimer->stop();
    m_ws.drafts.remove(DraftStore::agentKey(m_ws.session.agentId, m_draftKey));
    if (!m_savedKey.isEmpty())
        m_ws.drafts.remove(m_savedKey);
    m_savedKey.clear();
}

void CallPanel::discard()
{
    for (QLineEdit* edit : {m_phone, m_name, m_subject})
        edit->clear();
    m_description->clear();
    for (QComboBox* combo : {m_channel, m_needType, m_category, m_priority})
        combo->setCurrentIndex(0);
    m_banner->hide();
    removeDraft();
}

void CallPanel::closed()
{
    removeDraft();
}

QString CallPanel::title() const
{
    return m_mode == Mode::PhoneCall ? tr("Call %1").arg(m_phone->text()) : tr("New ticket");
}

void CallPanel::retranslate()
{
    m_phoneLabel->setText(m_mode == Mode::PhoneCall ? tr("Caller's &number") : tr("Contact &phone"));
    m_channelLabel->setText(tr("C&hannel"));
    m_nameLabel->setText(tr("Customer na&me"));
    m_needLabel->setText(tr("N&eed type"));
    m_categoryLabel->setText(tr("Cate&gory"));
    m_priorityLabel->setText(tr("&Urgency"));
    m_subjectLabel->setText(tr("&Subject"));
    m_descriptionLabel->setText(tr("&Description") + QStringLiteral(" <span style=\"color:#c62828\">*</span>"));
    m_phone->setPlaceholderText(tr("e.g. 138 0013 8000"));
    m_subject->setPlaceholderText(tr("Empty: the first line of the description"));
    m_name->setPlaceholderText(tr("New customers are added to the archive"));
    m_hangUp->setText(tr("Hang up"));
    m_create->setText(tr("Create ticket (Ctrl+Enter)"));
    m_addTo->setText(tr("Add to selected ticket (Ctrl+Shift+Enter)"));
    if (auto* title = findChild<QLabel*>(QStringLiteral("customerTicketsTitle")))
        title->setText(tr("Customer's &tickets (open first)"));
    for (QLabel* label : {m_phoneLabel, m_channelLabel, m_nameLabel, m_needLabel, m_categoryLabel, m_priorityLabel,
             m_subjectLabel, m_descriptionLabel})
        label->buddy()->setAccessibleName(
            QString(label->text()).remove(QRegularExpression(QStringLiteral("&|<[^>]*>| \\*"))));
    m_tickets->setAccessibleName(tr("Customer's tickets"));
    if (m_restoredFrom.isValid())
        m_banner->setText(tr("Your unsaved call notes from %1 were restored.")
                              .arg(QLocale().toString(m_restoredFrom.toLocalTime(), QLocale::ShortFormat)));
    fillChoices();
    showCustomer();
    tick();
}

void CallPanel::fillChoices()
{
    const bool chinese = QLocale().language() == QLocale::Chinese;
    const auto refill = [](QComboBox* combo, const QList<QPair<QString, QString>>& items) {
        const QString current = combo->currentData().toString();
        combo->clear();
        for (const auto& [text, key] : items)
            combo->addItem(text, key);
        combo->setCurrentIndex(std::max(0, combo->findData(current)));
    };
    QList<QPair<QString, QString>> needs, priorities, channels, categories {{tr("(none)"), QString()}};
    for (NeedType n : EnumText<NeedType>::all())
        needs.append({EnumText<NeedType>::displayName(n), EnumText<NeedType>::key(n)});
    for (Priority p : EnumText<Priority>::all())
        priorities.append({EnumText<Priority>::displayName(p), EnumText<Priority>::key(p)});
    for (Channel c : EnumText<Channel>::all()) {
        if (c != Channel::Phone || m_mode == Mode::PhoneCall)
            channels.append({EnumText<Channel>::displayName(c), EnumText<Channel>::key(c)});
    }
    for (const Category& category : m_ws.directory.categories().all()) {
        if (category.active)
            categories.append({m_ws.directory.categoryPath(category.id, chinese), category.id});
    }
    refill(m_needType, needs);
    refill(m_priority, priorities);
    refill(m_channel, channels);
    refill(m_category, categories);
}

bool CallPanel::isCallRunning() const
{
    return m_mode == Mode::PhoneCall && m_endedSeconds < 0;
}

void CallPanel::hangUp()
{
    m_endedSeconds = callSeconds();
    m_tick->stop();
    m_hangUp->setEnabled(false);
    tick();
    m_draftTimer->start();
}

int CallPanel::callSeconds() const
{
    if (m_mode != Mode::PhoneCall)
        return 0;
    return m_endedSeconds >= 0 ? m_endedSeconds
                               : static_cast<int>(std::max<qint64>(0, m_started.secsTo(m_ws.clock.now())));
}

void CallPanel::tick()
{
    const int seconds = callSeconds();
    m_timer->setText(
        tr("Call %1:%2").arg(seconds / 60, 2, 10, QLatin1Char('0')).arg(seconds % 60, 2, 10, QLatin1Char('0')));
    m_timer->setAccessibleName(tr("Call duration"));
}

void CallPanel::setCallerNumber(const QString& phone)
{
    m_phone->setText(phone);
}

void CallPanel::lookUpCaller()
{
    m_phoneError->hide();
    if (!phoneText(m_phone->text())) { // said at once, next to the number, not only when creating
        m_phoneError->setText(tr("A phone number has only digits, spaces, + - and brackets."));
        m_phoneError->show();
    }
    const QString key = normalizePhone(m_phone->text());
    m_matches = key.size() >= 7 ? m_ws.customers.findByPhone(m_phone->text()) : QList<Customer>();
    {
        const QSignalBlocker blocker(m_customerChoice);
        m_customerChoice->clear();
        for (const Customer& customer : std::as_const(m_matches))
            m_customerChoice->addItem(QStringLiteral("%1 · %2").arg(customer.name, customer.number), customer.id);
    }
    m_customerChoice->setVisible(m_matches.size() > 1);
    showCustomer();
}

void CallPanel::showCustomer()
{
    m_tickets->clear();
    m_customerTickets.clear();
    const int chosen = m_customerChoice->currentIndex();
    if (m_matches.isEmpty() || chosen < 0) {
        const bool typed = normalizePhone(m_phone->text()).size() >= 7;
        m_card->setVisible(typed || m_mode == Mode::PhoneCall);
        m_card->setToolTip(QString());
        m_card->setText(typed ? tr("No customer in the archive has this number. Enter a name to add them.")
                              : tr("The caller's card shows here as you type their number."));
        m_nameLabel->setVisible(true);
        m_name->setVisible(true);
        return;
    }
    const Customer& customer = m_matches.at(chosen);
    m_nameLabel->setVisible(false);
    m_name->setVisible(false);
    QStringList lines {
        QStringLiteral("<b>%1</b> &nbsp; %2 &nbsp; %3")
            .arg(customer.name.toHtmlEscaped(), customer.number.toHtmlEscaped(), Customer::levelName(customer.level))};
    if (!customer.region.isEmpty() || !customer.tags.isEmpty())
        lines.append(QString(customer.region + QStringLiteral("  ") + customer.tags.join(QStringLiteral(" · ")))
                         .toHtmlEscaped());
    lines.append(customer.phones.join(QStringLiteral(" / ")).toHtmlEscaped());
    m_card->setToolTip(customer.notes);
    if (!customer.notes.isEmpty())
        lines.append(QStringLiteral("<i>%1</i>")
                         .arg(fontMetrics().elidedText(customer.notes, Qt::ElideRight, 480).toHtmlEscaped()));
    m_card->setText(lines.join(QStringLiteral("<br>")));
    m_card->show();
    // Open tickets first, then the most recent closed ones.
    QList<Ticket> tickets = m_ws.tickets.ofCustomer(customer.id, 30);
    std::stable_sort(tickets.begin(), tickets.end(),
        [](const Ticket& a, const Ticket& b) { return Lifecycle::isOpen(a.status) && !Lifecycle::isOpen(b.status); });
    m_customerTickets = tickets;
    for (const Ticket& ticket : std::as_const(m_customerTickets)) {
        auto* item = new QListWidgetItem(
            QStringLiteral("%1  [%2]  %3")
                .arg(ticket.number, EnumText<TicketStatus>::displayName(ticket.status), ticket.subject),
            m_tickets);
        if (!Lifecycle::isOpen(ticket.status))
            item->setForeground(QColor(0x75, 0x75, 0x75));
    }
}

void CallPanel::showError(QLabel* error, QWidget* field, const QString& message)
{
    error->setText(message);
    error->show();
    field->setFocus();
}

bool CallPanel::hasUnsavedChanges() const
{
    return !isBlank();
}

bool CallPanel::createTicket()
{
    m_error->hide();
    const QString description = m_description->toPlainText().trimmed();
    bool ok = true;
    if (description.isEmpty()) {
        showError(m_descriptionError, m_description, tr("Describe what the customer needs."));
        ok = false;
    }
    if (m_mode == Mode::PhoneCall && normalizePhone(m_phone->text()).isEmpty()) {
        showError(m_phoneError, m_phone, tr("Enter the caller's number."));
        ok = false;
    } else if (!phoneText(m_phone->text())) {
        showError(m_phoneError, m_phone, tr("A phone number has only digits, spaces, + - and brackets."));
        ok = false;
    }
    if (!ok)
        return false;
    Ticket draft;
    QString customerId;
    QString contactName = m_name->text().trimmed();
    if (!m_matches.isEmpty() && m_customerChoice->currentIndex() >= 0) {
        const Customer& customer = m_matches.at(m_customerChoice->currentIndex());
        customerId = customer.id;
        contactName = customer.name;
    } else if (!contactName.isEmpty()) {
        Customer customer;
        customer.name = contactName;
        customer.phones = QStringList {m_phone->text().trimmed()};
        auto saved = m_ws.customers.save(customer);
        if (!saved) {
            showError(m_error, m_name, saved.error().message);
            return false;
        }
        customerId = saved.value().id;
    }
    const QString subject = m_subject->text().trimmed();
    draft.subject = subject.isEmpty() ? description.section(QLatin1Char('\n'), 0, 0).left(60) : subject;
    draft.description = description;
    draft.needType = EnumText<NeedType>::fromKey(m_needType->currentData().toString()).value_or(NeedType::Consultation);
    draft.priority = EnumText<Priority>::fromKey(m_priority->currentData().toString()).value_or(Priority::Normal);
    draft.categoryId = m_category->currentData().toString();
    draft.customerId = customerId;
    draft.contactName = contactName;
    draft.contactPhone = m_phone->text().trimmed();
    if (m_mode == Mode::PhoneCall) {
        draft.channel = Channel::Phone;
        draft.callStartedAt = m_started;
        draft.callSeconds = callSeconds();
    } else {
        draft.channel = EnumText<Channel>::fromKey(m_channel->currentData().toString()).value_or(Channel::Email);
    }
    auto created = m_ws.tickets.create(draft, m_ws.session.principal());
    if (!created) {
        showError(m_error, m_description, created.error().message);
        return false;
    }
    m_tick->stop();
    removeDraft();
    Q_EMIT finished(created.value().id);
    return true;
}

bool CallPanel::addToSelectedTicket()
{
    const int row = m_tickets->currentRow();
    if (row < 0 || row >= m_customerTickets.size()) {
        showError(m_error, m_tickets, tr("Choose one of the customer's tickets first."));
        return false;
    }
    const Ticket& ticket = m_customerTickets.at(row);
    QString body = m_description->toPlainText().trimmed();
    if (m_mode == Mode::PhoneCall) {
        const int seconds = callSeconds();
        body = tr("Phone call from %1 at %2, %3 min %4 s.")
                   .arg(m_phone->text().trimmed(),
                       QLocale().toString(m_started.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")))
                   .arg(seconds / 60)
                   .arg(seconds % 60)
            + (body.isEmpty() ? QString() : QStringLiteral("\n") + body);
    }
    auto added = m_ws.tickets.addComment(ticket.id, CommentVisibility::Internal, body, {}, m_ws.session.principal());
    if (!added) {
        showError(m_error, m_tickets, added.error().message);
        return false;
    }
    m_tick->stop();
    removeDraft();
    Q_EMIT finished(ticket.id);
    return true;
}

} // namespace gongdan
