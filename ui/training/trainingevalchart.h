#pragma once

#include "training/gcvaeeval.h"

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QCPBars;
class QCustomPlot;
class QLabel;
class QPushButton;

namespace fs::ui {

// PCG iterations of a gcvae evaluation as grouped bars, one colour per preconditioner in the order
// none, Jacobi, IC(0), K-optimal, SPAI, GCVAE (mean), GCVAE (sampled). Failed solves are drawn as
// grey hatched bars at the iteration cap with their reason written on them. The summary line above
// gives the ratio the paper reports: median Jacobi iterations over median GCVAE iterations.
class TrainingEvalChart : public QWidget
{
    Q_OBJECT

public:
    enum class Grouping { Automatic, PerMatrix, PerMethod };

    // One bar as drawn. Per matrix: height = iterations (the cap when failed). Per method: height =
    // median over converged solves, `failed` = how many solves failed.
    struct Bar {
        QString matrix; ///< empty when grouped per method
        QString method;
        double height = 0.0;
        bool failed = false;
        int failures = 0;
    };

    /// Above this many test matrices, automatic grouping switches to one bar per method.
    static constexpr int PerMatrixLimit = 12;

    explicit TrainingEvalChart(QWidget *parent = nullptr);

    /// Shows a gcvae eval.json; anything else clears the chart and returns false.
    bool setEval(const QJsonObject &eval);
    bool hasEval() const { return !m_eval.samples.isEmpty(); }
    const GcvaeEval &eval() const { return m_eval; }

    void setLogScale(bool on);
    bool logScale() const;
    void setGrouping(Grouping grouping);
    /// Automatic resolved for the current evaluation.
    Grouping effectiveGrouping() const;

    QCustomPlot *plot() const { return m_plot; }
    QString summary() const;
    /// Read back from the plotted bars.
    QList<Bar> bars() const;
    /// The texts written on failed bars.
    QStringList failureMarks() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void buildPerMatrix();
    void buildPerMethod();
    void addFailureMark(double key, double value, const QString &text);
    void applyScale();
    void retranslateUi();
    void chooseExport();

    QJsonObject m_source;
    GcvaeEval m_eval;
    QLabel *m_summary;
    QComboBox *m_grouping;
    QCheckBox *m_log;
    QPushButton *m_export;
    QCustomPlot *m_plot;
    QLabel *m_groupingLabel;
    // Per method key: the converged bars and the failed bars stacked on them.
    QList<QPair<QCPBars *, QCPBars *>> m_bars;
    QStringList m_failureMarks;
    QStringList m_keyNames; ///< matrix or method per integer key, from 1
    double m_lowest = 1.0;  ///< smallest positive height (infinite: none), for the logarithmic range
    double m_highest = 1.0;
};

} // namespace fs::ui
