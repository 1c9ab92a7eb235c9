#pragma once

#include "perturb/plots/perturbplot.h"

#include <sparse/pattern_bins.h>

namespace fs::ui {

// |ΔL| on the factor's pattern: the unperturbed factor's pattern in grey, and over it the largest
// |ΔL| per display bin on a logarithmic colour scale (bins of bin_pattern, as in the pattern view).
class PerturbHeatPlot : public PerturbPlot
{
    Q_OBJECT

public:
    explicit PerturbHeatPlot(QWidget *parent = nullptr);

    void setFactorPattern(const fs::sparse::PatternBins &bins);
    void setDelta(const fs::sparse::PatternBins &bins);
    const fs::sparse::PatternBins &deltaBins() const { return m_delta; }
    QCPColorMap *deltaMap() const { return m_deltaMap; }

    QString figureName() const override { return QStringLiteral("factor-change"); }
    QString csv() const override;

protected:
    void retranslateUi() override;

private:
    void fill(QCPColorMap *map, const fs::sparse::PatternBins &bins, bool magnitude);

    QCPColorMap *m_patternMap;
    QCPColorMap *m_deltaMap;
    QCPColorScale *m_scale;
    QCPTextElement *m_title;
    fs::sparse::PatternBins m_pattern;
    fs::sparse::PatternBins m_delta;
};

} // namespace fs::ui
