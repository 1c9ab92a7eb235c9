#pragma once

#include "widgets/customplot.h"

namespace fs::ui {

/// Replots `plot` on a later turn of the event loop (as rpQueuedReplot), one queued plot per turn:
/// a new frame of a drag then never holds the GUI thread for all the view's plots at once.
void queueStaggeredReplot(QCustomPlot *plot);

// What every plot of the perturbation view shares: a name for exported files, its data as CSV,
// and the "not reliable" watermark drawn over the data when core distrusts the result.
class PerturbPlot : public QCustomPlot
{
    Q_OBJECT

public:
    explicit PerturbPlot(QWidget *parent = nullptr);

    /// File stem of exported figures and tables, e.g. "diagonal-change".
    virtual QString figureName() const = 0;
    /// The plotted data as CSV with a header line.
    virtual QString csv() const = 0;

    void setUnreliable(bool unreliable);

    /// While a slider is dragged: lines drawn as one polyline each (QCP::phFastPolylines), which
    /// takes a replot of thousands of points from ~10 ms to ~1 ms at the cost of plainer joins.
    /// Switching it off redraws at full quality; exported figures never use it.
    void setFastDrawing(bool fast);

    /// queueStaggeredReplot(this).
    void queueReplot() { queueStaggeredReplot(this); }

    /// Whether the plotted factor is the approximate inverse R (SPAI) rather than a triangular L:
    /// titles and labels then speak of R.
    void setShowsInverse(bool inverse);
    bool showsInverse() const { return m_inverse; }
    bool isUnreliable() const { return m_watermark->visible(); }

    /// Marks an item as an on-screen aid (cursor, selection marker) that exported figures omit.

protected:
    /// Markers only where they can be told apart: a graph with more points than one per
    /// MarkerSpacing pixels of the axis is drawn as its line alone. Thousands of markers cost most
    /// of a frame during a slider drag and show nothing the line does not.
    void setMarkers(QCPGraph *graph, const QCPScatterStyle &style, qsizetype points) const;
    static constexpr int MarkerSpacing = 4;

    void changeEvent(QEvent *event) override;
    virtual void retranslateUi();
    void styleAxes();

private:
    QCPItemText *m_watermark;
    bool m_inverse = false;
};

} // namespace fs::ui
