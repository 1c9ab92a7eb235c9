#include "training/trainingplot.h"

#include "widgets/customplot.h"
#include "training/runcontroller.h"
#include "training/trainingsettings.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace fs::ui {

namespace {
// 1 - cosine below this is drawn at it: a log axis has no zero, and float32 training does not
// resolve cosines closer to 1.
constexpr double kDistanceFloor = 1e-7;
} // namespace

QColor runColor(int index)
{
    // Tableau 10: distinguishable when several runs of a sweep overlay.
    static const QList<QColor> palette = {
        QColor(0x4e79a7), QColor(0xf28e2b), QColor(0xe15759), QColor(0x76b7b2), QColor(0x59a14f),
        QColor(0xedc948), QColor(0xb07aa1), QColor(0xff9da7), QColor(0x9c755f), QColor(0xbab0ac)};
    return palette.at(index % palette.size());
}

TrainingPlot::TrainingPlot(RunController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_plot(new QCustomPlot(this))
    , m_axisLabel(new QLabel(this))
    , m_axisBox(new QComboBox(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->addStretch(1);
    bar->addWidget(m_axisLabel);
    bar->addWidget(m_axisBox);
    m_axisLabel->setBuddy(m_axisBox);
    m_axisBox->setObjectName(QStringLiteral("cosineAxis"));
    m_axisBox->addItem(QString(), static_cast<int>(Axis::Cosine));
    m_axisBox->addItem(QString(), static_cast<int>(Axis::LogDistance));
    layout->addLayout(bar);
    layout->addWidget(m_plot, 1);
    m_plot->setObjectName(QStringLiteral("trainingCurves"));
    m_plot->setMinimumHeight(200);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    // One row per run (test, train); top left is where rising curves leave room.
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(2);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    connect(controller, &RunController::pointAdded, this, &TrainingPlot::addPoint);
    connect(controller, &RunController::runRemoved, this, [this](int id) {
        if (m_shown.removeAll(id) > 0)
            rebuild();
    });
    m_axis = TrainingSettings().logDistanceAxis() ? Axis::LogDistance : Axis::Cosine;
    m_axisBox->setCurrentIndex(m_axisBox->findData(static_cast<int>(m_axis)));
    connect(m_axisBox, &QComboBox::activated, this,
            [this](int index) { setAxis(static_cast<Axis>(m_axisBox->itemData(index).toInt())); });
    retranslateUi();
    rebuild();
}

void TrainingPlot::setAxis(Axis axis)
{
    m_axisBox->setCurrentIndex(m_axisBox->findData(static_cast<int>(axis)));
    if (axis == m_axis)
        return;
    m_axis = axis;
    TrainingSettings().setLogDistanceAxis(axis == Axis::LogDistance);
    retranslateUi();
    rebuild();
}

double TrainingPlot::drawn(double cosine) const
{
    return m_axis == Axis::Cosine ? cosine : std::max(1.0 - cosine, kDistanceFloor);
}

void TrainingPlot::setBound(Graphs &g, double bound)
{
    if (std::isnan(bound) || bound == g.boundValue)
        return;
    g.boundValue = bound;
    if (!g.bound) {
        g.bound = m_plot->addGraph();
        g.bound->setPen(QPen(g.test->pen().color(), 1.5, Qt::DashLine));
        g.bound->setName(tr("%1 bound").arg(g.label));
    }
}

void TrainingPlot::setShownRuns(const QList<int> &ids)
{
    if (ids == m_shown)
        return;
    m_shown = ids;
    rebuild();
}

void TrainingPlot::rebuild()
{
    m_plot->clearGraphs();
    m_graphs.clear();
    for (int i = 0; i < m_shown.size(); ++i) {
        const TrainingRun *run = m_controller->run(m_shown.at(i));
        if (!run)
            continue;
        Graphs g;
        const QColor color = runColor(i);
        const QString label = QStringLiteral("%1 d%2").arg(QString::fromStdString(run->config.core.model)).arg(run->config.core.depth);
        g.test = m_plot->addGraph();
        g.test->setPen(QPen(color, 2.0));
        g.test->setName(tr("%1 test").arg(label));
        g.label = label;
        g.train = m_plot->addGraph();
        g.train->setPen(QPen(color, 1.5, Qt::DotLine));
        g.train->setName(tr("%1 train").arg(label));
        for (const EpochPoint &p : run->points) {
            g.train->addData(p.epoch, drawn(p.trainCos));
            if (!std::isnan(p.testCos))
                g.test->addData(p.epoch, drawn(p.testCos));
            setBound(g, p.bound);
        }
        m_graphs.insert(run->id, g);
    }
    rescale();
    m_plot->replot();
}

void TrainingPlot::addPoint(int id, const EpochPoint &point)
{
    const auto it = m_graphs.constFind(id);
    if (it == m_graphs.cend())
        return;
    // A resumed run may restart behind its last point; the curve follows the controller's copy.
    if (!it->train->data()->isEmpty() && (it->train->data()->constEnd() - 1)->key >= point.epoch) {
        rebuild();
        return;
    }
    it->train->addData(point.epoch, drawn(point.trainCos));
    if (!std::isnan(point.testCos))
        it->test->addData(point.epoch, drawn(point.testCos));
    setBound(m_graphs[id], point.bound);
    rescale();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingPlot::rescale()
{
    double maxEpoch = 1.0;
    for (const Graphs &g : std::as_const(m_graphs)) {
        bool found = false;
        const QCPRange keys = g.train->getKeyRange(found);
        if (found)
            maxEpoch = std::max(maxEpoch, keys.upper);
    }
    // The bound holds for every epoch: a line across the whole chart.
    for (const Graphs &g : std::as_const(m_graphs)) {
        if (g.bound)
            g.bound->setData({1.0, maxEpoch}, {drawn(g.boundValue), drawn(g.boundValue)});
    }
    const bool log = m_axis == Axis::LogDistance;
    double low = log ? 1.0 : 0.0;
    double high = log ? 1.0 : 1.0;
    for (const Graphs &g : std::as_const(m_graphs)) {
        for (QCPGraph *graph : {g.train, g.test, g.bound}) {
            bool found = false;
            const QCPRange values = graph ? graph->getValueRange(found) : QCPRange();
            if (found) {
                low = std::min(low, values.lower);
                high = std::max(high, values.upper);
            }
        }
    }
    m_plot->xAxis->setRange(0.0, maxEpoch);
    if (log) {
        const double lower = low / 1.3;
        const double upper = std::min(high * 1.3, 2.1); // 1 - cosine <= 2
        m_plot->yAxis->setRange(lower, upper);
        // Labels at 1, 2, 5 times powers of ten (every digit when the range is narrow): a log
        // ticker labels only whole decades, and the curves often lie within one.
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (const QList<int> &digits : {QList<int>{1, 2, 5}, QList<int>{1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
            ticker->clear();
            int count = 0;
            for (int e = static_cast<int>(std::floor(std::log10(lower))); e <= 1; ++e) {
                for (int digit : digits) {
                    const double tick = digit * std::pow(10.0, e);
                    if (tick >= lower && tick <= upper) {
                        ticker->addTick(tick, QString::number(tick, 'g', 3));
                        ++count;
                    }
                }
            }
            if (count >= 3)
                break;
        }
        m_plot->yAxis->setTicker(ticker);
    } else {
        m_plot->yAxis->setRange(low, high);
    }
}

QList<QPointF> TrainingPlot::curve(int id, Curve which) const
{
    QList<QPointF> points;
    const auto it = m_graphs.constFind(id);
    if (it == m_graphs.cend())
        return points;
    const QCPGraph *graph = which == Curve::Train ? it->train : which == Curve::Test ? it->test : it->bound;
    if (!graph)
        return points;
    for (auto p = graph->data()->constBegin(); p != graph->data()->constEnd(); ++p)
        points.append(QPointF(p->key, m_axis == Axis::Cosine ? p->value : 1.0 - p->value));
    return points;
}

QString TrainingPlot::csv() const
{
    QString text = QStringLiteral("run,model,depth,epoch,train_cos,test_cos,loss,lr,seconds,bound,test_cos_far\n");
    const auto number = [](double v) { return std::isnan(v) ? QString() : QString::number(v, 'g', 10); };
    for (int id : m_shown) {
        const TrainingRun *run = m_controller->run(id);
        if (!run)
            continue;
        for (const EpochPoint &p : run->points) {
            text += QStringLiteral("\"%1\",%2,%3,%4,%5,%6,%7,%8,%9,%10,%11\n")
                        .arg(run->name(), QString::fromStdString(run->config.core.model))
                        .arg(run->config.core.depth)
                        .arg(p.epoch)
                        .arg(number(p.trainCos), number(p.testCos), number(p.loss), number(p.lr), number(p.seconds),
                             number(p.bound), number(p.testCosFar));
        }
    }
    return text;
}

void TrainingPlot::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        rebuild();
    }
    QWidget::changeEvent(event);
}

void TrainingPlot::retranslateUi()
{
    m_plot->xAxis->setLabel(tr("Epoch"));
    m_axisLabel->setText(tr("&Axis:"));
    m_axisBox->setItemText(0, tr("Cosine similarity"));
    m_axisBox->setItemText(1, tr("1 − cosine, log"));
    m_axisBox->setToolTip(tr("A log axis of 1 − cosine shows the differences a 0–1 axis hides above 0.95."));
    const bool log = m_axis == Axis::LogDistance;
    m_plot->yAxis->setLabel(log ? tr("1 − cosine similarity") : tr("Cosine similarity"));
    m_plot->yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (!log)
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
}

} // namespace fs::ui
