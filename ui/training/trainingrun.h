#pragma once

#include "dataset/run_config.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <limits>

namespace fs::ui {

// The settings of one run as factorscope-train takes them (--key value): a dataset::RunConfig,
// whose key table (core/dataset/run_config.h) holds the fields, their defaults ([P1]'s), the
// ranges and the key names; this only converts to and from Qt. The GUI edits every key but the
// trainer's own (threads), which keeps its default.
struct TrainingConfig {
    dataset::RunConfig core; ///< every key at its default until set

    /// Every model factorscope-train knows: the node models of [P1], then gcvae.
    static QStringList models();
    /// [P1]'s node models, the ones a depth sweep compares.
    static QStringList nodeModels();
    /// The generative SPAI model: it trains on "spai" datasets, every other model on the others.
    static QString generativeModel() { return QStringLiteral("gcvae"); }
    bool isGenerative() const { return core.is_generative(); }
    /// The --key value pairs of every setting a launcher passes, in the trainer's key names.
    QStringList arguments() const;
    /// The keys a launcher passes (the gcvae ones only for gcvae), as run.json holds them.
    QJsonObject toJson() const;
    /// Keys missing from `json` (or of the wrong type) keep their defaults.
    static TrainingConfig fromJson(const QJsonObject &json);
};

struct EpochPoint {
    int epoch = 0;
    double trainCos = 0.0;
    double testCos = std::numeric_limits<double>::quiet_NaN(); ///< NaN: no test set
    double loss = 0.0;
    double lr = 0.0;
    double seconds = 0.0;
    // Paired datasets and models with a receptive radius only (NaN otherwise): the best mean test
    // cosine any model of the run's radius can reach, and the test cosine on the far entries.
    double bound = std::numeric_limits<double>::quiet_NaN();
    double testCosFar = std::numeric_limits<double>::quiet_NaN();
    // gcvae only (NaN otherwise): training means of the ELBO terms and the residual, and the test
    // mean of ||I - A R||_F / ||I - A R_SPAI||_F.
    double recon = std::numeric_limits<double>::quiet_NaN();
    double kl = std::numeric_limits<double>::quiet_NaN();
    double residual = std::numeric_limits<double>::quiet_NaN();
    double testResidualRatio = std::numeric_limits<double>::quiet_NaN();

    bool hasGenerativeMetrics() const;
};

enum class RunStatus { Queued, Running, Stopping, Finished, Stopped, Failed };

struct TrainingRun {
    int id = 0;
    QString directory;
    TrainingConfig config;
    RunStatus status = RunStatus::Queued;
    QList<EpochPoint> points;
    QString device;
    QString error;
    QStringList log;          ///< what the user sees for the run: notes, rejected lines, stderr tail
    int malformedLines = 0;
    double elapsed = 0.0;     ///< seconds of training, summed over epochs
    QJsonObject eval;         ///< eval.json when the run wrote one
    bool remote = false;      ///< launched through a command template: the folder is written here
    QString slurmTask;        ///< trained by this Slurm array task ("123_4"); empty when not
    QString slurmState;       ///< the task's last state from squeue (PENDING, RUNNING, COMPLETED, ...)

    bool isActive() const;
    double bestTestCos() const;  ///< NaN without test values
    double finalTestCos() const; ///< NaN without test values
    QString name() const;
};

QString runStatusText(RunStatus status);

// One line of the trainer's stdout, classified.
struct StreamLine {
    enum class Kind { Epoch, Final, Malformed };
    Kind kind = Kind::Malformed;
    EpochPoint point;
    QString device;
    RunStatus status = RunStatus::Failed; ///< Final only
    QString error;                        ///< Final: the trainer's error; Malformed: why rejected
};

StreamLine parseStreamLine(const QByteArray &line);

// Reads a run folder written by factorscope-train (here or elsewhere): config.json,
// metrics.jsonl, eval.json and the last status of log.txt. False when it holds no run.
bool loadRunDirectory(const QString &directory, TrainingRun *run, QString *error = nullptr);
/// The last `lines` lines of a text file, or empty.
QStringList tailOfFile(const QString &path, int lines);

} // namespace fs::ui
