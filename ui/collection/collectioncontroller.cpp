#include "collection/collectioncontroller.h"

#include "collection/collectiondialog.h"
#include "collection/collectiondownloader.h"
#include "collection/collectionsettings.h"
#include "collection/collectionmodel.h"

#include <QAction>
#include <QMenu>

namespace fs::ui {

CollectionController::CollectionController(WorkspaceHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_action(new QAction(this))
    , m_downloader(new CollectionDownloader(CollectionCache(), this))
{
    setObjectName(QStringLiteral("CollectionController"));
    const QString base = CollectionSettings().baseUrl();
    if (!base.isEmpty())
        m_downloader->setBaseUrl(QUrl(base));
    connect(m_action, &QAction::triggered, this, &CollectionController::showDialog);
    retranslateUi();
}

CollectionDialog *CollectionController::dialog()
{
    if (!m_dialog) {
        m_dialog = new CollectionDialog(m_downloader, m_host->dialogParent());
        connect(m_dialog, &CollectionDialog::openRequested, this, [this](const QString &path) { m_host->openFile(path); });
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

void CollectionController::retranslateUi()
{
    m_action->setText(tr("SuiteSparse &Collection…"));
    m_action->setStatusTip(tr("Browse the SuiteSparse Matrix Collection and download matrices from it"));
}

} // namespace fs::ui
