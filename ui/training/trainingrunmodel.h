#pragma once

#include <QAbstractTableModel>

namespace fs::ui {

class RunController;

// The runs of a RunController as a table; rows follow the controller's order and update live.
class TrainingRunModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Model, Depth, Status, Epochs, BestTest, FinalTest, Time, Device, ColumnCount };
    static constexpr int RunIdRole = Qt::UserRole + 1;

    explicit TrainingRunModel(RunController *controller, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int runId(const QModelIndex &index) const;
    QModelIndex indexOf(int runId) const;

private:
    RunController *m_controller;
};

} // namespace fs::ui
