#pragma once

#include "training/trainingrun.h"

#include <QHash>
#include <QPointF>
#include <QWidget>

class QComboBox;
class QCPGraph;
class QCustomPlot;
class QLabel;

namespace fs::ui {

class RunController;

// The extra per-epoch metrics of gcvae runs (reconstruction, KL, training residual, test residual
// ratio against SPAI), one chosen at a time, one colour per shown run. Runs without these metrics
// are left out, and the plot hides itself when no shown run has any.
class TrainingMetricPlot : public QWidget
{
    Q_OBJECT

public:
    enum class Metric { Recon, Kl, Residual, TestResidualRatio };

    explicit TrainingMetricPlot(RunController *controller, QWidget *parent = nullptr);

    void setShownRuns(const QList<int> &ids);
    void setMetric(Metric metric);
    Metric metric() const;
    /// True when a shown run carries gcvae metrics (the plot is then meant to be visible).
    bool hasData() const { return !m_graphs.isEmpty(); }
    QCustomPlot *plot() const { return m_plot; }
    /// (epoch, value) as drawn for the current metric; empty when the run is not drawn.
    QList<QPointF> curve(int id) const;

    static double value(const EpochPoint &point, Metric metric);

Q_SIGNALS:
    void availabilityChanged(bool hasData);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void addPoint(int id, const EpochPoint &point);
    void retranslateUi();

    RunController *m_controller;
    QLabel *m_label;
    QComboBox *m_metric;
    QCustomPlot *m_plot;
    QList<int> m_shown;
    QHash<int, QCPGraph *> m_graphs;
};

} // namespace fs::ui
