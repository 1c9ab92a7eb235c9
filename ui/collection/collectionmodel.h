#pragma once

#include <sources/ssstats.h>

#include <QAbstractTableModel>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QVector>

namespace fs::ui {

class CollectionCache;

// The collection index as a table; one row per matrix, in collection id order.
class CollectionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Id, Group, Name, Rows, Cols, Nnz, PosDef, Kind, Cached, ColumnCount };
    /// Raw values (numbers as numbers) for sorting and filtering.
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit CollectionModel(QObject *parent = nullptr);

    void setRecords(QVector<fs::sources::SsRecord> records);
    const QVector<fs::sources::SsRecord> &records() const { return m_records; }
    const fs::sources::SsRecord &record(int row) const { return m_records.at(row); }
    /// Re-reads which matrices the cache holds (after a download, or for a new cache folder).
    void refreshCached(const CollectionCache &cache);
    bool isCached(int row) const;

    QStringList kinds() const;
    QStringList groups() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<fs::sources::SsRecord> m_records;
    QSet<int> m_cachedIds;
};

// The dialog's filters; an empty kind/group or a zero maximum means "any".
class CollectionFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit CollectionFilterModel(QObject *parent = nullptr);

    void setPosdefOnly(bool on);
    void setRowRange(qint64 minimum, qint64 maximum);
    void setNnzRange(qint64 minimum, qint64 maximum);
    void setKind(const QString &kind);
    void setGroup(const QString &group);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_posdefOnly = false;
    qint64 m_minRows = 0;
    qint64 m_maxRows = 0;
    qint64 m_minNnz = 0;
    qint64 m_maxNnz = 0;
    QString m_kind;
    QString m_group;
    QString m_text;
};

} // namespace fs::ui
