#pragma once
// Folders that refuse writes, for the tests of clear "cannot write" errors: a small tmpfs filled to
// the last byte (writes fail with "No space left on device") and a read-only bind mount ("Read-only
// file system"). Both need root (mount(2)); without it a read-only folder is made by permissions,
// and a full one cannot be: ok() is then false and why() says so, and the test fails with it.

#include <QString>

namespace fs::test {

class RestrictedFolder {
public:
    enum class Kind { Full, ReadOnly };
    /// Creates and mounts the folder under `parent` (an existing, writable folder).
    RestrictedFolder(Kind kind, const QString &parent);
    ~RestrictedFolder();
    RestrictedFolder(const RestrictedFolder &) = delete;
    RestrictedFolder &operator=(const RestrictedFolder &) = delete;

    bool ok() const { return m_why.isEmpty(); }
    QString why() const { return m_why; }
    QString path() const { return m_path; }

private:
    QString m_path, m_source, m_why;
    bool m_mounted = false;
};

} // namespace fs::test
