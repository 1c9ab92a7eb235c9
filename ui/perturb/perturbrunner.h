#pragma once

#include "perturb/perturbcommand.h"

#include <perturb/live_frame.h>
#include <sparse/pattern_bins.h>

#include "widgets/coalescingrunner.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace fs::ui {

// What the view asks the runner to set up: the matrix and how to factor it.
struct PerturbConfig {
    std::shared_ptr<const fs::sparse::Matrix> matrix;
    std::shared_ptr<const fs::sparse::Matrix> exactFactor; ///< generator's exact L, or null
    fs::precond::PrecondKind kind = fs::precond::PrecondKind::Cholesky; ///< one of perturb::kPerturbKinds
    bool automaticOrdering = true; ///< let core pick (AMD for large banded matrices)
    fs::sparse::Ordering ordering = fs::sparse::Ordering::Natural;
};

// The prepared engine and the pieces of the unperturbed factor every update reuses.
struct PerturbBase {
    bool ok = false;
    QString error;                    ///< core's message when !ok
    fs::sparse::Ordering ordering = fs::sparse::Ordering::Natural;
    bool orderingChosenAutomatically = false;
    fs::sparse::PatternBins factorBins; ///< pattern of the unperturbed factor on the display grid
    int gridSize = 0;
};

// One finished evaluation. On failure `result` is null and the view keeps what it shows.
struct PerturbOutcome {
    PerturbEdit edit;
    fs::perturb::Outcome outcome; ///< core's classification (describeOutcome words it)
    std::shared_ptr<const fs::perturb::PerturbationResult> result;
    std::vector<double> diagByRow;   ///< L'_ii - L_ii per row i of A
    fs::sparse::PatternBins deltaBins; ///< |ΔL| on the same grid as PerturbBase::factorBins
    /// [k] the best mean cosine on the pair (L, L') of any model that sees k hops, k = 0..
    /// perturb::kShareBeyondMax (dataset::factor_pair_bounds); empty for R (Spai)
    std::vector<double> cosineBound;
    double seconds = 0.0;
};

// Runs the perturbation engine off the GUI thread. Requests coalesce: while one evaluation runs,
// newer ones replace the pending one, so a dragged slider always ends on its latest δ and never
// queues stale work.
class PerturbRunner : public QObject
{
    Q_OBJECT

public:
    explicit PerturbRunner(QObject *parent = nullptr);
    ~PerturbRunner() override;

    void configure(const PerturbConfig &config);
    void request(const PerturbEdit &edit);
    bool isBusy() const { return m_runner.isBusy(); }
    /// Processes events until nothing is running or pending (tests and headless rendering).
    void waitForIdle();
    const PerturbBase &base() const { return m_base; }

Q_SIGNALS:
    void configured(const fs::ui::PerturbBase &base);
    void finished(const fs::ui::PerturbOutcome &outcome);

private:
    enum Lane { SetUp, Evaluate }; // a new matrix is set up before any edit of it is evaluated

    std::shared_ptr<fs::perturb::LiveFrames> m_engine;
    PerturbBase m_base;
    CoalescingRunner m_runner; // last: destroyed (and waited for) first
};

} // namespace fs::ui
