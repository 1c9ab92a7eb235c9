// The parts of the Training tab that touch files: opening and deleting run folders, exporting
// curves and metrics.
#include "training/trainingview.h"

#include "widgets/customplot.h"
#include "widgets/exportdialog.h"
#include "widgets/figureexporter.h"
#include "training/runcontroller.h"
#include "training/trainingevalchart.h"
#include "training/trainingform.h"
#include "training/trainingplot.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace fs::ui {

void TrainingView::deleteRuns(const QList<int> &ids, bool confirm, bool deleteFolder)
{
    QList<int> idle;
    for (int id : ids) {
        const TrainingRun *run = m_controller->run(id);
        if (run && !run->isActive())
            idle.append(id);
    }
    if (idle.isEmpty())
        return;
    if (confirm) {
        QMessageBox box(QMessageBox::Question, tr("Delete Runs"),
                        tr("Remove %1 run(s) from the history? Their folders can be kept or deleted.").arg(idle.size()),
                        QMessageBox::Cancel, this);
        QPushButton *keep = box.addButton(tr("Remove, Keep Folders"), QMessageBox::AcceptRole);
        QPushButton *erase = box.addButton(tr("Delete Folders"), QMessageBox::DestructiveRole);
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() != keep && box.clickedButton() != erase)
            return;
        deleteFolder = box.clickedButton() == erase;
    }
    for (int id : std::as_const(idle)) {
        const QString directory = m_controller->run(id)->directory;
        m_history.remove(directory);
        m_controller->remove(id);
        if (deleteFolder && QFileInfo::exists(QDir(directory).filePath(QStringLiteral("metrics.jsonl"))))
            QDir(directory).removeRecursively();
    }
    selectionChanged();
}

void TrainingView::chooseRunDirectory()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Run Folder"), m_form->runsDirectory());
    if (dir.isEmpty())
        return;
    if (const int id = openRunDirectory(dir))
        selectRuns({id});
}

bool TrainingView::exportFigure(const QString &path, QString *error)
{
    return FigureExporter::exportFigure(m_plot->plot(), path, FigureOptions(), error);
}

bool TrainingView::exportEvalFigure(const QString &path, QString *error)
{
    if (!m_evalChart->hasEval()) {
        if (error)
            *error = tr("The selected run has no GCVAE evaluation (eval.json with \"kind\": \"gcvae\").");
        return false;
    }
    // A fixed size keeps the exported figure independent of how large the dashboard happens to be.
    FigureOptions options;
    options.widthMm = 180.0;
    options.heightMm = 100.0;
    return FigureExporter::exportFigure(m_evalChart->plot(), path, options, error);
}

bool TrainingView::exportCsv(const QString &path, QString *error)
{
    return FigureExporter::exportText(m_plot->csv(), path, error);
}

void TrainingView::chooseExportFigure()
{
    ExportDialog dialog(ExportDialog::Target::File,
                        QDir(m_form->runsDirectory()).filePath(QStringLiteral("training-curves.pdf")), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!FigureExporter::exportFigure(m_plot->plot(), dialog.path(), dialog.options(), &error))
        QMessageBox::warning(this, tr("Export Failed"), error);
}

void TrainingView::chooseExportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Metrics"),
        QDir(m_form->runsDirectory()).filePath(QStringLiteral("training-metrics.csv")), tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export Failed"), error);
}

} // namespace fs::ui
