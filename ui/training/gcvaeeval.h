#pragma once

#include "dataset/eval_report.h"

#include <QColor>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <limits>
#include <optional>

namespace fs::ui {

// One PCG solve of eval.json: {"iterations", "converged", "relres", "failure"?}.
struct PcgSolve {
    int iterations = 0;
    bool converged = false;
    double relres = std::numeric_limits<double>::quiet_NaN();
    QString failure; ///< e.g. "max_iterations", "breakdown", "unavailable"; empty when converged
};

// One test matrix of a gcvae evaluation.
struct GcvaeSample {
    QString name;
    int n = 0;
    double cos = std::numeric_limits<double>::quiet_NaN();
    /// What the target minimises, of sampled, mean and the target itself: ||I - A R||_F (spai) or
    /// K(G A G^T) (fsai)
    QHash<QString, double> residual;
    QHash<QString, PcgSolve> pcg;    ///< by method key; a method missing from the file is absent
    QHash<QString, qint64> nnz;
};

// The eval.json a gcvae run writes ({"kind": "gcvae", ...}), read into plain values that the
// table and the chart share. Method keys are the file's: none, jacobi, ic0, kopt, the target (spai
// or fsai), mean, sampled.
class GcvaeEval
{
    Q_DECLARE_TR_FUNCTIONS(fs::ui::GcvaeEval)

public:
    static bool isGcvae(const QJsonObject &eval);
    static GcvaeEval fromJson(const QJsonObject &eval);
    static GcvaeEval fromReport(const dataset::EvalReport &report);
    /// eval.json of either kind through the core parser (dataset/eval_report.h).
    static dataset::EvalReport parse(const QJsonObject &eval);

    /// The methods in the order every view shows them: cheapest first, the learned ones last.
    QStringList methods() const;
    /// "spai" or "fsai": the dataset's target, and the key of its own row.
    QString target = QStringLiteral("spai");
    int pattern = 1; ///< the targets' pattern, A (1) or A² (2)
    bool isFsai() const { return target == QLatin1String("fsai"); }
    static QString methodLabel(const QString &method);
    static QColor methodColor(const QString &method);
    /// A failure code worded for the user.
    static QString failureText(const QString &failure);

    QList<GcvaeSample> samples;
    double meanCos = std::numeric_limits<double>::quiet_NaN();

    /// Median iterations over the converged solves of `method`; empty when none converged.
    std::optional<double> medianIterations(const QString &method) const;
    int convergedCount(const QString &method) const;
    int solveCount(const QString &method) const;
    /// The largest iteration count of any solve: failed solves are drawn at this cap.
    int iterationCap() const;
    /// median Jacobi iterations / median sampled-GCVAE iterations, the paper's headline ratio.
    std::optional<double> jacobiRatio() const;
    /// One line above the chart: test matrices, mean cos, the ratio, convergence counts.
    QString summaryText() const;
};

} // namespace fs::ui
