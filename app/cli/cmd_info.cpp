#include "cli/cli_args.h"
#include "cli/commands.h"

#include "sparse/matrix_market.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace fs::cli {

namespace {
const char *field_name(sparse::MmField f)
{
    switch (f) {
    case sparse::MmField::Real: return "real";
    case sparse::MmField::Integer: return "integer";
    case sparse::MmField::Pattern: return "pattern";
    }
    return "?";
}
const char *symmetry_name(sparse::MmSymmetry s)
{
    switch (s) {
    case sparse::MmSymmetry::General: return "general";
    case sparse::MmSymmetry::Symmetric: return "symmetric";
    case sparse::MmSymmetry::SkewSymmetric: return "skew-symmetric";
    }
    return "?";
}
} // namespace

int cmd_info(const Argv &argv)
{
    Options opts("info", "Size, nonzeros and symmetry of a Matrix Market file.");
    const auto &files = opts.positionals("FILE", "a .mtx or .mtx.gz file");
    bool json = false;
    opts.flag("json", json, "print one JSON object");
    if (!opts.parse(argv))
        return 0;
    if (files.size() != 1)
        throw UsageError("info expects exactly one matrix file");
    const std::string &path = files[0];
    const sparse::LoadedMatrix m = sparse::read_matrix_market(path);
    const sparse::Matrix &A = m.matrix;
    const double defect = sparse::symmetry_defect(A);
    const bool symmetric = A.rows() == A.cols() && defect <= 1e-12;
    Eigen::Index lowerNnz = 0;
    double minDiag = 0;
    bool havePosDiag = A.rows() == A.cols();
    if (A.rows() == A.cols()) {
        sparse::Vector d = A.diagonal();
        minDiag = d.size() ? d.minCoeff() : 0.0;
        havePosDiag = d.size() == 0 || minDiag > 0;
        lowerNnz = sparse::lower_triangle(A).nonZeros();
    }

    if (json) {
        nlohmann::json j = {
            {"file", path},
            {"rows", A.rows()},
            {"cols", A.cols()},
            {"nnz", A.nonZeros()},
            {"nnz_lower", lowerNnz},
            {"stored_entries", m.header.entries},
            {"field", field_name(m.header.field)},
            {"declared_symmetry", symmetry_name(m.header.symmetry)},
            {"symmetric", symmetric},
            {"symmetry_defect", defect},
            {"positive_diagonal", havePosDiag},
            {"duplicates_summed", m.duplicates},
            {"explicit_zeros", m.explicit_zeros},
        };
        std::cout << j.dump(2) << '\n';
    } else {
        std::cout << path << '\n'
                  << "  size        " << A.rows() << " x " << A.cols() << '\n'
                  << "  nonzeros    " << A.nonZeros() << " (" << m.header.entries << " stored, "
                  << field_name(m.header.field) << ", " << symmetry_name(m.header.symmetry) << ")\n"
                  << "  symmetric   " << (symmetric ? "yes" : "no") << " (defect " << defect << ")\n"
                  << "  diagonal    " << (havePosDiag ? "positive" : "not positive") << '\n';
        if (m.duplicates)
            std::cout << "  duplicates  " << m.duplicates << " summed\n";
        if (m.explicit_zeros)
            std::cout << "  zeros       " << m.explicit_zeros << " stored explicitly\n";
    }
    return 0;
}

} // namespace fs::cli
