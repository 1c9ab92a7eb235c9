#include "collection/collectiondownloader.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace fs::ui {

using fs::sources::ArchiveErrorCode;
using fs::sources::ArchiveResult;
using fs::sources::SsRecord;

namespace {

// A stalled server must not leave the dialog waiting forever.
constexpr int TransferTimeoutMs = 60'000;

QString matrixLabel(const SsRecord &r)
{
    return QString::fromStdString(r.group) + QLatin1Char('/') + QString::fromStdString(r.name);
}

QNetworkRequest makeRequest(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(TransferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    return request;
}

} // namespace

CollectionDownloader::CollectionDownloader(const CollectionCache &cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_baseUrl(defaultBaseUrl())
    , m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<DownloadFailure>();
}

CollectionDownloader::~CollectionDownloader()
{
    if (m_unpack) {
        m_cancelSource.request_stop();
        m_unpack->waitForFinished();
    }
}

QUrl CollectionDownloader::defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://sparse.tamu.edu"));
}

bool CollectionDownloader::isBusy() const
{
    return m_active || m_indexReply;
}

QString CollectionDownloader::transferError(QNetworkReply *reply) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        const QString code = reason.isEmpty() ? QString::number(status) : QStringLiteral("%1 %2").arg(status).arg(reason);
        return tr("The collection at %1 has no file %2 (HTTP %3).")
            .arg(m_baseUrl.toDisplayString(), reply->url().path(), code);
    }
    return tr("Could not download %1: %2.").arg(reply->url().toDisplayString(), reply->errorString());
}

void CollectionDownloader::fetchIndex()
{
    if (m_indexReply)
        return;
    const QUrl url(QString::fromStdString(fs::sources::ssstats_url(m_baseUrl.toString().toStdString())));
    m_indexReply = m_network->get(makeRequest(url));
    connect(m_indexReply, &QNetworkReply::finished, this, [this, reply = m_indexReply.data()] {
        reply->deleteLater();
        m_indexReply.clear();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status >= 400) {
            const bool http = status >= 400;
            Q_EMIT indexFailed({QString(), http ? DownloadError::HttpStatus : DownloadError::Network,
                                transferError(reply)});
            return;
        }
        QDir().mkpath(m_cache.root());
        QSaveFile file(m_cache.indexPath());
        if (!file.open(QIODevice::WriteOnly) || file.write(reply->readAll()) < 0 || !file.commit()) {
            Q_EMIT indexFailed({QString(), DownloadError::CannotWrite,
                                tr("Could not write %1: %2.").arg(m_cache.indexPath(), file.errorString())});
            return;
        }
        Q_EMIT indexFetched(m_cache.indexPath());
    });
}

void CollectionDownloader::download(const QVector<SsRecord> &records)
{
    if (m_active)
        return;
    m_queue = records;
    m_next = 0;
    m_paths.clear();
    m_cancelled = false;
    m_active = true;
    m_cancelSource = std::stop_source();
    Q_EMIT totalProgress(0, int(m_queue.size()));
    startNext();
}

QString CollectionDownloader::archivePartPath(const SsRecord &record) const
{
    return m_cache.matrixFolder(record) + QLatin1Char('/') + QString::fromStdString(record.name)
           + QStringLiteral(".tar.gz.part");
}

void CollectionDownloader::startNext()
{
    // Cached matrices are settled in one go, without a request.
    while (m_next < m_queue.size() && m_cache.isCached(m_queue.at(m_next))) {
        const QString path = m_cache.matrixPath(m_queue.at(m_next));
        m_paths.append(path);
        ++m_next;
        Q_EMIT matrixReady(path);
        Q_EMIT totalProgress(m_next, int(m_queue.size()));
    }
    if (m_cancelled || m_next >= m_queue.size()) {
        finishBatch();
        return;
    }

    const SsRecord &record = m_queue.at(m_next);
    QDir().mkpath(m_cache.matrixFolder(record));
    m_part = new QFile(archivePartPath(record), this);
    if (!m_part->open(QIODevice::WriteOnly)) {
        const QString message = tr("Could not write %1: %2.").arg(m_part->fileName(), m_part->errorString());
        delete m_part;
        m_part = nullptr;
        fail(record, DownloadError::CannotWrite, message);
        return;
    }
    const QUrl url(QString::fromStdString(fs::sources::matrix_archive_url(m_baseUrl.toString().toStdString(), record)));
    m_reply = m_network->get(makeRequest(url));
    const QString label = matrixLabel(record);
    connect(m_reply, &QNetworkReply::readyRead, this, [this] {
        if (m_part && m_reply)
            m_part->write(m_reply->readAll());
    });
    connect(m_reply, &QNetworkReply::downloadProgress, this,
            [this, label](qint64 received, qint64 total) { Q_EMIT fileProgress(label, received, total); });
    connect(m_reply, &QNetworkReply::finished, this, &CollectionDownloader::onArchiveFinished);
}

void CollectionDownloader::onArchiveFinished()
{
    QNetworkReply *reply = m_reply.data();
    m_reply.clear();
    reply->deleteLater();
    const SsRecord record = m_queue.at(m_next);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool ok = reply->error() == QNetworkReply::NoError && status < 400 && !m_cancelled;
    if (ok)
        m_part->write(reply->readAll());
    const bool written = m_part->flush() && m_part->error() == QFileDevice::NoError;
    const QString writeError = m_part->errorString();
    m_part->close();
    if (!ok || !written) {
        m_part->remove();
        delete m_part;
        m_part = nullptr;
        if (m_cancelled) {
            m_cache.pruneEmptyFolders(record);
            finishBatch();
        } else if (!ok) {
            fail(record, status >= 400 ? DownloadError::HttpStatus : DownloadError::Network, transferError(reply));
        } else {
            fail(record, DownloadError::CannotWrite, tr("Could not write %1: %2.").arg(archivePartPath(record), writeError));
        }
        return;
    }
    delete m_part;
    m_part = nullptr;

    const std::string archive = archivePartPath(record).toStdString();
    const std::string member = fs::sources::matrix_member_name(record);
    const std::string destination = m_cache.matrixPath(record).toStdString();
    const std::stop_token stop = m_cancelSource.get_token();
    m_unpack = new QFutureWatcher<ArchiveResult>(this);
    connect(m_unpack, &QFutureWatcherBase::finished, this, &CollectionDownloader::onArchiveUnpacked);
    m_unpack->setFuture(QtConcurrent::run([archive, member, destination, stop] {
        return fs::sources::extract_member(archive, member, destination, [stop] { return stop.stop_requested(); });
    }));
}

void CollectionDownloader::onArchiveUnpacked()
{
    const ArchiveResult result = m_unpack->result();
    m_unpack->deleteLater();
    m_unpack = nullptr;
    const SsRecord record = m_queue.at(m_next);
    // The archive is only a vehicle: the cache keeps the .mtx alone.
    QFile::remove(archivePartPath(record));
    const QString label = matrixLabel(record);
    const QString detail = QString::fromStdString(result.detail);
    switch (result.code) {
    case ArchiveErrorCode::None: {
        const QString path = m_cache.matrixPath(record);
        m_paths.append(path);
        ++m_next;
        Q_EMIT matrixReady(path);
        Q_EMIT totalProgress(m_next, int(m_queue.size()));
        startNext();
        return;
    }
    case ArchiveErrorCode::Cancelled:
        m_cache.pruneEmptyFolders(record);
        finishBatch();
        return;
    case ArchiveErrorCode::MemberMissing:
        fail(record, DownloadError::MissingMember,
             tr("The archive of %1 does not contain %2.").arg(label, QString::fromStdString(fs::sources::matrix_member_name(record))));
        return;
    case ArchiveErrorCode::CannotWrite:
        fail(record, DownloadError::CannotWrite, tr("Could not write %1 into the cache: %2.").arg(label, detail));
        return;
    case ArchiveErrorCode::CannotOpen:
    case ArchiveErrorCode::Corrupt:
        break;
    }
    fail(record, DownloadError::CorruptArchive,
         tr("The archive of %1 is damaged or incomplete (%2). Try the download again.").arg(label, detail));
}

void CollectionDownloader::fail(const SsRecord &record, DownloadError error, const QString &message)
{
    m_cache.pruneEmptyFolders(record);
    ++m_next;
    Q_EMIT matrixFailed({matrixLabel(record), error, message});
    Q_EMIT totalProgress(m_next, int(m_queue.size()));
    startNext();
}

void CollectionDownloader::cancel()
{
    if (!m_active)
        return;
    m_cancelled = true;
    m_cancelSource.request_stop();
    if (m_reply)
        m_reply->abort(); // finishes through onArchiveFinished
}

void CollectionDownloader::finishBatch()
{
    m_active = false;
    m_queue.clear();
    m_next = 0;
    Q_EMIT finished(m_paths, m_cancelled);
}

} // namespace fs::ui
