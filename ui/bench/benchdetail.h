#pragma once

#include "bench/benchfactors.h"
#include "bench/benchstore.h"

#include <QFutureWatcher>
#include <QWidget>

class QCustomPlot;
class QLabel;
class QPushButton;

namespace fs::ui {

class SpyPlot;

// The selected matrix: patterns of A, L_K-opt and L_IC(0) side by side (computed on demand off the
// GUI thread) and the PCG convergence curve of every preconditioner.
class BenchDetail : public QWidget
{
    Q_OBJECT

public:
    explicit BenchDetail(QWidget *parent = nullptr);
    ~BenchDetail() override;

    /// Shows `record`; nullptr clears the panel.
    void setRecord(const BenchRecord *record);
    QString filePath() const { return m_path; }
    QCustomPlot *convergencePlot() const { return m_curves; }
    /// Blocks until the factors of the current record are shown (tests, batch rendering).
    void waitForFactors();

Q_SIGNALS:
    void openInPerturbView(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showCurves(const BenchRecord *record);
    void showFactors();

    QLabel *m_title;
    QLabel *m_factorNote;
    SpyPlot *m_spyA;
    SpyPlot *m_spyKopt;
    SpyPlot *m_spyIc0;
    QCustomPlot *m_curves;
    QPushButton *m_open;
    QFutureWatcher<BenchFactors> m_watcher;
    QString m_path;
    QString m_pendingPath; // the factors being computed belong to this file
    QString m_pendingSettings;
    bool m_factorsWanted = false;
};

} // namespace fs::ui
