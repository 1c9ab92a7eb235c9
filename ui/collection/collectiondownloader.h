#pragma once

#include "collection/collectioncache.h"

#include <sources/archive_member.h>
#include <sources/ssstats.h>

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <QVector>

#include <stop_token>

class QFile;
class QNetworkAccessManager;
class QNetworkReply;
template<typename T>
class QFutureWatcher;

namespace fs::ui {

enum class DownloadError { None, HttpStatus, Network, CorruptArchive, MissingMember, CannotWrite };

struct DownloadFailure
{
    QString matrix; ///< "Group/Name", or empty for the index.
    DownloadError error = DownloadError::None;
    QString message; ///< Translated, complete sentence for the user.
};

// Fetches the collection's index and matrix archives into a CollectionCache, one file at a time
// (the collection is a shared public server), unpacking each archive off the GUI thread.
class CollectionDownloader : public QObject
{
    Q_OBJECT

public:
    explicit CollectionDownloader(const CollectionCache &cache, QObject *parent = nullptr);
    ~CollectionDownloader() override;

    static QUrl defaultBaseUrl();
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    const CollectionCache &cache() const { return m_cache; }
    bool isBusy() const;

    void fetchIndex();
    /// Matrices already in the cache are reported ready without a request.
    void download(const QVector<fs::sources::SsRecord> &records);
    /// Stops the transfer or the unpacking in progress; nothing partial stays in the cache.
    void cancel();

Q_SIGNALS:
    void indexFetched(const QString &path);
    void indexFailed(const fs::ui::DownloadFailure &failure);
    void fileProgress(const QString &matrix, qint64 received, qint64 total);
    /// `finishedFiles` of `files` are done (downloaded, found in the cache, or failed).
    void totalProgress(int finishedFiles, int files);
    void matrixReady(const QString &path);
    void matrixFailed(const fs::ui::DownloadFailure &failure);
    /// Ends every download() call; `paths` are the .mtx files now in the cache.
    void finished(const QStringList &paths, bool cancelled);

private:
    void startNext();
    void onArchiveFinished();
    void onArchiveUnpacked();
    void fail(const fs::sources::SsRecord &record, DownloadError error, const QString &message);
    void finishBatch();
    QString transferError(QNetworkReply *reply) const;
    QString archivePartPath(const fs::sources::SsRecord &record) const;

    CollectionCache m_cache;
    QUrl m_baseUrl;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_indexReply;
    QPointer<QNetworkReply> m_reply;
    QFile *m_part = nullptr;
    QFutureWatcher<fs::sources::ArchiveResult> *m_unpack = nullptr;
    std::stop_source m_cancelSource; ///< a fresh one per download(); stops the unpacking
    QVector<fs::sources::SsRecord> m_queue;
    int m_next = 0;
    QStringList m_paths;
    bool m_cancelled = false;
    bool m_active = false;
};

} // namespace fs::ui

Q_DECLARE_METATYPE(fs::ui::DownloadFailure)
