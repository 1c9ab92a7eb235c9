#pragma once

#include <QObject>
#include <QPointer>

class QAction;

namespace fs::ui {

class CollectionDialog;
class CollectionDownloader;
class MainWindow;

// Puts File ▸ SuiteSparse Collection… into the main window and owns the dialog behind it. Other
// views reach the downloaded matrices through matricesReady (find it with
// window->findChild<CollectionController *>()).
class CollectionController : public QObject
{
    Q_OBJECT

public:
    explicit CollectionController(MainWindow *window);

    QAction *action() const { return m_action; }
    CollectionDownloader *downloader() const { return m_downloader; }
    /// Creates the dialog on first use.
    CollectionDialog *dialog();
    void showDialog();

Q_SIGNALS:
    void matricesReady(const QStringList &paths, const QString &folder);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();

    MainWindow *m_window;
    QAction *m_action;
    CollectionDownloader *m_downloader;
    QPointer<CollectionDialog> m_dialog;
};

} // namespace fs::ui
