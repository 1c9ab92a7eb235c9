#pragma once

#include "widgets/customplot.h"
#include "pattern/spycolormode.h"

#include <sparse/pattern_bins.h>

namespace fs::ui {

/// Writes `bins` into `map` (one cell per bin, empty bins transparent) and sets the scale's range.
/// A dimension of a single bin is drawn as two identical cells, since QCPColorMap gives a
/// one-cell dimension zero extent.
void fillSpyColorMap(QCPColorMap *map, QCPColorScale *scale, const fs::sparse::PatternBins &bins, SpyColorMode mode);

/// Cells per bin along one dimension, as fillSpyColorMap lays them out.
int spyCellsPerBin(int bins);

} // namespace fs::ui
