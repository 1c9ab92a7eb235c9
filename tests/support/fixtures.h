#pragma once
// Matrices for tests, made by the project's own generators and written where a test needs a file.

#include "sparse/matrix.h"

#include <QString>

class QTemporaryDir;

namespace fs::test {

/// Writes `A` as Matrix Market (gzip when `name` ends in .gz) into `dir` and returns the path.
QString writeMatrix(const QTemporaryDir &dir, const QString &name, const sparse::Matrix &A);

} // namespace fs::test
