#pragma once

#include <QCoreApplication>
#include <QString>

class QCPAbstractItem;
class QCustomPlot;

namespace fs::ui {

enum class FigureFormat { Png, Pdf, Svg };

// Physical size and resolution of an exported figure. The plot is laid out at widthMm × heightMm
// (fonts keep their point size), and PNG pixels follow from the DPI.
struct FigureOptions {
    double widthMm = 160.0;
    double heightMm = 100.0;
    int dpi = 300;
};

// The one way plots leave the program. Selections and on-screen cursors are removed for the export
// and restored afterwards.
class FigureExporter
{
    Q_DECLARE_TR_FUNCTIONS(fs::ui::FigureExporter)

public:
    /// Format from the file suffix (.png, .pdf, .svg); false for anything else.
    static bool formatForPath(const QString &path, FigureFormat *format);
    /// Writes the plot; on failure returns false and sets `error` to a sentence for the user.
    static bool exportFigure(QCustomPlot *plot, const QString &path, const FigureOptions &options,
                             QString *error = nullptr);
    /// Writes text (a plot's CSV) as UTF-8.
    static bool exportText(const QString &text, const QString &path, QString *error = nullptr);
    /// Marks an on-screen cursor (a crosshair, a hover marker) so that exports leave it out.
    static void markAsCursor(QCPAbstractItem *item);
    static bool isCursor(const QCPAbstractItem *item);
};

} // namespace fs::ui
