#include "perturb/plots/perturbplot.h"

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
        replot(rpQueuedReplot); // the final frame of a drag at full quality
}

void PerturbPlot::setMarkers(QCPGraph *graph, const QCPScatterStyle &style, qsizetype points) const
{
    // Before the first layout the axis has no width yet: assume a typical one.
    const int pixels = axisRect()->width() > 0 ? axisRect()->width() : 600;
    graph->setScatterStyle(points * MarkerSpacing <= pixels ? style : QCPScatterStyle(QCPScatterStyle::ssNone));
}

void PerturbPlot::setUnreliable(bool unreliable)
{
    m_watermark->setVisible(unreliable);
    replot(rpQueuedReplot);
}

void PerturbPlot::setShowsInverse(bool inverse)
{
    if (inverse == m_inverse)
        return;
    m_inverse = inverse;
    retranslateUi();
    replot(rpQueuedReplot);
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
        replot(rpQueuedReplot);
    }
    QCustomPlot::changeEvent(event);
}

} // namespace fs::ui
