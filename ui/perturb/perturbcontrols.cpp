#include "perturb/perturbcontrols.h"

#include "perturb/perturbdeltaeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

namespace fs::ui {

using fs::precond::PrecondKind;

PerturbControls::PerturbControls(QWidget *parent)
    : QWidget(parent)
    , m_entryCaption(new QLabel), m_entry(new QLabel), m_kindCaption(new QLabel)
    , m_orderingCaption(new QLabel), m_orderingNote(new QLabel), m_layersCaption(new QLabel)
    , m_kind(new QComboBox)
    , m_ordering(new QComboBox)
    , m_delta(new PerturbDeltaEditor)
    , m_layers(new QSpinBox)
    , m_log(new QCheckBox)
    , m_compare(new QCheckBox)
    , m_reset(new QPushButton)
    , m_exportAll(new QPushButton)
{
    m_kind->setObjectName(QStringLiteral("factorKind"));
    m_ordering->setObjectName(QStringLiteral("ordering"));
    m_layers->setObjectName(QStringLiteral("gnnLayers"));
    m_log->setObjectName(QStringLiteral("logScale"));
    m_compare->setObjectName(QStringLiteral("compareKinds"));
    m_reset->setObjectName(QStringLiteral("resetPerturbation"));
    m_entry->setObjectName(QStringLiteral("entryLabel"));
    m_orderingNote->setObjectName(QStringLiteral("orderingNote"));
    m_entry->setTextFormat(Qt::PlainText);
    QFont bold = m_entry->font();
    bold.setBold(true);
    m_entry->setFont(bold);
    m_orderingNote->setWordWrap(true);
    for (PrecondKind kind : fs::perturb::kPerturbKinds)
        m_kind->addItem(QString(), int(kind));
    for (int i = 0; i < 3; ++i)
        m_ordering->addItem(QString(), i);
    m_layers->setRange(1, fs::perturb::kShareBeyondMax);
    m_layers->setValue(7);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_entryCaption, 0, 0);
    grid->addWidget(m_entry, 0, 1);
    grid->addWidget(m_delta, 0, 2, 1, 3);
    grid->addWidget(m_reset, 0, 5);
    grid->addWidget(m_exportAll, 0, 6);
    grid->addWidget(m_kindCaption, 1, 0);
    grid->addWidget(m_kind, 1, 1);
    grid->addWidget(m_orderingCaption, 1, 2);
    grid->addWidget(m_ordering, 1, 3);
    grid->addWidget(m_orderingNote, 1, 4);
    grid->addWidget(m_layersCaption, 1, 5);
    grid->addWidget(m_layers, 1, 6);
    grid->addWidget(m_log, 1, 7);
    grid->addWidget(m_compare, 0, 7);
    grid->setColumnStretch(4, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        // IC(0) and K-optimal keep the pattern of tril(A), SPAI that of A, in the matrix's own order.
        m_ordering->setEnabled(factorKind() == PrecondKind::Cholesky);
        Q_EMIT factorChanged();
    });
    connect(m_ordering, &QComboBox::currentIndexChanged, this, &PerturbControls::factorChanged);
    retranslateUi();
}

PrecondKind PerturbControls::factorKind() const
{
    return PrecondKind(m_kind->currentData().toInt());
}

void PerturbControls::setFactorKind(PrecondKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

PerturbControls::OrderingChoice PerturbControls::orderingChoice() const
{
    return OrderingChoice(m_ordering->currentData().toInt());
}

void PerturbControls::setOrderingNote(const QString &text)
{
    m_orderingNote->setText(text);
}

void PerturbControls::setEntryText(const QString &text)
{
    m_entry->setText(text);
}

void PerturbControls::retranslateUi()
{
    m_entryCaption->setText(tr("Entry:"));
    m_kindCaption->setText(tr("Factor:"));
    m_orderingCaption->setText(tr("Ordering:"));
    m_layersCaption->setText(tr("GNN layers k:"));
    const auto item = [this](PrecondKind kind) { return m_kind->findData(int(kind)); };
    m_kind->setItemText(item(PrecondKind::Cholesky), tr("Cholesky (exact)"));
    m_kind->setItemText(item(PrecondKind::Ic0), tr("IC(0)"));
    m_kind->setItemText(item(PrecondKind::Kopt), tr("K-optimal"));
    m_kind->setItemText(item(PrecondKind::Spai), tr("SPAI (R)"));
    m_kind->setItemText(item(PrecondKind::Fsai), tr("FSAI (G)"));
    m_kind->setItemData(item(PrecondKind::Fsai),
                        tr("Factorized sparse approximate inverse G on the pattern of tril(A), M⁻¹ = GᵀG: "
                           "row i depends only on A restricted to that row's pattern."),
                        Qt::ToolTipRole);
    m_kind->setItemData(item(PrecondKind::Spai),
                        tr("Sparse approximate inverse R on the pattern of A: not triangular, the plots show ΔR"),
                        Qt::ToolTipRole);
    m_ordering->setItemText(int(OrderingChoice::Automatic), tr("Automatic"));
    m_ordering->setItemText(int(OrderingChoice::Natural), tr("Natural"));
    m_ordering->setItemText(int(OrderingChoice::Amd), tr("AMD"));
    m_log->setText(tr("Log scale"));
    m_log->setToolTip(tr("Show |ΔL_ii| on a logarithmic axis"));
    m_compare->setText(tr("Compare kinds"));
    m_compare->setToolTip(tr("Overlay the locality profiles of Cholesky, IC(0), K-optimal, SPAI and FSAI for the "
                             "current perturbation"));
    m_reset->setText(tr("Reset to Original"));
    m_exportAll->setText(tr("Export All Figures…"));
    m_layers->setToolTip(tr("Depth of the message-passing GNN whose receptive field is shaded"));
}

void PerturbControls::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace fs::ui
