#pragma once

#include "document/benchmarkindex.h"

#include <QAbstractTableModel>

namespace fs::ui {

// The benchmark collection as a table; sorting goes through SortRole so sizes sort numerically.
class MatrixListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SizeColumn, NonzerosColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, FilePathRole };

    explicit MatrixListModel(QObject *parent = nullptr);

    void setEntries(const QList<BenchmarkEntry> &entries);
    const QList<BenchmarkEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Header texts are produced by tr() on demand; views refresh them after a language switch.
    void retranslate();

private:
    QList<BenchmarkEntry> m_entries;
};

} // namespace fs::ui
