#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace fs::ui {

class GcvaeEval;

// eval.json (read by the core parser, dataset/eval_report.h) as an HTML table: per test matrix the cosine of the learned L and the PCG iterations
// with it next to K-optimal, IC(0) and no preconditioner; for gcvae runs the residuals, PCG
// iterations and nonzeros of every preconditioner next to the sampled and mean R.
class TrainingEval
{
    Q_DECLARE_TR_FUNCTIONS(fs::ui::TrainingEval)

public:
    static QString html(const QJsonObject &eval);

private:
    static QString gcvaeHtml(const GcvaeEval &eval);
};

} // namespace fs::ui
