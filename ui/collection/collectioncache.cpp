#include "collection/collectioncache.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace fs::ui {

QString CollectionCache::defaultRoot()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/suitesparse");
}

CollectionCache::CollectionCache(QString root)
    : m_root(std::move(root))
{}

QString CollectionCache::indexPath() const
{
    return m_root + QStringLiteral("/ssstats.csv");
}

QString CollectionCache::matricesFolder() const
{
    return m_root + QStringLiteral("/matrices");
}

QString CollectionCache::matrixFolder(const fs::sources::SsRecord &record) const
{
    return matricesFolder() + QLatin1Char('/') + QString::fromStdString(record.group) + QLatin1Char('/')
           + QString::fromStdString(record.name);
}

QString CollectionCache::matrixPath(const fs::sources::SsRecord &record) const
{
    return matrixFolder(record) + QLatin1Char('/') + QString::fromStdString(record.name) + QStringLiteral(".mtx");
}

bool CollectionCache::isCached(const fs::sources::SsRecord &record) const
{
    return QFileInfo(matrixPath(record)).isFile();
}

void CollectionCache::pruneEmptyFolders(const fs::sources::SsRecord &record) const
{
    QDir dir(matrixFolder(record));
    // rmdir refuses non-empty folders, which is exactly the guard wanted here.
    if (dir.exists() && dir.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
        const QString name = dir.dirName();
        dir.cdUp();
        dir.rmdir(name);
    }
    if (dir.exists() && dir.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
        const QString group = dir.dirName();
        dir.cdUp();
        dir.rmdir(group);
    }
}

} // namespace fs::ui
