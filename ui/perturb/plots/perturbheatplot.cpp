#include "perturb/plots/perturbheatplot.h"

#include <cmath>
#include <limits>

namespace fs::ui {

PerturbHeatPlot::PerturbHeatPlot(QWidget *parent)
    : PerturbPlot(parent)
    , m_patternMap(new QCPColorMap(xAxis, yAxis))
    , m_deltaMap(new QCPColorMap(xAxis, yAxis))
    , m_scale(new QCPColorScale(this))
    , m_title(new QCPTextElement(this))
{
    setObjectName(QStringLiteral("heatPlot"));
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    plotLayout()->addElement(1, 1, m_scale);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setDataScaleType(QCPAxis::stLogarithmic);
    m_scale->axis()->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog));
    m_scale->axis()->setNumberFormat(QStringLiteral("eb"));
    m_scale->axis()->setNumberPrecision(0);

    QCPColorGradient grey;
    grey.setColorStopAt(0, QColor(215, 215, 215));
    grey.setColorStopAt(1, QColor(215, 215, 215));
    grey.setNanHandling(QCPColorGradient::nhTransparent);
    m_patternMap->setGradient(grey);
    m_patternMap->setDataRange(QCPRange(0, 1));
    m_patternMap->setInterpolate(false);

    // Pale for small changes, dark for large ones: the largest changes must never fade into the
    // white background (as they would at the light end of gpHot or gpThermal).
    QCPColorGradient heat;
    heat.setColorStopAt(0.0, QColor(254, 224, 139));
    heat.setColorStopAt(0.35, QColor(253, 141, 60));
    heat.setColorStopAt(0.7, QColor(215, 48, 31));
    heat.setColorStopAt(1.0, QColor(103, 0, 31));
    heat.setLevelCount(256);
    heat.setNanHandling(QCPColorGradient::nhTransparent);
    m_deltaMap->setInterpolate(false);
    // The scale hands its gradient to the map, so the gradient (with its NaN handling) goes there.
    m_deltaMap->setColorScale(m_scale);
    m_scale->setGradient(heat);
    m_deltaMap->setDataScaleType(QCPAxis::stLogarithmic);

    yAxis->setRangeReversed(true);
    xAxis->grid()->setVisible(false);
    yAxis->grid()->setVisible(false);
    auto *margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    retranslateUi();
}

void PerturbHeatPlot::setFactorPattern(const fs::sparse::PatternBins &bins)
{
    m_pattern = bins;
    fill(m_patternMap, bins, false);
    const double n = double(bins.window.row_end);
    xAxis->setRange(0.5, n + 0.5);
    yAxis->setRange(0.5, n + 0.5);
    setDelta(fs::sparse::PatternBins());
}

void PerturbHeatPlot::setDelta(const fs::sparse::PatternBins &bins)
{
    m_delta = bins;
    fill(m_deltaMap, bins, true);
    double lo = std::numeric_limits<double>::infinity(), hi = 0;
    for (double v : bins.max_abs) {
        if (v > 0) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    if (hi > 0)
        m_deltaMap->setDataRange(QCPRange(std::min(std::max(lo, hi * 1e-12), hi / 10), hi));
    else
        m_deltaMap->setDataRange(QCPRange(1e-12, 1));
    queueReplot();
}

void PerturbHeatPlot::fill(QCPColorMap *map, const fs::sparse::PatternBins &bins, bool magnitude)
{
    const int bx = std::max(1, bins.bins_x), by = std::max(1, bins.bins_y);
    map->data()->setSize(bx, by);
    // Bin centres in 1-based matrix coordinates, the axes' units.
    const double cols = double(bins.window.col_end - bins.window.col_begin);
    const double rows = double(bins.window.row_end - bins.window.row_begin);
    const double wx = cols / bx, wy = rows / by;
    map->data()->setRange(QCPRange(bins.window.col_begin + 0.5 + wx / 2, bins.window.col_end + 0.5 - wx / 2),
                          QCPRange(bins.window.row_begin + 0.5 + wy / 2, bins.window.row_end + 0.5 - wy / 2));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (int y = 0; y < by; ++y) {
        for (int x = 0; x < bx; ++x) {
            const size_t k = size_t(y) * size_t(bins.bins_x) + size_t(x);
            double v = nan;
            if (k < bins.counts.size() && bins.counts[k] > 0)
                v = magnitude ? (bins.max_abs[k] > 0 ? bins.max_abs[k] : nan) : 1.0;
            map->data()->setCell(x, y, v);
        }
    }
}

QString PerturbHeatPlot::csv() const
{
    QString out = QStringLiteral("row_first,row_last,col_first,col_last,factor_entries,changed_entries,max_abs_dL\n");
    const fs::sparse::PatternBins &b = m_pattern;
    for (int y = 0; y < b.bins_y; ++y) {
        for (int x = 0; x < b.bins_x; ++x) {
            const size_t k = size_t(y) * size_t(b.bins_x) + size_t(x);
            const bool sameGrid = m_delta.bins_x == b.bins_x && m_delta.bins_y == b.bins_y;
            const quint32 changed = sameGrid ? m_delta.counts[k] : 0;
            if (b.counts[k] == 0 && changed == 0)
                continue;
            out += QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                       .arg(b.rowOfBin(y) + 1).arg(b.rowOfBin(y + 1)).arg(b.colOfBin(x) + 1).arg(b.colOfBin(x + 1))
                       .arg(b.counts[k]).arg(changed).arg(sameGrid ? m_delta.max_abs[k] : 0.0, 0, 'g', 17);
        }
    }
    return out;
}

void PerturbHeatPlot::retranslateUi()
{
    PerturbPlot::retranslateUi();
    m_title->setText(showsInverse() ? tr("|ΔR| on the pattern of R (grey: unchanged)")
                                    : tr("|ΔL| on the pattern of L (grey: unchanged)"));
    xAxis->setLabel(tr("Column"));
    yAxis->setLabel(tr("Row"));
    m_scale->axis()->setLabel(showsInverse() ? tr("max |ΔR| per bin") : tr("max |ΔL| per bin"));
}

} // namespace fs::ui
