#include "perturb/perturbrunner.h"

#include <dataset/locality_bound.h>

#include <QElapsedTimer>

namespace fs::ui {

namespace {

constexpr int MaxGrid = 256;

PerturbOutcome evaluate(const std::shared_ptr<fs::perturb::LiveFrames> &engine, const PerturbEdit &edit)
{
    fs::perturb::LiveFrames &frames = *engine;
    PerturbOutcome out;
    out.edit = edit;
    QElapsedTimer timer;
    timer.start();
    fs::perturb::FrameEvaluation e = frames.try_frame(edit.row, edit.col, edit.delta);
    out.outcome = std::move(e.outcome);
    if (e.frame) {
        out.diagByRow = std::move(e.frame->diag_by_row);
        out.deltaBins = std::move(e.frame->delta_bins);
        // A GNN predicts factors, not approximate inverses: the bound is about L only.
        if (e.frame->pair_sums)
            out.cosineBound = fs::dataset::bounds_from_hop_sums(e.frame->pair_sums->ll, e.frame->pair_sums->pp,
                                                                e.frame->pair_sums->lp);
        // When the view lets go of the result, its storage goes back to the engine, which fills it
        // again on the next step instead of allocating (tens of megabytes at 10^6 rows).
        out.result = std::shared_ptr<fs::perturb::PerturbationResult>(
            new fs::perturb::PerturbationResult(std::move(e.frame->result)),
            [weak = std::weak_ptr<fs::perturb::LiveFrames>(engine)](fs::perturb::PerturbationResult *r) {
                if (const auto live = weak.lock())
                    live->engine().recycle(std::move(r->delta));
                delete r;
            });
    }
    out.seconds = double(timer.nsecsElapsed()) * 1e-9;
    return out;
}

// Sets up the engine for a matrix off the GUI thread: the ordering, the unperturbed factor and its
// pattern on the display grid.
std::pair<PerturbBase, std::shared_ptr<fs::perturb::LiveFrames>> setUp(const PerturbConfig &c)
{
    PerturbBase b;
    const fs::sparse::Ordering recommended = fs::perturb::recommended_ordering(*c.matrix);
    b.orderingChosenAutomatically = c.automaticOrdering && recommended != c.ordering;
    b.ordering = c.automaticOrdering ? recommended : c.ordering;
    std::optional<fs::sparse::Matrix> exact;
    if (c.exactFactor)
        exact = *c.exactFactor;
    fs::perturb::LiveSetup setup = fs::perturb::prepare_live(*c.matrix, std::move(exact), c.kind, b.ordering);
    if (setup.outcome.ok()) {
        // The unperturbed factor is computed here, off the GUI thread, and can fail too.
        setup.outcome = fs::perturb::classified(c.kind, [&] {
            const fs::sparse::Matrix &L = setup.engine->base_factor();
            b.gridSize = int(std::min<fs::sparse::Index>(MaxGrid, fs::sparse::Index(L.rows())));
            b.factorBins = fs::sparse::bin_pattern(L, fs::sparse::BinWindow::whole(L), b.gridSize, b.gridSize);
        });
    }
    b.ok = setup.outcome.ok();
    if (!b.ok) {
        b.error = QString::fromStdString(setup.outcome.reason);
        return {std::move(b), nullptr};
    }
    b.ordering = setup.engine->ordering();
    return {std::move(b), std::make_shared<fs::perturb::LiveFrames>(std::move(setup.engine), b.gridSize)};
}

} // namespace

PerturbRunner::PerturbRunner(QObject *parent)
    : QObject(parent)
{
}

PerturbRunner::~PerturbRunner() = default;

void PerturbRunner::configure(const PerturbConfig &config)
{
    // Edits of the previous matrix are void; the engine is dropped when the set-up starts.
    m_runner.drop(Evaluate);
    m_runner.submit(SetUp, [this, config] {
        m_engine.reset();
        return CoalescingRunner::Work([this, config](std::stop_token) {
            auto prepared = std::make_shared<std::pair<PerturbBase, std::shared_ptr<fs::perturb::LiveFrames>>>(
                setUp(config));
            return CoalescingRunner::Finish([this, prepared] {
                m_base = std::move(prepared->first);
                m_engine = std::move(prepared->second);
                Q_EMIT configured(m_base);
            });
        });
    });
}

void PerturbRunner::request(const PerturbEdit &edit)
{
    m_runner.submit(Evaluate, [this, edit] {
        if (!m_engine)
            return CoalescingRunner::Work(); // no matrix, or its set-up failed
        return CoalescingRunner::Work([this, edit, engine = m_engine](std::stop_token) {
            auto outcome = std::make_shared<PerturbOutcome>(evaluate(engine, edit));
            return CoalescingRunner::Finish([this, outcome] {
                // A matrix set up meanwhile makes this result stale.
                if (!m_runner.hasPending(SetUp))
                    Q_EMIT finished(*outcome);
            });
        });
    });
}

void PerturbRunner::waitForIdle()
{
    m_runner.waitForIdle();
}

} // namespace fs::ui
