#pragma once

#include <QSortFilterProxyModel>

namespace fs::ui {

// Sorts the benchmark table numerically and filters it by size, category and text.
class BenchFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit BenchFilterProxy(QObject *parent = nullptr);

    /// Rows with minRows <= n <= maxRows (maxRows <= 0: no upper bound).
    void setSizeRange(qint64 minRows, qint64 maxRows);
    /// -1 = every category, else int(fs::bench::Category).
    void setCategory(int category);
    /// Case-insensitive substring of the group or the name.
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    qint64 m_minRows = 0;
    qint64 m_maxRows = 0;
    int m_category = -1;
    QString m_text;
};

} // namespace fs::ui
