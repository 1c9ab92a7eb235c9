// The banner, comment and size-line parser alone (what listing a folder of matrices reads).
#include "sparse/matrix_market.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        const fs::sparse::MmHeader h =
            fs::sparse::parse_matrix_market_header(std::string_view(reinterpret_cast<const char *>(data), size));
        if (h.rows < 0 || h.cols < 0)
            std::abort(); // a negative size must be refused, not returned
    } catch (const fs::sparse::MatrixMarketError &) {
    }
    return 0;
}
