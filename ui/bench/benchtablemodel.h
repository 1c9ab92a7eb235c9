#pragma once

#include "bench/benchstore.h"

#include <QAbstractTableModel>

#include <array>

namespace fs::ui {

// One row per benchmarked matrix.
class BenchTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Group, Name, Rows, Nonzeros, Kind,
        ItNone, ItJacobi, ItIc0, ItKopt, ItSpai, ItFsai,
        CategoryColumn, WithinNoise, KcondIc0, KcondKopt,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< numbers for numeric columns (failures sort last)
        CategoryRole,                ///< int(fs::bench::Category)
        SizeRole,                    ///< n
    };

    explicit BenchTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRecords(const QList<BenchRecord> &records);
    /// Replaces the row with the same key, or appends.
    void addRecord(const BenchRecord &record);
    const BenchRecord &record(int row) const { return m_records.at(row); }
    const QList<BenchRecord> &records() const { return m_records; }

    /// Matrices per category (index = int(fs::bench::Category)).
    std::array<int, fs::bench::CategoryCount> categoryCounts() const;
    /// Per category, how many of its matrices are within noise (MatrixOutcome::within_noise).
    std::array<int, fs::bench::CategoryCount> noiseCounts() const;
    static QString categoryName(fs::bench::Category category);

private:
    QVariant display(const BenchRecord &record, int column) const;
    QVariant sortValue(const BenchRecord &record, int column) const;

    QList<BenchRecord> m_records;
};

} // namespace fs::ui
