#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QProcess;
class QTimer;

namespace fs::ui {

// What `factorscope-cli dataset KIND` is asked to write.
struct DatasetRequest {
    enum class Kind { Synthetic, Spai };
    Kind kind = Kind::Synthetic;
    int count = 96;
    int n = 100;                           ///< matrix order (synthetic) or grid side (spai)
    QString problem = QStringLiteral("diffusion"); ///< spai: diffusion, biharmonic or mixed
    double sigma = 1.0;                    ///< spai: spread of the log-normal coefficient field

    static QStringList problems();
    /// The CLI's arguments after the program name, ending in --out `directory`.
    QStringList arguments(const QString &directory) const;
    /// A folder name describing the request, e.g. "spai-diffusion-40x32".
    QString folderName() const;
};

// Writes a dataset with `factorscope-cli dataset synthetic|spai` in its own process.
// The CLI prints nothing until it is done, so progress is the number of pairs already on disk.
class DatasetGenerator : public QObject
{
    Q_OBJECT

public:
    explicit DatasetGenerator(QObject *parent = nullptr);
    ~DatasetGenerator() override;

    /// `cli` empty: factorscope-cli found like the trainer. False when none is found.
    bool start(const QString &directory, int count, int order, const QString &cli = {});
    bool start(const QString &directory, const DatasetRequest &request, const QString &cli = {});
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

/// The "kind" of a dataset folder's manifest.json ("synthetic", "kopt", "spai"); empty when the
/// manifest is missing or unreadable, with the reason in `error`.
QString datasetKind(const QString &directory, QString *error = nullptr);
/// Why `model` cannot train on a dataset of `kind` (gcvae needs "spai", the others anything but),
/// as a sentence for the user; empty when they fit or the kind is unknown.
QString datasetMismatch(const QString &model, const QString &kind);

} // namespace fs::ui
