#include "training/trainingplot.h"

#include "widgets/customplot.h"
#include "training/runcontroller.h"

#include <QEvent>
#include <QVBoxLayout>

#include <cmath>

namespace fs::ui {

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
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
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
    retranslateUi();
    rebuild();
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
        g.train = m_plot->addGraph();
        g.train->setPen(QPen(color, 1.5, Qt::DashLine));
        g.train->setName(tr("%1 train").arg(label));
        for (const EpochPoint &p : run->points) {
            g.train->addData(p.epoch, p.trainCos);
            if (!std::isnan(p.testCos))
                g.test->addData(p.epoch, p.testCos);
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
    it->train->addData(point.epoch, point.trainCos);
    if (!std::isnan(point.testCos))
        it->test->addData(point.epoch, point.testCos);
    rescale();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingPlot::rescale()
{
    double maxEpoch = 1.0;
    double low = 0.0;
    double high = 1.0;
    for (const Graphs &g : std::as_const(m_graphs)) {
        for (QCPGraph *graph : {g.train, g.test}) {
            bool found = false;
            const QCPRange keys = graph->getKeyRange(found);
            if (found)
                maxEpoch = std::max(maxEpoch, keys.upper);
            const QCPRange values = graph->getValueRange(found);
            if (found) {
                low = std::min(low, values.lower);
                high = std::max(high, values.upper);
            }
        }
    }
    m_plot->xAxis->setRange(0.0, maxEpoch);
    m_plot->yAxis->setRange(low, high);
}

QList<QPointF> TrainingPlot::curve(int id, Curve which) const
{
    QList<QPointF> points;
    const auto it = m_graphs.constFind(id);
    if (it == m_graphs.cend())
        return points;
    const QCPGraph *graph = which == Curve::Train ? it->train : it->test;
    for (auto p = graph->data()->constBegin(); p != graph->data()->constEnd(); ++p)
        points.append(QPointF(p->key, p->value));
    return points;
}

QString TrainingPlot::csv() const
{
    QString text = QStringLiteral("run,model,depth,epoch,train_cos,test_cos,loss,lr,seconds\n");
    const auto number = [](double v) { return std::isnan(v) ? QString() : QString::number(v, 'g', 10); };
    for (int id : m_shown) {
        const TrainingRun *run = m_controller->run(id);
        if (!run)
            continue;
        for (const EpochPoint &p : run->points) {
            text += QStringLiteral("\"%1\",%2,%3,%4,%5,%6,%7,%8,%9\n")
                        .arg(run->name(), QString::fromStdString(run->config.core.model))
                        .arg(run->config.core.depth)
                        .arg(p.epoch)
                        .arg(number(p.trainCos), number(p.testCos), number(p.loss), number(p.lr), number(p.seconds));
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
    m_plot->yAxis->setLabel(tr("Cosine similarity"));
}

} // namespace fs::ui
