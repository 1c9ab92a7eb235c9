#include "perturb/perturbcompare.h"

#include <factor/factor_error.h>

#include <QCoreApplication>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace fs::ui {

namespace {

using fs::precond::FactorKind;
using Status = PerturbOutcome::Status;

// Runs `body`, turning core's exceptions into a status as PerturbRunner words them.
template <class Body>
KindOutcome guarded(FactorKind kind, Body &&body)
{
    KindOutcome out;
    out.kind = kind;
    try {
        body(out);
    } catch (const fs::factor::PerturbationRefused &e) {
        out.status = Status::Refused;
        out.detail = QString::fromStdString(e.what());
        out.column = int(e.column());
    } catch (const fs::factor::NotPositiveDefinite &e) {
        out.status = kind == FactorKind::Ic0 ? Status::Breakdown : Status::NotPositiveDefinite;
        out.detail = QString::fromStdString(e.what());
        out.column = int(e.column());
    } catch (const fs::precond::SizeRefused &e) {
        out.status = Status::SizeRefused;
        out.detail = QString::fromStdString(e.what());
    } catch (const fs::precond::NotSpd &e) {
        out.status = Status::NotPositiveDefinite;
        out.detail = QString::fromStdString(e.what());
    } catch (const std::exception &e) {
        out.status = Status::Failed;
        out.detail = QString::fromStdString(e.what());
    }
    return out;
}

} // namespace

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

void PerturbCompareRunner::request(const PerturbEdit &edit, const std::vector<FactorKind> &kinds)
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
        for (FactorKind kind : job.kinds) {
            if (const auto failed = engines->setupFailure.find(kind); failed != engines->setupFailure.end()) {
                result->kinds.push_back(failed->second);
                continue;
            }
            auto &engine = engines->live[kind];
            if (!engine) {
                // The current kind's runner lets core choose the ordering; so does the comparison.
                KindOutcome setup = guarded(kind, [&](KindOutcome &) {
                    std::optional<fs::sparse::Matrix> exact;
                    if (engines->exactFactor)
                        exact = *engines->exactFactor;
                    const auto ordering = fs::precond::recommended_ordering(*engines->matrix);
                    engine = std::make_shared<fs::precond::LivePerturbation>(*engines->matrix, std::move(exact),
                                                                             kind, ordering);
                });
                if (setup.status != Status::Ok) {
                    engines->live.erase(kind);
                    engines->setupFailure[kind] = setup;
                    result->kinds.push_back(setup);
                    continue;
                }
            }
            result->kinds.push_back(guarded(kind, [&](KindOutcome &out) {
                out.profile = engine->evaluate(job.edit.row, job.edit.col, job.edit.delta).delta.profile;
            }));
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
