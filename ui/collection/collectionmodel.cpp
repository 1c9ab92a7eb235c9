#include "collection/collectionmodel.h"

#include "collection/collectioncache.h"

#include <QLocale>

namespace fs::ui {

using fs::sources::Flag;
using fs::sources::SsRecord;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString flagText(Flag flag)
{
    switch (flag) {
    case Flag::Yes:
        return CollectionModel::tr("yes");
    case Flag::No:
        return CollectionModel::tr("no");
    case Flag::Unknown:
        break;
    }
    return CollectionModel::tr("unknown");
}

bool inRange(qint64 value, qint64 minimum, qint64 maximum)
{
    return value >= minimum && (maximum <= 0 || value <= maximum);
}

} // namespace

CollectionModel::CollectionModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CollectionModel::setRecords(QVector<SsRecord> records)
{
    beginResetModel();
    m_records = std::move(records);
    endResetModel();
}

void CollectionModel::refreshCached(const CollectionCache &cache)
{
    m_cachedIds.clear();
    for (const SsRecord &r : std::as_const(m_records)) {
        if (cache.isCached(r))
            m_cachedIds.insert(r.id);
    }
    if (!m_records.isEmpty())
        Q_EMIT dataChanged(index(0, Cached), index(rowCount() - 1, Cached));
}

bool CollectionModel::isCached(int row) const
{
    return m_cachedIds.contains(m_records.at(row).id);
}

QStringList CollectionModel::kinds() const
{
    QStringList list;
    for (const SsRecord &r : m_records)
        list.append(qs(r.kind));
    list.removeDuplicates();
    list.sort(Qt::CaseInsensitive);
    return list;
}

QStringList CollectionModel::groups() const
{
    QStringList list;
    for (const SsRecord &r : m_records)
        list.append(qs(r.group));
    list.removeDuplicates();
    list.sort(Qt::CaseInsensitive);
    return list;
}

int CollectionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int CollectionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CollectionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const SsRecord &r = m_records.at(index.row());
    const auto column = Column(index.column());
    if (role == SortRole) {
        switch (column) {
        case Id: return r.id;
        case Group: return qs(r.group);
        case Name: return qs(r.name);
        case Rows: return qint64(r.rows);
        case Cols: return qint64(r.cols);
        case Nnz: return qint64(r.nnz);
        case PosDef: return int(r.posdef);
        case Kind: return qs(r.kind);
        case Cached: return isCached(index.row());
        case ColumnCount: break;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        const QLocale locale;
        switch (column) {
        case Id: return r.id;
        case Group: return qs(r.group);
        case Name: return qs(r.name);
        case Rows: return locale.toString(qint64(r.rows));
        case Cols: return locale.toString(qint64(r.cols));
        case Nnz: return locale.toString(qint64(r.nnz));
        case PosDef: return flagText(r.posdef);
        case Kind: return qs(r.kind);
        case Cached: return isCached(index.row()) ? tr("downloaded") : QString();
        case ColumnCount: break;
        }
    }
    if (role == Qt::TextAlignmentRole && (column == Id || column == Rows || column == Cols || column == Nnz))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant CollectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Id: return tr("Id");
    case Group: return tr("Group");
    case Name: return tr("Name");
    case Rows: return tr("Rows");
    case Cols: return tr("Columns");
    case Nnz: return tr("Nonzeros");
    case PosDef: return tr("SPD");
    case Kind: return tr("Kind");
    case Cached: return tr("Local copy");
    case ColumnCount: break;
    }
    return {};
}

CollectionFilterModel::CollectionFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(CollectionModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void CollectionFilterModel::setPosdefOnly(bool on)
{
    m_posdefOnly = on;
    invalidateFilter();
}

void CollectionFilterModel::setRowRange(qint64 minimum, qint64 maximum)
{
    m_minRows = minimum;
    m_maxRows = maximum;
    invalidateFilter();
}

void CollectionFilterModel::setNnzRange(qint64 minimum, qint64 maximum)
{
    m_minNnz = minimum;
    m_maxNnz = maximum;
    invalidateFilter();
}

void CollectionFilterModel::setKind(const QString &kind)
{
    m_kind = kind;
    invalidateFilter();
}

void CollectionFilterModel::setGroup(const QString &group)
{
    m_group = group;
    invalidateFilter();
}

void CollectionFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool CollectionFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const CollectionModel *>(sourceModel());
    if (!model || sourceParent.isValid())
        return true;
    const SsRecord &r = model->record(sourceRow);
    if (m_posdefOnly && r.posdef != Flag::Yes)
        return false;
    if (!inRange(r.rows, m_minRows, m_maxRows) || !inRange(r.nnz, m_minNnz, m_maxNnz))
        return false;
    if (!m_kind.isEmpty() && qs(r.kind) != m_kind)
        return false;
    if (!m_group.isEmpty() && qs(r.group) != m_group)
        return false;
    if (m_text.isEmpty())
        return true;
    return qs(r.name).contains(m_text, Qt::CaseInsensitive) || qs(r.group).contains(m_text, Qt::CaseInsensitive)
           || qs(r.kind).contains(m_text, Qt::CaseInsensitive)
           || QString::number(r.id) == m_text;
}

} // namespace fs::ui
