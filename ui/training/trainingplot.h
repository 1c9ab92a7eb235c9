#pragma once

#include "training/trainingrun.h"

#include <QColor>
#include <QHash>
#include <QPointF>
#include <QWidget>

#include <limits>

class QCPGraph;
class QCustomPlot;
class QComboBox;
class QLabel;

namespace fs::ui {

class RunController;

/// The colour of the index-th selected run in every training plot (Tableau 10, cycling), so a run
/// keeps its colour in the cosine curves and the GCVAE metric curves.
QColor runColor(int index);

// Train (dotted) and test (solid) cosine similarity per epoch of the shown runs, one colour per
// run, extended point by point while a run trains. A run on a paired dataset also gets its bound
// (the best mean test cosine any model of its receptive radius can reach) as a dashed line. The
// axis is either cosine on 0-1 or 1 - cosine on a log scale, where differences above 0.95 show.
class TrainingPlot : public QWidget
{
    Q_OBJECT

public:
    enum class Curve { Train, Test, Bound };
    enum class Axis { Cosine, LogDistance };

    explicit TrainingPlot(RunController *controller, QWidget *parent = nullptr);

    void setShownRuns(const QList<int> &ids);
    QList<int> shownRuns() const { return m_shown; }
    QCustomPlot *plot() const { return m_plot; }
    /// (epoch, cosine) of the drawn curve, whatever the axis; empty when the run is not shown or,
    /// for the bound, when the run has none.
    QList<QPointF> curve(int id, Curve which) const;
    Axis axis() const { return m_axis; }
    /// Switches the value axis; the choice is remembered in the settings.
    void setAxis(Axis axis);
    /// The shown runs' metrics, one row per run and epoch.
    QString csv() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Graphs {
        QCPGraph *train = nullptr;
        QCPGraph *test = nullptr;
        QCPGraph *bound = nullptr;
        QString label; ///< "model dDEPTH", the legend's prefix
        double boundValue = std::numeric_limits<double>::quiet_NaN();
    };
    /// The drawn value of a cosine on the current axis.
    double drawn(double cosine) const;
    void setBound(Graphs &g, double bound);
    void rebuild();
    void addPoint(int id, const EpochPoint &point);
    void retranslateUi();
    void rescale();

    RunController *m_controller;
    QCustomPlot *m_plot;
    QLabel *m_axisLabel;
    QComboBox *m_axisBox;
    Axis m_axis = Axis::Cosine;
    QList<int> m_shown;
    QHash<int, Graphs> m_graphs;
};

} // namespace fs::ui
