#pragma once

#include <functional>

#include "document/workspace.h"
#include "training/runhistory.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QTabWidget;
class QTextBrowser;

namespace fs::ui {

class SlurmDialog;

class RunController;
class TrainingEvalChart;
class TrainingForm;
class TrainingMetricPlot;
class TrainingPlot;
class TrainingRunModel;

// The "Training" workspace: launch factorscope-train runs and sweeps, watch their cosine curves
// live, and browse, resume, export or delete runs indexed in the history.
class TrainingView : public QWidget, public Workspace
{
    Q_OBJECT

public:
    /// `historyPath` empty: RunHistory::defaultPath().
    explicit TrainingView(const QString &historyPath = {}, QWidget *parent = nullptr);
    ~TrainingView() override;

    QWidget *view() override { return this; }
    QString title() const override;
    /// The program's own tab remembers the launcher between sessions; views made for tests and
    /// headless exports start from the defaults.
    void restoreState() override;

    /// Starts one run from the form; returns its id or 0 (the reason is shown).
    int startRun();
    /// Starts every chosen model × depth; returns how many were queued.
    int startSweep();
    /// Decides whether a Slurm submission goes ahead once its dialog is set up (default: the user,
    /// through exec()); tests answer it themselves.
    void setSlurmConfirmation(std::function<bool(SlurmDialog &)> confirm) { m_confirmSlurm = std::move(confirm); }
    /// Shows a run folder from anywhere and indexes it; returns its id or 0.
    int openRunDirectory(const QString &directory, QString *error = nullptr);
    void selectRuns(const QList<int> &ids);
    QList<int> selectedRuns() const;
    bool exportFigure(const QString &path, QString *error = nullptr);
    /// The gcvae evaluation chart of the last selected run; false when that run has none.
    bool exportEvalFigure(const QString &path, QString *error = nullptr);
    /// Brings the evaluation (table and, for gcvae, the chart) to the front with room to read it.
    void showEvaluation();
    bool exportCsv(const QString &path, QString *error = nullptr);
    /// Asks first unless `confirm` is false; `deleteFolder` also removes the files.
    void deleteRuns(const QList<int> &ids, bool confirm = true, bool deleteFolder = false);

    RunController *controller() const { return m_controller; }
    TrainingForm *form() const { return m_form; }
    TrainingPlot *plot() const { return m_plot; }
    TrainingMetricPlot *metricPlot() const { return m_metricPlot; }
    TrainingEvalChart *evalChart() const { return m_evalChart; }
    TrainingRunModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    RunHistory &history() { return m_history; }
    QString logText() const;
    QString evalHtml() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildRunsPanel();
    void retranslateUi();
    void reloadHistory();
    void selectionChanged();
    void showDetails();
    void runEnded(int id);
    void chooseRunDirectory();
    void chooseExportFigure();
    void chooseExportCsv();
    void resumeSelected();
    QString newRunDirectory(const QString &model, int depth) const;
    bool checkLauncher();
    /// The chosen models × depths as one Slurm array job; returns how many runs were submitted.
    int submitToCluster(const QList<QPair<QString, int>> &combos);
    bool checkDataset(const TrainingConfig &config);
    void message(const QString &text);
    void recordRun(const TrainingRun &run);

    RunHistory m_history;
    RunController *m_controller;
    TrainingRunModel *m_model;
    QSortFilterProxyModel *m_proxy;
    TrainingForm *m_form;
    TrainingPlot *m_plot;
    TrainingMetricPlot *m_metricPlot;
    TrainingEvalChart *m_evalChart = nullptr;
    QSplitter *m_rightSplit = nullptr;
    QSplitter *m_detailsSplit = nullptr;
    QSplitter *m_evalSplit = nullptr;
    QTableView *m_table = nullptr;
    QTabWidget *m_details = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QTextBrowser *m_eval = nullptr;
    QLabel *m_status = nullptr;
    bool m_rememberSettings = false; ///< the program's tab: launch settings persist
    std::function<bool(SlurmDialog &)> m_confirmSlurm;
    QPushButton *m_stop = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_exportFigure = nullptr;
    QPushButton *m_exportCsv = nullptr;
};

} // namespace fs::ui
