#pragma once

#include "widgets/figureexporter.h"

#include <QCoreApplication>
#include <QString>

namespace fs::ui {

// The figures the program can render without a window (factorscope --export-figure NAME).
class PerturbFigure
{
    Q_DECLARE_TR_FUNCTIONS(fs::ui::PerturbFigure)

public:
    /// "fig1-laplacian" and "fig1-counterexample": the two panels of Figure 1 of [P1].
    static QStringList names();
    /// Perturbs A₁₁ by +1 in the matrix of order n and plots |ΔL_ii| against i into `path`.
    static bool render(const QString &name, int n, const QString &path, const FigureOptions &options,
                       QString *error);
};

} // namespace fs::ui
