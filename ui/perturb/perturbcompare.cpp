#include "perturb/perturbcompare.h"

#include <QCoreApplication>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace fs::ui {

PerturbCompareRunner::PerturbCompareRunner(QObject *parent)
    : QObject(parent)
    , m_engines(std::make_shared<Engines>())
{
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &PerturbCompareRunner::jobDone);
}

PerturbCompareRunner::~PerturbCompareRunner()
{
    m_watcher.waitForFinished();
}

void PerturbCompareRunner::setMatrix(std::shared_ptr<const fs::sparse::Matrix> matrix,
                                     std::shared_ptr<const fs::sparse::Matrix> exactFactor)
{
    if (matrix == m_engines->matrix && exactFactor == m_engines->exactFactor)
        return;
    // A running job keeps the old engines alive until it ends; its result is then dropped.
    m_engines = std::make_shared<Engines>();
    m_engines->matrix = std::move(matrix);
    m_engines->exactFactor = std::move(exactFactor);
    m_pending.reset();
}

void PerturbCompareRunner::request(const PerturbEdit &edit, const std::vector<fs::precond::PrecondKind> &kinds)
{
    m_pending = Pending{edit, kinds};
    startNext();
}

void PerturbCompareRunner::waitForIdle()
{
    while (m_busy || (m_pending && m_engines->matrix)) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (m_busy)
            QThread::msleep(1);
    }
}

void PerturbCompareRunner::startNext()
{
    if (m_busy || !m_pending || !m_engines->matrix)
        return;
    const Pending job = *m_pending;
    m_pending.reset();
    auto engines = m_engines;
    auto result = std::make_shared<CompareOutcome>();
    result->edit = job.edit;
    m_result = result;
    m_jobEngines = engines;
    m_busy = true;
    m_watcher.setFuture(QtConcurrent::run([engines, result, job] {
        for (fs::precond::PrecondKind kind : job.kinds) {
            if (const auto failed = engines->setupFailure.find(kind); failed != engines->setupFailure.end()) {
                result->kinds.push_back(failed->second);
                continue;
            }
            auto &engine = engines->live[kind];
            if (!engine) {
                // The current kind's runner lets core choose the ordering; so does the comparison.
                std::optional<fs::sparse::Matrix> exact;
                if (engines->exactFactor)
                    exact = *engines->exactFactor;
                const auto ordering = fs::perturb::recommended_ordering(*engines->matrix);
                fs::perturb::LiveSetup setup = fs::perturb::prepare_live(*engines->matrix, std::move(exact), kind, ordering);
                if (!setup.outcome.ok()) {
                    engines->live.erase(kind);
                    const KindOutcome failure{kind, std::move(setup.outcome), {}};
                    engines->setupFailure[kind] = failure;
                    result->kinds.push_back(failure);
                    continue;
                }
                engine = std::move(setup.engine);
            }
            fs::perturb::Evaluation e = engine->try_evaluate(job.edit.row, job.edit.col, job.edit.delta);
            result->kinds.push_back({kind, std::move(e.outcome), e.result ? e.result->delta.profile
                                                                          : fs::perturb::LocalityProfile()});
        }
    }));
}

void PerturbCompareRunner::jobDone()
{
    const std::shared_ptr<CompareOutcome> result = std::move(m_result);
    const std::shared_ptr<Engines> engines = std::move(m_jobEngines);
    m_busy = false;
    if (engines == m_engines && !m_pending)
        Q_EMIT finished(*result);
    startNext();
}

} // namespace fs::ui
