#include "bench/benchfilterproxy.h"

#include "bench/benchtablemodel.h"

namespace fs::ui {

BenchFilterProxy::BenchFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(BenchTableModel::SortRole);
    setDynamicSortFilter(true);
}

void BenchFilterProxy::setSizeRange(qint64 minRows, qint64 maxRows)
{
    m_minRows = minRows;
    m_maxRows = maxRows;
    invalidateFilter();
}

void BenchFilterProxy::setCategory(int category)
{
    m_category = category;
    invalidateFilter();
}

void BenchFilterProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool BenchFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    const QModelIndex name = m->index(sourceRow, BenchTableModel::Name, sourceParent);
    const qint64 n = m->data(name, BenchTableModel::SizeRole).toLongLong();
    if (n < m_minRows || (m_maxRows > 0 && n > m_maxRows))
        return false;
    if (m_category >= 0 && m->data(name, BenchTableModel::CategoryRole).toInt() != m_category)
        return false;
    if (m_text.isEmpty())
        return true;
    const QString group = m->index(sourceRow, BenchTableModel::Group, sourceParent).data().toString();
    return name.data().toString().contains(m_text, Qt::CaseInsensitive)
           || group.contains(m_text, Qt::CaseInsensitive);
}

bool BenchFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(sortRole());
    const QVariant r = right.data(sortRole());
    if (l.typeId() == QMetaType::QString || r.typeId() == QMetaType::QString)
        return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
    return l.toDouble() < r.toDouble();
}

} // namespace fs::ui
