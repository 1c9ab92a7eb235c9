#pragma once

#include "loadfailure.h"
#include "matrixdocument.h"

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
struct SpyHover;

// Wires the docks, the plot and the loader together; owns no logic of its own beyond that.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(LanguageManager *languages, QWidget *parent = nullptr);

    /// Starts loading `path` in the background; the current matrix stays until it succeeds.
    void openFile(const QString &path);
    /// Makes a matrix that has no file (a generated one) the current document.
    void showGeneratedDocument(const MatrixDocumentPtr &document);
    /// Message boxes for failed loads; tests and batch rendering turn them off and watch loadFailed.
    void setErrorDialogsEnabled(bool enabled) { m_errorDialogs = enabled; }
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

    /// Adds a view as a tab of the central area (the pattern view is the first); returns its index.
    int addWorkspace(QWidget *view, const QString &title);
    /// Views retitle their tab on QEvent::LanguageChange through this.
    void setWorkspaceTitle(QWidget *view, const QString &title);
    void showWorkspace(QWidget *view);
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

    LanguageManager *m_languages;
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
