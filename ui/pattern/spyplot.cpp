#include "pattern/spyplot.h"

#include "widgets/integerticker.h"
#include "pattern/spycolormap.h"
#include "pattern/spyplotstyle.h"

#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace fs::ui {

using fs::sparse::BinWindow;
using fs::sparse::Index;

namespace {

// Matrix cell (i, j), 0-based, is drawn as the unit square centred on (j + 1, i + 1) so the axes
// read as 1-based indices.
constexpr double CellOffset = 0.5;
constexpr int RebinDelayMs = 40;
// Beyond this ratio of rows to columns, square cells would squeeze the matrix into a sliver.
constexpr double MaxSquareAspect = 8.0;
// Zooming stops when this many cells fill the view; closer, a cell is only a flat colour.
constexpr double MinVisibleCells = 3.0;

// The 0-based index of the cell containing `coordinate`.
Index floorIndex(double coordinate)
{
    return static_cast<Index>(std::clamp(std::floor(coordinate - CellOffset), -1.0e9, 1.0e9));
}

// One past the last cell that starts before `coordinate`: the exclusive end of a visible range.
Index ceilIndex(double coordinate)
{
    return static_cast<Index>(std::clamp(std::ceil(coordinate - CellOffset), -1.0e9, 1.0e9));
}

} // namespace

SpyPlot::SpyPlot(QWidget *parent)
    : QCustomPlot(parent)
    , m_map(new QCPColorMap(xAxis, yAxis))
    , m_scale(new QCPColorScale(this))
    , m_extent(new QCPItemRect(this))
    , m_title(new QCPTextElement(this))
{
    setObjectName(QStringLiteral("SpyPlot"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setNoAntialiasingOnDrag(true);
    axisRect()->setRangeZoomFactor(0.8);

    yAxis->setRangeReversed(true);
    xAxis->setTicker(QSharedPointer<IntegerTicker>::create());
    yAxis->setTicker(QSharedPointer<IntegerTicker>::create());
    xAxis2->setVisible(true);
    yAxis2->setVisible(true);
    xAxis2->setTickLabels(false);
    yAxis2->setTickLabels(false);
    connect(xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), xAxis2, qOverload<const QCPRange &>(&QCPAxis::setRange));
    connect(yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), yAxis2, qOverload<const QCPRange &>(&QCPAxis::setRange));
    yAxis2->setRangeReversed(true);

    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    m_map->setAntialiased(false);
    m_extent->setLayer(QStringLiteral("grid"));
    m_extent->setSelectable(false);
    m_extent->setAntialiased(false);

    plotLayout()->addElement(0, 1, m_scale);
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    QFont titleFont = font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(14);
    m_scale->setDataScaleType(QCPAxis::stLogarithmic);
    m_scale->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    m_scale->axis()->setNumberFormat(QStringLiteral("gb"));
    m_scale->setRangeDrag(false);
    m_scale->setRangeZoom(false);
    m_map->setColorScale(m_scale);
    auto *margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    applySpyPlotStyle(this, m_scale, m_extent);

    m_rebinTimer.setSingleShot(true);
    m_rebinTimer.setInterval(RebinDelayMs);
    connect(&m_rebinTimer, &QTimer::timeout, this, &SpyPlot::rebinNow);
    connect(xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, &SpyPlot::onRangeChanged);
    connect(yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, &SpyPlot::onRangeChanged);

    retranslateUi();
    setDocument(nullptr);
}

void SpyPlot::setDocument(const MatrixDocumentPtr &document)
{
    m_document = document;
    m_bins = {};
    m_map->setVisible(bool(m_document));
    m_scale->setVisible(bool(m_document));
    m_extent->setVisible(bool(m_document));
    m_title->setText(titleText());
    if (m_document) {
        m_extent->topLeft->setCoords(CellOffset, CellOffset);
        m_extent->bottomRight->setCoords(m_document->matrix.cols() + CellOffset, m_document->matrix.rows() + CellOffset);
    }
    resetZoom();
    rebinNow();
}

BinWindow SpyPlot::visibleWindow() const
{
    if (!m_document)
        return {};
    const auto rows = static_cast<Index>(m_document->matrix.rows());
    const auto cols = static_cast<Index>(m_document->matrix.cols());
    const QCPRange xr = xAxis->range();
    const QCPRange yr = yAxis->range();
    BinWindow w;
    w.col_begin = std::clamp<Index>(floorIndex(xr.lower), 0, cols);
    w.col_end = std::clamp<Index>(ceilIndex(xr.upper), w.col_begin, cols);
    w.row_begin = std::clamp<Index>(floorIndex(yr.lower), 0, rows);
    w.row_end = std::clamp<Index>(ceilIndex(yr.upper), w.row_begin, rows);
    return w;
}

void SpyPlot::showWindow(const BinWindow &window)
{
    m_adjustingRanges = true;
    xAxis->setRange(window.col_begin + CellOffset, std::max(window.col_end, window.col_begin + 1) + CellOffset);
    yAxis->setRange(window.row_begin + CellOffset, std::max(window.row_end, window.row_begin + 1) + CellOffset);
    fitRangesToAspect();
    m_adjustingRanges = false;
    m_fitted = false;
    m_rebinTimer.start();
}

void SpyPlot::resetZoom()
{
    if (!m_document) {
        xAxis->setRange(CellOffset, 1 + CellOffset);
        yAxis->setRange(CellOffset, 1 + CellOffset);
        return;
    }
    showWindow(BinWindow::whole(m_document->matrix));
    m_fitted = true;
}

void SpyPlot::zoomBy(double factor)
{
    xAxis->scaleRange(factor, xAxis->range().center());
    yAxis->scaleRange(factor, yAxis->range().center());
}

bool SpyPlot::keepsSquareCells() const
{
    if (!m_document || m_document->matrix.rows() == 0 || m_document->matrix.cols() == 0)
        return true;
    const double r = double(m_document->matrix.rows());
    const double c = double(m_document->matrix.cols());
    return std::max(r, c) / std::min(r, c) <= MaxSquareAspect;
}

// Widens whichever range has more pixels per index so both show the same, keeping the requested
// window entirely visible.
void SpyPlot::fitRangesToAspect()
{
    updateLayout();
    const QRect area = axisRect()->rect();
    if (!keepsSquareCells() || area.width() <= 0 || area.height() <= 0)
        return;
    const double xPerPixel = xAxis->range().size() / area.width();
    const double yPerPixel = yAxis->range().size() / area.height();
    if (xPerPixel < yPerPixel)
        xAxis->setRange(xAxis->range().center(), yPerPixel * area.width(), Qt::AlignCenter);
    else
        yAxis->setRange(yAxis->range().center(), xPerPixel * area.height(), Qt::AlignCenter);
}

void SpyPlot::onRangeChanged()
{
    if (m_adjustingRanges)
        return;
    m_fitted = false;
    m_rebinTimer.start();
}

void SpyPlot::rebinNow()
{
    m_rebinTimer.stop();
    if (!m_document) {
        m_map->data()->clear();
        replot(rpQueuedReplot);
        return;
    }
    updateLayout();
    constrainZoom();
    m_rebinTimer.stop();
    const BinWindow w = visibleWindow();
    // Bin count follows the on-screen extent of the window, in device pixels for sharp HiDPI.
    const double ratio = devicePixelRatioF();
    const double width = std::abs(xAxis->coordToPixel(w.col_end + CellOffset) - xAxis->coordToPixel(w.col_begin + CellOffset));
    const double height = std::abs(yAxis->coordToPixel(w.row_end + CellOffset) - yAxis->coordToPixel(w.row_begin + CellOffset));
    const int binsX = std::max(1, int(std::ceil(width * ratio)));
    const int binsY = std::max(1, int(std::ceil(height * ratio)));

    m_bins = fs::sparse::bin_pattern(m_document->matrix, w, binsX, binsY);
    fillSpyColorMap(m_map, m_scale, m_bins, m_colorMode);
    replot(rpQueuedReplot);
}

// Applied when the view settles rather than on every range change, so the wheel and drag
// handlers of QCustomPlot never fight a range that is being corrected under them.
void SpyPlot::constrainZoom()
{
    const double rows = double(m_document->matrix.rows());
    const double cols = double(m_document->matrix.cols());
    const double xSize = xAxis->range().size();
    const double ySize = yAxis->range().size();
    const BinWindow visible = visibleWindow();
    const bool lost = visible.row_begin == visible.row_end || visible.col_begin == visible.col_end;
    if (lost || (xSize > cols * 1.02 && ySize > rows * 1.02)) {
        resetZoom();
        return;
    }
    const double minSpan = std::min(MinVisibleCells, std::max(rows, cols));
    if (xSize < minSpan && ySize < minSpan) {
        const double factor = minSpan / std::max(xSize, ySize);
        m_adjustingRanges = true;
        xAxis->scaleRange(factor, xAxis->range().center());
        yAxis->scaleRange(factor, yAxis->range().center());
        m_adjustingRanges = false;
    }
}

QString SpyPlot::titleText() const
{
    if (!m_document)
        return {};
    QString name = QFileInfo(m_document->filePath).fileName();
    for (const char *suffix : {".gz", ".mtx"}) {
        if (name.endsWith(QLatin1String(suffix), Qt::CaseInsensitive))
            name.chop(int(qstrlen(suffix)));
    }
    return name;
}

void SpyPlot::setColorMode(SpyColorMode mode)
{
    if (mode == m_colorMode)
        return;
    m_colorMode = mode;
    retranslateUi();
    fillSpyColorMap(m_map, m_scale, m_bins, m_colorMode);
    replot(rpQueuedReplot);
}

SpyHover SpyPlot::hoverAt(const QPointF &position) const
{
    SpyHover hover;
    if (!m_document || m_bins.counts.empty() || !axisRect()->rect().contains(position.toPoint()))
        return hover;
    const Index col = floorIndex(xAxis->pixelToCoord(position.x()));
    const Index row = floorIndex(yAxis->pixelToCoord(position.y()));
    const BinWindow &w = m_bins.window;
    if (col < w.col_begin || col >= w.col_end || row < w.row_begin || row >= w.row_end)
        return hover;

    // Same bin assignment as bin_pattern, so the count shown is the one drawn.
    const int bx = int(std::int64_t(col - w.col_begin) * m_bins.bins_x / (w.col_end - w.col_begin));
    const int by = int(std::int64_t(row - w.row_begin) * m_bins.bins_y / (w.row_end - w.row_begin));
    const std::size_t cell = std::size_t(by) * std::size_t(m_bins.bins_x) + std::size_t(bx);

    hover.valid = true;
    hover.row = row + 1;
    hover.col = col + 1;
    hover.count = m_bins.counts[cell];
    hover.maxAbs = m_bins.max_abs[cell];
    hover.firstRow = m_bins.rowOfBin(by) + 1;
    hover.lastRow = (by + 1 < m_bins.bins_y ? m_bins.rowOfBin(by + 1) : w.row_end);
    hover.firstCol = m_bins.colOfBin(bx) + 1;
    hover.lastCol = (bx + 1 < m_bins.bins_x ? m_bins.colOfBin(bx + 1) : w.col_end);
    hover.singleCell = hover.firstRow == hover.lastRow && hover.firstCol == hover.lastCol;
    if (hover.singleCell)
        hover.value = m_document->matrix.coeff(row, col);
    return hover;
}

QPointF SpyPlot::positionOfCell(int row, int col) const
{
    return {xAxis->coordToPixel(col + 1.0), yAxis->coordToPixel(row + 1.0)};
}

QString SpyPlot::hoverText(const SpyHover &hover)
{
    if (!hover.valid)
        return {};
    // Indices without digit grouping, like the axes; the value in the shortest form that reads
    // back as the same double.
    const QLocale locale;
    QLocale indexLocale;
    indexLocale.setNumberOptions(indexLocale.numberOptions() | QLocale::OmitGroupSeparator);
    const QString row = indexLocale.toString(hover.row);
    const QString col = indexLocale.toString(hover.col);
    if (hover.singleCell) {
        if (hover.count == 0)
            return tr("Row %1, column %2: not stored").arg(row, col);
        return tr("Row %1, column %2: %3").arg(row, col, locale.toString(hover.value, 'g', QLocale::FloatingPointShortest));
    }
    return tr("Row %1, column %2 (bin of rows %3–%4, columns %5–%6): nnz = %7")
        .arg(row, col, indexLocale.toString(hover.firstRow), indexLocale.toString(hover.lastRow),
             indexLocale.toString(hover.firstCol), indexLocale.toString(hover.lastCol), locale.toString(hover.count));
}

void SpyPlot::resizeEvent(QResizeEvent *event)
{
    QCustomPlot::resizeEvent(event);
    // A view showing the whole matrix keeps doing so; a zoomed view keeps its centre and scale.
    if (m_fitted && m_document) {
        resetZoom();
    } else {
        m_adjustingRanges = true;
        fitRangesToAspect();
        m_adjustingRanges = false;
    }
    m_rebinTimer.start();
}

// Shift+drag draws a rectangle to zoom into; a plain drag pans.
void SpyPlot::mousePressEvent(QMouseEvent *event)
{
    setSelectionRectMode(event->modifiers() & Qt::ShiftModifier ? QCP::srmZoom : QCP::srmNone);
    QCustomPlot::mousePressEvent(event);
}

// The rectangle becomes an index window, so the zoomed view keeps square cells.
void SpyPlot::processRectZoom(QRect rect, QMouseEvent *event)
{
    setSelectionRectMode(QCP::srmNone);
    if (!m_document || rect.width() < 2 || rect.height() < 2)
        return;
    const double x1 = xAxis->pixelToCoord(rect.left());
    const double x2 = xAxis->pixelToCoord(rect.right());
    const double y1 = yAxis->pixelToCoord(rect.top());
    const double y2 = yAxis->pixelToCoord(rect.bottom());
    BinWindow w;
    w.col_begin = floorIndex(std::min(x1, x2));
    w.col_end = ceilIndex(std::max(x1, x2));
    w.row_begin = floorIndex(std::min(y1, y2));
    w.row_end = ceilIndex(std::max(y1, y2));
    showWindow(w);
}

void SpyPlot::mouseMoveEvent(QMouseEvent *event)
{
    QCustomPlot::mouseMoveEvent(event);
    Q_EMIT hoverChanged(hoverAt(event->position()));
}

void SpyPlot::leaveEvent(QEvent *event)
{
    QCustomPlot::leaveEvent(event);
    Q_EMIT hoverChanged(SpyHover());
}

void SpyPlot::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        replot(rpQueuedReplot);
    } else if (event->type() == QEvent::PaletteChange) {
        applySpyPlotStyle(this, m_scale, m_extent);
        replot(rpQueuedReplot);
    }
    QCustomPlot::changeEvent(event);
}

void SpyPlot::retranslateUi()
{
    xAxis->setLabel(tr("Column"));
    yAxis->setLabel(tr("Row"));
    m_scale->axis()->setLabel(m_colorMode == SpyColorMode::Count ? tr("Nonzeros per bin") : tr("Largest |value| per bin"));
    setLocale(QLocale());
}

} // namespace fs::ui
