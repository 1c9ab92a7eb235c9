#pragma once

#include <bench/outcome.h>

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace fs::ui {

// One stored benchmark result: the outcome plus what identifies it.
struct BenchRecord {
    QString key;         ///< fileHash + '|' + settings
    QString fileHash;
    QString settings;
    fs::bench::MatrixOutcome outcome;
};

// Benchmark results in SQLite, one row per matrix and settings, written as each result arrives so
// that a crash or a cancel loses nothing finished. Used from the GUI thread only (a Qt SQL
// connection belongs to the thread that opened it).
class BenchStore
{
public:
    BenchStore() = default;
    ~BenchStore();
    BenchStore(const BenchStore &) = delete;
    BenchStore &operator=(const BenchStore &) = delete;

    /// <AppDataLocation>/benchmark.sqlite
    static QString defaultPath();
    /// SHA-256 of the file's bytes (hex); empty when it cannot be read. Safe on any thread.
    static QString hashFile(const QString &path);
    static QString makeKey(const QString &fileHash, const QString &settings);

    bool open(const QString &path);
    bool isOpen() const { return !m_connection.isEmpty(); }
    QString errorString() const { return m_error; }
    /// Set when open() found the file damaged and moved it aside (what was done, for the user).
    QString notice() const { return m_notice; }

    /// Inserts or replaces one result (one transaction, committed before returning).
    bool write(const BenchRecord &record);
    QList<BenchRecord> loadAll(const QString &settings) const;
    /// Every stored result, of all settings, ordered by settings and name.
    QList<BenchRecord> loadEverything() const;
    QSet<QString> keys() const;
    bool clear();

private:
    QString m_connection;
    QString m_error;
    QString m_notice;
};

} // namespace fs::ui
