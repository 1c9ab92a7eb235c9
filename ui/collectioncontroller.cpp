#include "collectioncontroller.h"

#include "appsettings.h"
#include "collectiondialog.h"
#include "collectiondownloader.h"
#include "collectionmodel.h"
#include "mainwindow.h"

#include <QAction>
#include <QEvent>
#include <QMenu>

namespace fs::ui {

CollectionController::CollectionController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_action(new QAction(this))
    , m_downloader(new CollectionDownloader(CollectionCache(), this))
{
    setObjectName(QStringLiteral("CollectionController"));
    const QString base = AppSettings().collectionBaseUrl();
    if (!base.isEmpty())
        m_downloader->setBaseUrl(QUrl(base));

    // Next to Open, before the recent files and Quit: it is another way of opening matrices.
    QMenu *menu = window->fileMenu();
    const QList<QAction *> actions = menu->actions();
    const int openAt = int(actions.indexOf(window->openAction()));
    QAction *before = openAt >= 0 && openAt + 1 < actions.size() ? actions.at(openAt + 1) : nullptr;
    menu->insertAction(before, m_action);
    connect(m_action, &QAction::triggered, this, &CollectionController::showDialog);

    window->installEventFilter(this);
    retranslateUi();
}

CollectionDialog *CollectionController::dialog()
{
    if (!m_dialog) {
        m_dialog = new CollectionDialog(m_downloader, m_window);
        connect(m_dialog, &CollectionDialog::openRequested, m_window, &MainWindow::openFile);
        connect(m_dialog, &CollectionDialog::matricesReady, this, &CollectionController::matricesReady);
    }
    return m_dialog;
}

void CollectionController::showDialog()
{
    CollectionDialog *d = dialog();
    const bool first = d->model()->rowCount() == 0;
    d->show();
    d->raise();
    d->activateWindow();
    if (first)
        d->loadCachedIndexOrFetch();
}

bool CollectionController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslateUi();
    return QObject::eventFilter(watched, event);
}

void CollectionController::retranslateUi()
{
    m_action->setText(tr("SuiteSparse &Collection…"));
    m_action->setStatusTip(tr("Browse the SuiteSparse Matrix Collection and download matrices from it"));
}

} // namespace fs::ui
