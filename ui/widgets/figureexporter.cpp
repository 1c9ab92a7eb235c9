#include "widgets/figureexporter.h"

#include "widgets/customplot.h"

#include <support/atomic_file.h>

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSvgGenerator>

#include <filesystem>

namespace fs::ui {

namespace {

constexpr double MmPerInch = 25.4;
// QCustomPlot lays out in device-independent pixels; fonts given in points scale with them.
constexpr double LogicalDpi = 96.0;

// Hides selections and cursors for the lifetime of the guard.
class CleanForExport
{
public:
    explicit CleanForExport(QCustomPlot *plot)
        : m_plot(plot)
    {
        m_plot->deselectAll();
        for (int i = 0; i < m_plot->itemCount(); ++i) {
            QCPAbstractItem *item = m_plot->item(i);
            if (item->visible() && FigureExporter::isCursor(item)) {
                item->setVisible(false);
                m_hidden.append(item);
            }
        }
        if (m_plot->selectionRect())
            m_plot->selectionRect()->cancel();
    }
    ~CleanForExport()
    {
        for (QCPAbstractItem *item : std::as_const(m_hidden))
            item->setVisible(true);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }

private:
    QCustomPlot *m_plot;
    QList<QCPAbstractItem *> m_hidden;
};

} // namespace

bool FigureExporter::formatForPath(const QString &path, FigureFormat *format)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        *format = FigureFormat::Png;
    else if (suffix == QLatin1String("pdf"))
        *format = FigureFormat::Pdf;
    else if (suffix == QLatin1String("svg"))
        *format = FigureFormat::Svg;
    else
        return false;
    return true;
}

bool FigureExporter::exportFigure(QCustomPlot *plot, const QString &path, const FigureOptions &options,
                                  QString *error)
{
    FigureFormat format;
    if (!formatForPath(path, &format)) {
        if (error)
            *error = tr("Unknown figure format for %1: use .png, .pdf or .svg.").arg(path);
        return false;
    }
    if (options.widthMm <= 0 || options.heightMm <= 0 || options.dpi <= 0) {
        if (error)
            *error = tr("The figure size and resolution must be positive.");
        return false;
    }
    const CleanForExport clean(plot);
    // Drawn under a part name and renamed: a figure is complete or absent, never half written.
    const std::filesystem::path target = path.toStdString();
    const QString part = QString::fromStdString(support::part_path(target).string());
    const int width = qRound(options.widthMm / MmPerInch * LogicalDpi);
    const int height = qRound(options.heightMm / MmPerInch * LogicalDpi);
    bool ok = false;
    switch (format) {
    case FigureFormat::Png:
        ok = plot->savePng(part, width, height, options.dpi / LogicalDpi, -1, options.dpi, QCP::ruDotsPerInch);
        break;
    case FigureFormat::Pdf:
        ok = plot->savePdf(part, width, height, QCP::epNoCosmetic);
        break;
    case FigureFormat::Svg: {
        QSvgGenerator svg;
        svg.setFileName(part);
        svg.setSize(QSize(width, height));
        svg.setViewBox(QRect(0, 0, width, height));
        svg.setResolution(int(LogicalDpi));
        svg.setTitle(plot->objectName());
        QCPPainter painter;
        ok = painter.begin(&svg);
        if (ok) {
            painter.setMode(QCPPainter::pmVectorized);
            painter.setMode(QCPPainter::pmNoCaching);
            plot->toPainter(&painter, width, height);
            ok = painter.end();
        }
        ok = ok && QFileInfo(part).size() > 0;
        break;
    }
    }
    QString reason;
    if (ok) {
        try {
            support::commit_part(part.toStdString(), target);
        } catch (const support::WriteError &e) {
            ok = false;
            reason = QString::fromStdString(e.what());
        }
    } else {
        QFile::remove(part);
    }
    if (!ok && error)
        *error = reason.isEmpty() ? tr("Cannot write the figure to %1.").arg(path) : reason;
    return ok;
}

bool FigureExporter::exportText(const QString &text, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

namespace {
const char CursorProperty[] = "fsCursor";
}

void FigureExporter::markAsCursor(QCPAbstractItem *item)
{
    item->setProperty(CursorProperty, true);
}

bool FigureExporter::isCursor(const QCPAbstractItem *item)
{
    return item->property(CursorProperty).toBool();
}

} // namespace fs::ui
