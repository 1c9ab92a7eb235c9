#include "training/trainingview.h"

#include "widgets/slurmdialog.h"

#include "training/runcontroller.h"
#include "training/trainingdataset.h"
#include "training/trainingeval.h"
#include "training/trainingevalchart.h"
#include "training/trainingform.h"
#include "training/trainingmetricplot.h"
#include "training/trainingplot.h"
#include "training/trainingrunmodel.h"

#include <QDateTime>
#include <QDir>
#include <QJsonObject>
#include <QJsonArray>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace fs::ui {

TrainingView::TrainingView(const QString &historyPath, QWidget *parent)
    : QWidget(parent)
    , m_controller(new RunController(this))
    , m_model(new TrainingRunModel(m_controller, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_form(new TrainingForm)
    , m_plot(new TrainingPlot(m_controller))
    , m_metricPlot(new TrainingMetricPlot(m_controller))
{
    setObjectName(QStringLiteral("view_training"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::EditRole);

    auto *scroll = new QScrollArea;
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_form->sizeHint().width() + 20);

    auto *right = new QSplitter(Qt::Vertical);
    m_rightSplit = right;
    right->addWidget(m_plot);
    right->addWidget(m_metricPlot);
    right->addWidget(buildRunsPanel());
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    right->setStretchFactor(2, 2);
    m_metricPlot->setVisible(false);
    connect(m_metricPlot, &TrainingMetricPlot::availabilityChanged, m_metricPlot, &QWidget::setVisible);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 4);
    leftLayout->addWidget(scroll, 1);
    leftLayout->addWidget(m_form->launchButtons());
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    m_controller->setLauncher(m_form->launcher());
    m_controller->setMaxConcurrent(m_form->maxConcurrent());
    connect(m_form, &TrainingForm::launcherChanged, this, [this] {
        m_controller->setLauncher(m_form->launcher());
        m_controller->setMaxConcurrent(m_form->maxConcurrent());
    });
    connect(m_form, &TrainingForm::startRequested, this, &TrainingView::startRun);
    connect(m_form, &TrainingForm::sweepRequested, this, &TrainingView::startSweep);
    connect(m_controller, &RunController::runEnded, this, &TrainingView::runEnded);
    connect(m_controller, &RunController::runChanged, this, [this](int id) {
        if (selectedRuns().contains(id))
            showDetails();
    });
    connect(m_controller, &RunController::logAppended, this, [this](int id, const QString &line) {
        const QList<int> ids = selectedRuns();
        if (!ids.isEmpty() && ids.constLast() == id)
            m_log->appendPlainText(line);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TrainingView::selectionChanged);

    if (!m_history.open(historyPath.isEmpty() ? RunHistory::defaultPath() : historyPath))
        message(tr("The run history cannot be opened: %1").arg(m_history.errorString()));
    else if (!m_history.notice().isEmpty())
        message(m_history.notice());
    reloadHistory();
    retranslateUi();
    selectionChanged();
}

TrainingView::~TrainingView() = default;

QString TrainingView::title() const
{
    return tr("Training");
}

void TrainingView::restoreState()
{
    m_form->restoreSettings();
    m_rememberSettings = true;
}

QWidget *TrainingView::buildRunsPanel()
{
    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    m_stop = new QPushButton;
    m_resume = new QPushButton;
    m_open = new QPushButton;
    m_delete = new QPushButton;
    m_exportFigure = new QPushButton;
    m_exportCsv = new QPushButton;
    for (QPushButton *b : {m_stop, m_resume, m_open, m_delete, m_exportFigure, m_exportCsv})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("trainingRuns"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TrainingRunModel::Name, QHeaderView::Interactive);
    m_table->setColumnWidth(TrainingRunModel::Name, 200);

    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    m_eval = new QTextBrowser;
    m_evalChart = new TrainingEvalChart;
    m_evalChart->setVisible(false);
    m_evalSplit = new QSplitter(Qt::Vertical);
    m_evalSplit->addWidget(m_evalChart);
    m_evalSplit->addWidget(m_eval);
    m_evalSplit->setStretchFactor(0, 3);
    m_evalSplit->setStretchFactor(1, 2);
    m_details = new QTabWidget;
    m_details->addTab(m_log, QString());
    m_details->addTab(m_evalSplit, QString());
    auto *split = new QSplitter(Qt::Vertical);
    m_detailsSplit = split;
    split->addWidget(m_table);
    split->addWidget(m_details);
    layout->addWidget(split, 1);
    m_status = new QLabel;
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_stop, &QPushButton::clicked, this, [this] {
        for (int id : selectedRuns())
            m_controller->stop(id);
    });
    connect(m_resume, &QPushButton::clicked, this, &TrainingView::resumeSelected);
    connect(m_open, &QPushButton::clicked, this, &TrainingView::chooseRunDirectory);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteRuns(selectedRuns()); });
    connect(m_exportFigure, &QPushButton::clicked, this, &TrainingView::chooseExportFigure);
    connect(m_exportCsv, &QPushButton::clicked, this, &TrainingView::chooseExportCsv);
    return panel;
}

void TrainingView::reloadHistory()
{
    if (!m_history.isOpen())
        return;
    for (const RunHistory::Entry &entry : m_history.entries()) {
        TrainingRun run;
        if (loadRunDirectory(entry.directory, &run)) {
            m_controller->addRun(run);
        } else {
            // The folder is gone (moved or deleted elsewhere): keep the indexed summary visible.
            run.directory = entry.directory;
            run.config.core.model = entry.model.toStdString();
            run.config.core.depth = entry.depth;
            run.status = RunStatus::Failed;
            run.error = tr("The run folder is missing.");
            run.device = entry.device;
            m_controller->addRun(run);
        }
    }
}

QString TrainingView::newRunDirectory(const QString &model, int depth) const
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QDir root(m_form->runsDirectory());
    QString name = QStringLiteral("%1-d%2-%3").arg(model).arg(depth).arg(stamp);
    // A sweep names several runs within the same second.
    for (int k = 2; root.exists(name) || m_controller->runForDirectory(root.filePath(name)); ++k)
        name = QStringLiteral("%1-d%2-%3-%4").arg(model).arg(depth).arg(stamp).arg(k);
    return root.filePath(name);
}

bool TrainingView::checkLauncher()
{
    const Launcher launcher = m_form->launcher();
    m_controller->setLauncher(launcher);
    m_controller->setMaxConcurrent(m_form->maxConcurrent());
    if (!launcher.slurm && !launcher.isRemote() && launcher.program.isEmpty()) {
        message(tr("factorscope-train was not found next to this program or on PATH; nothing was started."));
        return false;
    }
    if (m_form->config().core.dataset.empty()) {
        message(tr("Choose a dataset folder first."));
        return false;
    }
    return true;
}

bool TrainingView::checkDataset(const TrainingConfig &config)
{
    // A folder without a readable manifest is left to the trainer, which names the problem itself.
    const QString kind = datasetKind(QString::fromStdString(config.core.dataset));
    const QString problem = datasetMismatch(QString::fromStdString(config.core.model), kind);
    if (!problem.isEmpty())
        message(problem);
    return problem.isEmpty();
}

int TrainingView::startRun()
{
    if (!checkLauncher())
        return 0;
    const TrainingConfig config = m_form->config();
    if (!checkDataset(config))
        return 0;
    if (m_rememberSettings)
        m_form->saveSettings();
    if (m_form->launcher().slurm) {
        const int count = submitToCluster({{QString::fromStdString(config.core.model), config.core.depth}});
        return count > 0 ? m_controller->runIds().constLast() : 0;
    }
    const int id =
        m_controller->enqueue(config, newRunDirectory(QString::fromStdString(config.core.model), config.core.depth));
    recordRun(*m_controller->run(id));
    selectRuns({id});
    return id;
}

int TrainingView::startSweep()
{
    const QList<QPair<QString, int>> combos = m_form->sweep();
    if (combos.isEmpty()) {
        message(tr("Check at least one model and one depth for the sweep."));
        return 0;
    }
    if (!checkLauncher())
        return 0;
    for (const auto &[model, depth] : combos) {
        TrainingConfig config = m_form->config();
        config.core.model = model.toStdString();
        if (!checkDataset(config))
            return 0;
    }
    if (m_rememberSettings)
        m_form->saveSettings();
    if (m_form->launcher().slurm)
        return submitToCluster(combos);
    QList<int> ids;
    for (const auto &[model, depth] : combos) {
        TrainingConfig config = m_form->config();
        config.core.model = model.toStdString();
        config.core.depth = depth;
        ids.append(m_controller->enqueue(config, newRunDirectory(model, depth)));
        recordRun(*m_controller->run(ids.constLast()));
    }
    selectRuns(ids);
    message(tr("Queued %1 runs.").arg(ids.size()));
    return static_cast<int>(ids.size());
}

int TrainingView::submitToCluster(const QList<QPair<QString, int>> &combos)
{
    // submit sweep trains models × depths: the runs asked for, when they form that product.
    QStringList models;
    QStringList depths;
    for (const auto &[model, depth] : combos) {
        if (!models.contains(model))
            models.append(model);
        if (!depths.contains(QString::number(depth)))
            depths.append(QString::number(depth));
    }
    if (models.size() * depths.size() != combos.size()) {
        message(tr("A Slurm sweep trains every chosen model at every chosen depth."));
        return 0;
    }
    const TrainingConfig config = m_form->config();
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString out = QDir(m_form->runsDirectory()).filePath(QStringLiteral("slurm-") + stamp);
    const QString dataset = QDir(QString::fromStdString(config.core.dataset)).absolutePath();
    const QStringList settings = config.arguments();
    const auto arguments = [=](const SlurmSettings &s) {
        QStringList a = {QStringLiteral("submit"), QStringLiteral("sweep"), QStringLiteral("--dataset"), dataset,
                         QStringLiteral("--models"), models.join(QLatin1Char(',')), QStringLiteral("--depths"),
                         depths.join(QLatin1Char(',')), QStringLiteral("--out"), out};
        // Every setting of the form but the ones the sweep varies, as factorscope-train --key value.
        for (qsizetype k = 0; k + 1 < settings.size(); k += 2) {
            const QString key = settings.at(k).mid(2);
            if (key != QLatin1String("model") && key != QLatin1String("depth") && key != QLatin1String("dataset"))
                a << QStringLiteral("--train-option") << key + QLatin1Char('=') + settings.at(k + 1);
        }
        return a + s.arguments(true);
    };
    SlurmDialog dialog(SlurmDialog::Kind::Sweep, arguments, this);
    const bool go = m_confirmSlurm ? m_confirmSlurm(dialog) : dialog.exec() == QDialog::Accepted;
    if (!go)
        return 0;
    QString error;
    const QJsonObject doc = SlurmClient::submit(arguments(dialog.settings()), &error);
    if (doc.isEmpty()) {
        message(tr("The sweep was not submitted: %1").arg(error));
        return 0;
    }
    const QString job = doc.value(QStringLiteral("jobs")).toArray().at(0).toObject().value(QStringLiteral("id")).toString();
    QList<int> ids;
    for (const QJsonValue &v : doc.value(QStringLiteral("runs")).toArray()) {
        const QJsonObject run = v.toObject();
        TrainingConfig c = config;
        c.core.model = run.value(QStringLiteral("model")).toString().toStdString();
        c.core.depth = run.value(QStringLiteral("depth")).toInt();
        ids.append(m_controller->addClusterRun(c, run.value(QStringLiteral("dir")).toString(),
                                               job + QLatin1Char('_') + QString::number(run.value(QStringLiteral("task")).toInt())));
        recordRun(*m_controller->run(ids.constLast()));
    }
    selectRuns(ids);
    message(tr("Submitted %1 runs as Slurm job %2 (scripts and logs in %3).")
                .arg(ids.size())
                .arg(job, QDir::toNativeSeparators(QDir(out).filePath(QStringLiteral("slurm")))));
    return static_cast<int>(ids.size());
}

int TrainingView::openRunDirectory(const QString &directory, QString *error)
{
    TrainingRun run;
    QString why;
    if (!loadRunDirectory(directory, &run, &why)) {
        message(why);
        if (error)
            *error = why;
        return 0;
    }
    const int id = m_controller->addRun(run);
    recordRun(*m_controller->run(id));
    return id;
}

void TrainingView::resumeSelected()
{
    if (!checkLauncher())
        return;
    for (int id : selectedRuns()) {
        const TrainingRun *run = m_controller->run(id);
        if (!run || run->isActive())
            continue;
        QString error;
        if (!m_controller->enqueueResume(run->directory, &error))
            message(error);
    }
}

void TrainingView::runEnded(int id)
{
    if (const TrainingRun *run = m_controller->run(id))
        recordRun(*run);
    if (selectedRuns().contains(id))
        showDetails();
}

void TrainingView::selectRuns(const QList<int> &ids)
{
    QItemSelection selection;
    for (int id : ids) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(id));
        if (index.isValid())
            selection.select(index, index.siblingAtColumn(TrainingRunModel::ColumnCount - 1));
    }
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

QList<int> TrainingView::selectedRuns() const
{
    QList<int> ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids.append(m_model->runId(m_proxy->mapToSource(index)));
    std::sort(ids.begin(), ids.end());
    return ids;
}

void TrainingView::selectionChanged()
{
    const QList<int> ids = selectedRuns();
    m_plot->setShownRuns(ids);
    m_metricPlot->setShownRuns(ids);
    m_log->clear();
    if (!ids.isEmpty()) {
        if (const TrainingRun *run = m_controller->run(ids.constLast()))
            m_log->setPlainText(run->log.join(QLatin1Char('\n')));
    }
    showDetails();
}

void TrainingView::showDetails()
{
    const QList<int> ids = selectedRuns();
    bool anyActive = false;
    bool anyIdle = false;
    for (int id : ids) {
        const TrainingRun *run = m_controller->run(id);
        anyActive |= run && run->isActive();
        anyIdle |= run && !run->isActive();
    }
    m_stop->setEnabled(anyActive);
    m_resume->setEnabled(anyIdle);
    m_delete->setEnabled(anyIdle);
    m_exportFigure->setEnabled(!ids.isEmpty());
    m_exportCsv->setEnabled(!ids.isEmpty());
    const TrainingRun *last = ids.isEmpty() ? nullptr : m_controller->run(ids.constLast());
    m_eval->setHtml(last ? TrainingEval::html(last->eval) : QString());
    m_evalChart->setVisible(m_evalChart->setEval(last ? last->eval : QJsonObject()));
}

void TrainingView::showEvaluation()
{
    m_details->setCurrentIndex(1);
    if (m_evalChart->hasEval()) {
        // The chart needs most of the height; the curves and the run list shrink but stay in sight.
        const int height = m_rightSplit->height();
        m_rightSplit->setSizes({height / 6, m_metricPlot->isVisible() ? height / 8 : 0, height});
        const int details = m_detailsSplit->height();
        m_detailsSplit->setSizes({details / 8, details});
        m_evalSplit->setSizes({m_evalSplit->height() * 4 / 5, m_evalSplit->height() / 5});
    }
}

QString TrainingView::logText() const
{
    return m_log->toPlainText();
}

QString TrainingView::evalHtml() const
{
    return m_eval->toHtml();
}

void TrainingView::recordRun(const TrainingRun &run)
{
    if (m_history.isOpen() && !m_history.record(run))
        message(tr("The run history could not be updated (%1); the run itself is not affected.")
                    .arg(m_history.errorString()));
}

void TrainingView::message(const QString &text)
{
    m_status->setText(text);
}

void TrainingView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TrainingView::retranslateUi()
{
    m_stop->setText(tr("Stop"));
    m_resume->setText(tr("Resume"));
    m_open->setText(tr("Open Run…"));
    m_delete->setText(tr("Delete…"));
    m_exportFigure->setText(tr("Export Figure…"));
    m_exportCsv->setText(tr("Export CSV…"));
    m_details->setTabText(0, tr("Log"));
    m_details->setTabText(1, tr("Evaluation"));
    showDetails();
}

} // namespace fs::ui
