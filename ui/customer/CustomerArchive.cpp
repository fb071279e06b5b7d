#include "ui/customer/CustomerArchive.h"

#include "domain/Lifecycle.h"
#include "domain/Masking.h"
#include "models/CustomerListModel.h"
#include "storage/CustomerRepository.h"
#include "storage/TicketRepository.h"
#include "ui/common/MaskedValueEdit.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace gongdan {

namespace {

QStringList splitList(const QString& text)
{
    QStringList items;
    for (const QString& item : text.split(QRegularExpression(QStringLiteral("[,，/;；]")), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed());
    }
    return items;
}

} // namespace

CustomerArchive::CustomerArchive(const Workstation& workstation, QWidget* parent)
    : WorkPage(parent)
    , m_ws(workstation)
    , m_model(new CustomerListModel(this))
    , m_search(new QLineEdit(this))
    , m_searchDelay(new QTimer(this))
    , m_table(new QTableView(this))
    , m_new(new QPushButton(this))
    , m_heading(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_number(new QLineEdit(this))
    , m_phones(new QLineEdit(this))
    , m_level(new QComboBox(this))
    , m_region(new QLineEdit(this))
    , m_tags(new QLineEdit(this))
    , m_notes(new QPlainTextEdit(this))
    , m_idCard(new MaskedValueEdit(workstation.unmasker, access::mayUnmask(workstation.session.principal()),
          QStringLiteral("customer"), QStringLiteral("id_card"), this))
    , m_bankCard(new MaskedValueEdit(workstation.unmasker, access::mayUnmask(workstation.session.principal()),
          QStringLiteral("customer"), QStringLiteral("bank_card"), this))
    , m_error(new QLabel(this))
    , m_save(new QPushButton(this))
    , m_discard(new QPushButton(this))
    , m_ticketList(new QListWidget(this))
    , m_callList(new QListWidget(this))
{
    setObjectName(QStringLiteral("customerArchive"));
    m_search->setObjectName(QStringLiteral("customerSearch"));
    m_table->setObjectName(QStringLiteral("customerTable"));
    m_new->setObjectName(QStringLiteral("customerNew"));
    m_name->setObjectName(QStringLiteral("customerName"));
    m_number->setObjectName(QStringLiteral("customerNumber"));
    m_phones->setObjectName(QStringLiteral("customerPhones"));
    m_level->setObjectName(QStringLiteral("customerLevel"));
    m_region->setObjectName(QStringLiteral("customerRegion"));
    m_tags->setObjectName(QStringLiteral("customerTags"));
    m_notes->setObjectName(QStringLiteral("customerNotes"));
    m_error->setObjectName(QStringLiteral("customerError"));
    m_save->setObjectName(QStringLiteral("customerSave"));
    m_discard->setObjectName(QStringLiteral("customerDiscard"));
    m_discard->hide();
    m_ticketList->setObjectName(QStringLiteral("customerTicketList"));
    m_callList->setObjectName(QStringLiteral("customerCallList"));
    m_search->setClearButtonEnabled(true);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(CustomerListModel::Phones, QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    for (const auto& [column, sample] :
        {std::pair {CustomerListModel::Number, "C0000000"}, {CustomerListModel::Name, "欧阳子涵"},
            {CustomerListModel::Level, "VIP会员"}, {CustomerListModel::Region, "哈尔滨"}})
        m_table->setColumnWidth(column, m_table->fontMetrics().horizontalAdvance(QString::fromUtf8(sample)) + 16);
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(80);
    m_error->setStyleSheet(QStringLiteral("color:#c62828"));
    m_error->setWordWrap(true);
    m_error->hide();
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    m_heading->setFont(headingFont);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_new);
    leftLayout->addLayout(searchRow);
    leftLayout->addWidget(m_table, 1);

    auto* form = new QFormLayout;
    for (QWidget* field : std::initializer_list<QWidget*> {
             m_name, m_number, m_phones, m_level, m_region, m_tags, m_idCard, m_bankCard, m_notes}) {
        auto* label = new QLabel(this);
        label->setBuddy(field);
        m_labels.append(label);
        form->addRow(label, field);
    }
    auto* history = new QTabWidget(this);
    history->setObjectName(QStringLiteral("customerHistory"));
    history->addTab(m_ticketList, QString());
    history->addTab(m_callList, QString());
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_save);
    rightLayout->addLayout(headingRow);
    rightLayout->addLayout(form);
    auto* errorRow = new QHBoxLayout;
    errorRow->addWidget(m_error, 1);
    errorRow->addWidget(m_discard);
    rightLayout->addLayout(errorRow);
    rightLayout->addWidget(history, 1);
    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 5);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);
    setFocusProxy(m_search);
    setTabOrder(m_search, m_new);
    setTabOrder(m_new, m_table);
    setTabOrder(m_table, m_name);

    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &CustomerArchive::runSearch);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        runSearch();
        m_table->setFocus();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current, const QModelIndex& previous) {
            if (!current.isValid() || m_model->customer(current.row()).id == m_customer.id)
                return;
            if (hasUnsavedChanges()) {
                // Never lose typed edits silently: stay on the customer being edited.
                const QSignalBlocker blocker(m_table->selectionModel());
                m_table->selectionModel()->setCurrentIndex(
                    previous, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                showError(QString(),
                    tr("Save (Ctrl+S) or discard the changes to “%1” first.")
                        .arg(m_customer.id.isEmpty() ? tr("New customer") : m_customer.name));
                m_discard->show();
                return;
            }
            showCustomer(m_model->customer(current.row()));
        });
    connect(m_discard, &QPushButton::clicked, this, &CustomerArchive::discard);
    connect(m_new, &QPushButton::clicked, this, &CustomerArchive::newCustomer);
    connect(m_save, &QPushButton::clicked, this, &CustomerArchive::save);
    auto* saveKey = new QShortcut(QKeySequence::Save, this);
    saveKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, this, &CustomerArchive::save);
    const auto openFrom = [this](QListWidgetItem* item) {
        if (item)
            Q_EMIT openTicketRequested(item->data(Qt::UserRole).toString());
    };
    connect(m_ticketList, &QListWidget::itemActivated, this, openFrom);
    connect(m_callList, &QListWidget::itemActivated, this, openFrom);
    for (QLineEdit* edit : {m_name, m_number, m_phones, m_region, m_tags})
        connect(edit, &QLineEdit::textEdited, this, &WorkPage::titleChanged);
    for (MaskedValueEdit* edit : {m_idCard, m_bankCard})
        connect(edit, &MaskedValueEdit::textEdited, this, &WorkPage::titleChanged);

    retranslate();
    m_model->setCustomers(m_ws.customers.recent());
    newCustomer();
}

CustomerArchive::~CustomerArchive() = default;

void CustomerArchive::retranslate()
{
    const QStringList labels {tr("&Name"), tr("Customer n&umber"), tr("&Phones"), tr("&Level"), tr("&Region"),
        tr("&Tags"), tr("&ID card"), tr("&Bank card"), tr("N&otes")};
    for (int i = 0; i < m_labels.size(); ++i) {
        m_labels.at(i)->setText(
            i == 0 ? labels.at(i) + QStringLiteral(" <span style=\"color:#c62828\">*</span>") : labels.at(i));
        m_labels.at(i)->buddy()->setAccessibleName(QString(labels.at(i)).remove(QLatin1Char('&')));
        if (auto* masked = qobject_cast<MaskedValueEdit*>(m_labels.at(i)->buddy()))
            masked->editor()->setAccessibleName(QString(labels.at(i)).remove(QLatin1Char('&')));
    }
    m_search->setPlaceholderText(tr("Name, customer number or part of a phone number"));
    m_search->setAccessibleName(tr("Search customers"));
    m_table->setAccessibleName(tr("Customers"));
    m_ticketList->setAccessibleName(tr("The customer's tickets"));
    m_callList->setAccessibleName(tr("The customer's calls"));
    m_new->setText(tr("New customer"));
    m_save->setText(tr("Save (Ctrl+S)"));
    m_discard->setText(tr("Discard changes"));
    m_phones->setPlaceholderText(tr("Several numbers separated by commas"));
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. VIP, 华东"));
    m_idCard->retranslate();
    m_bankCard->retranslate();
    const QString level = m_level->currentData().toString();
    m_level->clear();
    for (CustomerLevel l : {CustomerLevel::Normal, CustomerLevel::Member, CustomerLevel::Vip})
        m_level->addItem(Customer::levelName(l), Customer::levelKey(l));
    m_level->setCurrentIndex(std::max(0, m_level->findData(level)));
    m_heading->setText(m_customer.id.isEmpty() ? tr("New customer") : m_customer.name);
    showTickets();
}

QString CustomerArchive::title() const
{
    return tr("Customers");
}

void CustomerArchive::search(const QString& text)
{
    m_search->setText(text);
    m_searchDelay->stop();
    runSearch();
}

void CustomerArchive::runSearch()
{
    const QString text = m_search->text().trimmed();
    m_model->setCustomers(text.isEmpty() ? m_ws.customers.recent() : m_ws.customers.search(text));
    // The first hit is shown at once, unless the agent is in the middle of editing someone.
    if (m_model->rowCount() > 0 && !hasUnsavedChanges() && !text.isEmpty())
        m_table->selectRow(0);
}

void CustomerArchive::newCustomer()
{
    showCustomer(Customer());
    m_name->setFocus();
}

void CustomerArchive::showCustomer(const Customer& customer)
{
    m_customer = customer;
    m_name->setText(customer.name);
    m_number->setText(customer.number);
    m_phones->setText(customer.phones.join(QStringLiteral(", ")));
    m_level->setCurrentIndex(std::max(0, m_level->findData(Customer::levelKey(customer.level))));
    m_region->setText(customer.region);
    m_tags->setText(customer.tags.join(QStringLiteral(", ")));
    m_notes->setPlainText(customer.notes);
    m_idCard->setValue(customer.id, customer.idCard);
    m_bankCard->setValue(customer.id, customer.bankCard);
    m_error->hide();
    m_discard->hide();
    m_heading->setText(customer.id.isEmpty() ? tr("New customer") : customer.name);
    m_tickets = customer.id.isEmpty() ? QList<Ticket>() : m_ws.tickets.ofCustomer(customer.id, 200);
    showTickets();
}

void CustomerArchive::showTickets()
{
    m_ticketList->clear();
    m_callList->clear();
    const QLocale locale;
    for (const Ticket& ticket : std::as_const(m_tickets)) {
        auto* item = new QListWidgetItem(
            QStringLiteral("%1  %2  [%3]  %4")
                .arg(locale.toString(ticket.createdAt.toLocalTime(), QStringLiteral("yyyy-MM-dd")), ticket.number,
                    EnumText<TicketStatus>::displayName(ticket.status), ticket.subject),
            m_ticketList);
        item->setData(Qt::UserRole, ticket.id);
        if (!Lifecycle::isOpen(ticket.status))
            item->setForeground(QColor(0x75, 0x75, 0x75));
        if (!ticket.callStartedAt.isValid())
            continue;
        auto* call = new QListWidgetItem(
            tr("%1  %2 min %3 s  %4 from %5")
                .arg(locale.toString(ticket.callStartedAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm")))
                .arg(ticket.callSeconds / 60)
                .arg(ticket.callSeconds % 60)
                .arg(ticket.number, ticket.contactPhone),
            m_callList);
        call->setData(Qt::UserRole, ticket.id);
    }
    if (auto* history = findChild<QTabWidget*>(QStringLiteral("customerHistory"))) {
        history->setTabText(0, tr("Tickets (%1)").arg(m_ticketList->count()));
        history->setTabText(1, tr("Calls (%1)").arg(m_callList->count()));
    }
}

Customer CustomerArchive::formCustomer() const
{
    Customer customer = m_customer;
    customer.name = m_name->text().trimmed();
    customer.number = m_number->text().trimmed();
    customer.phones = splitList(m_phones->text());
    customer.level = Customer::levelFromKey(m_level->currentData().toString()).value_or(CustomerLevel::Normal);
    customer.region = m_region->text().trimmed();
    customer.tags = splitList(m_tags->text());
    customer.notes = m_notes->toPlainText().trimmed();
    customer.idCard = m_idCard->text(); // the masked form, unless a new value was typed
    customer.bankCard = m_bankCard->text();
    return customer;
}

bool CustomerArchive::hasUnsavedChanges() const
{
    const Customer now = formCustomer();
    const Customer& was = m_customer;
    return now.name != was.name.trimmed() || now.number != was.number || now.phones != was.phones
        || now.level != was.level || now.region != was.region || now.tags != was.tags
        || now.notes != was.notes.trimmed() || now.idCard != was.idCard || now.bankCard != was.bankCard;
}

void CustomerArchive::showError(const QString& field, const QString& message)
{
    m_error->setText(message);
    m_error->show();
    const QHash<QString, QWidget*> fields {{QStringLiteral("name"), m_name}, {QStringLiteral("number"), m_number},
        {QStringLiteral("phones"), m_phones}, {QStringLiteral("id_card"), m_idCard},
        {QStringLiteral("bank_card"), m_bankCard}};
    if (QWidget* widget = fields.value(field))
        widget->setFocus();
}

bool CustomerArchive::save()
{
    if (!hasUnsavedChanges() && !m_customer.id.isEmpty())
        return true; // an untouched new form still says what it needs
    auto saved = m_ws.customers.save(formCustomer());
    if (!saved) {
        showError(saved.error().field, saved.error().message);
        return false;
    }
    m_model->upsert(saved.value());
    showCustomer(saved.value());
    m_table->selectRow(m_model->rowOf(saved.value().id));
    return true;
}

void CustomerArchive::discard()
{
    showCustomer(m_customer);
}

void CustomerArchive::ticketsChanged(const QStringList& ticketIds)
{
    for (const Ticket& ticket : std::as_const(m_tickets)) {
        if (ticketIds.contains(ticket.id)) {
            m_tickets = m_ws.tickets.ofCustomer(m_customer.id, 200);
            showTickets();
            return;
        }
    }
}

} // namespace gongdan
