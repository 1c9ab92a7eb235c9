#pragma once

#include "document/workspace.h"

#include <QObject>
#include <QPointer>

class QAction;

namespace fs::ui {

class CollectionDialog;
class CollectionDownloader;

// File ▸ SuiteSparse Collection… and the dialog behind it: a workspace without a tab. Other views
// reach the downloaded matrices through matricesReady.
class CollectionController : public QObject, public Workspace
{
    Q_OBJECT

public:
    CollectionController(WorkspaceHost *host, QObject *parent);

    QWidget *view() override { return nullptr; }
    QList<QAction *> fileActions() const override { return {m_action}; }
    void retranslateUi() override;

    QAction *action() const { return m_action; }
    CollectionDownloader *downloader() const { return m_downloader; }
    /// Creates the dialog on first use.
    CollectionDialog *dialog();
    void showDialog();

Q_SIGNALS:
    void matricesReady(const QStringList &paths, const QString &folder);

private:
    WorkspaceHost *m_host;
    QAction *m_action;
    CollectionDownloader *m_downloader;
    QPointer<CollectionDialog> m_dialog;
};

} // namespace fs::ui
