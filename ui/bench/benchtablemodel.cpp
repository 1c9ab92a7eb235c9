#include "bench/benchtablemodel.h"

#include <QLocale>

#include <limits>

namespace fs::ui {

namespace {

using fs::precond::PrecondKind;

// The iteration columns follow the benchmark's method order.
PrecondKind methodOf(int column)
{
    return fs::bench::AllMethods[size_t(column - BenchTableModel::ItNone)];
}

bool ran(const BenchRecord &r)
{
    return r.outcome.kind == "spd";
}

} // namespace

BenchTableModel::BenchTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int BenchTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int BenchTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BenchTableModel::categoryName(fs::bench::Category category)
{
    using fs::bench::Category;
    switch (category) {
    case Category::KoptOnly: return tr("K-optimal only");
    case Category::KoptFewer: return tr("K-optimal fewer");
    case Category::Ic0Fewer: return tr("IC(0) fewer");
    case Category::Ic0Only: return tr("IC(0) only");
    case Category::Tie: return tr("Tie");
    case Category::BothFailed: return tr("Both failed");
    case Category::NotSpd: return tr("Not SPD");
    }
    return {};
}

QVariant BenchTableModel::display(const BenchRecord &r, int column) const
{
    const auto &o = r.outcome;
    switch (column) {
    case Group: return QString::fromStdString(o.group);
    case Name: return QString::fromStdString(o.name);
    case Rows: return QLocale().toString(o.n);
    case Nonzeros: return QLocale().toString(o.nnz);
    case Kind:
        return o.kind == "spd" ? tr("SPD") : o.kind == "not_spd" ? tr("not SPD") : tr("unreadable");
    case CategoryColumn: return categoryName(o.category);
    case WithinNoise: {
        const auto &ic0 = o.at(PrecondKind::Ic0).iterations_range;
        const auto &kopt = o.at(PrecondKind::Kopt).iterations_range;
        if (!ran(r) || !ic0 || !kopt)
            return QStringLiteral("–");
        return o.within_noise ? tr("yes") : tr("no");
    }
    case KcondIc0:
    case KcondKopt: {
        const auto &m = o.at(column == KcondIc0 ? PrecondKind::Ic0 : PrecondKind::Kopt);
        return ran(r) && m.kcond ? QLocale().toString(*m.kcond, 'g', 4) : QStringLiteral("–");
    }
    default: {
        if (!ran(r))
            return QStringLiteral("–");
        const auto &m = o.at(methodOf(column));
        if (m.converged)
            return m.iterations;
        if (m.failure == fs::bench::FailureIc0Breakdown)
            return tr("breakdown");
        if (m.failure == fs::bench::FailureTimeBudget)
            return tr("budget");
        if (m.failure == "max_iterations")
            return tr("> %1").arg(m.iterations);
        return tr("failed");
    }
    }
}

QVariant BenchTableModel::sortValue(const BenchRecord &r, int column) const
{
    const auto &o = r.outcome;
    constexpr double failed = std::numeric_limits<double>::max();
    switch (column) {
    case Rows: return double(o.n);
    case Nonzeros: return double(o.nnz);
    case CategoryColumn: return int(o.category);
    case WithinNoise: return o.within_noise ? 1 : 0;
    case KcondIc0:
    case KcondKopt: {
        const auto &m = o.at(column == KcondIc0 ? PrecondKind::Ic0 : PrecondKind::Kopt);
        return ran(r) && m.kcond ? *m.kcond : failed;
    }
    case ItNone: case ItJacobi: case ItIc0: case ItKopt: case ItSpai: case ItFsai: {
        const auto &m = o.at(methodOf(column));
        return ran(r) && m.converged ? double(m.iterations) : failed;
    }
    default: return display(r, column);
    }
}

QVariant BenchTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const BenchRecord &r = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(r, index.column());
    case SortRole: return sortValue(r, index.column());
    case CategoryRole: return int(r.outcome.category);
    case SizeRole: return qlonglong(r.outcome.n);
    case Qt::TextAlignmentRole:
        return index.column() >= Rows && index.column() != Kind && index.column() != CategoryColumn
                       && index.column() != WithinNoise
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole: {
        if (index.column() == Name)
            return QString::fromStdString(r.outcome.file);
        if (index.column() == Kind || !ran(r))
            return QString::fromStdString(r.outcome.not_spd_reason);
        if (index.column() == WithinNoise) {
            const auto &a = r.outcome.at(PrecondKind::Ic0).iterations_range;
            const auto &b = r.outcome.at(PrecondKind::Kopt).iterations_range;
            if (!a || !b)
                return tr("Iteration ranges not measured (noise reruns 0)");
            return tr("IC(0) %1–%2, K-optimal %3–%4 iterations with values perturbed at 1e-12")
                .arg((*a)[0]).arg((*a)[1]).arg((*b)[0]).arg((*b)[1]);
        }
        if (index.column() >= ItNone && index.column() <= ItFsai) {
            const auto &m = r.outcome.at(methodOf(index.column()));
            return QString::fromStdString(m.detail.empty() ? m.failure : m.detail);
        }
        return {};
    }
    default: return {};
    }
}

QVariant BenchTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Group: return tr("Group");
    case Name: return tr("Matrix");
    case Rows: return tr("n");
    case Nonzeros: return tr("Nonzeros");
    case Kind: return tr("Kind");
    case ItNone: return tr("None");
    case ItJacobi: return tr("Jacobi");
    case ItIc0: return tr("IC(0)");
    case ItKopt: return tr("K-opt");
    case ItSpai: return tr("SPAI");
    case ItFsai: return tr("FSAI");
    case CategoryColumn: return tr("Category");
    case WithinNoise: return tr("Within noise");
    case KcondIc0: return tr("K(IC(0))");
    case KcondKopt: return tr("K(K-opt)");
    default: return {};
    }
}

void BenchTableModel::setRecords(const QList<BenchRecord> &records)
{
    beginResetModel();
    m_records = records;
    endResetModel();
}

void BenchTableModel::addRecord(const BenchRecord &record)
{
    for (int i = 0; i < m_records.size(); ++i) {
        if (m_records[i].key == record.key) {
            m_records[i] = record;
            Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
            return;
        }
    }
    const int row = int(m_records.size());
    beginInsertRows({}, row, row);
    m_records.append(record);
    endInsertRows();
}

std::array<int, fs::bench::CategoryCount> BenchTableModel::categoryCounts() const
{
    std::array<int, fs::bench::CategoryCount> counts{};
    for (const auto &r : m_records)
        ++counts[std::size_t(r.outcome.category)];
    return counts;
}

std::array<int, fs::bench::CategoryCount> BenchTableModel::noiseCounts() const
{
    std::array<int, fs::bench::CategoryCount> counts{};
    for (const auto &r : m_records)
        if (r.outcome.within_noise)
            ++counts[std::size_t(r.outcome.category)];
    return counts;
}

} // namespace fs::ui
