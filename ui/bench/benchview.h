#pragma once

#include <functional>

#include "bench/benchstore.h"
#include "document/workspace.h"

#include <bench/runner.h>

#include <QTimer>
#include <QList>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace fs::ui {

class SlurmClient;
class SlurmDialog;

class BenchChart;
class BenchController;
class BenchDetail;
class BenchFilterProxy;
class BenchTableModel;

// The "Benchmark" workspace: choose a folder of matrices, run every preconditioner on each, and
// browse the stored results as a table, the Figure 2 chart and a per-matrix detail panel.
class BenchView : public QWidget, public Workspace
{
    Q_OBJECT

public:
    /// `storePath` empty: BenchStore::defaultPath().
    explicit BenchView(const QString &storePath = {}, QWidget *parent = nullptr);
    ~BenchView() override;

    QWidget *view() override { return this; }
    QString title() const override;

    QString sourceDirectory() const;
    void setSourceDirectory(const QString &directory);
    fs::bench::RunOptions runOptions() const;

    void run();
    void cancel();
    /// Benchmark ▸ Run on cluster: the folder as a Slurm array of shards and a merge job (the
    /// dialog shows the scripts first); the merged store's results are imported when it ends.
    /// Returns false when nothing was submitted.
    bool runOnCluster();
    /// Decides whether a Slurm submission goes ahead (default: the dialog's exec()); for tests.
    void setSlurmConfirmation(std::function<bool(SlurmDialog &)> confirm) { m_confirmSlurm = std::move(confirm); }
    /// Adds every result of a store (the cluster's merged one) to this view's store; how many.
    int importStore(const QString &path, QString *error = nullptr);
    QString clusterStatus() const;
    /// Shows stored results, runs what is missing when nothing is stored and selects a matrix,
    /// so that a screenshot shows a filled view. Blocks.
    Q_INVOKABLE void prepareForScreenshot();

    BenchController *controller() const { return m_controller; }
    BenchTableModel *model() const { return m_model; }
    BenchFilterProxy *proxy() const { return m_proxy; }
    BenchChart *chart() const { return m_chart; }
    BenchDetail *detail() const { return m_detail; }
    BenchStore &store() { return m_store; }

Q_SIGNALS:
    void openInPerturbView(const QString &path);

protected:
    void changeEvent(QEvent *event) override;
    /// The first time the view is shown on the bundled benchmark with nothing stored for its
    /// settings (a fresh installation), the benchmark starts computing in the background.
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void reload();
    void addResult(const BenchRecord &record);
    void showStoreMessage(const QString &text);
    void storeUnsaved();
    void addFolder();
    void exportChart();
    void updateProgress();
    void updateButtons();
    void applyFilters();
    void showSelected();

    BenchStore m_store;
    BenchController *m_controller;
    BenchTableModel *m_model;
    BenchFilterProxy *m_proxy;
    QComboBox *m_source = nullptr;
    QPushButton *m_addFolder = nullptr;
    QPushButton *m_exportChart = nullptr;
    QComboBox *m_ordering = nullptr;
    QDoubleSpinBox *m_budget = nullptr;
    QComboBox *m_scaling = nullptr;
    QSpinBox *m_noise = nullptr;
    bool m_shownOnce = false;
    QPushButton *m_run = nullptr;
    QPushButton *m_runCluster = nullptr;
    SlurmClient *m_slurm = nullptr;
    QString m_mergeJob, m_shardJob, m_clusterStore; ///< the submission in progress, empty when none
    int m_shardCount = 0;
    std::function<bool(SlurmDialog &)> m_confirmSlurm;
    QLabel *m_clusterStatus = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_elapsed = nullptr;
    QLabel *m_storeMessage = nullptr; ///< what went wrong with the store (hidden when nothing)
    QString m_storeNotice;            ///< what open() found (a damaged file moved aside), kept shown
    QList<BenchRecord> m_unsaved;     ///< results the store refused (locked), retried every few seconds
    QTimer m_retry;
    QLabel *m_sourceLabel = nullptr;
    QLabel *m_orderingLabel = nullptr;
    QLabel *m_budgetLabel = nullptr;
    QLabel *m_scalingLabel = nullptr;
    QLabel *m_noiseLabel = nullptr;
    QLabel *m_filterLabel = nullptr;
    QLineEdit *m_text = nullptr;
    QComboBox *m_category = nullptr;
    QSpinBox *m_minRows = nullptr;
    QSpinBox *m_maxRows = nullptr;
    QLabel *m_sizeLabel = nullptr;
    QTableView *m_table = nullptr;
    BenchChart *m_chart = nullptr;
    BenchDetail *m_detail = nullptr;
    QTimer m_ticker; // progress and elapsed time at 10 Hz while running
};

} // namespace fs::ui
