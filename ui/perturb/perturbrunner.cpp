#include "perturb/perturbrunner.h"

#include <factor/factor_error.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace fs::ui {

namespace {

constexpr int MaxGrid = 256;

PerturbOutcome evaluate(fs::precond::LivePerturbation &engine, const PerturbEdit &edit, int grid)
{
    PerturbOutcome out;
    out.edit = edit;
    QElapsedTimer timer;
    timer.start();
    try {
        auto r = std::make_shared<fs::factor::PerturbationResult>(engine.evaluate(edit.row, edit.col, edit.delta));
        const auto n = static_cast<fs::sparse::Index>(engine.matrix().rows());
        out.diagByRow.assign(size_t(n), 0.0);
        for (fs::sparse::Index k = 0; k < n && k < r->delta.diag_diff.size(); ++k)
            out.diagByRow[size_t(r->perm.empty() ? k : r->perm[size_t(k)])] = r->delta.diag_diff[k];
        out.deltaBins = fs::sparse::bin_pattern(r->delta.delta_L, fs::sparse::BinWindow::whole(r->delta.delta_L),
                                                grid, grid);
        out.result = std::move(r);
    } catch (const fs::factor::PerturbationRefused &e) {
        out.status = PerturbOutcome::Status::Refused;
        out.detail = QString::fromStdString(e.what());
        out.column = int(e.column());
    } catch (const fs::factor::NotPositiveDefinite &e) {
        out.status = engine.kind() == fs::precond::FactorKind::Ic0 ? PerturbOutcome::Status::Breakdown
                                                                   : PerturbOutcome::Status::NotPositiveDefinite;
        out.detail = QString::fromStdString(e.what());
        out.column = int(e.column());
    } catch (const fs::precond::SizeRefused &e) {
        out.status = PerturbOutcome::Status::SizeRefused;
        out.detail = QString::fromStdString(e.what());
    } catch (const fs::precond::NotSpd &e) {
        out.status = PerturbOutcome::Status::NotPositiveDefinite;
        out.detail = QString::fromStdString(e.what());
    } catch (const std::exception &e) {
        out.status = PerturbOutcome::Status::Failed;
        out.detail = QString::fromStdString(e.what());
    }
    out.seconds = double(timer.nsecsElapsed()) * 1e-9;
    return out;
}

} // namespace

// Everything a background job reads or writes; the GUI thread touches it only after it finished.
struct PerturbRunner::Job {
    std::optional<PerturbConfig> config;
    PerturbEdit edit;
    std::shared_ptr<fs::precond::LivePerturbation> engine;
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
            try {
                b.orderingChosenAutomatically = c.automaticOrdering
                                                && fs::precond::recommended_ordering(*c.matrix) != c.ordering;
                b.ordering = c.automaticOrdering ? fs::precond::recommended_ordering(*c.matrix) : c.ordering;
                std::optional<fs::sparse::Matrix> exact;
                if (c.exactFactor)
                    exact = *c.exactFactor;
                job->engine = std::make_shared<fs::precond::LivePerturbation>(*c.matrix, std::move(exact), c.kind,
                                                                              b.ordering);
                b.ordering = job->engine->ordering();
                const fs::sparse::Matrix &L = job->engine->base_factor();
                b.gridSize = int(std::min<fs::sparse::Index>(MaxGrid, fs::sparse::Index(L.rows())));
                b.factorBins = fs::sparse::bin_pattern(L, fs::sparse::BinWindow::whole(L), b.gridSize, b.gridSize);
                b.ok = true;
            } catch (const std::exception &e) {
                b.error = QString::fromStdString(e.what());
                job->engine.reset();
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
