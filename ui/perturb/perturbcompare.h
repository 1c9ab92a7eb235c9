#pragma once

#include "perturb/perturbcommand.h"
#include "perturb/perturbrunner.h"

#include <perturb/live_perturbation.h>

#include "widgets/coalescingrunner.h"

#include <QObject>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace fs::ui {

// One kind's result in a comparison: the locality profile, or why there is none.
struct KindOutcome {
    fs::precond::PrecondKind kind = fs::precond::PrecondKind::Cholesky;
    fs::perturb::Outcome outcome; ///< core's classification (describeOutcome words it)
    fs::perturb::LocalityProfile profile;
};

struct CompareOutcome {
    PerturbEdit edit;
    std::vector<KindOutcome> kinds;
};

// Evaluates the same perturbation for several factor kinds off the GUI thread, with one engine per
// kind prepared on first use and kept for the matrix (as PerturbRunner does for the current kind).
// Requests coalesce: a newer one replaces the pending one.
class PerturbCompareRunner : public QObject
{
    Q_OBJECT

public:
    explicit PerturbCompareRunner(QObject *parent = nullptr);
    ~PerturbCompareRunner() override;

    /// The matrix every kind is evaluated on (drops the engines of the previous one).
    void setMatrix(std::shared_ptr<const fs::sparse::Matrix> matrix,
                   std::shared_ptr<const fs::sparse::Matrix> exactFactor);
    void request(const PerturbEdit &edit, const std::vector<fs::precond::PrecondKind> &kinds);
    bool isBusy() const { return m_runner.isBusy(); }
    void waitForIdle();

Q_SIGNALS:
    void finished(const fs::ui::CompareOutcome &outcome);

private:
    // The matrix with the engines built for it so far; only the running job touches the engines.
    struct Engines {
        std::shared_ptr<const fs::sparse::Matrix> matrix;
        std::shared_ptr<const fs::sparse::Matrix> exactFactor;
        std::map<fs::precond::PrecondKind, std::shared_ptr<fs::perturb::LivePerturbation>> live;
        std::map<fs::precond::PrecondKind, KindOutcome> setupFailure;
    };
    /// One kind's outcome, setting up (and keeping) its engine on first use; pool thread only.
    static KindOutcome evaluateKind(Engines &engines, fs::precond::PrecondKind kind, const PerturbEdit &edit);

    std::shared_ptr<Engines> m_engines;
    CoalescingRunner m_runner; // last: destroyed (and waited for) first
};

} // namespace fs::ui
