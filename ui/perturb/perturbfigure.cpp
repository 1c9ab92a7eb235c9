#include "perturb/perturbfigure.h"

#include "perturb/plots/perturbdiagplot.h"

#include <perturb/live_perturbation.h>
#include <sparse/generators.h>

namespace fs::ui {

QStringList PerturbFigure::names()
{
    return {QStringLiteral("fig1-laplacian"), QStringLiteral("fig1-counterexample")};
}

bool PerturbFigure::render(const QString &name, int n, const QString &path, const FigureOptions &options,
                           QString *error)
{
    const bool laplacian = name == QLatin1String("fig1-laplacian");
    if (!laplacian && name != QLatin1String("fig1-counterexample")) {
        if (error)
            *error = tr("Unknown figure '%1'; known: %2.").arg(name, names().join(QLatin1String(", ")));
        return false;
    }
    if (n < 2) {
        if (error)
            *error = tr("--n must be at least 2.");
        return false;
    }
    std::vector<double> diag;
    bool reliable = true;
    try {
        fs::sparse::GeneratedMatrix g = laplacian ? fs::sparse::laplacian1d(n) : fs::sparse::counterexample(n);
        // The generator's exact factor is the unperturbed L: a double-precision factorisation of
        // the rounded counterexample would be wrong beyond row ~12.
        fs::perturb::LivePerturbation live(std::move(g.A), std::move(g.exact_L), fs::precond::PrecondKind::Cholesky,
                                           fs::sparse::Ordering::Natural);
        const fs::perturb::PerturbationResult r = live.evaluate(0, 0, 1.0);
        diag.assign(r.delta.diag_diff.data(), r.delta.diag_diff.data() + r.delta.diag_diff.size());
        reliable = r.reliable;
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    PerturbDiagPlot plot;
    plot.resize(800, 500);
    plot.setCaption(laplacian ? tr("1D Laplacian, n = %1: A₁₁ += 1").arg(n)
                              : tr("Counterexample (Theorem 2.1), n = %1: A₁₁ += 1").arg(n));
    plot.setDiagonalChange(diag);
    plot.setUnreliable(!reliable);
    return FigureExporter::exportFigure(&plot, path, options, error);
}

} // namespace fs::ui
