#include "sparse/matrix_market_fast.h"

#include "support/parallel.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <thread>
#include <vector>

namespace fs::sparse::detail {

namespace {

struct Chunk {
    std::vector<Index> rows, cols;
    std::vector<double> vals;
    std::int64_t zeros = 0;
    bool ok = true;
};

inline bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/// Unsigned decimal of at most 18 digits (so the value fits in 63 bits); advances p past every
/// digit, and a longer number is refused without being accumulated.
inline bool parse_index(const char *&p, const char *end, std::int64_t &out)
{
    const char *start = p;
    std::int64_t v = 0;
    while (p < end && static_cast<unsigned>(*p - '0') < 10u) {
        if (p - start < 18)
            v = v * 10 + (*p - '0');
        ++p;
    }
    out = v;
    return p != start && p - start <= 18;
}

void parse_chunk(const char *p, const char *end, const MmHeader &h, Chunk &c)
{
    const bool hasValue = h.field != MmField::Pattern;
    const bool sym = h.symmetry != MmSymmetry::General;
    const bool skew = h.symmetry == MmSymmetry::SkewSymmetric;
    const std::size_t guess = static_cast<std::size_t>(end - p) / (hasValue ? 16 : 8);
    c.rows.reserve(guess);
    c.cols.reserve(guess);
    c.vals.reserve(guess);
    while (p < end) {
        while (p < end && blank(*p))
            ++p;
        if (p == end)
            break;
        if (*p == '\n') {
            ++p;
            continue;
        }
        if (*p == '%') {
            p = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
            p = p ? p + 1 : end;
            continue;
        }
        std::int64_t i = 0, j = 0;
        if (!parse_index(p, end, i) || p == end || !blank(*p))
            return void(c.ok = false);
        while (p < end && blank(*p))
            ++p;
        if (!parse_index(p, end, j))
            return void(c.ok = false);
        double v = 1.0;
        if (hasValue) {
            if (p == end || !blank(*p))
                return void(c.ok = false);
            while (p < end && blank(*p))
                ++p;
            auto [q, ec] = std::from_chars(p, end, v);
            if (ec != std::errc() || !std::isfinite(v))
                return void(c.ok = false);
            p = q;
        }
        while (p < end && blank(*p))
            ++p;
        if (p < end) {
            if (*p != '\n')
                return void(c.ok = false);
            ++p;
        }
        if (i < 1 || i > h.rows || j < 1 || j > h.cols)
            return void(c.ok = false);
        if (skew && i == j && v != 0.0)
            return void(c.ok = false);
        if (sym && i < j) {
            std::swap(i, j);
            if (skew)
                v = -v;
        }
        c.zeros += v == 0.0;
        c.rows.push_back(static_cast<Index>(i - 1));
        c.cols.push_back(static_cast<Index>(j - 1));
        c.vals.push_back(v);
    }
}

} // namespace

bool parse_coordinate_fast(std::string_view data, const MmHeader &header, CompressedBuilder &builder,
                           std::int64_t &explicit_zeros)
{
    // Threads pay off only on large inputs; each chunk is at least 4 MB.
    const auto hw = static_cast<std::size_t>(support::resolve_threads(0));
    const std::size_t nChunks = std::clamp<std::size_t>(data.size() / (std::size_t{4} << 20), 1, std::min<std::size_t>(hw, 8));
    std::vector<const char *> bounds{data.data()};
    for (std::size_t k = 1; k < nChunks; ++k) {
        const char *guess = data.data() + data.size() * k / nChunks;
        const char *nl = static_cast<const char *>(
            std::memchr(guess, '\n', static_cast<std::size_t>(data.data() + data.size() - guess)));
        bounds.push_back(nl ? std::max(nl + 1, bounds.back()) : data.data() + data.size());
    }
    bounds.push_back(data.data() + data.size());

    std::vector<Chunk> chunks(nChunks);
    support::parallel_for(
        int(nChunks), int(nChunks),
        [&](int, int k) { parse_chunk(bounds[std::size_t(k)], bounds[std::size_t(k) + 1], header, chunks[std::size_t(k)]); }, 1);

    std::size_t total = 0;
    for (const Chunk &c : chunks) {
        if (!c.ok)
            return false;
        total += c.rows.size();
    }
    if (static_cast<std::int64_t>(total) != header.entries)
        return false;
    for (Chunk &c : chunks) {
        builder.adopt(std::move(c.rows), std::move(c.cols), std::move(c.vals));
        explicit_zeros += c.zeros;
    }
    return true;
}

} // namespace fs::sparse::detail
