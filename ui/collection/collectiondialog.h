#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace fs::ui {

class CollectionDownloader;
class CollectionFilterBar;
class CollectionFilterModel;
class CollectionModel;
struct DownloadFailure;

// File ▸ SuiteSparse collection: browse the collection's index, download matrices into the cache,
// open them or hand them on.
class CollectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CollectionDialog(CollectionDownloader *downloader, QWidget *parent = nullptr);

    /// Shows the cached index, or fetches it when there is none yet.
    void loadCachedIndexOrFetch();
    /// Parses a local ssstats.csv; on failure the dialog says why and keeps what it showed.
    bool loadIndexFile(const QString &path);
    void fetchIndex();
    void downloadSelected();
    void openSelected();

    CollectionModel *model() const { return m_model; }
    CollectionFilterModel *filterModel() const { return m_filter; }
    CollectionFilterBar *filterBar() const { return m_filterBar; }
    QTableView *table() const { return m_table; }
    QString statusText() const;
    QString noticeText() const;
    bool isNoticeVisible() const;
    QPushButton *downloadButton() const { return m_download; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *loadFileButton() const { return m_loadFile; }
    QProgressBar *fileProgressBar() const { return m_fileProgress; }
    QProgressBar *totalProgressBar() const { return m_totalProgress; }

Q_SIGNALS:
    void openRequested(const QString &path);
    /// Downloaded (or already cached) matrices, and the cache folder holding all of them.
    void matricesReady(const QStringList &paths, const QString &folder);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void chooseIndexFile();
    void showNotice(const QString &text);
    void setStatus(const QString &text);
    void updateButtons();
    void onIndexFailed(const DownloadFailure &failure);
    void onMatrixFailed(const DownloadFailure &failure);
    void onFileProgress(const QString &matrix, qint64 received, qint64 total);
    void onFinished(const QStringList &paths, bool cancelled);
    QList<int> selectedRows() const;

    CollectionDownloader *m_downloader;
    CollectionModel *m_model;
    CollectionFilterModel *m_filter;
    CollectionFilterBar *m_filterBar;
    QTableView *m_table;
    QLabel *m_notice;
    QPushButton *m_fetchIndex;
    QPushButton *m_loadFile;
    QLabel *m_status;
    QLabel *m_fileLabel;
    QProgressBar *m_fileProgress;
    QProgressBar *m_totalProgress;
    QPushButton *m_download;
    QPushButton *m_open;
    QPushButton *m_cancel;
    QDialogButtonBox *m_buttons;
    QStringList m_failures;
    QString m_indexInfo;
};

} // namespace fs::ui
