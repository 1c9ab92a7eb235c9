#include "training/trainingform.h"

#include "widgets/settingskeys.h"

#include "training/trainingsettings.h"
#include "training/trainingdataset.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QSettings>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace fs::ui {

namespace {

// Indices into m_labels, in the order the rows are built.
enum Field { Dataset, Pairs, Order, Model, Depth, Hidden, Epochs, Lr, LrStep, LrGamma, Patience, Batch, Seed,
             Device, Mode, Template, Concurrent, Runs, SweepModels, SweepDepths, Latent, Beta, Samples,
             ResidualWeight, Kind, Problem, Sigma, Family, Preset, Target, Pattern, FieldCount };

QDoubleSpinBox *realSpin(double low, double high, int decimals, double step)
{
    auto *box = new QDoubleSpinBox;
    box->setDecimals(decimals);
    box->setRange(low, high);
    box->setSingleStep(step);
    return box;
}

QSpinBox *spin(int low, int high, int value)
{
    auto *box = new QSpinBox;
    box->setRange(low, high);
    box->setValue(value);
    return box;
}

QWidget *row(QWidget *a, QWidget *b, QWidget *c = nullptr)
{
    auto *w = new QWidget;
    auto *layout = new QHBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(a, 1);
    layout->addWidget(b);
    if (c)
        layout->addWidget(c);
    return w;
}

} // namespace

TrainingForm::TrainingForm(QWidget *parent)
    : QWidget(parent)
    , m_generator(new DatasetGenerator(this))
{
    for (int i = 0; i < FieldCount; ++i)
        m_labels.append(new QLabel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildDatasetGroup());
    layout->addWidget(buildModelGroup());
    layout->addWidget(buildLauncherGroup());
    m_start = new QPushButton;
    m_start->setObjectName(QStringLiteral("startTraining"));
    m_sweepButton = new QPushButton;
    m_sweepButton->setObjectName(QStringLiteral("startSweep"));
    m_launchButtons = row(m_start, m_sweepButton);
    layout->addStretch(1);
    connect(m_start, &QPushButton::clicked, this, &TrainingForm::startRequested);
    connect(m_sweepButton, &QPushButton::clicked, this, &TrainingForm::sweepRequested);
    retranslateUi();
    updateLauncher();
}

QWidget *TrainingForm::buildDatasetGroup()
{
    m_datasetGroup = new QGroupBox;
    auto *form = new QFormLayout(m_datasetGroup);
    m_dataset = new QLineEdit;
    m_dataset->setObjectName(QStringLiteral("datasetPath"));
    m_browseDataset = new QPushButton;
    form->addRow(m_labels[Dataset], row(m_dataset, m_browseDataset));
    m_datasetNote = new QLabel;
    m_datasetNote->setObjectName(QStringLiteral("datasetNote"));
    m_datasetNote->setWordWrap(true);
    m_datasetNote->setTextFormat(Qt::RichText);
    form->addRow(m_datasetNote);
    m_genKind = new QComboBox;
    m_genKind->setObjectName(QStringLiteral("datasetKind"));
    m_genKind->addItem(QString(), int(DatasetRequest::Kind::Synthetic));
    m_genKind->addItem(QString(), int(DatasetRequest::Kind::Spai));
    form->addRow(m_labels[Kind], m_genKind);
    m_genCount = spin(2, 100000, 96);
    m_genOrder = spin(2, 100000, 100);
    m_generate = new QPushButton;
    m_generate->setObjectName(QStringLiteral("generateDataset"));
    m_cancelGenerate = new QPushButton;
    m_cancelGenerate->setObjectName(QStringLiteral("cancelDataset"));
    m_cancelGenerate->setVisible(false);
    auto *sizes = new QWidget;
    auto *sizesLayout = new QHBoxLayout(sizes);
    sizesLayout->setContentsMargins(0, 0, 0, 0);
    sizesLayout->addWidget(m_labels[Pairs]);
    sizesLayout->addWidget(m_genCount);
    sizesLayout->addWidget(m_labels[Order]);
    sizesLayout->addWidget(m_genOrder);
    sizesLayout->addWidget(m_generate, 1);
    sizesLayout->addWidget(m_cancelGenerate);
    form->addRow(sizes);
    m_genProblem = new QComboBox;
    for (const QString &problem : DatasetRequest::problems())
        m_genProblem->addItem(QString(), problem);
    m_genSigma = realSpin(0.0, 10.0, 2, 0.1);
    m_genSigma->setValue(DatasetRequest().sigma);
    m_genSpaiRow = new QWidget;
    auto *spaiLayout = new QHBoxLayout(m_genSpaiRow);
    spaiLayout->setContentsMargins(0, 0, 0, 0);
    spaiLayout->addWidget(m_labels[Problem]);
    spaiLayout->addWidget(m_genProblem, 1);
    spaiLayout->addWidget(m_labels[Sigma]);
    spaiLayout->addWidget(m_genSigma);
    m_genTarget = new QComboBox;
    m_genTarget->setObjectName(QStringLiteral("datasetTarget"));
    m_genTarget->addItem(QString(), QStringLiteral("spai"));
    m_genTarget->addItem(QString(), QStringLiteral("fsai"));
    m_genPattern = new QComboBox;
    m_genPattern->setObjectName(QStringLiteral("datasetPattern"));
    m_genPattern->addItem(QString(), 1);
    m_genPattern->addItem(QString(), 2);
    m_genTargetRow = new QWidget;
    auto *targetLayout = new QHBoxLayout(m_genTargetRow);
    targetLayout->setContentsMargins(0, 0, 0, 0);
    targetLayout->addWidget(m_labels[Target]);
    targetLayout->addWidget(m_genTarget, 1);
    targetLayout->addWidget(m_labels[Pattern]);
    targetLayout->addWidget(m_genPattern);
    form->addRow(m_genSpaiRow);
    form->addRow(m_genTargetRow);
    m_genFamily = new QComboBox;
    m_genFamily->setObjectName(QStringLiteral("datasetFamily"));
    for (const QString &family : DatasetRequest::families())
        m_genFamily->addItem(QString(), family);
    m_genPaired = new QCheckBox;
    m_genPaired->setObjectName(QStringLiteral("datasetPaired"));
    m_genSyntheticRow = new QWidget;
    auto *syntheticLayout = new QHBoxLayout(m_genSyntheticRow);
    syntheticLayout->setContentsMargins(0, 0, 0, 0);
    syntheticLayout->addWidget(m_labels[Family]);
    syntheticLayout->addWidget(m_genFamily, 1);
    syntheticLayout->addWidget(m_genPaired);
    form->addRow(m_genSyntheticRow);
    m_genProgress = new QProgressBar;
    m_genProgress->setVisible(false);
    m_genStatus = new QLabel;
    m_genStatus->setWordWrap(true);
    form->addRow(m_genProgress);
    form->addRow(m_genStatus);
    m_genBounds = new QLabel;
    m_genBounds->setObjectName(QStringLiteral("datasetBounds"));
    m_genBounds->setWordWrap(true);
    m_genBounds->setTextFormat(Qt::RichText);
    m_genBounds->setVisible(false);
    form->addRow(m_genBounds);
    connect(m_browseDataset, &QPushButton::clicked, this, &TrainingForm::browseDataset);
    connect(m_generate, &QPushButton::clicked, this, &TrainingForm::generateDataset);
    connect(m_cancelGenerate, &QPushButton::clicked, m_generator, &DatasetGenerator::cancel);
    connect(m_genKind, &QComboBox::currentIndexChanged, this, &TrainingForm::updateGeneratorRows);
    connect(m_dataset, &QLineEdit::textChanged, this, &TrainingForm::updateDatasetNote);
    connect(m_generator, &DatasetGenerator::progress, this, [this](int done, int total) {
        m_genProgress->setRange(0, total);
        m_genProgress->setValue(done);
    });
    connect(m_generator, &DatasetGenerator::finished, this, [this](bool ok, const QString &message) {
        m_genProgress->setVisible(false);
        m_generate->setEnabled(true);
        m_cancelGenerate->setVisible(false);
        m_genStatus->setText(message);
        showBounds(ok ? m_generator->bounds() : QList<double>());
        if (ok)
            m_dataset->setText(QDir::toNativeSeparators(m_generator->directory()));
    });
    return m_datasetGroup;
}

QWidget *TrainingForm::buildModelGroup()
{
    m_modelGroup = new QGroupBox;
    auto *form = new QFormLayout(m_modelGroup);
    m_modelForm = form;
    const dataset::RunConfig defaults;
    m_model = new QComboBox;
    m_model->setObjectName(QStringLiteral("model"));
    for (const QString &model : TrainingConfig::models())
        m_model->addItem(model, model);
    m_depth = spin(1, 7, defaults.depth);
    m_hidden = spin(1, 1024, defaults.hidden);
    m_epochs = spin(1, 100000, defaults.epochs);
    m_lr = new QDoubleSpinBox;
    m_lr->setDecimals(6);
    m_lr->setRange(1e-6, 1.0);
    m_lr->setSingleStep(1e-4);
    m_lrStep = spin(1, 100000, defaults.lr_step);
    m_lrGamma = new QDoubleSpinBox;
    m_lrGamma->setDecimals(3);
    m_lrGamma->setRange(0.001, 1.0);
    m_lrGamma->setSingleStep(0.05);
    m_patience = spin(0, 100000, defaults.patience);
    m_batch = spin(1, 4096, defaults.batch_size);
    m_seed = spin(0, 1 << 30, 0);
    m_device = new QComboBox;
    m_device->addItem(QString(), QStringLiteral("auto"));
    m_device->addItem(QString(), QStringLiteral("cpu"));
    m_device->addItem(QString(), QStringLiteral("cuda"));
    m_latent = spin(1, 4096, defaults.latent);
    m_latent->setObjectName(QStringLiteral("latent"));
    m_beta = realSpin(0.0, 1000.0, 6, 1e-3);
    m_beta->setObjectName(QStringLiteral("beta"));
    m_samples = spin(1, 10000, defaults.samples);
    m_samples->setObjectName(QStringLiteral("samples"));
    m_residualWeight = realSpin(0.0, 1000.0, 3, 0.1);
    m_residualWeight->setObjectName(QStringLiteral("residualWeight"));
    const QList<QPair<Field, QWidget *>> rows = {{Model, m_model}, {Depth, m_depth}, {Hidden, m_hidden},
        {Latent, m_latent}, {Beta, m_beta}, {Samples, m_samples}, {ResidualWeight, m_residualWeight},
        {Epochs, m_epochs}, {Lr, m_lr}, {LrStep, m_lrStep}, {LrGamma, m_lrGamma}, {Patience, m_patience},
        {Batch, m_batch}, {Seed, m_seed}, {Device, m_device}};
    for (const auto &[field, widget] : rows)
        form->addRow(m_labels[field], widget);
    connect(m_model, &QComboBox::currentIndexChanged, this, &TrainingForm::updateModelRows);
    setConfig(TrainingConfig());

    m_sweepGroup = new QGroupBox;
    auto *grid = new QGridLayout(m_sweepGroup);
    grid->addWidget(m_labels[SweepModels], 0, 0, 1, 7);
    // The sweep compares [P1]'s node models over depth; gcvae trains on other data.
    for (int i = 0; i < TrainingConfig::nodeModels().size(); ++i) {
        auto *box = new QCheckBox(TrainingConfig::nodeModels().at(i));
        m_sweepModels.append(box);
        grid->addWidget(box, 1 + i / 3, i % 3 * 2, 1, 2);
    }
    grid->addWidget(m_labels[SweepDepths], 3, 0, 1, 7);
    for (int d = 1; d <= 7; ++d) {
        auto *box = new QCheckBox(QString::number(d));
        m_sweepDepths.append(box);
        grid->addWidget(box, 4, d - 1);
    }
    setSweep({QStringLiteral("mlp"), QStringLiteral("mpmlp")}, {defaults.depth});
    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("sweepPreset"));
    for (int i = 0; i < 5; ++i)
        m_preset->addItem(QString());
    grid->addWidget(m_labels[Preset], 5, 0, 1, 2);
    grid->addWidget(m_preset, 5, 2, 1, 5);
    connect(m_preset, &QComboBox::activated, this, &TrainingForm::applyPreset);
    form->addRow(m_sweepGroup);
    return m_modelGroup;
}

QWidget *TrainingForm::buildLauncherGroup()
{
    m_launcherGroup = new QGroupBox;
    auto *form = new QFormLayout(m_launcherGroup);
    m_launchMode = new QComboBox;
    m_launchMode->addItem(QString());
    m_launchMode->addItem(QString());
    m_launchMode->addItem(QString());
    m_launchMode->setObjectName(QStringLiteral("launchMode"));
    m_template = new QLineEdit(QStringLiteral("ssh gpu01 factorscope-train {args}"));
    m_trainerStatus = new QLabel;
    m_trainerStatus->setWordWrap(true);
    m_trainerStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_concurrent = spin(1, 64, 1);
    m_runs = new QLineEdit(QDir::toNativeSeparators(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/runs")));
    m_browseRuns = new QPushButton;
    form->addRow(m_labels[Mode], m_launchMode);
    form->addRow(m_labels[Template], m_template);
    form->addRow(m_trainerStatus);
    form->addRow(m_labels[Concurrent], m_concurrent);
    form->addRow(m_labels[Runs], row(m_runs, m_browseRuns));
    connect(m_launchMode, &QComboBox::currentIndexChanged, this, &TrainingForm::updateLauncher);
    connect(m_template, &QLineEdit::textChanged, this, &TrainingForm::updateLauncher);
    connect(m_concurrent, &QSpinBox::valueChanged, this, &TrainingForm::launcherChanged);
    connect(m_browseRuns, &QPushButton::clicked, this, &TrainingForm::browseRuns);
    return m_launcherGroup;
}

TrainingConfig TrainingForm::config() const
{
    TrainingConfig t;
    dataset::RunConfig &c = t.core;
    c.dataset = QDir::fromNativeSeparators(m_dataset->text().trimmed()).toStdString();
    c.model = m_model->currentData().toString().toStdString();
    c.depth = m_depth->value();
    c.hidden = m_hidden->value();
    c.epochs = m_epochs->value();
    c.lr = m_lr->value();
    c.lr_step = m_lrStep->value();
    c.lr_gamma = m_lrGamma->value();
    c.patience = m_patience->value();
    c.batch_size = m_batch->value();
    c.seed = static_cast<std::uint64_t>(m_seed->value());
    c.device = m_device->currentData().toString().toStdString();
    c.latent = m_latent->value();
    c.beta = m_beta->value();
    c.samples = m_samples->value();
    c.residual_weight = m_residualWeight->value();
    return t;
}

void TrainingForm::setConfig(const TrainingConfig &config)
{
    const dataset::RunConfig &c = config.core;
    m_dataset->setText(QDir::toNativeSeparators(QString::fromStdString(c.dataset)));
    m_model->setCurrentIndex(std::max(0, m_model->findData(QString::fromStdString(c.model))));
    m_depth->setValue(c.depth);
    m_hidden->setValue(c.hidden);
    m_epochs->setValue(c.epochs);
    m_lr->setValue(c.lr);
    m_lrStep->setValue(c.lr_step);
    m_lrGamma->setValue(c.lr_gamma);
    m_patience->setValue(c.patience);
    m_batch->setValue(c.batch_size);
    m_seed->setValue(static_cast<int>(c.seed));
    m_device->setCurrentIndex(std::max(0, m_device->findData(QString::fromStdString(c.device))));
    m_latent->setValue(c.latent);
    m_beta->setValue(c.beta);
    m_samples->setValue(c.samples);
    m_residualWeight->setValue(c.residual_weight);
    updateModelRows();
}

DatasetRequest TrainingForm::datasetRequest() const
{
    DatasetRequest r;
    r.kind = static_cast<DatasetRequest::Kind>(m_genKind->currentData().toInt());
    r.count = m_genCount->value();
    r.n = m_genOrder->value();
    r.problem = m_genProblem->currentData().toString();
    r.sigma = m_genSigma->value();
    r.target = m_genTarget->currentData().toString();
    r.pattern = m_genPattern->currentData().toInt();
    r.family = m_genFamily->currentData().toString();
    r.paired = m_genPaired->isChecked();
    return r;
}

void TrainingForm::setDatasetRequest(const DatasetRequest &r)
{
    m_genKind->setCurrentIndex(std::max(0, m_genKind->findData(int(r.kind))));
    m_genCount->setValue(r.count);
    m_genOrder->setValue(r.n);
    m_genProblem->setCurrentIndex(std::max(0, m_genProblem->findData(r.problem)));
    m_genSigma->setValue(r.sigma);
    m_genTarget->setCurrentIndex(std::max(0, m_genTarget->findData(r.target)));
    m_genPattern->setCurrentIndex(std::max(0, m_genPattern->findData(r.pattern)));
    m_genFamily->setCurrentIndex(std::max(0, m_genFamily->findData(r.family)));
    m_genPaired->setChecked(r.paired);
}

QString TrainingForm::boundsNote() const
{
    return m_genBounds->text(); // showBounds clears it for unpaired datasets
}

void TrainingForm::showBounds(const QList<double> &bounds)
{
    m_genBounds->setVisible(!bounds.isEmpty());
    if (bounds.isEmpty()) {
        m_genBounds->clear();
        return;
    }
    QString cells;
    for (int i = 0; i < bounds.size(); ++i)
        cells += QStringLiteral("<td align=\"right\">%1</td>").arg(QString::number(bounds.at(i), 'f', 4));
    QString depths;
    for (int i = 0; i < bounds.size(); ++i)
        depths += QStringLiteral("<td align=\"right\">%1</td>").arg(i + 1);
    m_genBounds->setText(
        tr("<b>Bound</b>: the best mean test cosine any model whose outputs see only depth − 1 hops "
           "(gatv2, gen, mpmlp, transformer; mlp: depth 1) can reach on this test split:")
        + QStringLiteral("<table cellspacing=\"4\"><tr><td>%1</td>%2</tr><tr><td>%3</td>%4</tr></table>")
              .arg(tr("depth"), depths, tr("bound"), cells));
}

void TrainingForm::setPreset(dataset::ExperimentFigure figure, dataset::ExperimentScale scale)
{
    const int index = 1 + (figure == dataset::ExperimentFigure::Fig4 ? 2 : 0) + (scale == dataset::ExperimentScale::Paper ? 1 : 0);
    m_preset->setCurrentIndex(index);
    applyPreset(index);
}

void TrainingForm::applyPreset(int index)
{
    if (index <= 0)
        return;
    const auto figure = index <= 2 ? dataset::ExperimentFigure::Fig3 : dataset::ExperimentFigure::Fig4;
    const auto scale = index % 2 == 1 ? dataset::ExperimentScale::Quick : dataset::ExperimentScale::Paper;
    const dataset::ExperimentSpec spec = dataset::experiment_spec(figure, scale, std::string());
    TrainingConfig c = config();
    const std::string datasetPath = c.core.dataset;
    const std::string device = c.core.device;
    c.core = spec.training;
    c.core.dataset = datasetPath;
    c.core.device = device;
    c.core.model = spec.models.front();
    c.core.depth = spec.depths.front();
    const dataset::ExperimentDataset &data = spec.datasets.front();
    c.core.batch_size = data.batch_size;
    setConfig(c);
    QStringList models;
    for (const std::string &m : spec.models)
        models.append(QString::fromStdString(m));
    setSweep(models, QList<int>(spec.depths.begin(), spec.depths.end()));
    const QString command = QStringLiteral("factorscope-cli experiment %1 --scale %2")
                                .arg(QString::fromStdString(dataset::to_string(figure)),
                                     QString::fromStdString(dataset::to_string(scale)));
    if (!data.kopt) {
        DatasetRequest r = datasetRequest();
        r.kind = DatasetRequest::Kind::Synthetic;
        r.family = QString::fromStdString(data.synthetic.family);
        r.paired = data.synthetic.paired;
        r.count = data.synthetic.count;
        r.n = data.synthetic.n;
        setDatasetRequest(r);
        m_genStatus->setText(tr("Preset set: generate the %1 dataset, then Start Sweep. <tt>%2</tt> runs the "
                                "same and adds the unpaired semiseparable contrast, the table and the figure.")
                                 .arg(QString::fromStdString(data.label), command));
    } else {
        m_genStatus->setText(tr("Preset set: Figure 4 trains on K-optimal pairs of the benchmark. Write them with "
                                "<tt>factorscope-cli dataset kopt --from resources/benchmark --paired --out DIR</tt>, "
                                "choose DIR above, then Start Sweep; <tt>%1</tt> does all of it.")
                                 .arg(command));
    }
}

bool TrainingForm::generativeRowsVisible() const
{
    return m_modelForm->isRowVisible(m_latent);
}

QString TrainingForm::datasetNote() const
{
    return m_datasetNote->text();
}

void TrainingForm::saveSettings() const
{
    TrainingSettings().setLauncher(config());
    QSettings().setValue(QLatin1String(SettingsKeys::TrainingLaunchMode), m_launchMode->currentIndex());
}

void TrainingForm::restoreSettings()
{
    setConfig(TrainingSettings().launcher(config()));
    const int mode = QSettings().value(QLatin1String(SettingsKeys::TrainingLaunchMode), 0).toInt();
    m_launchMode->setCurrentIndex(std::clamp(mode, 0, m_launchMode->count() - 1));
}

void TrainingForm::updateModelRows()
{
    if (!m_modelForm)
        return;
    const bool generative = m_model->currentData().toString() == TrainingConfig::generativeModel();
    for (QWidget *w : {static_cast<QWidget *>(m_latent), static_cast<QWidget *>(m_beta),
                       static_cast<QWidget *>(m_samples), static_cast<QWidget *>(m_residualWeight)})
        m_modelForm->setRowVisible(w, generative);
    // A gcvae run wants a SPAI dataset, so generating one should not take an extra click.
    if (m_genKind && !m_generator->isRunning())
        m_genKind->setCurrentIndex(m_genKind->findData(int(generative ? DatasetRequest::Kind::Spai
                                                                      : DatasetRequest::Kind::Synthetic)));
    updateDatasetNote();
}

void TrainingForm::updateGeneratorRows()
{
    const bool spai = m_genKind->currentData().toInt() == int(DatasetRequest::Kind::Spai);
    // A matrix order of 100 and a grid side of 100 are very different sizes: each kind keeps its
    // own (SPAI starts at 32², the size the gcvae experiments use).
    if (m_genKind->currentIndex() != m_genKindShown) {
        const int shown = m_genOrder->value();
        m_genOrder->setValue(m_genOtherSize);
        m_genOtherSize = shown;
        m_genKindShown = m_genKind->currentIndex();
    }
    m_genSpaiRow->setVisible(spai);
    m_genTargetRow->setVisible(spai);
    m_genSyntheticRow->setVisible(!spai);
    m_labels[Order]->setText(spai ? tr("Grid side:") : tr("n:"));
    m_genOrder->setToolTip(spai ? tr("Each matrix comes from a side × side grid (order side², or more for "
                                     "the biharmonic problem).")
                                : tr("Order of every matrix."));
    m_generate->setToolTip(spai ? tr("Write (A, R) or (A, G) pairs of elliptic problems with factorscope-cli dataset spai")
                                : tr("Write a synthetic dataset (the chosen family) with factorscope-cli dataset "
                                     "synthetic into the application's data folder"));
}

void TrainingForm::updateDatasetNote()
{
    if (!m_datasetNote || !m_model)
        return;
    const QString dir = QDir::fromNativeSeparators(m_dataset->text().trimmed());
    if (dir.isEmpty()) {
        m_datasetNote->clear();
        return;
    }
    QString error;
    const QString kind = datasetKind(dir, &error);
    const QString mismatch = datasetMismatch(m_model->currentData().toString(), kind);
    if (kind.isEmpty())
        m_datasetNote->setText(error.toHtmlEscaped());
    else if (!mismatch.isEmpty())
        m_datasetNote->setText(QStringLiteral("<b style=\"color:#b22222\">%1</b>").arg(mismatch.toHtmlEscaped()));
    else
        m_datasetNote->setText(tr("Dataset kind: %1").arg(kind.toHtmlEscaped()));
}

QList<QPair<QString, int>> TrainingForm::sweep() const
{
    QList<QPair<QString, int>> combos;
    for (const QCheckBox *model : m_sweepModels) {
        for (int d = 0; d < m_sweepDepths.size(); ++d) {
            if (model->isChecked() && m_sweepDepths.at(d)->isChecked())
                combos.append({model->text(), d + 1});
        }
    }
    return combos;
}

void TrainingForm::setSweep(const QStringList &models, const QList<int> &depths)
{
    for (QCheckBox *box : std::as_const(m_sweepModels))
        box->setChecked(models.contains(box->text()));
    for (int d = 0; d < m_sweepDepths.size(); ++d)
        m_sweepDepths.at(d)->setChecked(depths.contains(d + 1));
}

Launcher TrainingForm::launcher() const
{
    Launcher l;
    if (m_launchMode->currentIndex() == 1)
        l.commandTemplate = m_template->text();
    else if (m_launchMode->currentIndex() == 2)
        l.slurm = true;
    else
        l.program = Launcher::findLocalTrainer();
    return l;
}

int TrainingForm::maxConcurrent() const
{
    return m_concurrent->value();
}

QString TrainingForm::runsDirectory() const
{
    return QDir::fromNativeSeparators(m_runs->text().trimmed());
}

void TrainingForm::setRunsDirectory(const QString &directory)
{
    m_runs->setText(QDir::toNativeSeparators(directory));
}

void TrainingForm::browseDataset()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Dataset Folder"), m_dataset->text());
    if (!dir.isEmpty())
        m_dataset->setText(QDir::toNativeSeparators(dir));
}

void TrainingForm::browseRuns()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Runs Folder"), m_runs->text());
    if (!dir.isEmpty())
        m_runs->setText(QDir::toNativeSeparators(dir));
}

void TrainingForm::generateDataset()
{
    startGeneration(defaultDatasetDirectory(datasetRequest()));
}

bool TrainingForm::generateDatasetInto(const QString &parent)
{
    return startGeneration(QDir(parent).filePath(datasetRequest().folderName()));
}

bool TrainingForm::startGeneration(const QString &dir)
{
    const DatasetRequest request = datasetRequest();
    showBounds({});
    if (!m_generator->start(dir, request)) {
        m_genStatus->setText(tr("A dataset is already being generated."));
        return false;
    }
    m_generate->setEnabled(false);
    m_cancelGenerate->setVisible(true);
    m_genProgress->setVisible(true);
    m_genStatus->setText(tr("Generating %1…").arg(QDir::toNativeSeparators(dir)));
    return true;
}

void TrainingForm::updateLauncher()
{
    const bool remote = m_launchMode->currentIndex() == 1;
    m_template->setEnabled(remote);
    if (m_launchMode->currentIndex() == 2) {
        m_trainerStatus->setText(tr("Each run is a task of a Slurm array job; the scripts are shown before they are "
                                    "submitted. The runs folder must be one the cluster's nodes share with this "
                                    "computer: the curves follow its metrics files."));
    } else if (remote) {
        m_trainerStatus->setText(tr("Runs on the command's machine; {args} becomes the trainer's arguments "
                                    "and its output is recorded in the local run folder."));
    } else {
        const QString trainer = Launcher::findLocalTrainer();
        m_trainerStatus->setText(trainer.isEmpty()
            ? tr("<b>factorscope-train was not found</b> next to this program or on PATH. Build it "
                 "(it needs LibTorch) or use a command template.")
            : tr("Trainer: %1").arg(QDir::toNativeSeparators(trainer)));
    }
    Q_EMIT launcherChanged();
}

void TrainingForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TrainingForm::retranslateUi()
{
    m_datasetGroup->setTitle(tr("Dataset"));
    m_modelGroup->setTitle(tr("Model and Hyperparameters"));
    m_sweepGroup->setTitle(tr("Sweep"));
    m_launcherGroup->setTitle(tr("Trainer"));
    const QStringList texts = {tr("Folder:"), tr("Pairs:"), tr("n:"), tr("Model:"), tr("Depth:"),
        tr("Hidden width:"), tr("Epochs:"), tr("Learning rate:"), tr("Decay every (epochs):"), tr("Decay factor:"),
        tr("Patience (epochs):"), tr("Batch size:"), tr("Seed:"), tr("Device:"), tr("Run on:"), tr("Command:"),
        tr("Parallel runs:"), tr("Runs folder:"), tr("Models:"), tr("Depths:"), tr("Latent size:"),
        tr("KL weight β:"), tr("Samples per matrix:"), tr("Residual weight:"), tr("Kind:"), tr("Problem:"),
        tr("σ of log k:"), tr("Family:"), tr("Preset:"), tr("Target:"), tr("Pattern:")};
    for (int i = 0; i < FieldCount; ++i)
        m_labels[i]->setText(texts.at(i));
    m_browseDataset->setText(tr("Browse…"));
    m_browseRuns->setText(tr("Browse…"));
    m_generate->setText(tr("Generate"));
    m_cancelGenerate->setText(tr("Cancel"));
    m_cancelGenerate->setToolTip(tr("Stop writing the dataset; the folder keeps no manifest, so it is never mistaken for a whole dataset"));
    m_genKind->setItemText(0, tr("Synthetic (for the node models)"));
    m_genFamily->setItemText(0, tr("Semiseparable (seed paper)"));
    m_genFamily->setItemText(1, tr("Counterexample of Thm 2.1"));
    m_genFamily->setItemText(2, tr("Laplacian (path graph)"));
    m_genFamily->setToolTip(tr("Semiseparable: the seed paper's family. Counterexample: the randomised family of "
                               "Thm 2.1, on which locality provably limits a k-layer model. Laplacian: a "
                               "tridiagonal Laplacian with random weights."));
    m_genPaired->setText(tr("Paired"));
    m_genPaired->setToolTip(tr("Write (A, L) and (A′, L′) with A′ = A + A₁₁e₁e₁ᵀ for every base matrix: the data on "
                               "which the receptive-field bound separates local from non-local models"));
    m_preset->setItemText(0, tr("None"));
    m_preset->setItemText(1, tr("Figure 3, quick (counterexample pairs)"));
    m_preset->setItemText(2, tr("Figure 3, paper sizes"));
    m_preset->setItemText(3, tr("Figure 4, quick (K-optimal pairs)"));
    m_preset->setItemText(4, tr("Figure 4, paper sizes"));
    m_preset->setToolTip(tr("Set the six models, depths 1, 3, 5, 7 and the training settings of "
                            "factorscope-cli experiment fig3|fig4"));
    m_genKind->setItemText(1, tr("SPAI (elliptic PDEs, for gcvae)"));
    m_genProblem->setItemText(0, tr("Diffusion −∇·(k∇u)"));
    m_genProblem->setItemText(1, tr("Biharmonic"));
    m_genProblem->setItemText(2, tr("Mixed"));
    m_genSigma->setToolTip(tr("Standard deviation of the log-normal coefficient field k"));
    m_genTarget->setItemText(0, tr("SPAI R (minimises ‖I − AR‖_F)"));
    m_genTarget->setItemText(1, tr("FSAI G (M⁻¹ = GᵀG, SPD)"));
    m_genTarget->setToolTip(tr("SPAI's symmetrised R can be indefinite; the FSAI factor G always gives an SPD "
                               "preconditioner, and the model then learns a triangular G"));
    m_genPattern->setItemText(0, tr("A"));
    m_genPattern->setItemText(1, tr("A²"));
    m_genPattern->setToolTip(tr("The sparsity pattern of the targets: that of A, or of A² (more entries, a "
                                "stronger preconditioner)"));
    m_latent->setToolTip(tr("Dimension of the latent variable z"));
    m_beta->setToolTip(tr("Weight of the KL term in the ELBO"));
    m_samples->setToolTip(tr("Latent draws z ~ N(0, I) per test matrix; the best one is kept"));
    m_residualWeight->setToolTip(tr("Weight of ‖I − AR‖_F in the loss"));
    updateGeneratorRows();
    m_device->setItemText(0, tr("Automatic"));
    m_device->setItemText(1, tr("CPU"));
    m_device->setItemText(2, tr("CUDA"));
    m_launchMode->setItemText(0, tr("This computer"));
    m_launchMode->setItemText(1, tr("Command template"));
    m_launchMode->setItemText(2, tr("Slurm (job array)"));
    m_start->setText(tr("Start"));
    m_start->setToolTip(tr("Train the chosen node model and depth"));
    m_sweepButton->setText(tr("Start Sweep"));
    m_sweepButton->setToolTip(tr("Train every checked model at every checked depth"));
    if (m_launchMode)
        updateLauncher();
}

} // namespace fs::ui
