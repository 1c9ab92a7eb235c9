#pragma once

#include <sparse/matrix.h>
#include <sparse/matrix_market.h>

#include <QMetaType>
#include <QString>

#include <memory>

namespace fs::ui {

// A loaded matrix with the facts the window shows about it. Immutable once built on the worker,
// so views share it without copying or locking.
struct MatrixDocument {
    QString filePath;
    fs::sparse::Matrix matrix;
    fs::sparse::MmHeader header;
    bool symmetric = false;
    double symmetryDefect = 0.0;
    qint64 duplicates = 0;
    qint64 explicitZeros = 0;
};

using MatrixDocumentPtr = std::shared_ptr<const MatrixDocument>;

} // namespace fs::ui

Q_DECLARE_METATYPE(fs::ui::MatrixDocumentPtr)
