#pragma once

#include "training/trainingrun.h"

#include <QList>
#include <QString>

namespace fs::ui {

// The index of known run folders in SQLite, so the dashboard shows past runs after a restart;
// the folders themselves stay the source of the curves. GUI thread only.
class RunHistory
{
public:
    struct Entry {
        QString directory;
        QString model;
        int depth = 0;
        QString status;
        int epochs = 0;
        double bestTestCos = 0.0;
        QString device;
    };

    RunHistory() = default;
    ~RunHistory();
    RunHistory(const RunHistory &) = delete;
    RunHistory &operator=(const RunHistory &) = delete;

    /// <AppDataLocation>/training.sqlite
    static QString defaultPath();

    bool open(const QString &path);
    bool isOpen() const { return !m_connection.isEmpty(); }
    QString errorString() const { return m_error; }
    /// Set when open() found the file damaged and moved it aside (what was done, for the user).
    QString notice() const { return m_notice; }

    /// Inserts or replaces the row of the run's folder.
    bool record(const TrainingRun &run);
    bool remove(const QString &directory);
    /// Oldest first.
    QList<Entry> entries() const;

private:
    QString m_connection;
    QString m_error;
    QString m_notice;
};

} // namespace fs::ui
