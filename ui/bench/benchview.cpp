#include "bench/benchview.h"

#include "widgets/slurmdialog.h"

#include "bench/benchchart.h"
#include "bench/benchcontroller.h"
#include "bench/benchdetail.h"
#include "bench/benchfilterproxy.h"
#include "document/benchmarkindex.h"
#include "bench/benchtablemodel.h"
#include "widgets/figureexporter.h"
#include "pattern/spyplot.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonArray>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace fs::ui {

BenchView::BenchView(const QString &storePath, QWidget *parent)
    : QWidget(parent)
    , m_controller(new BenchController(this))
    , m_model(new BenchTableModel(this))
    , m_proxy(new BenchFilterProxy(this))
{
    setObjectName(QStringLiteral("view_bench"));
    const QString path = storePath.isEmpty() ? BenchStore::defaultPath() : storePath;
    const bool opened = m_store.open(path);
    m_proxy->setSourceModel(m_model);
    buildUi();
    if (!opened)
        m_storeNotice = tr("The benchmark store %1 cannot be opened (%2): results are shown but not kept.")
                            .arg(path, m_store.errorString());
    else
        m_storeNotice = m_store.notice();
    showStoreMessage(m_storeNotice);

    connect(m_controller, &BenchController::resultReady, this, &BenchView::addResult);
    connect(m_controller, &BenchController::started, this, [this] {
        m_ticker.start();
        updateButtons();
        updateProgress();
    });
    connect(m_controller, &BenchController::finished, this, [this] {
        m_ticker.stop();
        updateButtons();
        updateProgress();
    });
    m_retry.setInterval(3000);
    connect(&m_retry, &QTimer::timeout, this, &BenchView::storeUnsaved);
    m_ticker.setInterval(100);
    connect(&m_ticker, &QTimer::timeout, this, &BenchView::updateProgress);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] { m_chart->setCounts(m_model->categoryCounts(), m_model->noiseCounts()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_chart->setCounts(m_model->categoryCounts(), m_model->noiseCounts()); });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] { m_chart->setCounts(m_model->categoryCounts(), m_model->noiseCounts()); });
    connect(m_detail, &BenchDetail::openInPerturbView, this, &BenchView::openInPerturbView);

    retranslateUi();
    reload();
    updateButtons();
}

BenchView::~BenchView()
{
    m_controller->cancel();
}

QString BenchView::title() const
{
    return tr("Benchmark");
}

void BenchView::buildUi()
{
    m_source = new QComboBox;
    m_source->setObjectName(QStringLiteral("benchSource"));
    m_source->addItem(QString(), BenchmarkIndex::defaultDirectory());
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_addFolder = new QPushButton;
    m_ordering = new QComboBox;
    for (const auto &o : fs::sparse::kOrderingNames)
        m_ordering->addItem(QString::fromLatin1(o.name), QString::fromLatin1(o.name));
    m_budget = new QDoubleSpinBox;
    m_budget->setRange(0, 86400);
    m_budget->setDecimals(0);
    m_budget->setValue(30);
    m_noise = new QSpinBox;
    m_noise->setObjectName(QStringLiteral("benchNoiseRuns"));
    m_noise->setRange(0, 20);
    m_noise->setValue(4);
    m_scaling = new QComboBox;
    m_scaling->setObjectName(QStringLiteral("benchKoptScaling"));
    for (const auto &s : fs::precond::kKoptScalingNames)
        m_scaling->addItem(QString(), QString::fromLatin1(s.name));
    m_run = new QPushButton;
    m_run->setObjectName(QStringLiteral("benchRun"));
    m_runCluster = new QPushButton;
    m_runCluster->setObjectName(QStringLiteral("benchRunCluster"));
    m_clusterStatus = new QLabel;
    m_clusterStatus->setObjectName(QStringLiteral("benchClusterStatus"));
    m_clusterStatus->setVisible(false);
    m_slurm = new SlurmClient(this);
    connect(m_slurm, &SlurmClient::stateChanged, this, [this] { m_clusterStatus->setText(clusterStatus()); });
    connect(m_slurm, &SlurmClient::jobEnded, this, [this](const QString &id, bool missing) {
        if (id != m_mergeJob)
            return;
        const QString state = m_slurm->state(id);
        QString text;
        if (state == QLatin1String("COMPLETED") || (missing && QFileInfo::exists(m_clusterStore))) {
            QString error;
            const int added = importStore(m_clusterStore, &error);
            text = added >= 0 ? tr("Cluster run done: %n results imported from %1.", nullptr, added)
                                    .arg(QDir::toNativeSeparators(m_clusterStore))
                              : tr("Cluster run done, but its store could not be imported: %1").arg(error);
        } else {
            text = tr("The cluster's merge job %1 ended %2; see the logs next to %3.")
                       .arg(id, state.isEmpty() ? tr("unseen") : state, QDir::toNativeSeparators(m_clusterStore));
        }
        m_mergeJob.clear();
        m_clusterStatus->setText(text);
        updateButtons();
    });
    m_cancel = new QPushButton;
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(220);
    m_elapsed = new QLabel;
    m_sourceLabel = new QLabel;
    m_orderingLabel = new QLabel;
    m_budgetLabel = new QLabel;
    m_scalingLabel = new QLabel;
    m_noiseLabel = new QLabel;

    auto *runBar = new QHBoxLayout;
    runBar->addWidget(m_sourceLabel);
    runBar->addWidget(m_source);
    runBar->addWidget(m_addFolder);
    runBar->addSpacing(12);
    runBar->addWidget(m_orderingLabel);
    runBar->addWidget(m_ordering);
    runBar->addWidget(m_budgetLabel);
    runBar->addWidget(m_budget);
    runBar->addWidget(m_scalingLabel);
    runBar->addWidget(m_scaling);
    runBar->addWidget(m_noiseLabel);
    runBar->addWidget(m_noise);
    runBar->addStretch(1);
    runBar->addWidget(m_run);
    runBar->addWidget(m_runCluster);
    runBar->addWidget(m_cancel);
    runBar->addWidget(m_progress);
    runBar->addWidget(m_elapsed);

    m_filterLabel = new QLabel;
    m_text = new QLineEdit;
    m_text->setClearButtonEnabled(true);
    m_category = new QComboBox;
    m_sizeLabel = new QLabel;
    m_minRows = new QSpinBox;
    m_maxRows = new QSpinBox;
    for (QSpinBox *box : {m_minRows, m_maxRows}) {
        box->setRange(0, 1000000000);
        box->setGroupSeparatorShown(true);
    }
    auto *filterBar = new QHBoxLayout;
    filterBar->addWidget(m_filterLabel);
    filterBar->addWidget(m_text, 1);
    filterBar->addWidget(m_category);
    filterBar->addWidget(m_sizeLabel);
    filterBar->addWidget(m_minRows);
    filterBar->addWidget(new QLabel(QStringLiteral("–")));
    filterBar->addWidget(m_maxRows);
    m_exportChart = new QPushButton;
    filterBar->addSpacing(12);
    filterBar->addWidget(m_exportChart);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("benchTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(BenchTableModel::Rows, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->setAlternatingRowColors(true);
    m_table->setColumnHidden(BenchTableModel::Group, false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_chart = new BenchChart;
    m_detail = new BenchDetail;

    auto *top = new QSplitter(Qt::Horizontal);
    top->addWidget(m_table);
    top->addWidget(m_chart);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 0);
    m_chart->setMinimumWidth(440);
    auto *vertical = new QSplitter(Qt::Vertical);
    vertical->addWidget(top);
    vertical->addWidget(m_detail);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 1);

    m_storeMessage = new QLabel;
    m_storeMessage->setObjectName(QStringLiteral("benchStoreMessage"));
    m_storeMessage->setWordWrap(true);
    m_storeMessage->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(runBar);
    layout->addWidget(m_storeMessage);
    layout->addWidget(m_clusterStatus);
    layout->addLayout(filterBar);
    layout->addWidget(vertical, 1);

    connect(m_run, &QPushButton::clicked, this, &BenchView::run);
    connect(m_runCluster, &QPushButton::clicked, this, &BenchView::runOnCluster);
    connect(m_cancel, &QPushButton::clicked, this, &BenchView::cancel);
    connect(m_addFolder, &QPushButton::clicked, this, &BenchView::addFolder);
    connect(m_exportChart, &QPushButton::clicked, this, &BenchView::exportChart);
    connect(m_source, &QComboBox::currentIndexChanged, this, &BenchView::reload);
    connect(m_ordering, &QComboBox::currentIndexChanged, this, &BenchView::reload);
    connect(m_budget, &QDoubleSpinBox::valueChanged, this, &BenchView::reload);
    connect(m_scaling, &QComboBox::currentIndexChanged, this, &BenchView::reload);
    connect(m_noise, &QSpinBox::valueChanged, this, &BenchView::reload);
    connect(m_text, &QLineEdit::textChanged, this, &BenchView::applyFilters);
    connect(m_category, &QComboBox::currentIndexChanged, this, &BenchView::applyFilters);
    connect(m_minRows, &QSpinBox::valueChanged, this, &BenchView::applyFilters);
    connect(m_maxRows, &QSpinBox::valueChanged, this, &BenchView::applyFilters);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &BenchView::showSelected);
}

void BenchView::retranslateUi()
{
    m_sourceLabel->setText(tr("Matrices:"));
    m_source->setItemText(0, tr("Bundled benchmark"));
    m_addFolder->setText(tr("Add folder…"));
    m_orderingLabel->setText(tr("Ordering:"));
    m_budgetLabel->setText(tr("Time budget:"));
    m_budget->setSuffix(tr(" s"));
    m_budget->setSpecialValueText(tr("none"));
    m_budget->setToolTip(tr("Wall-time limit per matrix and preconditioner; an overrun is recorded as an outcome."));
    m_scalingLabel->setText(tr("K-opt scaling:"));
    m_scaling->setItemText(0, tr("Algorithm 1"));
    m_scaling->setItemText(1, tr("for PCG"));
    m_scaling->setToolTip(tr("Algorithm 1 scales K-optimal columns so that diag(LᵀA⁻¹L) = 1; "
                             "“for PCG” rescales them so that diag(L⁻¹AL⁻ᵀ) = 1, the operator PCG sees."));
    m_noiseLabel->setText(tr("Noise reruns:"));
    m_noise->setSpecialValueText(tr("none"));
    m_noise->setToolTip(tr("PCG reruns per preconditioner with its values perturbed at relative 1e-12. "
                           "A category whose IC(0) and K-optimal iteration ranges overlap is marked within noise "
                           "(hatched in the chart)."));
    m_run->setText(tr("Run"));
    m_runCluster->setText(tr("Run on cluster…"));
    m_runCluster->setToolTip(tr("Submit the folder to Slurm as an array of shards and a merge job; the results "
                                "arrive here when the merge is done"));
    m_cancel->setText(tr("Cancel"));
    m_filterLabel->setText(tr("Filter:"));
    m_text->setPlaceholderText(tr("Name or group"));
    m_sizeLabel->setText(tr("n:"));
    m_maxRows->setSpecialValueText(tr("any"));
    m_exportChart->setText(tr("Export chart…"));
    const int category = m_category->currentIndex();
    m_category->clear();
    m_category->addItem(tr("All categories"), -1);
    for (int c = 0; c < fs::bench::CategoryCount; ++c)
        m_category->addItem(BenchTableModel::categoryName(fs::bench::Category(c)), c);
    m_category->setCurrentIndex(std::max(0, category));
    updateProgress();
}

void BenchView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

QString BenchView::sourceDirectory() const
{
    return m_source->currentData().toString();
}

void BenchView::setSourceDirectory(const QString &directory)
{
    const QString dir = QDir(directory).absolutePath();
    int index = m_source->findData(dir);
    if (index < 0) {
        m_source->addItem(QDir::toNativeSeparators(dir), dir);
        index = m_source->count() - 1;
    }
    m_source->setCurrentIndex(index);
}

fs::bench::RunOptions BenchView::runOptions() const
{
    fs::bench::RunOptions o;
    o.ordering = fs::precond::parse_ordering(m_ordering->currentData().toString().toStdString())
                     .value_or(fs::precond::Ordering::Natural);
    o.budget_seconds = m_budget->value();
    o.kopt_scaling = fs::precond::parse_kopt_scaling(m_scaling->currentData().toString().toStdString())
                         .value_or(fs::precond::KoptScaling::Paper);
    o.noise_runs = m_noise->value();
    o.threads = std::max(1, QThread::idealThreadCount());
    return o;
}

void BenchView::reload()
{
    if (m_controller->isRunning())
        return; // the settings of a running benchmark are fixed; updateButtons() locks the inputs
    const QString settings = QString::fromStdString(fs::bench::settings_key(runOptions()));
    const QString dir = QDir(sourceDirectory()).absolutePath();
    QList<BenchRecord> shown;
    for (const BenchRecord &r : m_store.loadAll(settings))
        if (QFileInfo(QString::fromStdString(r.outcome.file)).absolutePath() == dir)
            shown.append(r);
    m_model->setRecords(shown);
    m_detail->setRecord(nullptr);
}

void BenchView::run()
{
    if (m_controller->isRunning())
        return;
    reload();
    m_controller->start(fs::bench::list_directory(sourceDirectory().toStdString()), runOptions(), m_store.keys());
}

void BenchView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    const bool bundled = QDir(sourceDirectory()).absolutePath() == QDir(BenchmarkIndex::defaultDirectory()).absolutePath();
    if (bundled && m_model->rowCount() == 0 && !m_controller->isRunning()
        && !QDir(sourceDirectory()).entryList({QStringLiteral("*.mtx"), QStringLiteral("*.mtx.gz")}, QDir::Files).isEmpty())
        run();
}

bool BenchView::runOnCluster()
{
    const QString dir = QDir(sourceDirectory()).absolutePath();
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString store = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                              .filePath(QStringLiteral("cluster/bench-%1.sqlite").arg(stamp));
    const fs::bench::RunOptions o = runOptions();
    const auto arguments = [=](const SlurmSettings &s) {
        // The shards run with this view's settings, so the merged rows carry its settings key.
        QStringList a = {QStringLiteral("submit"), QStringLiteral("bench"), dir, QStringLiteral("--tasks"),
                         QString::number(s.tasks), QStringLiteral("--store"), store};
        for (const QString &b : {QStringLiteral("--ordering=") + QString::fromLatin1(fs::precond::to_string(o.ordering)),
                                 QStringLiteral("--budget=") + QString::number(o.budget_seconds, 'g', 17),
                                 QStringLiteral("--kopt-scaling=") + QString::fromLatin1(fs::precond::to_string(o.kopt_scaling)),
                                 QStringLiteral("--fsai-pattern=") + QString::number(o.fsai_pattern_power),
                                 QStringLiteral("--noise-runs=") + QString::number(o.noise_runs), QStringLiteral("--history")})
            a << QStringLiteral("--bench-arg=") + b;
        return a + s.arguments(false);
    };
    SlurmDialog dialog(SlurmDialog::Kind::Benchmark, arguments, this);
    const bool go = m_confirmSlurm ? m_confirmSlurm(dialog) : dialog.exec() == QDialog::Accepted;
    if (!go)
        return false;
    QDir().mkpath(QFileInfo(store).absolutePath());
    QString error;
    const QJsonObject doc = SlurmClient::submit(arguments(dialog.settings()), &error);
    m_clusterStatus->setVisible(true);
    if (doc.isEmpty()) {
        m_clusterStatus->setText(tr("Nothing was submitted: %1").arg(error));
        return false;
    }
    const QJsonArray jobs = doc.value(QStringLiteral("jobs")).toArray();
    m_shardJob = jobs.at(0).toObject().value(QStringLiteral("id")).toString();
    m_mergeJob = jobs.at(1).toObject().value(QStringLiteral("id")).toString();
    m_shardCount = jobs.at(0).toObject().value(QStringLiteral("tasks")).toInt();
    m_clusterStore = store;
    m_slurm->watch(m_shardJob);
    m_slurm->watch(m_mergeJob);
    m_clusterStatus->setText(clusterStatus());
    updateButtons();
    return true;
}

QString BenchView::clusterStatus() const
{
    if (m_mergeJob.isEmpty())
        return m_clusterStatus->text();
    int done = 0, running = 0;
    for (int k = 1; k <= m_shardCount; ++k) {
        const QString state = m_slurm->state(m_shardJob + QLatin1Char('_') + QString::number(k));
        done += state == QLatin1String("COMPLETED") ? 1 : 0;
        running += state == QLatin1String("RUNNING") ? 1 : 0;
    }
    return tr("On the cluster: shards (job %1) %2 of %3 done, %4 running; merge (job %5) %6.")
        .arg(m_shardJob)
        .arg(done)
        .arg(m_shardCount)
        .arg(running)
        .arg(m_mergeJob, m_slurm->state(m_mergeJob).toLower());
}

int BenchView::importStore(const QString &path, QString *error)
{
    BenchStore other;
    if (!other.open(path)) {
        if (error)
            *error = other.errorString();
        return -1;
    }
    int added = 0;
    for (const BenchRecord &r : other.loadEverything()) {
        if (!m_store.isOpen() || !m_store.write(r))
            m_unsaved.append(r);
        ++added;
    }
    reload();
    return added;
}

void BenchView::cancel()
{
    m_controller->cancel();
}

void BenchView::addResult(const BenchRecord &record)
{
    m_model->addRecord(record);
    if (!m_store.isOpen())
        return;
    // A store another process holds refuses writes for a while: keep the results and retry.
    m_unsaved.append(record);
    storeUnsaved();
}

void BenchView::storeUnsaved()
{
    while (!m_unsaved.isEmpty() && m_store.write(m_unsaved.constFirst()))
        m_unsaved.removeFirst();
    if (m_unsaved.isEmpty()) {
        m_retry.stop();
        showStoreMessage(m_storeNotice); // what open() found stays until the view closes
        return;
    }
    if (!m_retry.isActive())
        m_retry.start();
    showStoreMessage(tr("%n result(s) not yet stored (%1): they stay in the table and are stored as soon as the "
                        "store is free.",
                        nullptr, int(m_unsaved.size()))
                         .arg(m_store.errorString()));
}

void BenchView::showStoreMessage(const QString &text)
{
    m_storeMessage->setText(text);
    m_storeMessage->setVisible(!text.isEmpty());
}

void BenchView::addFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder with .mtx / .mtx.gz files"));
    if (!dir.isEmpty())
        setSourceDirectory(dir);
}

void BenchView::exportChart()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Figure 2"), QStringLiteral("figure2.pdf"),
                                                      tr("PDF (*.pdf);;PNG image (*.png);;SVG (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!FigureExporter::exportFigure(m_chart, path, FigureOptions{}, &error))
        QMessageBox::warning(this, tr("Export Figure 2"), error);
}

void BenchView::updateProgress()
{
    const int total = m_controller->total();
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(m_controller->done());
    const qint64 s = m_controller->elapsedMs() / 1000;
    m_elapsed->setText(tr("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0')));
}

void BenchView::updateButtons()
{
    const bool running = m_controller->isRunning();
    m_run->setEnabled(!running);
    m_runCluster->setEnabled(!running && m_mergeJob.isEmpty());
    m_cancel->setEnabled(running);
    for (QWidget *w : std::initializer_list<QWidget *>{m_source, m_addFolder, m_ordering, m_budget, m_scaling, m_noise})
        w->setEnabled(!running);
}

void BenchView::applyFilters()
{
    m_proxy->setText(m_text->text());
    m_proxy->setCategory(m_category->currentData().isValid() ? m_category->currentData().toInt() : -1);
    m_proxy->setSizeRange(m_minRows->value(), m_maxRows->value());
}

void BenchView::showSelected()
{
    const QModelIndex current = m_proxy->mapToSource(m_table->currentIndex());
    m_detail->setRecord(current.isValid() ? &m_model->record(current.row()) : nullptr);
}

void BenchView::prepareForScreenshot()
{
    reload();
    if (m_model->rowCount() == 0) {
        run();
        m_controller->waitForFinished();
    }
    // A matrix where the two factors differ makes the detail panel worth looking at.
    int pick = 0;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex i = m_proxy->index(row, BenchTableModel::Name);
        const auto category = fs::bench::Category(i.data(BenchTableModel::CategoryRole).toInt());
        const qlonglong n = i.data(BenchTableModel::SizeRole).toLongLong();
        if ((category == fs::bench::Category::KoptFewer || category == fs::bench::Category::Ic0Fewer) && n >= 300) {
            pick = row;
            break;
        }
    }
    if (m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(pick, BenchTableModel::Name));
    m_detail->waitForFactors();
    m_chart->replot(QCustomPlot::rpImmediateRefresh);
}

} // namespace fs::ui
