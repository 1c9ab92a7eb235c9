#pragma once
// Opening the program's SQLite stores (benchmark results, run history) the same careful way:
// WAL journal (a committed row survives a kill during the next write), a busy timeout (a store
// another process holds makes a write wait a little, then fail with a message, instead of failing
// at once), and an integrity check. A file that is not a database or fails the check is moved
// aside to "<file>.corrupt-<time>", never deleted, and a new store is started; the notice says so.

#include <QString>
#include <QStringList>

namespace fs::ui {

struct SqliteStore {
    QString connection; ///< empty when the store could not be opened
    QString error;      ///< why not
    QString notice;     ///< what was done to the file (moved aside), for the user
};

/// How long a statement waits for a store another process holds before it fails: longer than any
/// write of these stores takes, short enough that the GUI thread does not visibly stall.
inline constexpr int SqliteBusyTimeoutMs = 300;

/// Opens (creating) `path` under a new connection named `prefix-<uuid>` and runs `schema`.
SqliteStore openSqliteStore(const QString &path, const QString &prefix, const QStringList &schema);
/// Closes and removes a connection made by openSqliteStore (no-op for an empty name).
void closeSqliteStore(const QString &connection);

} // namespace fs::ui
