// Selected inversion against the dense inverse, K-optimal by both routes, and the ordering caution:
// a pair needed in one ordering but missing from a factor computed in another is reported.
#include "precond/kopt.h"
#include "precond/selected_inversion.h"
#include "sparse/matrix_market.h"

#include <QFile>
#include <QtTest>

#include <Eigen/Dense>

#include <cmath>

using namespace fs;
using fs::precond::Ordering;

Q_DECLARE_METATYPE(fs::precond::Ordering)

class TestSelectedInversion : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void entriesMatchDenseInverse_data();
    void entriesMatchDenseInverse();
    void reorderedFactorMissesNeededPairs();
    void notPositiveDefiniteIsAnError();
};

namespace {

/// Kronecker-sum Laplacian of a grid (2D when nz == 1), assembled independently of the generators.
sparse::Matrix grid_laplacian(int nx, int ny, int nz)
{
    const int n = nx * ny * nz;
    std::vector<sparse::Triplet> t;
    auto id = [&](int x, int y, int z) { return (z * ny + y) * nx + x; };
    for (int z = 0; z < nz; ++z)
        for (int y = 0; y < ny; ++y)
            for (int x = 0; x < nx; ++x) {
                const int i = id(x, y, z);
                t.emplace_back(i, i, nz > 1 ? 6.0 : 4.0);
                if (x + 1 < nx) { t.emplace_back(i, id(x + 1, y, z), -1.0); t.emplace_back(id(x + 1, y, z), i, -1.0); }
                if (y + 1 < ny) { t.emplace_back(i, id(x, y + 1, z), -1.0); t.emplace_back(id(x, y + 1, z), i, -1.0); }
                if (z + 1 < nz) { t.emplace_back(i, id(x, y, z + 1), -1.0); t.emplace_back(id(x, y, z + 1), i, -1.0); }
            }
    sparse::Matrix A(n, n);
    A.setFromTriplets(t.begin(), t.end());
    return A;
}

struct Case {
    QString name;
    double cond; // 2-norm condition number, from INDEX.csv or estimated
};

/// Forward error of any backward-stable inversion is about cond·eps (relative to max|B|): two such
/// computations cannot be expected to agree closer than that. The tolerance is 1e-10 wherever
/// the conditioning allows it.
double tolerance_for(double cond)
{
    return std::max(1e-10, cond * std::numeric_limits<double>::epsilon());
}

QList<QPair<QString, double>> bundled_small()
{
    QList<QPair<QString, double>> out;
    QFile f(QStringLiteral(FS_BENCHMARK_DIR "/INDEX.csv"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    f.readLine();
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine());
        const QStringList c = line.split(QLatin1Char(','));
        if (c.size() < 8 || c[2].toInt() > 5000)
            continue;
        double cond = 1e16;
        const int at = line.indexOf(QLatin1String("cond2="));
        if (at >= 0)
            cond = line.mid(at + 6).section(QLatin1Char('"'), 0, 0).trimmed().toDouble();
        out.append({c[0], cond});
    }
    return out;
}

} // namespace

void TestSelectedInversion::entriesMatchDenseInverse_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<double>("cond");
    for (const auto &[name, cond] : bundled_small())
        QTest::addRow("%s", qPrintable(name)) << name << cond;
    QTest::newRow("poisson2d 30x40") << QStringLiteral("poisson2d") << 800.0;
    QTest::newRow("poisson3d 12^3") << QStringLiteral("poisson3d") << 100.0;
}

/// One dense inverse per matrix serves every ordering: B in ordering P is P B Pᵀ. Checks the
/// inverse subset entry by entry and the K-optimal factor built on it, against the dense route.
void TestSelectedInversion::entriesMatchDenseInverse()
{
    QFETCH(QString, file);
    QFETCH(double, cond);
    sparse::Matrix A;
    if (file == QLatin1String("poisson2d"))
        A = grid_laplacian(30, 40, 1);
    else if (file == QLatin1String("poisson3d"))
        A = grid_laplacian(12, 12, 12);
    else
        A = sparse::read_matrix_market(std::string(FS_BENCHMARK_DIR "/") + file.toStdString() + ".mtx.gz").matrix;
    const Eigen::Index n = A.rows();
    const Eigen::MatrixXd B = Eigen::MatrixXd(A).llt().solve(Eigen::MatrixXd::Identity(n, n));
    const double scale = B.cwiseAbs().maxCoeff();
    const double tol = tolerance_for(cond);

    for (Ordering ordering : {Ordering::Natural, Ordering::Amd, Ordering::NestedDissection}) {
        precond::SelinvOptions opt;
        opt.ordering = ordering;
        const auto S = precond::SelectedInverse::compute(A, opt);
        const auto &perm = S.perm();
        const sparse::Matrix Z = S.toSparse();
        double worst = 0;
        for (int j = 0; j < Z.outerSize(); ++j)
            for (sparse::Matrix::InnerIterator it(Z, j); it; ++it)
                worst = std::max(worst, std::abs(it.value() - B(perm[std::size_t(it.row())], perm[std::size_t(it.col())])) / scale);
        QVERIFY2(worst <= tol, qPrintable(QStringLiteral("%1: inverse entries differ by %2 > %3")
                                              .arg(QLatin1String(precond::to_string(ordering))).arg(worst).arg(tol)));

        // K-optimal in this ordering, from the inverse subset and from the dense inverse.
        const sparse::Matrix PA = S.permuted(A);
        const precond::OrderedKopt sel = precond::kopt_selinv(A, opt);
        QCOMPARE(sel.perm, perm);
        Eigen::MatrixXd PB(n, n);
        for (Eigen::Index j = 0; j < n; ++j)
            for (Eigen::Index i = 0; i < n; ++i)
                PB(i, j) = B(perm[std::size_t(i)], perm[std::size_t(j)]);
        const precond::DenseInverse dense(PB);
        const sparse::Matrix Ld = precond::kopt_from_inverse(PA, dense).L;
        QCOMPARE(sel.L.nonZeros(), sparse::lower_triangle(PA).nonZeros());
        const double rel = (sel.L - Ld).norm() / Ld.norm();
        QVERIFY2(rel <= tol, qPrintable(QStringLiteral("%1: K-optimal factors differ by %2 > %3")
                                            .arg(QLatin1String(precond::to_string(ordering))).arg(rel).arg(tol)));
        qInfo("%s %s: inverse max rel diff %.2e, K-opt rel diff %.2e (tol %.1e)", qPrintable(file),
              precond::to_string(ordering), worst, rel, tol);
    }
}

void TestSelectedInversion::reorderedFactorMissesNeededPairs()
{
    const sparse::Matrix A = grid_laplacian(20, 20, 1);
    precond::SelinvOptions amd;
    amd.ordering = Ordering::Amd;
    const auto S = precond::SelectedInverse::compute(A, amd);
    // K-optimal in the natural ordering needs B at pairs of later neighbours; the AMD factor's
    // pattern does not hold them all, and reading them must fail loudly, not return zero.
    const auto original = S.inOriginalIndices();
    QVERIFY_THROWS_EXCEPTION(precond::PatternMismatch, precond::kopt_from_inverse(A, *original));
    // In its own ordering the same inverse subset suffices.
    const sparse::Matrix PA = S.permuted(A);
    const sparse::Matrix L = precond::kopt_from_inverse(PA, S).L;
    QCOMPARE(L.nonZeros(), sparse::lower_triangle(PA).nonZeros());
    // And the natural factor's inverse subset serves the natural ordering.
    const auto N = precond::SelectedInverse::compute(A);
    QCOMPARE(precond::kopt_from_inverse(A, *N.inOriginalIndices()).L.nonZeros(),
             sparse::lower_triangle(A).nonZeros());
}

void TestSelectedInversion::notPositiveDefiniteIsAnError()
{
    sparse::Matrix A = grid_laplacian(5, 5, 1);
    A.coeffRef(7, 7) = -1.0;
    QVERIFY_THROWS_EXCEPTION(precond::NotSpd, precond::SelectedInverse::compute(A));
}

QTEST_APPLESS_MAIN(TestSelectedInversion)
#include "tst_selected_inversion.moc"
