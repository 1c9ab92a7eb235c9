#include "pattern/spyplotstyle.h"

namespace fs::ui {

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QCPColorGradient spyGradient(bool darkBackground)
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    if (darkBackground) {
        gradient.setColorStopAt(0.0, QColor(0x4f, 0x9d, 0xe8));
        gradient.setColorStopAt(0.45, QColor(0x3c, 0xc4, 0x9a));
        gradient.setColorStopAt(0.75, QColor(0xf2, 0xc9, 0x4c));
        gradient.setColorStopAt(1.0, QColor(0xff, 0xf6, 0xd5));
    } else {
        gradient.setColorStopAt(0.0, QColor(0x1f, 0x6f, 0xc5));
        gradient.setColorStopAt(0.45, QColor(0x17, 0x3f, 0x8a));
        gradient.setColorStopAt(0.75, QColor(0x5a, 0x1b, 0x6e));
        gradient.setColorStopAt(1.0, QColor(0x1a, 0x05, 0x20));
    }
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    gradient.setLevelCount(256);
    return gradient;
}

void applySpyPlotStyle(QCustomPlot *plot, QCPColorScale *scale, QCPItemRect *extent)
{
    const QPalette palette = plot->palette();
    const bool dark = isDarkPalette(palette);
    const QColor background = palette.color(QPalette::Base);
    const QColor foreground = palette.color(QPalette::Text);
    const QColor frame = palette.color(QPalette::Mid);

    plot->setBackground(palette.color(QPalette::Window));
    // Outside the matrix the plot is a shade off the page colour, so the matrix edge is visible
    // even where its border rows and columns are empty.
    plot->axisRect()->setBackground(dark ? background.lighter(125) : background.darker(108));
    extent->setBrush(background);
    extent->setPen(QPen(frame, 0));

    const auto styleAxis = [&](QCPAxis *axis) {
        axis->setBasePen(QPen(frame));
        axis->setTickPen(QPen(frame));
        axis->setSubTickPen(QPen(frame));
        axis->setTickLabelColor(foreground);
        axis->setLabelColor(foreground);
        axis->grid()->setVisible(false);
        axis->grid()->setSubGridVisible(false);
    };
    for (QCPAxis *axis : plot->axisRect()->axes())
        styleAxis(axis);
    styleAxis(scale->axis());

    // The scale forwards its gradient to every colour map linked to it.
    scale->setGradient(spyGradient(dark));
}

} // namespace fs::ui
