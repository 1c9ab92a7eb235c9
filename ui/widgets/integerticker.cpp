#include "widgets/integerticker.h"

#include <cmath>

namespace fs::ui {

IntegerTicker::IntegerTicker()
{
    setTickCount(6);
    setTickStepStrategy(QCPAxisTicker::tssReadability);
}

double IntegerTicker::getTickStep(const QCPRange &range)
{
    return std::max(1.0, std::round(QCPAxisTicker::getTickStep(range)));
}

QString IntegerTicker::getTickLabel(double tick, const QLocale &locale, QChar formatChar, int precision)
{
    // Without grouping: "1.325" reads as a fraction to many, and indices are not quantities.
    QLocale indexLocale(locale);
    indexLocale.setNumberOptions(indexLocale.numberOptions() | QLocale::OmitGroupSeparator);
    return indexLocale.toString(static_cast<qlonglong>(std::llround(tick)));
}

} // namespace fs::ui
