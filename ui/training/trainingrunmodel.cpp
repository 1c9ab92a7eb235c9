#include "training/trainingrunmodel.h"

#include "training/runcontroller.h"

#include <QColor>
#include <QDir>

#include <cmath>

namespace fs::ui {

namespace {

QVariant cosine(double value)
{
    return std::isnan(value) ? QVariant() : QVariant(value);
}

QString duration(double seconds)
{
    const int total = static_cast<int>(std::lround(seconds));
    return total >= 3600 ? QStringLiteral("%1:%2:%3").arg(total / 3600).arg(total / 60 % 60, 2, 10, QLatin1Char('0')).arg(total % 60, 2, 10, QLatin1Char('0'))
                         : QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

TrainingRunModel::TrainingRunModel(RunController *controller, QObject *parent)
    : QAbstractTableModel(parent)
    , m_controller(controller)
{
    // The controller appends and removes one run at a time, so rows map directly onto its order.
    connect(controller, &RunController::runAdded, this, [this] {
        const int row = m_controller->runIds().size() - 1;
        beginInsertRows({}, row, row);
        endInsertRows();
    });
    connect(controller, &RunController::runRemoved, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(controller, &RunController::runChanged, this, [this](int id) {
        const QModelIndex first = indexOf(id);
        if (first.isValid())
            Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
    });
}

int TrainingRunModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_controller->runIds().size());
}

int TrainingRunModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int TrainingRunModel::runId(const QModelIndex &index) const
{
    const QList<int> ids = m_controller->runIds();
    return index.isValid() && index.row() < ids.size() ? ids.at(index.row()) : 0;
}

QModelIndex TrainingRunModel::indexOf(int runId) const
{
    const qsizetype row = m_controller->runIds().indexOf(runId);
    return row < 0 ? QModelIndex() : index(static_cast<int>(row), 0);
}

QVariant TrainingRunModel::data(const QModelIndex &index, int role) const
{
    const TrainingRun *run = m_controller->run(runId(index));
    if (!run)
        return {};
    if (role == RunIdRole)
        return run->id;
    if (role == Qt::ForegroundRole && index.column() == Status && run->status == RunStatus::Failed)
        return QColor(Qt::red);
    if (role == Qt::ToolTipRole)
        return run->error.isEmpty() ? QDir::toNativeSeparators(run->directory) : run->error;
    if (role == Qt::TextAlignmentRole && index.column() != Name && index.column() != Model
        && index.column() != Status && index.column() != Device)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    const bool display = role == Qt::DisplayRole;
    if (!display && role != Qt::EditRole)
        return {};
    switch (static_cast<Column>(index.column())) {
    case Name: return run->name();
    case Model: return QString::fromStdString(run->config.core.model);
    case Depth: return run->config.core.depth;
    case Status: {
        QString text = run->malformedLines > 0 && display
                           ? tr("%1 (malformed lines: %2)").arg(runStatusText(run->status)).arg(run->malformedLines)
                           : runStatusText(run->status);
        // A cluster run shows its Slurm task and that task's own state.
        if (display && !run->slurmTask.isEmpty())
            text += tr(" · Slurm %1 %2").arg(run->slurmTask, run->slurmState.toLower());
        return text;
    }
    case Epochs: return run->points.isEmpty() ? 0 : run->points.constLast().epoch;
    case BestTest: return display && !std::isnan(run->bestTestCos()) ? QVariant(QString::number(run->bestTestCos(), 'f', 4)) : cosine(run->bestTestCos());
    case FinalTest: return display && !std::isnan(run->finalTestCos()) ? QVariant(QString::number(run->finalTestCos(), 'f', 4)) : cosine(run->finalTestCos());
    case Time: return display ? QVariant(duration(run->elapsed)) : QVariant(run->elapsed);
    case Device: return run->device;
    case ColumnCount: break;
    }
    return {};
}

QVariant TrainingRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case Name: return tr("Run");
    case Model: return tr("Model");
    case Depth: return tr("Depth");
    case Status: return tr("Status");
    case Epochs: return tr("Epochs");
    case BestTest: return tr("Best test cos");
    case FinalTest: return tr("Final test cos");
    case Time: return tr("Time");
    case Device: return tr("Device");
    case ColumnCount: break;
    }
    return {};
}

} // namespace fs::ui
