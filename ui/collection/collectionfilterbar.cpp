#include "collection/collectionfilterbar.h"

#include "collection/collectionmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

namespace fs::ui {

namespace {

// Sizes exceed int (nonzeros reach billions), so the range boxes are whole-number double boxes.
constexpr double MaxSize = 1e12;

} // namespace

CollectionFilterBar::CollectionFilterBar(CollectionFilterModel *filter, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_text(new QLineEdit)
    , m_posdef(new QCheckBox)
    , m_kind(new QComboBox)
    , m_group(new QComboBox)
    , m_minRows(makeSizeBox())
    , m_maxRows(makeSizeBox())
    , m_minNnz(makeSizeBox())
    , m_maxNnz(makeSizeBox())
    , m_kindLabel(new QLabel)
    , m_groupLabel(new QLabel)
    , m_rowsLabel(new QLabel)
    , m_nnzLabel(new QLabel)
    , m_rowsDash(new QLabel(QStringLiteral("–")))
    , m_nnzDash(new QLabel(QStringLiteral("–")))
{
    m_text->setClearButtonEnabled(true);
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_kind->setMinimumContentsLength(16);
    m_group->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_group->setMinimumContentsLength(10);
    m_kindLabel->setBuddy(m_kind);
    m_groupLabel->setBuddy(m_group);
    m_rowsLabel->setBuddy(m_minRows);
    m_nnzLabel->setBuddy(m_minNnz);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_text, 0, 0, 1, 4);
    grid->addWidget(m_groupLabel, 0, 4);
    grid->addWidget(m_group, 0, 5);
    grid->addWidget(m_kindLabel, 0, 6);
    grid->addWidget(m_kind, 0, 7);
    grid->addWidget(m_rowsLabel, 1, 0);
    grid->addWidget(m_minRows, 1, 1);
    grid->addWidget(m_rowsDash, 1, 2);
    grid->addWidget(m_maxRows, 1, 3);
    grid->addWidget(m_nnzLabel, 1, 4);
    auto *nnz = new QHBoxLayout;
    nnz->addWidget(m_minNnz);
    nnz->addWidget(m_nnzDash);
    nnz->addWidget(m_maxNnz);
    grid->addLayout(nnz, 1, 5);
    grid->addWidget(m_posdef, 1, 7);
    grid->setColumnStretch(7, 1);

    connect(m_text, &QLineEdit::textChanged, m_filter, &CollectionFilterModel::setText);
    connect(m_posdef, &QCheckBox::toggled, m_filter, &CollectionFilterModel::setPosdefOnly);
    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setKind(m_kind->currentData().toString()); });
    connect(m_group, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setGroup(m_group->currentData().toString()); });
    for (QDoubleSpinBox *box : {m_minRows, m_maxRows, m_minNnz, m_maxNnz})
        connect(box, &QDoubleSpinBox::valueChanged, this, &CollectionFilterBar::applyRanges);
    retranslateUi();
}

QDoubleSpinBox *CollectionFilterBar::makeSizeBox()
{
    auto *box = new QDoubleSpinBox;
    box->setDecimals(0);
    box->setRange(0, MaxSize);
    box->setGroupSeparatorShown(true);
    box->setMinimumWidth(100);
    return box;
}

void CollectionFilterBar::setChoices(const QStringList &kinds, const QStringList &groups)
{
    const auto fill = [](QComboBox *box, const QStringList &items) {
        const QString current = box->currentData().toString();
        box->blockSignals(true);
        while (box->count() > 1)
            box->removeItem(1);
        for (const QString &item : items)
            box->addItem(item, item);
        box->setCurrentIndex(std::max(0, box->findData(current)));
        box->blockSignals(false);
    };
    if (m_kind->count() == 0)
        retranslateUi();
    fill(m_kind, kinds);
    fill(m_group, groups);
    m_filter->setKind(m_kind->currentData().toString());
    m_filter->setGroup(m_group->currentData().toString());
}

void CollectionFilterBar::applyRanges()
{
    m_filter->setRowRange(qint64(m_minRows->value()), qint64(m_maxRows->value()));
    m_filter->setNnzRange(qint64(m_minNnz->value()), qint64(m_maxNnz->value()));
}

void CollectionFilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CollectionFilterBar::retranslateUi()
{
    m_text->setPlaceholderText(tr("Filter by name, group, kind or id"));
    m_posdef->setText(tr("&Positive definite only"));
    m_kindLabel->setText(tr("&Kind:"));
    m_groupLabel->setText(tr("&Group:"));
    m_rowsLabel->setText(tr("&Rows:"));
    m_nnzLabel->setText(tr("&Nonzeros:"));
    // Item 0 is the "no filter" choice; its data stays empty.
    for (QComboBox *box : {m_kind, m_group}) {
        if (box->count() == 0)
            box->addItem(QString(), QString());
    }
    m_kind->setItemText(0, tr("All kinds"));
    m_group->setItemText(0, tr("All groups"));
    for (QDoubleSpinBox *box : {m_minRows, m_minNnz})
        box->setSpecialValueText(tr("any"));
    for (QDoubleSpinBox *box : {m_maxRows, m_maxNnz})
        box->setSpecialValueText(tr("no limit"));
}

} // namespace fs::ui
