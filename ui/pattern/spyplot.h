#pragma once

#include "document/matrixdocument.h"
#include "pattern/spycolormap.h"

#include <sparse/pattern_bins.h>


#include <QTimer>

namespace fs::ui {

// What lies under the mouse. Indices are 1-based, as users read them.
struct SpyHover {
    bool valid = false;
    int row = 0;
    int col = 0;
    qint64 count = 0;        ///< nonzeros in the bin under the mouse
    bool singleCell = false; ///< the bin is exactly one matrix cell, so `value` is exact
    double value = 0.0;      ///< A(row, col) when singleCell
    double maxAbs = 0.0;     ///< largest |value| in the bin
    int firstRow = 0, lastRow = 0, firstCol = 0, lastCol = 0; ///< extent of the bin
};

// Sparsity pattern drawn as one colour map binned at screen resolution: the cost of a redraw
// depends on the pixels and on the nonzeros inside the visible window, never on one marker per
// nonzero. Every zoom or pan re-bins the visible window after a short pause.
class SpyPlot : public QCustomPlot
{
    Q_OBJECT

public:
    explicit SpyPlot(QWidget *parent = nullptr);

    void setDocument(const MatrixDocumentPtr &document);
    MatrixDocumentPtr document() const { return m_document; }

    QCPColorMap *colorMap() const { return m_map; }
    QCPColorScale *colorScale() const { return m_scale; }
    const fs::sparse::PatternBins &bins() const { return m_bins; }

    /// Index window covered by the current axis ranges, clipped to the matrix.
    fs::sparse::BinWindow visibleWindow() const;
    /// Shows at least `window`, widened along one axis when needed to keep cells square.
    void showWindow(const fs::sparse::BinWindow &window);
    void resetZoom();
    /// Zooms about the centre; factor < 1 zooms in.
    void zoomBy(double factor);

    SpyColorMode colorMode() const { return m_colorMode; }
    void setColorMode(SpyColorMode mode);

    bool isRebinPending() const { return m_rebinTimer.isActive(); }
    /// Re-bins immediately instead of waiting for the debounce timer.
    void rebinNow();

    SpyHover hoverAt(const QPointF &position) const;
    /// Widget position of the centre of matrix cell (row, col), both 0-based.
    QPointF positionOfCell(int row, int col) const;
    static QString hoverText(const SpyHover &hover);

Q_SIGNALS:
    void hoverChanged(const fs::ui::SpyHover &hover);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void processRectZoom(QRect rect, QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onRangeChanged();
    void fitRangesToAspect();
    bool keepsSquareCells() const;
    void constrainZoom();
    QString titleText() const;

    MatrixDocumentPtr m_document;
    QCPColorMap *m_map;
    QCPColorScale *m_scale;
    QCPItemRect *m_extent; // the matrix's own area, set off from the empty margin around it
    QCPTextElement *m_title;
    fs::sparse::PatternBins m_bins;
    QTimer m_rebinTimer;
    SpyColorMode m_colorMode = SpyColorMode::Count;
    bool m_adjustingRanges = false;
    bool m_fitted = true; // showing the whole matrix, so a resize refits instead of widening
};

} // namespace fs::ui

Q_DECLARE_METATYPE(fs::ui::SpyHover)
