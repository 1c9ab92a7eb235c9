#pragma once

#include "document/loadfailure.h"
#include "document/matrixdocument.h"

#include <QObject>

#include <variant>

namespace fs::ui {

using LoadResult = std::variant<MatrixDocumentPtr, LoadFailure>;

/// Reads and analyses one file; never throws, so it is safe as the body of a worker task.
LoadResult loadMatrixFile(const QString &filePath) noexcept;

// Loads matrices off the GUI thread. Only the most recent request is reported: a result that
// arrives after a newer load() was issued is dropped, so fast clicking through a list never
// displays a stale matrix.
class MatrixLoader : public QObject
{
    Q_OBJECT

public:
    explicit MatrixLoader(QObject *parent = nullptr);
    ~MatrixLoader() override;

    void load(const QString &filePath);
    bool isBusy() const { return m_pending > 0; }
    QString pendingFile() const { return m_pendingFile; }
    /// Blocks (spinning the event loop) until the current request has been reported.
    void waitForIdle();

Q_SIGNALS:
    void busyChanged(bool busy);
    void loaded(const fs::ui::MatrixDocumentPtr &document);
    void failed(const fs::ui::LoadFailure &failure);

private:
    void finish(quint64 generation, const LoadResult &result);

    quint64 m_generation = 0;
    int m_pending = 0;
    QString m_pendingFile;
};

} // namespace fs::ui
