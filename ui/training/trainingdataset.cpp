#include "training/trainingdataset.h"

#include "training/trainingrun.h"

#include "dataset/dataset.h"
#include "precond/spai.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace fs::ui {

QStringList DatasetRequest::problems()
{
    return {QStringLiteral("diffusion"), QStringLiteral("biharmonic"), QStringLiteral("mixed")};
}

QStringList DatasetRequest::arguments(const QString &directory) const
{
    QStringList args = {QStringLiteral("dataset"),
                        kind == Kind::Spai ? QStringLiteral("spai") : QStringLiteral("synthetic"),
                        QStringLiteral("--count"), QString::number(count), QStringLiteral("--n"), QString::number(n)};
    if (kind == Kind::Spai)
        args << QStringLiteral("--problem") << problem << QStringLiteral("--sigma") << QString::number(sigma, 'g', 6);
    return args << QStringLiteral("--out") << directory;
}

QString DatasetRequest::folderName() const
{
    if (kind == Kind::Spai)
        return QStringLiteral("spai-%1-%2x%3").arg(problem).arg(count).arg(n);
    return QStringLiteral("synthetic-%1x%2").arg(count).arg(n);
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
                                           "\"Generate…\" and the kind SPAI.")
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
        precond::SpaiOptions so;
        so.threads = 0;
        const auto approximateInverse = [&](const sparse::Matrix &A) { return precond::spai(A, so).M; };
        dataset::write_spai_dataset(o, out, approximateInverse, progress, stop);
        return;
    }
    dataset::SyntheticOptions o;
    o.seed = 1;
    o.count = request.count;
    o.n = request.n;
    o.test = std::min(200, o.count / 6);
    dataset::write_synthetic_dataset(o, out, progress, stop);
}

DatasetGenerator::DatasetGenerator(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFutureWatcher<QString>(this))
{
    connect(m_watcher, &QFutureWatcher<QString>::finished, this, &DatasetGenerator::done);
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
    Q_EMIT progress(0, m_count);
    // The worker reports through queued calls; the destructor waits for it, so `this` outlives it.
    const auto report = [this](int done, int total) {
        QMetaObject::invokeMethod(this, [this, done, total] { Q_EMIT progress(done, total); }, Qt::QueuedConnection);
    };
    m_watcher->setFuture(QtConcurrent::run([dir = m_directory, request, report, stop = m_stop.get_token()] {
        try {
            writeDataset(dir, request, report, stop);
            return QString();
        } catch (const dataset::DatasetCancelled &) {
            return QCoreApplication::translate("fs::ui::DatasetGenerator", "cancelled");
        } catch (const std::exception &e) {
            const QString what = QString::fromUtf8(e.what()).trimmed();
            return what.isEmpty() ? QStringLiteral("error") : what;
        }
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
    const QString error = m_watcher->result();
    if (error.isEmpty()) {
        Q_EMIT progress(m_count, m_count);
        Q_EMIT finished(true, tr("Dataset written to %1.").arg(QDir::toNativeSeparators(m_directory)));
        return;
    }
    Q_EMIT finished(false, tr("The dataset could not be generated: %1").arg(error));
}

} // namespace fs::ui
