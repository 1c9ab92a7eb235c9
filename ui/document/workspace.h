#pragma once
// How the main window and a feature (perturbation explorer, benchmark browser, training dashboard,
// SuiteSparse collection) see each other. Features implement Workspace and talk to the window only
// through WorkspaceHost, so no feature includes the window or another feature.

#include "document/matrixdocument.h"

#include <QList>
#include <QString>

class QAction;
class QMenu;
class QWidget;

namespace fs::ui {

// What a feature may ask of the window it lives in.
class WorkspaceHost
{
public:
    virtual ~WorkspaceHost() = default;
    /// The parent of a feature's dialogs and message boxes.
    virtual QWidget *dialogParent() = 0;
    /// The matrix the window shows now (null before the first load).
    virtual MatrixDocumentPtr currentDocument() const = 0;
    /// Starts loading `path` in the background; the current matrix stays until it succeeds.
    virtual void openFile(const QString &path) = 0;
    /// Makes a matrix that has no file (a generated one) the current document.
    virtual void showGeneratedDocument(const MatrixDocumentPtr &document) = 0;
    /// Brings a workspace's tab to the front.
    virtual void showWorkspace(QWidget *view) = 0;
};

// One feature as the window sees it: a tab, menus, file actions, persisted state.
class Workspace
{
public:
    virtual ~Workspace() = default;
    /// The tab's widget; null for a feature without a tab.
    virtual QWidget *view() = 0;
    /// The tab's title in the current language.
    virtual QString title() const { return {}; }
    /// Menus that sit between File and View, in this order.
    virtual QList<QMenu *> menus() const { return {}; }
    /// Entries of the File menu, placed right after Open.
    virtual QList<QAction *> fileActions() const { return {}; }
    /// The window's current document changed.
    virtual void setDocument(const MatrixDocumentPtr &document) { Q_UNUSED(document); }
    /// Re-reads every text after a language switch (tab titles are re-read through title()).
    virtual void retranslateUi() {}
    /// Settings the program remembers between runs (each feature stores its own as they change);
    /// views made for tests and exports never call this.
    virtual void restoreState() {}
};

} // namespace fs::ui
