#include "perturb/plots/perturbplot.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#include <deque>

namespace fs::ui {

PerturbPlot::PerturbPlot(QWidget *parent)
    : QCustomPlot(parent)
    , m_watermark(new QCPItemText(this))
{
    setPlottingHints(plottingHints() | QCP::phCacheLabels);
    m_watermark->setPositionAlignment(Qt::AlignCenter);
    m_watermark->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_watermark->position->setCoords(0.5, 0.5);
    m_watermark->setRotation(-20);
    QFont font = m_watermark->font();
    font.setPointSize(22);
    font.setBold(true);
    m_watermark->setFont(font);
    m_watermark->setColor(QColor(200, 30, 30, 110));
    m_watermark->setClipToAxisRect(true);
    m_watermark->setVisible(false);
    m_watermark->setLayer(QStringLiteral("overlay"));
    setMinimumSize(260, 200);
    styleAxes();
}

void PerturbPlot::setFastDrawing(bool fast)
{
    const QCP::PlottingHints hints = plottingHints();
    setPlottingHints(fast ? hints | QCP::phFastPolylines : hints & ~QCP::PlottingHints(QCP::phFastPolylines));
    if (!fast)
        queueReplot(); // the final frame of a drag at full quality
}

void PerturbPlot::setMarkers(QCPGraph *graph, const QCPScatterStyle &style, qsizetype points) const
{
    // Before the first layout the axis has no width yet: assume a typical one.
    const int pixels = axisRect()->width() > 0 ? axisRect()->width() : 600;
    graph->setScatterStyle(points * MarkerSpacing <= pixels ? style : QCPScatterStyle(QCPScatterStyle::ssNone));
}

namespace {

// Plots waiting for their replot, served one per timeout of a zero-interval timer. Between two
// timeouts the event loop handles everything else (input, the other timers), so the longest a
// frame holds the GUI thread is one plot's replot instead of the sum of all of them.
class ReplotQueue : public QObject
{
public:
    explicit ReplotQueue(QObject *parent) : QObject(parent)
    {
        m_timer.setInterval(0);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            while (!m_plots.empty()) {
                const QPointer<QCustomPlot> plot = m_plots.front();
                m_plots.pop_front();
                if (plot) {
                    plot->replot();
                    break;
                }
            }
            if (m_plots.empty())
                m_timer.stop();
        });
    }
    void add(QCustomPlot *plot)
    {
        for (const QPointer<QCustomPlot> &queued : m_plots)
            if (queued == plot)
                return;
        m_plots.emplace_back(plot);
        if (!m_timer.isActive())
            m_timer.start();
    }

private:
    std::deque<QPointer<QCustomPlot>> m_plots;
    QTimer m_timer;
};

} // namespace

void queueStaggeredReplot(QCustomPlot *plot)
{
    // Owned by the application, so that it goes before the event loop does.
    static QPointer<ReplotQueue> queue;
    if (!queue)
        queue = new ReplotQueue(QCoreApplication::instance());
    queue->add(plot);
}

void PerturbPlot::setUnreliable(bool unreliable)
{
    m_watermark->setVisible(unreliable);
    queueReplot();
}

void PerturbPlot::setShowsInverse(bool inverse)
{
    if (inverse == m_inverse)
        return;
    m_inverse = inverse;
    retranslateUi();
    queueReplot();
}

void PerturbPlot::styleAxes()
{
    for (QCPAxis *axis : {xAxis, yAxis, xAxis2, yAxis2}) {
        axis->grid()->setPen(QPen(QColor(225, 225, 225), 0, Qt::SolidLine));
        axis->grid()->setSubGridVisible(false);
    }
}

void PerturbPlot::retranslateUi()
{
    m_watermark->setText(tr("NOT RELIABLE"));
}

void PerturbPlot::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        queueReplot();
    }
    QCustomPlot::changeEvent(event);
}

} // namespace fs::ui
