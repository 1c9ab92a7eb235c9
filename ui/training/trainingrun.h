#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <limits>

namespace fs::ui {

// The settings of one run as factorscope-train takes them (--key value); defaults are [P1]'s.
struct TrainingConfig {
    QString dataset;
    QString model = QStringLiteral("mpmlp");
    int depth = 3;
    int hidden = 16;
    int epochs = 300;
    double lr = 1e-3;
    int lrStep = 50;
    double lrGamma = 0.6;
    int patience = 50;
    int batchSize = 16;
    QString device = QStringLiteral("auto");
    qint64 seed = 0;
    // gcvae only: latent size, KL weight, latent draws per test matrix, weight of ||I - A R||_F.
    int latent = 8;
    double beta = 1e-3;
    int samples = 8;
    double residualWeight = 1.0;

    /// Every model factorscope-train knows: the node models of [P1], then gcvae.
    static QStringList models();
    /// [P1]'s node models, the ones a depth sweep compares.
    static QStringList nodeModels();
    /// The generative SPAI model: it trains on "spai" datasets, every other model on the others.
    static QString generativeModel() { return QStringLiteral("gcvae"); }
    bool isGenerative() const { return model == generativeModel(); }
    /// The --key value pairs of every setting, in the trainer's key names.
    QStringList arguments() const;
    QJsonObject toJson() const;
    /// Keys missing from `json` keep their defaults.
    static TrainingConfig fromJson(const QJsonObject &json);
};

struct EpochPoint {
    int epoch = 0;
    double trainCos = 0.0;
    double testCos = std::numeric_limits<double>::quiet_NaN(); ///< NaN: no test set
    double loss = 0.0;
    double lr = 0.0;
    double seconds = 0.0;
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
