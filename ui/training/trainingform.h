#pragma once

#include "training/runcontroller.h"
#include "training/trainingdataset.h"
#include "training/trainingrun.h"

#include "dataset/experiment.h"

#include <QList>
#include <QPair>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace fs::ui {

class DatasetGenerator;

// The left side of the Training tab: dataset, model, hyperparameters ([P1]'s defaults), the
// sweep selection and where the trainer runs. Holds no runs itself.
class TrainingForm : public QWidget
{
    Q_OBJECT

public:
    explicit TrainingForm(QWidget *parent = nullptr);

    TrainingConfig config() const;
    void setConfig(const TrainingConfig &config);
    /// Every checked model × checked depth.
    QList<QPair<QString, int>> sweep() const;
    void setSweep(const QStringList &models, const QList<int> &depths);
    Launcher launcher() const;
    int maxConcurrent() const;
    QString runsDirectory() const;
    void setRunsDirectory(const QString &directory);
    DatasetGenerator *generator() const { return m_generator; }
    /// The dataset the generate button would write (kind, sizes, problem, sigma).
    DatasetRequest datasetRequest() const;
    void setDatasetRequest(const DatasetRequest &request);
    /// Writes the requested dataset into a new folder under `parent` in the background (the
    /// Generate button uses defaultDatasetDirectory); false when one is already being written.
    bool generateDatasetInto(const QString &parent);
    /// The line under Generate after a paired dataset was written: its bound for depths 1-7.
    QString boundsNote() const;
    /// The sweep presets, "fig3 quick" … "fig4 paper": index 0 is "none", then
    /// dataset::experiment_spec of fig3 quick, fig3 paper, fig4 quick, fig4 paper.
    QComboBox *presetBox() const { return m_preset; }
    void setPreset(dataset::ExperimentFigure figure, dataset::ExperimentScale scale);
    /// Stops the dataset being written (the Cancel button next to Generate); no manifest is left.
    QPushButton *cancelGenerationButton() const { return m_cancelGenerate; }
    /// Whether the gcvae rows (latent, beta, samples, residual weight) are shown: only for gcvae.
    bool generativeRowsVisible() const;
    /// The line under the dataset folder: its kind, or why it does not fit the model.
    QString datasetNote() const;
    /// Launcher settings (model, dataset, epochs, device, gcvae keys) to and from AppSettings.
    void saveSettings() const;
    void restoreSettings();
    /// Start and Start Sweep, for the view to keep in sight below the scrolling form.
    QWidget *launchButtons() const { return m_launchButtons; }

Q_SIGNALS:
    void startRequested();
    void sweepRequested();
    void launcherChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildDatasetGroup();
    QWidget *buildModelGroup();
    QWidget *buildLauncherGroup();
    void retranslateUi();
    void browseDataset();
    void browseRuns();
    void generateDataset();
    bool startGeneration(const QString &directory);
    void applyPreset(int index);
    void showBounds(const QList<double> &bounds);
    void updateLauncher();
    void updateModelRows();
    void updateGeneratorRows();
    void updateDatasetNote();

    DatasetGenerator *m_generator;
    QGroupBox *m_datasetGroup = nullptr;
    QGroupBox *m_modelGroup = nullptr;
    QGroupBox *m_sweepGroup = nullptr;
    QGroupBox *m_launcherGroup = nullptr;
    QLineEdit *m_dataset = nullptr;
    QPushButton *m_browseDataset = nullptr;
    QSpinBox *m_genCount = nullptr;
    QSpinBox *m_genOrder = nullptr;
    QComboBox *m_genKind = nullptr;
    QComboBox *m_genProblem = nullptr;
    QDoubleSpinBox *m_genSigma = nullptr;
    QComboBox *m_genTarget = nullptr;
    QComboBox *m_genPattern = nullptr;
    QWidget *m_genTargetRow = nullptr;
    QWidget *m_genSpaiRow = nullptr;
    QComboBox *m_genFamily = nullptr;
    QCheckBox *m_genPaired = nullptr;
    QWidget *m_genSyntheticRow = nullptr;
    QLabel *m_genBounds = nullptr; ///< the written paired dataset's bound for depths 1-7
    QComboBox *m_preset = nullptr;
    int m_genKindShown = 0;              ///< the kind m_genOrder currently holds a size for
    int m_genOtherSize = 32;             ///< the size kept for the other kind
    QLabel *m_datasetNote = nullptr;
    QFormLayout *m_modelForm = nullptr;
    QSpinBox *m_latent = nullptr;
    QDoubleSpinBox *m_beta = nullptr;
    QSpinBox *m_samples = nullptr;
    QDoubleSpinBox *m_residualWeight = nullptr;
    QPushButton *m_generate = nullptr;
    QPushButton *m_cancelGenerate = nullptr;
    QProgressBar *m_genProgress = nullptr;
    QLabel *m_genStatus = nullptr;
    QComboBox *m_model = nullptr;
    QSpinBox *m_depth = nullptr;
    QSpinBox *m_hidden = nullptr;
    QSpinBox *m_epochs = nullptr;
    QDoubleSpinBox *m_lr = nullptr;
    QSpinBox *m_lrStep = nullptr;
    QDoubleSpinBox *m_lrGamma = nullptr;
    QSpinBox *m_patience = nullptr;
    QSpinBox *m_batch = nullptr;
    QSpinBox *m_seed = nullptr;
    QComboBox *m_device = nullptr;
    QList<QCheckBox *> m_sweepModels;
    QList<QCheckBox *> m_sweepDepths;
    QComboBox *m_launchMode = nullptr;
    QLineEdit *m_template = nullptr;
    QLabel *m_trainerStatus = nullptr;
    QSpinBox *m_concurrent = nullptr;
    QLineEdit *m_runs = nullptr;
    QPushButton *m_browseRuns = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_sweepButton = nullptr;
    QWidget *m_launchButtons = nullptr;
    QList<QLabel *> m_labels; ///< form labels, retitled on language change
};

} // namespace fs::ui
