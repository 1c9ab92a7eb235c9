#include "app/mainwindow.h"

#include "app/appsettings.h"
#include "document/benchmarkindex.h"
#include "bench/benchview.h"
#include "collection/collectioncontroller.h"
#include "app/languagemenu.h"
#include "document/matrixlistdock.h"
#include "document/matrixloader.h"
#include "perturb/perturbworkspace.h"
#include "app/recentfilesmenu.h"
#include "pattern/spyplot.h"
#include "pattern/statuspanel.h"
#include "training/trainingview.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QTabWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>

namespace fs::ui {

namespace {

bool isMatrixFile(const QString &path)
{
    return path.endsWith(QLatin1String(".mtx"), Qt::CaseInsensitive)
           || path.endsWith(QLatin1String(".mtx.gz"), Qt::CaseInsensitive);
}

QStringList droppedFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && isMatrixFile(url.toLocalFile()))
            files.append(url.toLocalFile());
    }
    return files;
}

} // namespace

MainWindow::MainWindow(LanguageManager *languages, QWidget *parent)
    : QMainWindow(parent)
    , m_languages(languages)
    , m_plot(new SpyPlot)
    , m_list(new MatrixListDock(this))
    , m_status(new StatusPanel)
    , m_hover(new QLabel)
    , m_loader(new MatrixLoader(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    m_workspaces = new QTabWidget;
    m_workspaces->setObjectName(QStringLiteral("workspaces"));
    m_workspaces->setDocumentMode(true);
    m_workspaces->addTab(m_plot, QString());
    setCentralWidget(m_workspaces);
    addDockWidget(Qt::LeftDockWidgetArea, m_list);
    m_list->loadCollection(BenchmarkIndex::defaultDirectory());
    statusBar()->addWidget(m_hover, 1);
    statusBar()->addPermanentWidget(m_status);

    createActions();
    createMenus();

    createWorkspaces();

    // A double click in the list also reports the click before it; the file shown stays as is.
    connect(m_list, &MatrixListDock::fileActivated, this, [this](const QString &path) {
        const MatrixDocumentPtr shown = document();
        if (!shown || QFileInfo(shown->filePath) != QFileInfo(path))
            openFile(path);
    });
    connect(m_recent, &RecentFilesMenu::fileRequested, this, &MainWindow::openFile);
    connect(m_loader, &MatrixLoader::loaded, this, &MainWindow::showDocument);
    connect(m_loader, &MatrixLoader::failed, this, &MainWindow::reportFailure);
    connect(m_loader, &MatrixLoader::busyChanged, m_status, &StatusPanel::setBusy);
    connect(m_plot, &SpyPlot::hoverChanged, this, &MainWindow::showHover);

    resize(1280, 800);
    // Keyboard zoom keys go to the plot rather than to the list's filter field.
    m_plot->setFocus();
    resizeDocks({m_list}, {300}, Qt::Horizontal);
    retranslateUi();
}

void MainWindow::createWorkspaces()
{
    m_perturb = new PerturbWorkspace(this, this);
    auto *collection = new CollectionController(this, this); // File menu entry and dialog, not a tab
    auto *bench = new BenchView;
    auto *training = new TrainingView;
    for (Workspace *workspace : std::initializer_list<Workspace *>{m_perturb, collection, bench, training})
        addWorkspace(workspace);
    // "Open in perturb view" of the benchmark browser: the perturbation view follows the document.
    connect(bench, &BenchView::openInPerturbView, this, [this](const QString &path) {
        openFile(path);
        showWorkspace(m_perturb->view());
    });
}

void MainWindow::addWorkspace(Workspace *workspace)
{
    m_features.append(workspace);
    if (QWidget *view = workspace->view())
        m_workspaces->addTab(view, workspace->title());
    for (QMenu *menu : workspace->menus())
        menuBar()->insertMenu(m_viewMenu->menuAction(), menu);
    // File entries go right after Open, before the recent files and Quit.
    const QList<QAction *> fileActions = m_fileMenu->actions();
    const int openAt = int(fileActions.indexOf(m_open));
    QAction *before = openAt >= 0 && openAt + 1 < fileActions.size() ? fileActions.at(openAt + 1) : nullptr;
    for (QAction *action : workspace->fileActions())
        m_fileMenu->insertAction(before, action);
    if (const MatrixDocumentPtr shown = document())
        workspace->setDocument(shown);
}

void MainWindow::restoreSavedLayout()
{
    const AppSettings settings;
    restoreGeometry(settings.windowGeometry());
    restoreState(settings.windowState());
    for (Workspace *workspace : std::as_const(m_features))
        workspace->restoreState();
}

void MainWindow::openFile(const QString &path)
{
    m_loader->load(path);
}

MatrixDocumentPtr MainWindow::document() const
{
    return m_plot->document();
}

QString MainWindow::hoverText() const
{
    return m_hover->text();
}

void MainWindow::createActions()
{
    m_open = new QAction(this);
    m_open->setShortcut(QKeySequence::Open);
    connect(m_open, &QAction::triggered, this, &MainWindow::chooseFile);

    m_quit = new QAction(this);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_resetZoom = new QAction(this);
    m_resetZoom->setShortcuts({QKeySequence(Qt::Key_0), QKeySequence(Qt::Key_Home)});
    connect(m_resetZoom, &QAction::triggered, m_plot, &SpyPlot::resetZoom);

    m_zoomIn = new QAction(this);
    m_zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::Key_Plus)});
    connect(m_zoomIn, &QAction::triggered, this, [this] { m_plot->zoomBy(0.5); });

    m_zoomOut = new QAction(this);
    m_zoomOut->setShortcuts({QKeySequence::ZoomOut, QKeySequence(Qt::Key_Minus)});
    connect(m_zoomOut, &QAction::triggered, this, [this] { m_plot->zoomBy(2.0); });

    // Count shows where the pattern is dense, magnitude where the matrix's weight lies.
    auto *colorModes = new QActionGroup(this);
    m_colorByCount = colorModes->addAction(QString());
    m_colorByMagnitude = colorModes->addAction(QString());
    m_colorByCount->setCheckable(true);
    m_colorByMagnitude->setCheckable(true);
    m_colorByCount->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_colorByMagnitude->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    const SpyColorMode mode = AppSettings().spyColorMode();
    m_plot->setColorMode(mode);
    (mode == SpyColorMode::MaxAbs ? m_colorByMagnitude : m_colorByCount)->setChecked(true);
    connect(colorModes, &QActionGroup::triggered, this, [this](QAction *action) {
        const SpyColorMode chosen = action == m_colorByMagnitude ? SpyColorMode::MaxAbs : SpyColorMode::Count;
        m_plot->setColorMode(chosen);
        AppSettings().setSpyColorMode(chosen);
    });

    m_about = new QAction(this);
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);

    m_aboutQt = new QAction(this);
    m_aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_open);
    m_recent = new RecentFilesMenu(m_fileMenu);
    m_fileMenu->addMenu(m_recent);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quit);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_zoomIn);
    m_viewMenu->addAction(m_zoomOut);
    m_viewMenu->addAction(m_resetZoom);
    m_viewMenu->addSeparator();
    m_colorMenu = m_viewMenu->addMenu(QString());
    m_colorMenu->addAction(m_colorByCount);
    m_colorMenu->addAction(m_colorByMagnitude);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_list->toggleViewAction());
    m_viewMenu->addSeparator();
    m_languageMenu = new LanguageMenu(m_languages, m_viewMenu);
    m_viewMenu->addMenu(m_languageMenu);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_about);
    m_helpMenu->addAction(m_aboutQt);
}

void MainWindow::retranslateUi()
{
    m_workspaces->setTabText(m_workspaces->indexOf(m_plot), tr("Pattern"));
    for (Workspace *workspace : std::as_const(m_features)) {
        if (QWidget *view = workspace->view())
            m_workspaces->setTabText(m_workspaces->indexOf(view), workspace->title());
    }
    const MatrixDocumentPtr doc = document();
    setWindowTitle(doc ? tr("%1 — FactorScope").arg(QFileInfo(doc->filePath).fileName()) : tr("FactorScope"));

    m_fileMenu->setTitle(tr("&File"));
    m_viewMenu->setTitle(tr("&View"));
    m_helpMenu->setTitle(tr("&Help"));

    m_open->setText(tr("&Open…"));
    m_open->setStatusTip(tr("Open a Matrix Market file (.mtx or .mtx.gz)"));
    m_quit->setText(tr("&Quit"));
    m_resetZoom->setText(tr("&Reset Zoom"));
    m_resetZoom->setStatusTip(tr("Show the whole matrix"));
    m_zoomIn->setText(tr("Zoom &In"));
    m_zoomOut->setText(tr("Zoom &Out"));
    m_colorMenu->setTitle(tr("&Colour By"));
    m_colorByCount->setText(tr("Nonzero &Count"));
    m_colorByCount->setStatusTip(tr("Colour each bin by the number of nonzeros it holds"));
    m_colorByMagnitude->setText(tr("Largest &Magnitude"));
    m_colorByMagnitude->setStatusTip(tr("Colour each bin by the largest absolute value it holds"));
    m_about->setText(tr("&About FactorScope"));
    m_aboutQt->setText(tr("About &Qt"));
    m_list->toggleViewAction()->setText(tr("&Matrix List"));
}

void MainWindow::showDocument(const MatrixDocumentPtr &document)
{
    m_plot->setDocument(document);
    m_status->setDocument(document);
    m_hover->clear();
    m_recent->addFile(document->filePath);
    m_list->setCurrentFile(document->filePath);
    retranslateUi();
    for (Workspace *workspace : std::as_const(m_features))
        workspace->setDocument(document);
    Q_EMIT documentChanged(document);
}

void MainWindow::showGeneratedDocument(const MatrixDocumentPtr &document)
{
    // A generated matrix has no file: it stays out of the recent files and the matrix list.
    m_plot->setDocument(document);
    m_status->setDocument(document);
    m_hover->clear();
    retranslateUi();
    for (Workspace *workspace : std::as_const(m_features))
        workspace->setDocument(document);
    Q_EMIT documentChanged(document);
}

void MainWindow::reportFailure(const LoadFailure &failure)
{
    Q_EMIT loadFailed(failure);
    if (failure.kind == LoadFailure::Kind::MatrixMarket && failure.code == fs::sparse::MmErrorCode::CannotOpen)
        m_recent->removeFile(QFileInfo(failure.filePath).absoluteFilePath());
    if (m_errorDialogs)
        QMessageBox::warning(this, LoadFailureText::title(), LoadFailureText::message(failure));
}

void MainWindow::showHover(const SpyHover &hover)
{
    m_hover->setText(SpyPlot::hoverText(hover));
}

void MainWindow::chooseFile()
{
    const MatrixDocumentPtr doc = document();
    const QString start = doc ? QFileInfo(doc->filePath).absolutePath() : QString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Matrix"), start,
        tr("Matrix Market files (*.mtx *.mtx.gz);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About FactorScope"),
        tr("<h3>FactorScope %1</h3>"
           "<p>Sparse Cholesky factors and preconditioners, made visible.</p>"
           "<p>FactorScope is free software: you can redistribute it and/or modify it under the terms "
           "of the GNU General Public License as published by the Free Software Foundation, either "
           "version 3 of the License, or (at your option) any later version "
           "(GPL-3.0-or-later).</p>"
           "<p>It is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY.</p>")
            .arg(QApplication::applicationVersion()));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        for (Workspace *workspace : std::as_const(m_features))
            workspace->retranslateUi();
        retranslateUi();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    AppSettings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = droppedFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    openFile(files.constFirst());
}

} // namespace fs::ui

namespace fs::ui {

void MainWindow::showWorkspace(QWidget *view)
{
    m_workspaces->setCurrentWidget(view);
}

} // namespace fs::ui
