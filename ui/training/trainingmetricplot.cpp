#include "training/trainingmetricplot.h"

#include "widgets/customplot.h"
#include "training/runcontroller.h"
#include "training/trainingplot.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace fs::ui {

namespace {

bool hasGenerativeMetrics(const TrainingRun &run)
{
    return std::any_of(run.points.cbegin(), run.points.cend(),
                       [](const EpochPoint &p) { return p.hasGenerativeMetrics(); });
}

} // namespace

TrainingMetricPlot::TrainingMetricPlot(RunController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_label(new QLabel)
    , m_metric(new QComboBox)
    , m_plot(new QCustomPlot)
{
    m_metric->setObjectName(QStringLiteral("gcvaeMetric"));
    for (Metric m : {Metric::Recon, Metric::Kl, Metric::Residual, Metric::TestResidualRatio})
        m_metric->addItem(QString(), int(m));
    m_metric->setCurrentIndex(m_metric->findData(int(Metric::TestResidualRatio)));
    m_plot->setObjectName(QStringLiteral("gcvaeCurves"));
    m_plot->setMinimumHeight(120);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    auto *top = new QHBoxLayout;
    top->addWidget(m_label);
    top->addWidget(m_metric);
    top->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &TrainingMetricPlot::rebuild);
    connect(controller, &RunController::pointAdded, this, &TrainingMetricPlot::addPoint);
    connect(controller, &RunController::runRemoved, this, [this](int id) {
        if (m_shown.removeAll(id) > 0)
            rebuild();
    });
    retranslateUi();
}

double TrainingMetricPlot::value(const EpochPoint &point, Metric metric)
{
    switch (metric) {
    case Metric::Recon: return point.recon;
    case Metric::Kl: return point.kl;
    case Metric::Residual: return point.residual;
    case Metric::TestResidualRatio: return point.testResidualRatio;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

void TrainingMetricPlot::setShownRuns(const QList<int> &ids)
{
    if (ids == m_shown)
        return;
    m_shown = ids;
    rebuild();
}

void TrainingMetricPlot::setMetric(Metric metric)
{
    m_metric->setCurrentIndex(std::max(0, m_metric->findData(int(metric))));
}

TrainingMetricPlot::Metric TrainingMetricPlot::metric() const
{
    return static_cast<Metric>(m_metric->currentData().toInt());
}

void TrainingMetricPlot::rebuild()
{
    const bool had = hasData();
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_graphs.clear();
    const Metric shown = metric();
    const QStringList axisLabels = {tr("Reconstruction"), tr("KL"), tr("Target objective"), tr("Ratio to the target")};
    m_plot->yAxis->setLabel(axisLabels.value(m_metric->currentIndex()));
    for (int i = 0; i < m_shown.size(); ++i) {
        const TrainingRun *run = m_controller->run(m_shown.at(i));
        if (!run || (!run->config.isGenerative() && !hasGenerativeMetrics(*run)))
            continue;
        QCPGraph *graph = m_plot->addGraph();
        graph->setPen(QPen(runColor(i), 2.0));
        graph->setName(QStringLiteral("%1 d%2").arg(QString::fromStdString(run->config.core.model)).arg(run->config.core.depth));
        for (const EpochPoint &p : run->points) {
            if (const double v = value(p, shown); !std::isnan(v))
                graph->addData(p.epoch, v);
        }
        m_graphs.insert(run->id, graph);
    }
    if (shown == Metric::TestResidualRatio && hasData()) {
        // 1 = as good as the target (SPAI or FSAI), the reference the ratio is measured against.
        auto *spai = new QCPItemStraightLine(m_plot);
        spai->point1->setCoords(0, 1);
        spai->point2->setCoords(1, 1);
        spai->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    }
    m_plot->rescaleAxes();
    m_plot->yAxis->scaleRange(1.1, m_plot->yAxis->range().center());
    m_plot->replot();
    if (had != hasData())
        Q_EMIT availabilityChanged(hasData());
}

void TrainingMetricPlot::addPoint(int id, const EpochPoint &point)
{
    if (m_shown.contains(id) && !m_graphs.contains(id) && point.hasGenerativeMetrics()) {
        rebuild();
        return;
    }
    QCPGraph *graph = m_graphs.value(id);
    if (!graph)
        return;
    if (!graph->data()->isEmpty() && (graph->data()->constEnd() - 1)->key >= point.epoch) {
        rebuild();
        return;
    }
    if (const double v = value(point, metric()); !std::isnan(v))
        graph->addData(point.epoch, v);
    m_plot->rescaleAxes();
    m_plot->yAxis->scaleRange(1.1, m_plot->yAxis->range().center());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QList<QPointF> TrainingMetricPlot::curve(int id) const
{
    QList<QPointF> points;
    const QCPGraph *graph = m_graphs.value(id);
    if (!graph)
        return points;
    for (auto p = graph->data()->constBegin(); p != graph->data()->constEnd(); ++p)
        points.append(QPointF(p->key, p->value));
    return points;
}

void TrainingMetricPlot::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TrainingMetricPlot::retranslateUi()
{
    m_label->setText(tr("GCVAE metric:"));
    m_metric->setItemText(0, tr("Reconstruction loss (train)"));
    m_metric->setItemText(1, tr("KL divergence (train)"));
    m_metric->setItemText(2, tr("Target objective (train): (‖I − AR‖_F ratio)² or log-K gap"));
    m_metric->setItemText(3, tr("Ratio to the target (test): ‖I − AR‖_F / ‖I − AR_SPAI‖_F or K(GAGᵀ) / K_FSAI"));
    m_plot->xAxis->setLabel(tr("Epoch"));
    const QStringList axisLabels = {tr("Reconstruction"), tr("KL"), tr("Target objective"), tr("Ratio to the target")};
    m_plot->yAxis->setLabel(axisLabels.value(m_metric->currentIndex()));
    m_plot->replot();
}

} // namespace fs::ui
