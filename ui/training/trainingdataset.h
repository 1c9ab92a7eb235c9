#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <stop_token>

namespace fs::ui {

// What a dataset generation (in the GUI or `factorscope-cli dataset KIND`) is asked to write.
struct DatasetRequest {
    enum class Kind { Synthetic, Spai };
    Kind kind = Kind::Synthetic;
    int count = 96;
    int n = 100;                           ///< matrix order (synthetic) or grid side (spai)
    QString problem = QStringLiteral("diffusion"); ///< spai: diffusion, biharmonic or mixed
    double sigma = 1.0;                    ///< spai: spread of the log-normal coefficient field
    QString target = QStringLiteral("spai"); ///< spai: the targets, "spai" (R) or "fsai" (G, M⁻¹ = GᵀG)
    int pattern = 1;                       ///< spai: the targets' pattern, A (1) or A² (2)
    QString family = QStringLiteral("semiseparable"); ///< synthetic: semiseparable, counterexample or laplacian
    bool paired = false; ///< synthetic: (A, L) and (A + A11 e1e1ᵀ, L') per base matrix, the bound's data

    static QStringList problems();
    static QStringList families();
    /// The CLI's arguments after the program name, ending in --out `directory`.
    QStringList arguments(const QString &directory) const;
    /// A folder name describing the request, e.g. "spai-diffusion-40x32" or "fsai2-mixed-40x32".
    QString folderName() const;
};

/// The best mean test cosine a model of receptive radius depth − 1 (gatv2, gen, mpmlp,
/// transformer; mlp is the depth-1 value) can reach on the test split of a paired dataset, for
/// depths 1..maxDepth; empty when the dataset is not paired. Throws dataset::DatasetError.
QList<double> testSplitBounds(const QString &directory, int maxDepth = 7);

/// Where a dataset is written when the user has not chosen a folder: a new folder named after
/// the request under the application's data location ("datasets/"), with a numeric suffix when
/// one of that name exists.
QString defaultDatasetDirectory(const DatasetRequest &request);

// Writes a dataset in this process: a worker thread runs the core dataset writer, which reports
// each pair written and stops at cancel() without leaving a manifest.json behind.
class DatasetGenerator : public QObject
{
    Q_OBJECT

public:
    explicit DatasetGenerator(QObject *parent = nullptr);
    /// Cancels a generation in progress and waits for its worker.
    ~DatasetGenerator() override;

    /// Writes the dataset in the background; false while a generation is running.
    bool start(const QString &directory, int count, int order);
    bool start(const QString &directory, const DatasetRequest &request);
    void cancel();
    bool isRunning() const { return m_running; }
    QString directory() const { return m_directory; }
    /// testSplitBounds of the last dataset written, when it was paired (empty otherwise).
    QList<double> bounds() const { return m_bounds; }

Q_SIGNALS:
    void progress(int done, int total);
    void finished(bool ok, const QString &message);

private:
    struct Result {
        QString error;
        QList<double> bounds;
    };
    void done();

    QFutureWatcher<Result> *m_watcher;
    QList<double> m_bounds;
    std::stop_source m_stop;
    bool m_running = false;
    QString m_directory;
    int m_count = 0;
};

/// Writes the dataset `request` describes into `directory` with the options factorscope-cli uses
/// for the same request (seed 1, its test split), reporting (done, total) after each pair.
/// Throws dataset::DatasetError (DatasetCancelled when `stop` is requested) or another
/// std::exception with the reason.
void writeDataset(const QString &directory, const DatasetRequest &request,
                  const std::function<void(int, int)> &progress = {}, std::stop_token stop = {});

/// The "kind" of a dataset folder's manifest.json ("synthetic", "kopt", "spai"); empty when the
/// manifest is missing or unreadable, with the reason in `error`.
QString datasetKind(const QString &directory, QString *error = nullptr);
/// Why `model` cannot train on a dataset of `kind` (gcvae needs "spai", the others anything but),
/// as a sentence for the user; empty when they fit or the kind is unknown.
QString datasetMismatch(const QString &model, const QString &kind);

} // namespace fs::ui
