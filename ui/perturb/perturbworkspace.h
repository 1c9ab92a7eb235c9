#pragma once

#include "document/workspace.h"

#include <QObject>

class QAction;
class QMenu;

namespace fs::ui {

class PerturbView;
struct GeneratedDocument;

// The perturbation explorer as a workspace: the "Perturb" tab, Edit ▸ Undo/Redo for its
// perturbations, and Matrix ▸ New from Generator….
class PerturbWorkspace : public QObject, public Workspace
{
    Q_OBJECT

public:
    PerturbWorkspace(WorkspaceHost *host, QObject *parent);

    QWidget *view() override;
    QString title() const override;
    QList<QMenu *> menus() const override;
    void setDocument(const MatrixDocumentPtr &document) override;
    void retranslateUi() override;

    PerturbView *perturbView() const { return m_view; }
    QAction *generatorAction() const { return m_generate; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }

    /// Makes a generated matrix the window's current document and shows the tab (tests, command line).
    void showGenerated(const GeneratedDocument &generated);

private:
    void chooseGenerator();

    WorkspaceHost *m_host;
    PerturbView *m_view;
    QMenu *m_editMenu;
    QMenu *m_matrixMenu;
    QAction *m_generate;
    QAction *m_undo;
    QAction *m_redo;
};

} // namespace fs::ui
