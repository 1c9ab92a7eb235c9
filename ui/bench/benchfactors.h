#pragma once

#include "document/matrixdocument.h"

#include <QString>

namespace fs::ui {

// The three patterns the detail panel shows side by side.
struct BenchFactors {
    MatrixDocumentPtr a;
    MatrixDocumentPtr kopt; ///< null when K-optimal could not be built
    MatrixDocumentPtr ic0;  ///< null when IC(0) broke down
    QString error;          ///< set when A itself could not be read or ordered
};

/// Reads `path`, orders it as `settings` says (the benchmark's settings string) and builds the
/// K-optimal and IC(0) factors. Blocking; call it off the GUI thread.
BenchFactors computeBenchFactors(const QString &path, const QString &settings);

} // namespace fs::ui
