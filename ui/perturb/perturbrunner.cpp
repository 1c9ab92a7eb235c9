#include "perturb/perturbrunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace fs::ui {

namespace {

constexpr int MaxGrid = 256;

PerturbOutcome evaluate(fs::perturb::LivePerturbation &engine, const PerturbEdit &edit, int grid)
{
    PerturbOutcome out;
    out.edit = edit;
    QElapsedTimer timer;
    timer.start();
    fs::perturb::Evaluation e = engine.try_evaluate(edit.row, edit.col, edit.delta);
    out.outcome = std::move(e.outcome);
    if (e.result) {
        auto r = std::make_shared<fs::perturb::PerturbationResult>(std::move(*e.result));
        const auto n = static_cast<fs::sparse::Index>(engine.matrix().rows());
        out.diagByRow.assign(size_t(n), 0.0);
        for (fs::sparse::Index k = 0; k < n && k < r->delta.diag_diff.size(); ++k)
            out.diagByRow[size_t(r->perm.empty() ? k : r->perm[size_t(k)])] = r->delta.diag_diff[k];
        out.deltaBins = fs::sparse::bin_pattern(r->delta.delta_L, fs::sparse::BinWindow::whole(r->delta.delta_L),
                                                grid, grid);
        out.result = std::move(r);
    }
    out.seconds = double(timer.nsecsElapsed()) * 1e-9;
    return out;
}

} // namespace

// Everything a background job reads or writes; the GUI thread touches it only after it finished.
struct PerturbRunner::Job {
    std::optional<PerturbConfig> config;
    PerturbEdit edit;
    std::shared_ptr<fs::perturb::LivePerturbation> engine;
    PerturbBase base;
    PerturbOutcome outcome;
};

PerturbRunner::PerturbRunner(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &PerturbRunner::jobDone);
}

PerturbRunner::~PerturbRunner()
{
    m_watcher.waitForFinished();
}

void PerturbRunner::configure(const PerturbConfig &config)
{
    m_pendingConfig = config;
    m_pendingEdit.reset();
    startNext();
}

void PerturbRunner::request(const PerturbEdit &edit)
{
    m_pendingEdit = edit;
    startNext();
}

void PerturbRunner::waitForIdle()
{
    while (m_busy || (m_pendingEdit && m_engine) || m_pendingConfig) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (m_busy)
            QThread::msleep(1);
    }
}

void PerturbRunner::startNext()
{
    if (m_busy)
        return;
    auto job = std::make_shared<Job>();
    if (m_pendingConfig) {
        job->config = std::move(m_pendingConfig);
        m_pendingConfig.reset();
        m_engine.reset();
        m_job = job;
        m_busy = true;
        m_watcher.setFuture(QtConcurrent::run([job] {
            const PerturbConfig &c = *job->config;
            PerturbBase &b = job->base;
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
            if (b.ok) {
                b.ordering = setup.engine->ordering();
                job->engine = std::move(setup.engine);
            } else {
                b.error = QString::fromStdString(setup.outcome.reason);
            }
        }));
        return;
    }
    if (!m_pendingEdit || !m_engine)
        return;
    job->edit = *m_pendingEdit;
    m_pendingEdit.reset();
    job->engine = m_engine;
    const int grid = m_base.gridSize;
    m_job = job;
    m_busy = true;
    m_watcher.setFuture(QtConcurrent::run([job, grid] { job->outcome = evaluate(*job->engine, job->edit, grid); }));
}

void PerturbRunner::jobDone()
{
    const std::shared_ptr<Job> job = std::move(m_job);
    m_busy = false;
    if (job->config) {
        m_engine = job->engine;
        m_base = job->base;
        Q_EMIT configured(m_base);
    } else if (!m_pendingConfig) {
        Q_EMIT finished(job->outcome);
    }
    startNext();
}

} // namespace fs::ui
