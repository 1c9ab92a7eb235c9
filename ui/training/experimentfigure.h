#pragma once
// The figure of an experiment (factorscope-cli experiment, results.json): one panel per dataset,
// best test cosine against depth for each model, and the locality bound of each receptive radius
// as a dashed line — what no model of that radius can exceed on the dataset's test pairs.

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QCustomPlot;

namespace fs::ui {

class ExperimentFigure
{
    Q_DECLARE_TR_FUNCTIONS(fs::ui::ExperimentFigure)

public:
    /// Draws results (results.json's object) into plot, replacing what it showed.
    static void draw(QCustomPlot *plot, const nlohmann::json &results);
};

/// Writes base.png, base.pdf and base.svg (needs a QApplication); the names written go to
/// `written`. False with a sentence in `error` when the results are malformed or a file fails.
bool writeExperimentFigure(const nlohmann::json &results, const QString &base, QStringList *written,
                           QString *error);

} // namespace fs::ui
