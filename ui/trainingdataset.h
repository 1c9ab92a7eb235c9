#pragma once

#include <QObject>
#include <QString>

class QProcess;
class QTimer;

namespace fs::ui {

// Writes a small synthetic dataset with `factorscope-cli dataset synthetic` in its own process.
// The CLI prints nothing until it is done, so progress is the number of pairs already on disk.
class DatasetGenerator : public QObject
{
    Q_OBJECT

public:
    explicit DatasetGenerator(QObject *parent = nullptr);
    ~DatasetGenerator() override;

    /// `cli` empty: factorscope-cli found like the trainer. False when none is found.
    bool start(const QString &directory, int count, int order, const QString &cli = {});
    void cancel();
    bool isRunning() const { return m_process != nullptr; }
    QString directory() const { return m_directory; }

Q_SIGNALS:
    void progress(int done, int total);
    void finished(bool ok, const QString &message);

private:
    void poll();
    void done(int exitCode, bool crashed);

    QProcess *m_process = nullptr;
    QTimer *m_poll;
    QString m_directory;
    int m_count = 0;
};

} // namespace fs::ui
