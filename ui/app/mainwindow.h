#pragma once

#include "document/loadfailure.h"
#include "document/matrixdocument.h"
#include "document/workspace.h"

#include <QList>
#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace fs::ui {

class LanguageManager;
class LanguageMenu;
class MatrixListDock;
class MatrixLoader;
class RecentFilesMenu;
class SpyPlot;
class StatusPanel;
class PerturbWorkspace;
struct SpyHover;

// Wires the docks, the plot, the loader and the feature workspaces together; owns no logic of its
// own beyond that.
class MainWindow : public QMainWindow, public WorkspaceHost
{
    Q_OBJECT

public:
    explicit MainWindow(LanguageManager *languages, QWidget *parent = nullptr);

    /// Starts loading `path` in the background; the current matrix stays until it succeeds.
    void openFile(const QString &path) override;
    /// Makes a matrix that has no file (a generated one) the current document.
    void showGeneratedDocument(const MatrixDocumentPtr &document) override;
    QWidget *dialogParent() override { return this; }
    MatrixDocumentPtr currentDocument() const override { return document(); }
    void showWorkspace(QWidget *view) override;
    /// Message boxes for failed loads; tests and batch rendering turn them off and watch loadFailed.
    void setErrorDialogsEnabled(bool enabled) { m_errorDialogs = enabled; }
    /// The window's layout and every workspace's remembered settings (the program, not tests).
    void restoreSavedLayout();

    SpyPlot *spyPlot() const { return m_plot; }
    MatrixLoader *loader() const { return m_loader; }
    MatrixListDock *matrixList() const { return m_list; }
    StatusPanel *statusPanel() const { return m_status; }
    QAction *openAction() const { return m_open; }
    QAction *resetZoomAction() const { return m_resetZoom; }
    QAction *colorByMagnitudeAction() const { return m_colorByMagnitude; }
    LanguageMenu *languageMenu() const { return m_languageMenu; }
    MatrixDocumentPtr document() const;
    QString hoverText() const;

    /// Adds a feature: its tab (after the pattern view), its menus between File and View, its
    /// File entries after Open. The window does not own `workspace`; its QObject parent does.
    void addWorkspace(Workspace *workspace);
    PerturbWorkspace *perturbWorkspace() const { return m_perturb; }
    QTabWidget *workspaces() const { return m_workspaces; }
    QMenu *fileMenu() const { return m_fileMenu; }
    QMenu *viewMenu() const { return m_viewMenu; }

Q_SIGNALS:
    void documentChanged(const fs::ui::MatrixDocumentPtr &document);
    void loadFailed(const fs::ui::LoadFailure &failure);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void retranslateUi();
    void showDocument(const MatrixDocumentPtr &document);
    void reportFailure(const LoadFailure &failure);
    void showHover(const SpyHover &hover);
    void chooseFile();
    void showAbout();

    void createWorkspaces();

    LanguageManager *m_languages;
    QList<Workspace *> m_features;
    PerturbWorkspace *m_perturb = nullptr;
    SpyPlot *m_plot;
    QTabWidget *m_workspaces = nullptr;
    MatrixListDock *m_list;
    StatusPanel *m_status;
    QLabel *m_hover;
    MatrixLoader *m_loader;
    RecentFilesMenu *m_recent = nullptr;
    LanguageMenu *m_languageMenu = nullptr;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QMenu *m_colorMenu = nullptr;
    QAction *m_colorByCount = nullptr;
    QAction *m_colorByMagnitude = nullptr;
    QAction *m_open = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_resetZoom = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_about = nullptr;
    QAction *m_aboutQt = nullptr;
    bool m_errorDialogs = true;
};

} // namespace fs::ui
