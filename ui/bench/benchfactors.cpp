#include "bench/benchfactors.h"

#include <precond/setup.h>
#include <sparse/matrix_market.h>

#include <QRegularExpression>

namespace fs::ui {

namespace {

MatrixDocumentPtr makeDocument(const QString &label, fs::sparse::Matrix matrix)
{
    auto doc = std::make_shared<MatrixDocument>();
    doc->filePath = label; // the spy plot titles itself with this
    doc->matrix = std::move(matrix);
    doc->header.rows = doc->matrix.rows();
    doc->header.cols = doc->matrix.cols();
    doc->header.entries = doc->matrix.nonZeros();
    return doc;
}

} // namespace

BenchFactors computeBenchFactors(const QString &path, const QString &settings)
{
    BenchFactors out;
    try {
        const auto match = QRegularExpression(QStringLiteral("ordering=(\\w+)")).match(settings);
        const auto ordering =
            fs::precond::parse_ordering(match.hasMatch() ? match.captured(1).toStdString() : "natural")
                .value_or(fs::precond::Ordering::Natural);
        const fs::sparse::Matrix A0 = fs::sparse::read_matrix_market(path.toStdString()).matrix;
        const fs::precond::OrderedProblem problem = fs::precond::order_problem(A0, ordering);
        out.a = makeDocument(QStringLiteral("A"), problem.A);
        fs::precond::BuildOptions options;
        options.threads = 1;
        try {
            auto kopt = fs::precond::build_preconditioner(problem.A, fs::precond::PrecondKind::Kopt, options);
            out.kopt = makeDocument(QStringLiteral("L K-opt"), std::move(kopt.matrix));
        } catch (const std::exception &) {
            // Left empty: the panel says the factor is not available.
        }
        auto ic0 = fs::precond::build_preconditioner(problem.A, fs::precond::PrecondKind::Ic0, options);
        if (ic0.ok)
            out.ic0 = makeDocument(QStringLiteral("L IC(0)"), std::move(ic0.matrix));
    } catch (const std::exception &e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

} // namespace fs::ui
