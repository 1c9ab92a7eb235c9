#include "fixtures.h"

#include "sparse/matrix_market.h"

#include <Eigen/Dense>
#include <QFile>

#include <algorithm>
#include <QTemporaryDir>

namespace fs::test {

QString benchmarkMatrix(const QString &name)
{
    return QStringLiteral(FS_BENCHMARK_DIR "/") + name + QStringLiteral(".mtx.gz");
}

QString corpusMatrix(const QString &name)
{
    return QStringLiteral(FS_TEST_DATA_DIR "/suitesparse/") + name + QStringLiteral(".mtx");
}

QString writeKershaw(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("kershaw.mtx"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("%%MatrixMarket matrix coordinate real symmetric\n4 4 8\n"
            "1 1 3\n2 1 -2\n4 1 2\n2 2 3\n3 2 -2\n3 3 3\n4 3 -2\n4 4 3\n");
    return path;
}

double rel_diff(const sparse::Matrix &X, const sparse::Matrix &Y)
{
    return (Eigen::MatrixXd(X) - Eigen::MatrixXd(Y)).norm() / std::max(1e-300, Eigen::MatrixXd(Y).norm());
}

QString writeMatrix(const QTemporaryDir &dir, const QString &name, const sparse::Matrix &A)
{
    const QString path = dir.filePath(name);
    sparse::write_matrix_market(path.toStdString(), A);
    return path;
}

} // namespace fs::test
