#include "document/benchmarkindex.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace fs::ui {

namespace {
const char IndexFileName[] = "INDEX.csv";
}

QString BenchmarkIndex::defaultDirectory()
{
    const QString installed = QCoreApplication::applicationDirPath()
                              + QStringLiteral("/../share/factorscope/benchmark");
    if (QFileInfo::exists(installed + QLatin1Char('/') + QLatin1String(IndexFileName)))
        return QDir::cleanPath(installed);
    return QStringLiteral(FS_SOURCE_BENCHMARK_DIR);
}

QList<BenchmarkEntry> BenchmarkIndex::load(const QString &directory)
{
    QList<BenchmarkEntry> entries;
    QFile file(QDir(directory).filePath(QLatin1String(IndexFileName)));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return entries;

    QTextStream in(&file);
    const QStringList header = splitCsvLine(in.readLine());
    // Columns are looked up by name so the index may gain columns without breaking the list.
    const auto column = [&header](const char *name) { return header.indexOf(QLatin1String(name)); };
    const int nameCol = column("name");
    const int rowsCol = column("rows");
    const int colsCol = column("cols");
    const int nnzCol = column("nnz_stored");
    const int symCol = column("symmetric");
    const int spdCol = column("spd");
    if (nameCol < 0)
        return entries;

    const QDir dir(directory);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.trimmed().isEmpty())
            continue;
        const QStringList fields = splitCsvLine(line);
        const auto field = [&fields](int index) { return index >= 0 && index < fields.size() ? fields.at(index) : QString(); };
        BenchmarkEntry entry;
        entry.name = field(nameCol);
        entry.filePath = dir.absoluteFilePath(entry.name + QStringLiteral(".mtx.gz"));
        if (!QFileInfo::exists(entry.filePath)) {
            entry.filePath = dir.absoluteFilePath(entry.name + QStringLiteral(".mtx"));
            if (!QFileInfo::exists(entry.filePath))
                continue;
        }
        entry.rows = field(rowsCol).toLongLong();
        entry.cols = field(colsCol).toLongLong();
        entry.storedEntries = field(nnzCol).toLongLong();
        entry.symmetric = field(symCol) == QLatin1String("1");
        entry.spd = field(spdCol) == QLatin1String("1");
        entries.append(entry);
    }
    return entries;
}

QStringList BenchmarkIndex::splitCsvLine(const QString &line)
{
    QStringList fields;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                    current.append(c);
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                current.append(c);
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields.append(current);
            current.clear();
        } else {
            current.append(c);
        }
    }
    fields.append(current);
    return fields;
}

} // namespace fs::ui
