#include "perturb/perturbcompare.h"


namespace fs::ui {

PerturbCompareRunner::PerturbCompareRunner(QObject *parent)
    : QObject(parent)
    , m_engines(std::make_shared<Engines>())
{
}

PerturbCompareRunner::~PerturbCompareRunner() = default;

void PerturbCompareRunner::setMatrix(std::shared_ptr<const fs::sparse::Matrix> matrix,
                                     std::shared_ptr<const fs::sparse::Matrix> exactFactor)
{
    if (matrix == m_engines->matrix && exactFactor == m_engines->exactFactor)
        return;
    // A running job keeps the old engines alive until it ends (it stops after its current kind);
    // its result is dropped.
    m_runner.cancel();
    m_engines = std::make_shared<Engines>();
    m_engines->matrix = std::move(matrix);
    m_engines->exactFactor = std::move(exactFactor);
}

void PerturbCompareRunner::request(const PerturbEdit &edit, const std::vector<fs::precond::PrecondKind> &kinds)
{
    m_runner.submit(0, [this, edit, kinds] {
        if (!m_engines->matrix)
            return CoalescingRunner::Work();
        return CoalescingRunner::Work([this, engines = m_engines, edit, kinds](std::stop_token stop) {
            auto result = std::make_shared<CompareOutcome>();
            result->edit = edit;
            for (fs::precond::PrecondKind kind : kinds) {
                if (stop.stop_requested())
                    return CoalescingRunner::Finish();
                result->kinds.push_back(evaluateKind(*engines, kind, edit));
            }
            return CoalescingRunner::Finish([this, result] {
                if (!m_runner.hasPending())
                    Q_EMIT finished(*result);
            });
        });
    });
}

void PerturbCompareRunner::waitForIdle()
{
    m_runner.waitForIdle();
}

KindOutcome PerturbCompareRunner::evaluateKind(Engines &engines, fs::precond::PrecondKind kind, const PerturbEdit &edit)
{
    if (const auto failed = engines.setupFailure.find(kind); failed != engines.setupFailure.end())
        return failed->second;
    auto &engine = engines.live[kind];
    if (!engine) {
        // The current kind's runner lets core choose the ordering; so does the comparison.
        std::optional<fs::sparse::Matrix> exact;
        if (engines.exactFactor)
            exact = *engines.exactFactor;
        const auto ordering = fs::perturb::recommended_ordering(*engines.matrix);
        fs::perturb::LiveSetup setup = fs::perturb::prepare_live(*engines.matrix, std::move(exact), kind, ordering);
        if (!setup.outcome.ok()) {
            engines.live.erase(kind);
            const KindOutcome failure{kind, std::move(setup.outcome), {}};
            engines.setupFailure[kind] = failure;
            return failure;
        }
        engine = std::move(setup.engine);
    }
    fs::perturb::Evaluation e = engine->try_evaluate(edit.row, edit.col, edit.delta);
    return {kind, std::move(e.outcome), e.result ? e.result->delta.profile : fs::perturb::LocalityProfile()};
}

} // namespace fs::ui
