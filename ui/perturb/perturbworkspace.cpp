#include "perturb/perturbworkspace.h"

#include "document/generatordialog.h"
#include "perturb/perturbview.h"

#include <QMenu>
#include <QMessageBox>
#include <QUndoStack>

namespace fs::ui {

PerturbWorkspace::PerturbWorkspace(WorkspaceHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_view(new PerturbView)
    , m_editMenu(new QMenu(m_view))
    , m_matrixMenu(new QMenu(m_view))
    , m_generate(new QAction(this))
{
    setObjectName(QStringLiteral("perturbWorkspace"));
    m_undo = m_view->undoStack()->createUndoAction(this, tr("&Undo"));
    m_redo = m_view->undoStack()->createRedoAction(this, tr("&Redo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo->setShortcut(QKeySequence::Redo);
    m_editMenu->addAction(m_undo);
    m_editMenu->addAction(m_redo);
    m_matrixMenu->addAction(m_generate);

    connect(m_generate, &QAction::triggered, this, &PerturbWorkspace::chooseGenerator);
    retranslateUi();
}

QWidget *PerturbWorkspace::view()
{
    return m_view;
}

QString PerturbWorkspace::title() const
{
    return tr("Perturb");
}

QList<QMenu *> PerturbWorkspace::menus() const
{
    // Edit and Matrix sit between File and View, where users look for them.
    return {m_editMenu, m_matrixMenu};
}

void PerturbWorkspace::setDocument(const MatrixDocumentPtr &document)
{
    m_view->setDocument(document);
}

void PerturbWorkspace::showGenerated(const GeneratedDocument &generated)
{
    m_view->setGenerated(generated);
    m_host->showGeneratedDocument(generated.document);
    m_host->showWorkspace(m_view);
}

void PerturbWorkspace::chooseGenerator()
{
    GeneratorDialog dialog(m_host->dialogParent());
    if (dialog.exec() != QDialog::Accepted)
        return;
    try {
        showGenerated(generateDocument(dialog.request()));
    } catch (const std::exception &e) {
        QMessageBox::warning(m_host->dialogParent(), tr("Cannot Generate Matrix"), QString::fromStdString(e.what()));
    }
}

void PerturbWorkspace::retranslateUi()
{
    m_editMenu->setTitle(tr("&Edit"));
    m_matrixMenu->setTitle(tr("&Matrix"));
    m_generate->setText(tr("New from &Generator…"));
    m_generate->setStatusTip(tr("Create a model matrix (Laplacian, counterexample, Poisson, …) as the current matrix"));
}

} // namespace fs::ui
