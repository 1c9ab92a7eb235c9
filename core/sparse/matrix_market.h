#pragma once
// Matrix Market (https://math.nist.gov/MatrixMarket/formats.html) reading and writing.
//
// Supported: `matrix coordinate|array` × `real|integer|pattern` × `general|symmetric|skew-symmetric`,
// plain text or gzip-compressed (`.mtx.gz`, detected from the magic bytes, not the name).
// `complex` and `hermitian` files are rejected with UnsupportedField / UnsupportedSymmetry.
//
// Policies (documented here because users rely on them):
//  - Duplicate coordinates are summed (as SciPy, MATLAB and Eigen do); the count is reported in
//    LoadedMatrix::duplicates. `DuplicatePolicy::Error` turns the first duplicate into an error.
//  - In symmetric/skew-symmetric files an entry above the diagonal is taken as its mirror below it
//    (some writers store the upper triangle); a nonzero diagonal in a skew-symmetric file is an error.
//  - NaN and ±Inf values are errors (NotFinite): no preconditioner is meaningful on them.
//  - Explicitly stored zeros are kept in the pattern and counted in LoadedMatrix::explicit_zeros.
//  - Sizes are checked before allocating: the number of entries the header claims must fit in the
//    remaining bytes of the file (an entry needs at least 4 bytes), and dimensions must fit in Index.

#include "sparse/matrix.h"

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

namespace fs::sparse {

enum class MmFormat { Coordinate, Array };
enum class MmField { Real, Integer, Pattern };
enum class MmSymmetry { General, Symmetric, SkewSymmetric };

struct MmHeader {
    MmFormat format = MmFormat::Coordinate;
    MmField field = MmField::Real;
    MmSymmetry symmetry = MmSymmetry::General;
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    std::int64_t entries = 0; ///< stored entries (coordinate) or values (array) in the file
};

enum class MmErrorCode {
    CannotOpen,          ///< the file cannot be opened or read
    Decompress,          ///< gzip stream is corrupt or truncated
    Empty,               ///< no banner line at all
    BadBanner,           ///< first line is not `%%MatrixMarket matrix <format> <field> <symmetry>`
    UnsupportedFormat,   ///< format word is neither coordinate nor array
    UnsupportedField,    ///< complex, or an unknown field word
    UnsupportedSymmetry, ///< hermitian, or an unknown symmetry word
    MissingSize,         ///< no size line after the comments
    BadSize,             ///< size line malformed, negative, or inconsistent with the symmetry
    TooLarge,            ///< sizes beyond what the file can hold or what Index can address
    TooFewEntries,       ///< the file ends before the announced number of entries
    TooManyEntries,      ///< data lines after the announced number of entries
    IndexOutOfRange,     ///< a row or column index outside 1..rows / 1..cols
    NonNumeric,          ///< a token that is not a number where one is expected
    NotFinite,           ///< NaN or Inf value
    Duplicate,           ///< a repeated coordinate under DuplicatePolicy::Error
    SkewDiagonal,        ///< nonzero diagonal in a skew-symmetric file
    CannotWrite,         ///< output file cannot be written
};

/// Short English name of an error code (the CLI prints it; the GUI words it through tr()).
const char *to_string(MmErrorCode code);

class MatrixMarketError : public std::runtime_error {
public:
    MatrixMarketError(MmErrorCode code, std::int64_t line, const std::string &detail);
    MmErrorCode code() const noexcept { return m_code; }
    /// 1-based line number the error refers to, 0 when it concerns the whole file.
    std::int64_t line() const noexcept { return m_line; }
    const std::string &detail() const noexcept { return m_detail; }

private:
    MmErrorCode m_code;
    std::int64_t m_line;
    std::string m_detail;
};

enum class DuplicatePolicy { Sum, Error };

struct ReadOptions {
    DuplicatePolicy duplicates = DuplicatePolicy::Sum;
    /// Refuse files whose expanded matrix would hold more nonzeros than this.
    std::int64_t max_nonzeros = std::numeric_limits<Index>::max();
};

struct LoadedMatrix {
    Matrix matrix;                 ///< full matrix (symmetry expanded)
    MmHeader header;               ///< what the file declared
    std::int64_t duplicates = 0;   ///< coordinates that were summed into an earlier one
    std::int64_t explicit_zeros = 0;
};

/// Reads a Matrix Market file (plain or gzip). Throws MatrixMarketError.
LoadedMatrix read_matrix_market(const std::string &path, const ReadOptions &options = {});

/// Parses Matrix Market text already in memory. Throws MatrixMarketError.
LoadedMatrix parse_matrix_market(std::string_view text, const ReadOptions &options = {});

/// Reads only the banner and size line (cheap, for listing many files). Throws MatrixMarketError.
MmHeader read_matrix_market_header(const std::string &path);
/// The banner, comments and size line at the start of `text`. Throws MatrixMarketError.
MmHeader parse_matrix_market_header(std::string_view text);

struct WriteOptions {
    /// Store only the lower triangle with the `symmetric` qualifier when A is exactly symmetric.
    bool symmetric_if_possible = true;
    bool pattern_only = false;
    std::string comment; ///< written as `%` lines after the banner (may hold newlines)
};

/// Writes A in coordinate format with round-trip precision (gzip when the path ends in `.gz`).
/// Throws MatrixMarketError(CannotWrite).
void write_matrix_market(const std::string &path, const Matrix &A, const WriteOptions &options = {});

/// The text write_matrix_market would produce (uncompressed).
std::string format_matrix_market(const Matrix &A, const WriteOptions &options = {});

/// Whole file contents, transparently gunzipped. Throws MatrixMarketError(CannotOpen|Decompress).
std::string read_file_maybe_gzip(const std::string &path);

} // namespace fs::sparse
