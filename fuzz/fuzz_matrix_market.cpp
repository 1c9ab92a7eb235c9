// The whole Matrix Market reader on arbitrary text: it either returns a matrix whose shape and
// entries match its header or throws MatrixMarketError; anything else (a crash, UB, another
// exception) is a finding. The nonzero limit keeps a declared huge size from allocating it.
#include "sparse/matrix_market.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    fs::sparse::ReadOptions options;
    options.max_nonzeros = 1 << 16;
    for (auto policy : {fs::sparse::DuplicatePolicy::Sum, fs::sparse::DuplicatePolicy::Error}) {
        options.duplicates = policy;
        try {
            const fs::sparse::LoadedMatrix m = fs::sparse::parse_matrix_market(text, options);
            if (m.matrix.rows() != m.header.rows || m.matrix.cols() != m.header.cols)
                std::abort(); // the matrix disagrees with the header it was read with
        } catch (const fs::sparse::MatrixMarketError &) {
        }
    }
    return 0;
}
