#include "settings/keyssettingspage.h"

#include "review/reviewkeys.h"
#include "util/futures.h"

#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tagdesk::ui {

namespace {
enum Column { What, Keys };
}

KeysSettingsPage::KeysSettingsPage(QWidget *parent)
    : SettingsPage(parent)
    , m_table(new QTableWidget(int(reviewKeys().size()), 2, this)) {
    setObjectName(QStringLiteral("keysSettings"));
    m_table->setObjectName(QStringLiteral("reviewKeysTable"));
    m_table->setAccessibleName(tr("Review keys"));
    m_table->setHorizontalHeaderLabels({tr("In the review"), tr("Keys")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(What, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(Keys, QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    const QSettings settings;
    for (int row = 0; row < reviewKeys().size(); ++row) {
        const ReviewKey &key = reviewKeys().at(row);
        auto *what = new QTableWidgetItem(key.text);
        what->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        what->setData(Qt::UserRole, key.name);
        m_table->setItem(row, What, what);
        auto *keys = new QTableWidgetItem(keysToText(savedReviewKeys(key, settings)));
        keys->setToolTip(tr("Default: %1").arg(keysToText(key.defaults)));
        m_table->setItem(row, Keys, keys);
    }
    m_table->setCurrentCell(0, Keys);

    auto *hint = new QLabel(tr("Type the keys as they read, several separated by “;” — e.g. "
                               "“A; P” or “Ctrl+Z”. Enter or F2 edits the focused row."),
                            this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *reset = new QPushButton(tr("&Reset to defaults"), this);
    reset->setObjectName(QStringLiteral("resetKeys"));
    reset->setAutoDefault(false);
    connect(reset, &QPushButton::clicked, this, &KeysSettingsPage::resetToDefaults);
    connect(m_table, &QTableWidget::itemChanged, this, &SettingsPage::edited);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(hint, 1);
    bottom->addWidget(reset);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
}

Status KeysSettingsPage::validate() const {
    QHash<QKeySequence, QString> taken; // key → what it does
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString what = m_table->item(row, What)->text();
        const QString typed = m_table->item(row, Keys)->text();
        const auto keys = keysFromText(typed);
        if (!keys)
            return Error::invalid(typed.trimmed().isEmpty()
                                      ? tr("Keys: “%1” needs a key").arg(what)
                                      : tr("Keys: “%1” is not a key (for “%2”)").arg(typed, what));
        for (const QKeySequence &k : *keys) {
            if (const auto other = taken.constFind(k); other != taken.constEnd())
                return Error::invalid(tr("Keys: %1 is given to both “%2” and “%3”")
                                          .arg(k.toString(QKeySequence::NativeText), *other, what));
            taken.insert(k, what);
        }
    }
    return {};
}

QFuture<Status> KeysSettingsPage::save() {
    QSettings settings;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (const auto keys = keysFromText(m_table->item(row, Keys)->text()))
            saveReviewKeys(settings, reviewKeys().at(row), *keys);
    }
    return readyFuture(Status{});
}

void KeysSettingsPage::resetToDefaults() {
    for (int row = 0; row < m_table->rowCount(); ++row)
        m_table->item(row, Keys)->setText(keysToText(reviewKeys().at(row).defaults));
}

} // namespace tagdesk::ui
