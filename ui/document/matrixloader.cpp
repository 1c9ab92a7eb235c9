#include "document/matrixloader.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <new>

namespace fs::ui {

LoadResult loadMatrixFile(const QString &filePath) noexcept
{
    LoadFailure failure;
    failure.filePath = filePath;
    try {
        auto loaded = fs::sparse::read_matrix_market(filePath.toStdString());
        auto doc = std::make_shared<MatrixDocument>();
        doc->filePath = filePath;
        doc->header = loaded.header;
        doc->duplicates = loaded.duplicates;
        doc->explicitZeros = loaded.explicit_zeros;
        doc->matrix = std::move(loaded.matrix);
        doc->matrix.makeCompressed();
        doc->symmetryDefect = fs::sparse::symmetry_defect(doc->matrix);
        doc->symmetric = doc->matrix.rows() == doc->matrix.cols() && doc->symmetryDefect == 0.0;
        return MatrixDocumentPtr(std::move(doc));
    } catch (const fs::sparse::MatrixMarketError &e) {
        failure.kind = LoadFailure::Kind::MatrixMarket;
        failure.code = e.code();
        failure.line = e.line();
        failure.detail = QString::fromStdString(e.detail());
    } catch (const std::bad_alloc &) {
        failure.kind = LoadFailure::Kind::OutOfMemory;
    } catch (const std::exception &e) {
        failure.kind = LoadFailure::Kind::Other;
        failure.detail = QString::fromLocal8Bit(e.what());
    } catch (...) {
        failure.kind = LoadFailure::Kind::Other;
    }
    return failure;
}

MatrixLoader::MatrixLoader(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<MatrixDocumentPtr>();
    qRegisterMetaType<LoadFailure>();
}

// Outstanding tasks only touch their own data; waiting keeps the process from exiting while a
// worker still reads a file.
MatrixLoader::~MatrixLoader()
{
    ++m_generation;
    const auto watchers = findChildren<QFutureWatcher<LoadResult> *>();
    for (auto *watcher : watchers)
        watcher->waitForFinished();
}

void MatrixLoader::load(const QString &filePath)
{
    if (isBusy() && filePath == m_pendingFile)
        return;
    const quint64 generation = ++m_generation;
    m_pendingFile = filePath;
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);

    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, generation] {
        const LoadResult result = watcher->result();
        watcher->deleteLater();
        finish(generation, result);
    });
    watcher->setFuture(QtConcurrent::run(&loadMatrixFile, filePath));
}

void MatrixLoader::waitForIdle()
{
    if (!isBusy())
        return;
    QEventLoop loop;
    connect(this, &MatrixLoader::busyChanged, &loop, [&loop](bool busy) {
        if (!busy)
            loop.quit();
    });
    loop.exec();
}

void MatrixLoader::finish(quint64 generation, const LoadResult &result)
{
    --m_pending;
    const bool current = generation == m_generation;
    if (current) {
        if (const auto *doc = std::get_if<MatrixDocumentPtr>(&result))
            Q_EMIT loaded(*doc);
        else
            Q_EMIT failed(std::get<LoadFailure>(result));
    }
    if (m_pending == 0) {
        m_pendingFile.clear();
        Q_EMIT busyChanged(false);
    }
}

} // namespace fs::ui
