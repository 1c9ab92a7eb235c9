#pragma once
// Matrices for tests, made by the project's own generators and written where a test needs a file.

#include "sparse/matrix.h"

#include <QString>

class QTemporaryDir;

namespace fs::test {

/// A matrix of the bundled benchmark (resources/benchmark/NAME.mtx.gz).
QString benchmarkMatrix(const QString &name);
/// A matrix of the test corpus (tests/data/suitesparse/NAME.mtx).
QString corpusMatrix(const QString &name);

/// Kershaw's 4×4 matrix: SPD, but IC(0) meets the pivot -5 in column 4. Written into `dir`.
QString writeKershaw(const QTemporaryDir &dir);

/// ‖X − Y‖_F / ‖Y‖_F, densely (for the small matrices of tests).
double rel_diff(const sparse::Matrix &X, const sparse::Matrix &Y);

/// Writes `A` as Matrix Market (gzip when `name` ends in .gz) into `dir` and returns the path.
QString writeMatrix(const QTemporaryDir &dir, const QString &name, const sparse::Matrix &A);

} // namespace fs::test
