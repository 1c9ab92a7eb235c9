#pragma once

#include "widgets/customplot.h"

namespace fs::ui {

// Ticks for matrix indices: never a fractional step, so a deep zoom labels whole rows/columns.
class IntegerTicker : public QCPAxisTicker
{
public:
    IntegerTicker();

protected:
    double getTickStep(const QCPRange &range) override;
    QString getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision) override;
};

} // namespace fs::ui
