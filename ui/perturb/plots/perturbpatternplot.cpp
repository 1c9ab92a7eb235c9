#include "perturb/plots/perturbpatternplot.h"

#include "perturb/plots/perturbplot.h"

#include <QMouseEvent>

#include <cmath>

namespace fs::ui {

PerturbPatternPlot::PerturbPatternPlot(QWidget *parent)
    : SpyPlot(parent)
    , m_marker(new QCPItemTracer(this))
    , m_mirror(new QCPItemTracer(this))
{
    setObjectName(QStringLiteral("perturbPatternPlot"));
    for (QCPItemTracer *t : {m_marker, m_mirror}) {
        t->setStyle(QCPItemTracer::tsCircle);
        t->setSize(14);
        t->setPen(QPen(QColor(214, 39, 40), 2.5));
        t->setBrush(Qt::NoBrush);
        t->setVisible(false);
        t->setLayer(QStringLiteral("overlay"));
        t->position->setType(QCPItemPosition::ptPlotCoords);
    }
    m_mirror->setPen(QPen(QColor(214, 39, 40), 1.5, Qt::DashLine));
}

void PerturbPatternPlot::setSelectedEntry(int row, int col)
{
    placeMarker(m_marker, row, col);
    placeMarker(m_mirror, row == col ? -1 : col, row);
    queueStaggeredReplot(this);
}

void PerturbPatternPlot::placeMarker(QCPItemTracer *marker, int row, int col)
{
    marker->setVisible(row >= 0);
    if (row < 0)
        return;
    // The spy plot centres cell (row, col) on the 1-based coordinates (col + 1, row + 1).
    marker->position->setCoords(col + 1.0, row + 1.0);
}

QPoint PerturbPatternPlot::cellAt(const QPointF &position) const
{
    const MatrixDocumentPtr doc = document();
    if (!doc || !axisRect()->rect().contains(position.toPoint()))
        return {-1, -1};
    const int col = int(std::lround(xAxis->pixelToCoord(position.x()))) - 1;
    const int row = int(std::lround(yAxis->pixelToCoord(position.y()))) - 1;
    if (row < 0 || col < 0 || row >= doc->matrix.rows() || col >= doc->matrix.cols())
        return {-1, -1};
    return {col, row};
}

void PerturbPatternPlot::mousePressEvent(QMouseEvent *event)
{
    m_pressed = event->button() == Qt::LeftButton && !(event->modifiers() & Qt::ShiftModifier);
    m_pressPosition = event->position();
    SpyPlot::mousePressEvent(event);
}

void PerturbPatternPlot::mouseReleaseEvent(QMouseEvent *event)
{
    SpyPlot::mouseReleaseEvent(event);
    // A press that moved is a pan, not a selection.
    if (!m_pressed || (event->position() - m_pressPosition).manhattanLength() > 4)
        return;
    m_pressed = false;
    const QPoint cell = cellAt(event->position());
    if (cell.x() >= 0)
        Q_EMIT entryClicked(cell.y(), cell.x());
}

} // namespace fs::ui
