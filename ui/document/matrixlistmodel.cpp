#include "document/matrixlistmodel.h"

#include <QLocale>

namespace fs::ui {

MatrixListModel::MatrixListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MatrixListModel::setEntries(const QList<BenchmarkEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int MatrixListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int MatrixListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MatrixListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const BenchmarkEntry &e = m_entries.at(index.row());
    const QLocale locale;

    if (role == FilePathRole)
        return e.filePath;
    if (role == Qt::ToolTipRole) {
        return tr("%1: %2 × %3, %4 stored entries%5")
            .arg(e.name, locale.toString(e.rows), locale.toString(e.cols), locale.toString(e.storedEntries),
                 e.spd ? tr(", symmetric positive definite") : (e.symmetric ? tr(", symmetric") : QString()));
    }
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);

    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return e.name;
        break;
    case SizeColumn:
        if (role == Qt::DisplayRole) {
            return e.rows == e.cols ? locale.toString(e.rows)
                                    : tr("%1 × %2").arg(locale.toString(e.rows), locale.toString(e.cols));
        }
        if (role == SortRole)
            return e.rows;
        break;
    case NonzerosColumn:
        if (role == Qt::DisplayRole)
            return locale.toString(e.storedEntries);
        if (role == SortRole)
            return e.storedEntries;
        break;
    default:
        break;
    }
    return {};
}

QVariant MatrixListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return tr("Name");
        case SizeColumn: return tr("n");
        case NonzerosColumn: return tr("nnz");
        default: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case NameColumn: return tr("Matrix name in the collection");
        case SizeColumn: return tr("Order of the matrix (rows × columns when not square)");
        case NonzerosColumn: return tr("Entries stored in the file (one triangle for symmetric matrices)");
        default: break;
        }
    }
    return {};
}

void MatrixListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace fs::ui
