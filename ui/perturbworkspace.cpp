#include "perturbworkspace.h"

#include "generatordialog.h"
#include "mainwindow.h"
#include "perturbview.h"

#include <sparse/generators.h>

#include <QEvent>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QUndoStack>

namespace fs::ui {

PerturbWorkspace::PerturbWorkspace(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_view(new PerturbView)
    , m_editMenu(new QMenu(window))
    , m_matrixMenu(new QMenu(window))
    , m_generate(new QAction(this))
{
    setObjectName(QStringLiteral("perturbWorkspace"));
    window->addWorkspace(m_view, QString());
    m_undo = m_view->undoStack()->createUndoAction(this, tr("&Undo"));
    m_redo = m_view->undoStack()->createRedoAction(this, tr("&Redo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo->setShortcut(QKeySequence::Redo);
    m_editMenu->addAction(m_undo);
    m_editMenu->addAction(m_redo);
    m_matrixMenu->addAction(m_generate);
    // Edit and Matrix sit between File and View, where users look for them.
    window->menuBar()->insertMenu(window->viewMenu()->menuAction(), m_editMenu);
    window->menuBar()->insertMenu(window->viewMenu()->menuAction(), m_matrixMenu);

    connect(m_generate, &QAction::triggered, this, &PerturbWorkspace::chooseGenerator);
    connect(window, &MainWindow::documentChanged, m_view, &PerturbView::setDocument);
    if (window->document())
        m_view->setDocument(window->document());
    window->installEventFilter(this);
    retranslateUi();
}

PerturbWorkspace *PerturbWorkspace::of(const MainWindow *window)
{
    return window->findChild<PerturbWorkspace *>(QStringLiteral("perturbWorkspace"), Qt::FindDirectChildrenOnly);
}

void PerturbWorkspace::showGenerated(const GeneratedDocument &generated)
{
    m_view->setGenerated(generated);
    m_window->showGeneratedDocument(generated.document);
    m_window->showWorkspace(m_view);
}

void PerturbWorkspace::chooseGenerator()
{
    GeneratorDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    try {
        showGenerated(GeneratorDialog::generate(dialog.request()));
    } catch (const std::exception &e) {
        QMessageBox::warning(m_window, tr("Cannot Generate Matrix"), QString::fromStdString(e.what()));
    }
}

bool PerturbWorkspace::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslateUi();
    return QObject::eventFilter(watched, event);
}

void PerturbWorkspace::retranslateUi()
{
    m_window->setWorkspaceTitle(m_view, tr("Perturb"));
    m_editMenu->setTitle(tr("&Edit"));
    m_matrixMenu->setTitle(tr("&Matrix"));
    m_generate->setText(tr("New from &Generator…"));
    m_generate->setStatusTip(tr("Create a model matrix (Laplacian, counterexample, Poisson, …) as the current matrix"));
}

} // namespace fs::ui
