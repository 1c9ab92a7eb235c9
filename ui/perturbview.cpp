#include "perturbview.h"

#include "perturbbanner.h"
#include "perturbcontrols.h"
#include "perturbdeltaeditor.h"
#include "perturbdiagplot.h"
#include "perturbheatplot.h"
#include "perturblocalityplot.h"
#include "perturbpatternplot.h"

#include <QCheckBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QUndoStack>
#include <QVBoxLayout>

namespace fs::ui {

using Status = PerturbOutcome::Status;

PerturbView::PerturbView(QWidget *parent)
    : QWidget(parent)
    , m_controls(new PerturbControls)
    , m_banner(new PerturbBanner)
    , m_reliability(new PerturbBanner)
    , m_summary(new QLabel)
    , m_pattern(new PerturbPatternPlot)
    , m_diag(new PerturbDiagPlot)
    , m_heat(new PerturbHeatPlot)
    , m_locality(new PerturbLocalityPlot)
    , m_undo(new QUndoStack(this))
    , m_runner(new PerturbRunner(this))
{
    setObjectName(QStringLiteral("perturbView"));
    m_banner->setObjectName(QStringLiteral("perturbBanner"));
    m_reliability->setObjectName(QStringLiteral("reliabilityBanner"));
    m_summary->setObjectName(QStringLiteral("perturbSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);

    auto *plots = new QGridLayout;
    plots->setSpacing(4);
    plots->addWidget(m_pattern, 0, 0);
    plots->addWidget(m_diag, 0, 1);
    plots->addWidget(m_heat, 1, 0);
    plots->addWidget(m_locality, 1, 1);
    plots->setColumnStretch(0, 1);
    plots->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_controls);
    layout->addWidget(m_banner);
    layout->addWidget(m_reliability);
    layout->addWidget(m_summary);
    layout->addLayout(plots, 1);

    for (QWidget *plot : std::initializer_list<QWidget *>{m_pattern, m_diag, m_heat, m_locality}) {
        plot->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(plot, &QWidget::customContextMenuRequested, this,
                [this, plot](const QPoint &pos) { showPlotMenu(plot, pos); });
    }
    connect(m_pattern, &PerturbPatternPlot::entryClicked, this, &PerturbView::selectEntry);
    connect(m_controls->deltaEditor(), &PerturbDeltaEditor::deltaEdited, this, &PerturbView::editDelta);
    connect(m_controls->deltaEditor(), &PerturbDeltaEditor::dragFinished, this, [this] { m_dragOpen = false; });
    connect(m_controls->resetButton(), &QPushButton::clicked, this, &PerturbView::resetPerturbation);
    connect(m_controls->exportAllButton(), &QPushButton::clicked, this, &PerturbView::exportAllInteractive);
    connect(m_controls, &PerturbControls::factorChanged, this, &PerturbView::reconfigure);
    connect(m_controls->layers(), &QSpinBox::valueChanged, m_locality, &PerturbLocalityPlot::setLayers);
    connect(m_controls->layers(), &QSpinBox::valueChanged, this, &PerturbView::updateSummary);
    connect(m_controls->logScale(), &QCheckBox::toggled, m_diag, &PerturbDiagPlot::setLogScale);
    connect(m_runner, &PerturbRunner::configured, this, &PerturbView::onConfigured);
    connect(m_runner, &PerturbRunner::finished, this, &PerturbView::onFinished);
    retranslateUi();
}

QList<PerturbPlot *> PerturbView::plots() const
{
    return {m_diag, m_heat, m_locality};
}

void PerturbView::setGenerated(const GeneratedDocument &generated)
{
    m_generated = generated;
}

void PerturbView::setDocument(const MatrixDocumentPtr &document)
{
    if (document == m_document)
        return;
    m_document = document;
    if (m_generated.document != document)
        m_generated = {};
    m_undo->clear();
    m_edit = {};
    m_shown = {};
    m_pattern->setDocument(document);
    m_pattern->setSelectedEntry(-1, -1);
    m_controls->deltaEditor()->setValue(0.0);
    m_banner->clearMessage();
    reconfigure();
}

void PerturbView::reconfigure()
{
    if (!m_document)
        return;
    PerturbConfig config;
    config.matrix = std::shared_ptr<const fs::sparse::Matrix>(m_document, &m_document->matrix);
    config.exactFactor = m_generated.exactFactor;
    config.kind = m_controls->factorKind();
    const auto choice = m_controls->orderingChoice();
    config.automaticOrdering = choice == PerturbControls::OrderingChoice::Automatic;
    config.ordering = choice == PerturbControls::OrderingChoice::Amd ? fs::factor::Ordering::Amd
                                                                     : fs::factor::Ordering::Natural;
    m_controls->setOrderingNote(tr("Factorising…"));
    m_runner->configure(config);
}

void PerturbView::onConfigured(const PerturbBase &base)
{
    if (!base.ok) {
        m_controls->setOrderingNote(QString());
        m_banner->showMessage(PerturbBanner::Level::Error,
                              tr("This matrix cannot be factored with the chosen method: %1").arg(base.error));
        return;
    }
    m_banner->clearMessage();
    QString note;
    if (m_controls->factorKind() != fs::precond::FactorKind::Cholesky)
        note = tr("natural (this factor keeps the pattern of tril(A))");
    else if (base.ordering == fs::factor::Ordering::Amd && base.orderingChosenAutomatically)
        note = tr("AMD, chosen automatically: in natural order the factor would fill the band and "
                  "updates would be too slow to follow the slider");
    else
        note = base.ordering == fs::factor::Ordering::Amd ? tr("AMD") : tr("natural");
    m_controls->setOrderingNote(note);
    m_heat->setFactorPattern(base.factorBins);
    if (m_edit.row >= 0 && m_edit.delta != 0.0)
        m_runner->request(m_edit);
    else
        showZero();
}

void PerturbView::setEdit(const PerturbEdit &edit)
{
    if (edit == m_edit)
        return;
    m_undo->push(new PerturbCommand(m_edit, edit, 0, [this](const PerturbEdit &e) { apply(e); }));
}

void PerturbView::selectEntry(int row, int col)
{
    setEdit({row, col, m_edit.delta});
}

void PerturbView::resetPerturbation()
{
    setEdit({m_edit.row, m_edit.col, 0.0});
}

void PerturbView::editDelta(double delta, bool dragging)
{
    if (m_edit.row < 0) {
        m_banner->showMessage(PerturbBanner::Level::Info, tr("Click an entry of A first to choose where δ is added."));
        m_controls->deltaEditor()->setValue(0.0);
        return;
    }
    // Every position of one drag merges into a single undoable step.
    if (dragging && !m_dragOpen) {
        m_dragOpen = true;
        ++m_dragId;
    }
    const PerturbEdit next{m_edit.row, m_edit.col, delta};
    if (next == m_edit)
        return;
    m_undo->push(new PerturbCommand(m_edit, next, dragging ? m_dragId : 0,
                                    [this](const PerturbEdit &e) { apply(e); }));
}

void PerturbView::apply(const PerturbEdit &edit)
{
    m_edit = edit;
    m_controls->deltaEditor()->setValue(edit.delta);
    m_pattern->setSelectedEntry(edit.row, edit.col);
    updateEntryText();
    if (!m_document)
        return;
    if (edit.row < 0 || edit.delta == 0.0)
        showZero();
    else
        m_runner->request(edit);
}

void PerturbView::showZero()
{
    PerturbOutcome zero;
    zero.edit = m_edit;
    if (m_document)
        zero.diagByRow.assign(size_t(m_document->matrix.rows()), 0.0);
    m_banner->clearMessage();
    showOutcome(zero);
}

void PerturbView::onFinished(const PerturbOutcome &outcome)
{
    // A result for an edit that has since been undone or reset is stale.
    if (!(outcome.edit == m_edit))
        return;
    if (outcome.status == Status::Ok) {
        m_banner->clearMessage();
        showOutcome(outcome);
        return;
    }
    const QString where = tr("A(%1, %2) += %3").arg(outcome.edit.row + 1).arg(outcome.edit.col + 1)
                              .arg(outcome.edit.delta, 0, 'g', 6);
    QString text;
    switch (outcome.status) {
    case Status::Refused:
        text = tr("%1 refused: the matrix would no longer be positive definite.").arg(where);
        break;
    case Status::Breakdown:
        text = tr("%1: IC(0) breaks down at pivot %2 (not positive).").arg(where).arg(outcome.column + 1);
        break;
    case Status::SizeRefused:
        text = tr("K-optimal refuses this matrix: it is too large (%1).").arg(outcome.detail);
        break;
    case Status::NotPositiveDefinite:
        text = tr("%1: the factorisation failed, the matrix is not positive definite (%2).").arg(where, outcome.detail);
        break;
    case Status::Failed:
    case Status::Ok:
        text = tr("%1 failed: %2").arg(where, outcome.detail);
        break;
    }
    const QString kept = m_shown.delta == 0.0 ? tr("The plots show the unperturbed factor.")
                                              : tr("The plots still show δ = %1.").arg(m_shown.delta, 0, 'g', 6);
    m_banner->showMessage(PerturbBanner::Level::Warning, text + QLatin1Char(' ') + kept);
    Q_EMIT updated();
}

void PerturbView::showOutcome(const PerturbOutcome &outcome)
{
    m_outcome = outcome;
    m_shown = outcome.edit;
    m_diag->setDiagonalChange(outcome.diagByRow);
    m_heat->setDelta(outcome.deltaBins);
    m_locality->setProfile(outcome.result ? outcome.result->delta.profile : fs::factor::LocalityProfile());
    const bool unreliable = outcome.result && !outcome.result->reliable;
    for (PerturbPlot *plot : plots())
        plot->setUnreliable(unreliable);
    if (unreliable)
        m_reliability->showMessage(PerturbBanner::Level::Error,
                                   tr("Not reliable: %1 (estimated error %2). Load the matrix from its generator "
                                      "to use the exact factor.")
                                       .arg(QString::fromStdString(outcome.result->warning))
                                       .arg(outcome.result->error_estimate, 0, 'g', 3));
    else
        m_reliability->clearMessage();
    updateSummary();
    Q_EMIT updated();
}

bool PerturbView::isStructuralZero(int row, int col) const
{
    if (!m_document)
        return false;
    for (fs::sparse::Matrix::InnerIterator it(m_document->matrix, col); it; ++it) {
        if (it.row() == row)
            return false;
    }
    return true;
}

void PerturbView::updateEntryText()
{
    if (m_edit.row < 0) {
        m_controls->setEntryText(tr("none — click an entry of A"));
        return;
    }
    QString text = m_edit.row == m_edit.col ? tr("A(%1, %1)").arg(m_edit.row + 1)
                                            : tr("A(%1, %2) and A(%2, %1)").arg(m_edit.row + 1).arg(m_edit.col + 1);
    if (isStructuralZero(m_edit.row, m_edit.col))
        text += QLatin1Char(' ') + tr("(structural zero: perturbing it changes the pattern)");
    m_controls->setEntryText(text);
}

void PerturbView::updateSummary()
{
    const auto &r = m_outcome.result;
    if (!r) {
        m_summary->setText(m_document ? tr("No perturbation: L is the original factor.") : QString());
        return;
    }
    QString text = tr("%1 entries of L changed, max |ΔL| = %2, ‖ΔL‖_F = %3; %4 % of ‖ΔL‖² lies beyond %5 hops.")
                       .arg(r->delta.changed_entries)
                       .arg(r->delta.max_abs_change, 0, 'g', 4)
                       .arg(std::sqrt(r->delta.profile.total_sq), 0, 'g', 4)
                       .arg(100.0 * m_locality->shareBeyond(), 0, 'f', 1)
                       .arg(m_locality->layers());
    if (r->new_entries > 0)
        text += QLatin1Char(' ') + tr("%1 new entries in L.").arg(r->new_entries);
    if (m_generated.exactFactor && m_controls->factorKind() == fs::precond::FactorKind::Cholesky)
        text += QLatin1Char(' ') + tr("Unperturbed factor: the generator's exact L.");
    text += QLatin1Char(' ') + tr("(%1 ms)").arg(m_outcome.seconds * 1e3, 0, 'f', 1);
    m_summary->setText(text);
}

void PerturbView::waitForIdle()
{
    m_runner->waitForIdle();
}

void PerturbView::retranslateUi()
{
    updateEntryText();
    updateSummary();
}

void PerturbView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace fs::ui
