#include "pattern/spycolormap.h"

#include <algorithm>
#include <limits>

namespace fs::ui {

namespace {

// Matrix cell (i, j), 0-based, is the unit square centred on (j + 1, i + 1).
constexpr double CellOffset = 0.5;

// Both modes use a logarithmic scale: counts and magnitudes in sparse matrices span decades.
QCPRange dataRange(const fs::sparse::PatternBins &bins, SpyColorMode mode)
{
    if (mode == SpyColorMode::Count)
        return {1.0, std::max<double>(2.0, bins.max_count)};
    double lo = std::numeric_limits<double>::infinity();
    double hi = 0.0;
    for (std::size_t i = 0; i < bins.counts.size(); ++i) {
        if (bins.counts[i] && bins.max_abs[i] > 0.0) {
            lo = std::min(lo, bins.max_abs[i]);
            hi = std::max(hi, bins.max_abs[i]);
        }
    }
    if (hi == 0.0)
        return {0.5, 1.0};
    if (lo >= hi)
        lo = hi / 10.0;
    return {lo, hi};
}

} // namespace

int spyCellsPerBin(int bins)
{
    return bins == 1 ? 2 : 1;
}

void fillSpyColorMap(QCPColorMap *map, QCPColorScale *scale, const fs::sparse::PatternBins &bins, SpyColorMode mode)
{
    const int fx = spyCellsPerBin(bins.bins_x);
    const int fy = spyCellsPerBin(bins.bins_y);
    const int keySize = bins.bins_x * fx;
    const int valueSize = bins.bins_y * fy;
    QCPColorMapData *data = map->data();
    if (keySize == 0 || valueSize == 0) {
        data->clear();
        return;
    }
    const fs::sparse::BinWindow &w = bins.window;
    // Cell centres of a uniform grid spanning exactly the window's edges.
    const double x0 = w.col_begin + CellOffset;
    const double y0 = w.row_begin + CellOffset;
    const double dx = double(w.col_end - w.col_begin) / keySize;
    const double dy = double(w.row_end - w.row_begin) / valueSize;
    data->setSize(keySize, valueSize);
    data->setRange(QCPRange(x0 + dx / 2, x0 + dx * (keySize - 0.5)), QCPRange(y0 + dy / 2, y0 + dy * (valueSize - 0.5)));

    const QCPRange range = dataRange(bins, mode);
    // Empty bins are NaN, which the gradient draws transparent; a log scale could not show 0.
    // Stored zeros are still entries, so they take the lowest colour rather than vanish.
    constexpr double Empty = std::numeric_limits<double>::quiet_NaN();
    for (int y = 0; y < valueSize; ++y) {
        const std::size_t rowOffset = std::size_t(y / fy) * std::size_t(bins.bins_x);
        for (int x = 0; x < keySize; ++x) {
            const std::size_t bin = rowOffset + std::size_t(x / fx);
            const std::uint32_t count = bins.counts[bin];
            double value = Empty;
            if (count)
                value = mode == SpyColorMode::Count ? double(count) : std::max(bins.max_abs[bin], range.lower);
            data->setCell(x, y, value);
        }
    }
    scale->setDataRange(range);
}

} // namespace fs::ui
