#pragma once

#include "training/trainingrun.h"

#include <QColor>
#include <QHash>
#include <QPointF>
#include <QWidget>

class QCPGraph;
class QCustomPlot;

namespace fs::ui {

class RunController;

/// The colour of the index-th selected run in every training plot (Tableau 10, cycling), so a run
/// keeps its colour in the cosine curves and the GCVAE metric curves.
QColor runColor(int index);

// Train (dashed) and test (solid) cosine similarity per epoch of the shown runs, one colour per
// run, extended point by point while a run trains.
class TrainingPlot : public QWidget
{
    Q_OBJECT

public:
    enum class Curve { Train, Test };

    explicit TrainingPlot(RunController *controller, QWidget *parent = nullptr);

    void setShownRuns(const QList<int> &ids);
    QList<int> shownRuns() const { return m_shown; }
    QCustomPlot *plot() const { return m_plot; }
    /// (epoch, cosine) as drawn; empty when the run is not shown.
    QList<QPointF> curve(int id, Curve which) const;
    /// The shown runs' metrics, one row per run and epoch.
    QString csv() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Graphs {
        QCPGraph *train = nullptr;
        QCPGraph *test = nullptr;
    };
    void rebuild();
    void addPoint(int id, const EpochPoint &point);
    void retranslateUi();
    void rescale();

    RunController *m_controller;
    QCustomPlot *m_plot;
    QList<int> m_shown;
    QHash<int, Graphs> m_graphs;
};

} // namespace fs::ui
