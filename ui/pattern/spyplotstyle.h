#pragma once

#include "widgets/customplot.h"

namespace fs::ui {

// Colours of the sparsity plot, derived from the widget palette so a dark desktop theme gets a
// dark plot. The gradient starts saturated: a bin holding a single nonzero must stay visible
// against the background, as a dot does in a classic spy plot.
QCPColorGradient spyGradient(bool darkBackground);
void applySpyPlotStyle(QCustomPlot *plot, QCPColorScale *scale, QCPItemRect *extent);
bool isDarkPalette(const QPalette &palette);

} // namespace fs::ui
