// Export side of PerturbView: single figures and tables from a plot's context menu, and every
// figure at once into a folder.
#include "perturb/perturbview.h"

#include "widgets/exportdialog.h"
#include "widgets/figureexporter.h"
#include "perturb/plots/perturbdiagplot.h"
#include "perturb/plots/perturbheatplot.h"
#include "perturb/plots/perturblocalityplot.h"
#include "perturb/plots/perturbpatternplot.h"

#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>

namespace fs::ui {

namespace {

QString figureNameOf(QWidget *plot)
{
    if (auto *p = qobject_cast<PerturbPlot *>(plot))
        return p->figureName();
    return QStringLiteral("pattern");
}

} // namespace

bool PerturbView::exportAll(const QString &folder, const QString &suffix, const FigureOptions &options,
                            QString *error)
{
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = tr("Cannot create the folder %1.").arg(folder);
        return false;
    }
    const QDir dir(folder);
    if (!FigureExporter::exportFigure(m_pattern, dir.filePath(QStringLiteral("pattern.") + suffix), options, error))
        return false;
    for (PerturbPlot *plot : plots()) {
        const QString stem = dir.filePath(plot->figureName());
        if (!FigureExporter::exportFigure(plot, stem + QLatin1Char('.') + suffix, options, error)
            || !FigureExporter::exportText(plot->csv(), stem + QStringLiteral(".csv"), error))
            return false;
    }
    return true;
}

void PerturbView::exportAllInteractive()
{
    ExportDialog dialog(ExportDialog::Target::Folder, QDir::homePath(), this);
    if (dialog.exec() != QDialog::Accepted || dialog.path().isEmpty())
        return;
    QString error;
    if (!exportAll(dialog.path(), dialog.suffix(), dialog.options(), &error))
        QMessageBox::warning(this, tr("Export Failed"), error);
}

void PerturbView::exportOne(QWidget *plot)
{
    ExportDialog dialog(ExportDialog::Target::File,
                        QDir::home().filePath(figureNameOf(plot) + QStringLiteral(".png")), this);
    if (dialog.exec() != QDialog::Accepted || dialog.path().isEmpty())
        return;
    QString error;
    if (!FigureExporter::exportFigure(static_cast<QCustomPlot *>(plot), dialog.path(), dialog.options(), &error))
        QMessageBox::warning(this, tr("Export Failed"), error);
}

void PerturbView::exportCsv(PerturbPlot *plot)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Data"),
                                                      QDir::home().filePath(plot->figureName() + QStringLiteral(".csv")),
                                                      tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !FigureExporter::exportText(plot->csv(), path, &error))
        QMessageBox::warning(this, tr("Export Failed"), error);
}

void PerturbView::showPlotMenu(QWidget *plot, const QPoint &position)
{
    QMenu menu(this);
    menu.addAction(tr("Export Figure…"), this, [this, plot] { exportOne(plot); });
    if (auto *p = qobject_cast<PerturbPlot *>(plot))
        menu.addAction(tr("Export Data as CSV…"), this, [this, p] { exportCsv(p); });
    menu.addSeparator();
    menu.addAction(tr("Export All Figures…"), this, &PerturbView::exportAllInteractive);
    menu.exec(plot->mapToGlobal(position));
}

} // namespace fs::ui
