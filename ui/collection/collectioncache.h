#pragma once

#include <sources/ssstats.h>

#include <QString>

namespace fs::ui {

// Where the collection's index and matrices live on disk: {root}/ssstats.csv and
// {root}/matrices/{Group}/{Name}/{Name}.mtx, the collection's own naming, so a folder can be
// handed to other tools as is.
class CollectionCache
{
public:
    /// {CacheLocation}/suitesparse.
    static QString defaultRoot();

    explicit CollectionCache(QString root = defaultRoot());

    QString root() const { return m_root; }
    QString indexPath() const;
    QString matricesFolder() const;
    QString matrixFolder(const fs::sources::SsRecord &record) const;
    QString matrixPath(const fs::sources::SsRecord &record) const;
    bool isCached(const fs::sources::SsRecord &record) const;
    /// Removes the matrix's folder and its group folder when they are empty (after a failure).
    void pruneEmptyFolders(const fs::sources::SsRecord &record) const;

private:
    QString m_root;
};

} // namespace fs::ui
