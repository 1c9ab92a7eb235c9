#include "training/trainingdataset.h"

#include "training/trainingrun.h"

#include "dataset/dataset.h"
#include "dataset/locality_bound.h"
#include "precond/inverse_target.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QJsonParseError>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace fs::ui {

QStringList DatasetRequest::problems()
{
    return {QStringLiteral("diffusion"), QStringLiteral("biharmonic"), QStringLiteral("mixed")};
}

QStringList DatasetRequest::families()
{
    return {QStringLiteral("semiseparable"), QStringLiteral("counterexample"), QStringLiteral("laplacian")};
}

QStringList DatasetRequest::arguments(const QString &directory) const
{
    QStringList args = {QStringLiteral("dataset"),
                        kind == Kind::Spai ? QStringLiteral("spai") : QStringLiteral("synthetic"),
                        QStringLiteral("--count"), QString::number(count), QStringLiteral("--n"), QString::number(n)};
    if (kind == Kind::Spai) {
        args << QStringLiteral("--problem") << problem << QStringLiteral("--sigma") << QString::number(sigma, 'g', 6)
             << QStringLiteral("--target") << target << QStringLiteral("--pattern") << QString::number(pattern);
    } else {
        args << QStringLiteral("--family") << family;
        if (paired)
            args << QStringLiteral("--paired");
    }
    return args << QStringLiteral("--out") << directory;
}

QString DatasetRequest::folderName() const
{
    if (kind == Kind::Spai)
        return QStringLiteral("%1%2-%3-%4x%5")
            .arg(target, pattern == 2 ? QStringLiteral("2") : QString(), problem)
            .arg(count)
            .arg(n);
    const QString prefix = family == QLatin1String("semiseparable") ? QStringLiteral("synthetic") : family;
    return QStringLiteral("%1%2-%3x%4").arg(prefix, paired ? QStringLiteral("-paired") : QString()).arg(count).arg(n);
}

QList<double> testSplitBounds(const QString &directory, int maxDepth)
{
    const dataset::Dataset d = dataset::load_dataset(QDir(directory).absolutePath().toStdString());
    QList<double> bounds;
    if (!d.manifest.paired)
        return bounds;
    for (int depth = 1; depth <= maxDepth; ++depth)
        bounds.append(dataset::split_bound(d.test, *dataset::receptive_radius("mpmlp", depth)).bound);
    return bounds;
}

QString defaultDatasetDirectory(const DatasetRequest &request)
{
    const QDir root(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/datasets"));
    QString path = root.filePath(request.folderName());
    for (int k = 2; QFileInfo::exists(path); ++k)
        path = root.filePath(QStringLiteral("%1-%2").arg(request.folderName()).arg(k));
    return path;
}

QString datasetKind(const QString &directory, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return QString();
    };
    QFile file(QDir(directory).filePath(QStringLiteral("manifest.json")));
    if (!file.open(QIODevice::ReadOnly))
        return fail(QCoreApplication::translate("fs::ui::DatasetGenerator", "%1 has no readable manifest.json.")
                        .arg(QDir::toNativeSeparators(directory)));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QString kind = doc.object().value(QStringLiteral("kind")).toString();
    if (parseError.error != QJsonParseError::NoError || kind.isEmpty())
        return fail(QCoreApplication::translate("fs::ui::DatasetGenerator",
                                                "The manifest.json in %1 names no dataset kind.")
                        .arg(QDir::toNativeSeparators(directory)));
    return kind;
}

QString datasetMismatch(const QString &model, const QString &kind)
{
    if (kind.isEmpty())
        return {};
    const bool spai = kind == QLatin1String("spai");
    if (model == TrainingConfig::generativeModel() && !spai)
        return QCoreApplication::translate("fs::ui::DatasetGenerator",
                                           "gcvae learns sparse approximate inverses and needs a SPAI dataset "
                                           "(pairs A, R), but this dataset is of kind \"%1\". Generate one with "
                                           "\"Generate\" and the kind SPAI.")
            .arg(kind);
    if (model != TrainingConfig::generativeModel() && spai)
        return QCoreApplication::translate("fs::ui::DatasetGenerator",
                                           "%1 learns Cholesky factors, but this is a SPAI dataset (pairs A, R) "
                                           "that only gcvae trains on. Choose a synthetic or K-optimal dataset, "
                                           "or the model gcvae.")
            .arg(model);
    return {};
}

void writeDataset(const QString &directory, const DatasetRequest &request,
                  const std::function<void(int, int)> &progress, std::stop_token stop)
{
    const std::string out = QDir(directory).absolutePath().toStdString();
    // The test split and seed of `factorscope-cli dataset synthetic|spai` without --test/--seed.
    if (request.kind == DatasetRequest::Kind::Spai) {
        dataset::SpaiDatasetOptions o;
        o.seed = 1;
        o.count = request.count;
        o.side = request.n;
        o.problem = request.problem.toStdString();
        o.sigma = request.sigma;
        o.test = std::min(o.test, o.count / 6);
        o.target = request.target.toStdString();
        o.pattern = request.pattern;
        const auto approximateInverse = [&](const sparse::Matrix &A) {
            return precond::inverse_target(A, o.target, o.pattern, 0);
        };
        dataset::write_spai_dataset(o, out, approximateInverse, progress, stop);
        return;
    }
    dataset::SyntheticOptions o;
    o.seed = 1;
    o.count = request.count;
    o.n = request.n;
    o.test = std::min(200, o.count / 6);
    o.family = request.family.toStdString();
    o.paired = request.paired;
    if (o.paired) // two samples per base matrix, both in the same split
        o.test -= o.test % 2;
    dataset::write_synthetic_dataset(o, out, progress, stop);
}

DatasetGenerator::DatasetGenerator(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFutureWatcher<Result>(this))
{
    connect(m_watcher, &QFutureWatcher<Result>::finished, this, &DatasetGenerator::done);
}

DatasetGenerator::~DatasetGenerator()
{
    if (m_running) {
        m_watcher->disconnect(this);
        m_stop.request_stop();
        m_watcher->waitForFinished();
    }
}

bool DatasetGenerator::start(const QString &directory, int count, int order)
{
    DatasetRequest request;
    request.count = count;
    request.n = order;
    return start(directory, request);
}

bool DatasetGenerator::start(const QString &directory, const DatasetRequest &request)
{
    if (m_running)
        return false;
    m_directory = QDir(directory).absolutePath();
    m_count = request.count;
    m_stop = std::stop_source();
    m_running = true;
    m_bounds.clear();
    Q_EMIT progress(0, m_count);
    // The worker reports through queued calls; the destructor waits for it, so `this` outlives it.
    const auto report = [this](int done, int total) {
        QMetaObject::invokeMethod(this, [this, done, total] { Q_EMIT progress(done, total); }, Qt::QueuedConnection);
    };
    m_watcher->setFuture(QtConcurrent::run([dir = m_directory, request, report, stop = m_stop.get_token()] {
        Result result;
        try {
            writeDataset(dir, request, report, stop);
            if (request.kind == DatasetRequest::Kind::Synthetic && request.paired)
                result.bounds = testSplitBounds(dir);
        } catch (const dataset::DatasetCancelled &) {
            result.error = QCoreApplication::translate("fs::ui::DatasetGenerator", "cancelled");
        } catch (const std::exception &e) {
            const QString what = QString::fromUtf8(e.what()).trimmed();
            result.error = what.isEmpty() ? QStringLiteral("error") : what;
        }
        return result;
    }));
    return true;
}

void DatasetGenerator::cancel()
{
    if (m_running)
        m_stop.request_stop();
}

void DatasetGenerator::done()
{
    if (!m_running)
        return;
    m_running = false;
    const Result result = m_watcher->result();
    const QString &error = result.error;
    m_bounds = result.bounds;
    if (error.isEmpty()) {
        Q_EMIT progress(m_count, m_count);
        Q_EMIT finished(true, tr("Dataset written to %1.").arg(QDir::toNativeSeparators(m_directory)));
        return;
    }
    Q_EMIT finished(false, tr("The dataset could not be generated: %1").arg(error));
}

} // namespace fs::ui
