#pragma once

#include <QList>
#include <QString>

namespace fs::ui {

struct BenchmarkEntry {
    QString name;
    QString filePath; ///< absolute path of the .mtx.gz next to INDEX.csv
    qint64 rows = 0;
    qint64 cols = 0;
    qint64 storedEntries = 0; ///< entries stored in the file (one triangle when symmetric)
    bool symmetric = false;
    bool spd = false;
};

// The bundled benchmark collection described by INDEX.csv.
class BenchmarkIndex
{
public:
    /// The installed collection (<prefix>/share/factorscope/benchmark), else the source tree's.
    static QString defaultDirectory();

    /// Reads `directory`/INDEX.csv; entries whose matrix file is missing are skipped.
    static QList<BenchmarkEntry> load(const QString &directory);

    /// Splits one CSV record, honouring double-quoted fields with embedded commas and "" escapes.
    static QStringList splitCsvLine(const QString &line);
};

} // namespace fs::ui
