#pragma once

#include "pattern/spyplot.h"

namespace fs::ui {

// The pattern of A with the perturbed entry (p, q) and its mirror marked. A plain click selects
// the entry under the mouse, structural zeros included; Shift+drag still zooms.
class PerturbPatternPlot : public SpyPlot
{
    Q_OBJECT

public:
    explicit PerturbPatternPlot(QWidget *parent = nullptr);

    /// 0-based entry to mark; row < 0 hides the marker.
    void setSelectedEntry(int row, int col);
    /// The 0-based matrix cell at a widget position, or (-1, -1) outside the matrix.
    QPoint cellAt(const QPointF &position) const;

Q_SIGNALS:
    void entryClicked(int row, int col);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void placeMarker(QCPItemTracer *marker, int row, int col);

    QCPItemTracer *m_marker;
    QCPItemTracer *m_mirror;
    QPointF m_pressPosition;
    bool m_pressed = false;
};

} // namespace fs::ui
