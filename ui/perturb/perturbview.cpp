#include "perturb/perturbview.h"

#include "perturb/perturbsettings.h"
#include "perturb/perturbbanner.h"
#include "perturb/perturbcontrols.h"
#include "perturb/perturbdeltaeditor.h"
#include "perturb/perturboutcometext.h"
#include "perturb/plots/perturbdiagplot.h"
#include "perturb/plots/perturbheatplot.h"
#include "perturb/plots/perturblocalityplot.h"
#include "perturb/plots/perturbpatternplot.h"

#include <QSlider>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QUndoStack>
#include <QVBoxLayout>

namespace fs::ui {


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
    , m_compare(new PerturbCompareRunner(this))
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
    connect(m_controls->deltaEditor(), &PerturbDeltaEditor::dragFinished, this, [this] {
        m_dragOpen = false;
        for (PerturbPlot *plot : this->plots())
            plot->setFastDrawing(false);
    });
    // A drag must keep up with the display: plain line joins until the slider is released.
    connect(m_controls->deltaEditor()->slider(), &QSlider::sliderPressed, this, [this] {
        for (PerturbPlot *plot : this->plots())
            plot->setFastDrawing(true);
    });
    connect(m_controls->resetButton(), &QPushButton::clicked, this, &PerturbView::resetPerturbation);
    connect(m_controls->exportAllButton(), &QPushButton::clicked, this, &PerturbView::exportAllInteractive);
    connect(m_controls, &PerturbControls::factorChanged, this, &PerturbView::reconfigure);
    connect(m_controls->layers(), &QSpinBox::valueChanged, m_locality, &PerturbLocalityPlot::setLayers);
    connect(m_controls->layers(), &QSpinBox::valueChanged, this, &PerturbView::updateSummary);
    connect(m_controls->logScale(), &QCheckBox::toggled, m_diag, &PerturbDiagPlot::setLogScale);
    connect(m_runner, &PerturbRunner::configured, this, &PerturbView::onConfigured);
    connect(m_runner, &PerturbRunner::finished, this, &PerturbView::onFinished);
    connect(m_compare, &PerturbCompareRunner::finished, this, &PerturbView::onCompared);
    m_controls->compareKinds()->setChecked(PerturbSettings().compareKinds());
    m_locality->setCompareMode(m_controls->compareKinds()->isChecked());
    connect(m_controls->compareKinds(), &QCheckBox::toggled, this, &PerturbView::setCompareMode);
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
    config.ordering = choice == PerturbControls::OrderingChoice::Amd ? fs::sparse::Ordering::Amd
                                                                     : fs::sparse::Ordering::Natural;
    m_controls->setOrderingNote(tr("Factorising…"));
    m_compare->setMatrix(config.matrix, config.exactFactor);
    m_compared = {};
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
    const bool inverse = m_controls->factorKind() == fs::precond::PrecondKind::Spai;
    for (PerturbPlot *plot : plots())
        plot->setShowsInverse(inverse);
    if (inverse)
        note = tr("natural (R keeps the pattern of A)");
    else if (m_controls->factorKind() != fs::precond::PrecondKind::Cholesky)
        note = tr("natural (this factor keeps the pattern of tril(A))");
    else if (base.ordering == fs::sparse::Ordering::Amd && base.orderingChosenAutomatically)
        note = tr("AMD, chosen automatically: in natural order the factor would fill the band and "
                  "updates would be too slow to follow the slider");
    else
        note = base.ordering == fs::sparse::Ordering::Amd ? tr("AMD") : tr("natural");
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
    if (outcome.outcome.ok()) {
        m_banner->clearMessage();
        showOutcome(outcome);
        return;
    }
    const QString where = tr("A(%1, %2) += %3").arg(outcome.edit.row + 1).arg(outcome.edit.col + 1)
                              .arg(outcome.edit.delta, 0, 'g', 6);
    const QString text = describeOutcome(outcome.outcome, OutcomeWording::Sentence, where);
    const QString kept = m_shown.delta == 0.0 ? tr("The plots show the unperturbed factor.")
                                              : tr("The plots still show δ = %1.").arg(m_shown.delta, 0, 'g', 6);
    m_banner->showMessage(PerturbBanner::Level::Warning, text + QLatin1Char(' ') + kept);
    Q_EMIT updated();
}

void PerturbView::showOutcome(const PerturbOutcome &outcome)
{
    m_outcome = outcome;
    m_outcomeKind = m_controls->factorKind();
    m_shown = outcome.edit;
    m_diag->setDiagonalChange(outcome.diagByRow);
    m_heat->setDelta(outcome.deltaBins);
    m_locality->setProfile(outcome.result ? outcome.result->delta.profile : fs::perturb::LocalityProfile());
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
    requestComparison();
    updateComparison();
    Q_EMIT updated();
}

void PerturbView::setCompareMode(bool on)
{
    PerturbSettings().setCompareKinds(on);
    m_locality->setCompareMode(on);
    requestComparison();
    updateComparison();
}

void PerturbView::requestComparison()
{
    if (!m_controls->compareKinds()->isChecked() || !m_document || !m_outcome.result)
        return;
    if (m_compared.edit == m_shown && !m_compared.kinds.empty())
        return; // already computed for this perturbation
    std::vector<fs::precond::PrecondKind> missing;
    for (int k = 0; k < m_controls->kindBox()->count(); ++k) {
        const auto kind = fs::precond::PrecondKind(m_controls->kindBox()->itemData(k).toInt());
        if (kind != m_outcomeKind)
            missing.push_back(kind);
    }
    m_compared = {};
    m_compare->request(m_shown, missing);
}

void PerturbView::onCompared(const CompareOutcome &outcome)
{
    if (!(outcome.edit == m_shown))
        return;
    m_compared = outcome;
    updateComparison();
    Q_EMIT updated();
}

void PerturbView::updateComparison()
{
    if (!m_controls->compareKinds()->isChecked())
        return;
    QList<KindProfile> kinds;
    const bool unperturbed = !m_outcome.result;
    for (int k = 0; k < m_controls->kindBox()->count(); ++k) {
        const auto kind = fs::precond::PrecondKind(m_controls->kindBox()->itemData(k).toInt());
        KindProfile entry;
        entry.name = m_controls->kindBox()->itemText(k);
        if (unperturbed) {
            entry.available = true; // no perturbation: an empty profile ("no change")
        } else if (kind == m_outcomeKind) {
            entry.available = true;
            entry.profile = m_outcome.result->delta.profile;
        } else {
            entry.reason = tr("computing…");
            if (m_compared.edit == m_shown) {
                for (const KindOutcome &o : m_compared.kinds) {
                    if (o.kind != kind)
                        continue;
                    entry.available = o.outcome.ok();
                    entry.profile = o.profile;
                    entry.reason = describeOutcome(o.outcome, OutcomeWording::Reason);
                }
            }
        }
        kinds.append(entry);
    }
    m_locality->setComparison(kinds);
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
        const bool inverse = m_outcomeKind == fs::precond::PrecondKind::Spai;
        m_summary->setText(!m_document ? QString()
                           : inverse   ? tr("No perturbation: R is the approximate inverse of the original matrix.")
                                       : tr("No perturbation: L is the original factor."));
        return;
    }
    const bool inverse = m_outcomeKind == fs::precond::PrecondKind::Spai;
    QString text = (inverse ? tr("%1 entries of R changed, max |ΔR| = %2, ‖ΔR‖_F = %3; %4 % of ‖ΔR‖² lies beyond %5 hops.")
                            : tr("%1 entries of L changed, max |ΔL| = %2, ‖ΔL‖_F = %3; %4 % of ‖ΔL‖² lies beyond %5 hops."))
                       .arg(r->delta.changed_entries)
                       .arg(r->delta.max_abs_change, 0, 'g', 4)
                       .arg(std::sqrt(r->delta.profile.total_sq), 0, 'g', 4)
                       .arg(100.0 * m_locality->shareBeyond(), 0, 'f', 1)
                       .arg(m_locality->layers());
    const int k = m_locality->layers();
    if (k >= 0 && size_t(k) < m_outcome.cosineBound.size())
        text += QLatin1Char(' ')
                + tr("A %1-layer model can reach at most cosine %2 on this perturbation.")
                      .arg(k)
                      .arg(m_outcome.cosineBound[size_t(k)], 0, 'f', 3);
    if (r->new_entries > 0)
        text += QLatin1Char(' ') + (inverse ? tr("%1 new entries in R.") : tr("%1 new entries in L.")).arg(r->new_entries);
    if (m_generated.exactFactor && m_controls->factorKind() == fs::precond::PrecondKind::Cholesky)
        text += QLatin1Char(' ') + tr("Unperturbed factor: the generator's exact L.");
    text += QLatin1Char(' ') + tr("(%1 ms)").arg(m_outcome.seconds * 1e3, 0, 'f', 1);
    m_summary->setText(text);
}

void PerturbView::waitForIdle()
{
    // A finished evaluation may start a comparison, so wait for both until neither has work.
    do {
        m_runner->waitForIdle();
        m_compare->waitForIdle();
    } while (m_runner->isBusy() || m_compare->isBusy());
}

void PerturbView::retranslateUi()
{
    updateEntryText();
    updateSummary();
    updateComparison();
}

void PerturbView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace fs::ui
