#include "fixtures.h"

#include "sparse/matrix_market.h"

#include <QTemporaryDir>

namespace fs::test {

QString writeMatrix(const QTemporaryDir &dir, const QString &name, const sparse::Matrix &A)
{
    const QString path = dir.filePath(name);
    sparse::write_matrix_market(path.toStdString(), A);
    return path;
}

} // namespace fs::test
