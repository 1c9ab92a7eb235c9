#include "sparse/matrix_market.h"

#include "sparse/compressed_builder.h"
#include "sparse/matrix_market_fast.h"
#include "support/atomic_file.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <limits>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#ifndef FS_SPARSE_NO_ZLIB
#include <zlib.h>
#endif

// The reader is hand-written instead of Eigen's loadMarket: that one parses through iostreams
// (an order of magnitude slower, see bench/bench_mtx_parse.cpp), loops forever on a missing size
// line, and reports no line numbers.

namespace fs::sparse {

const char *to_string(MmErrorCode code)
{
    switch (code) {
    case MmErrorCode::CannotOpen: return "cannot open file";
    case MmErrorCode::Decompress: return "corrupt or truncated gzip data";
    case MmErrorCode::Empty: return "empty file";
    case MmErrorCode::BadBanner: return "bad Matrix Market banner";
    case MmErrorCode::UnsupportedFormat: return "unsupported format";
    case MmErrorCode::UnsupportedField: return "unsupported field";
    case MmErrorCode::UnsupportedSymmetry: return "unsupported symmetry";
    case MmErrorCode::MissingSize: return "missing size line";
    case MmErrorCode::BadSize: return "bad size line";
    case MmErrorCode::TooLarge: return "matrix too large";
    case MmErrorCode::TooFewEntries: return "fewer entries than announced";
    case MmErrorCode::TooManyEntries: return "more entries than announced";
    case MmErrorCode::IndexOutOfRange: return "index out of range";
    case MmErrorCode::NonNumeric: return "non-numeric value";
    case MmErrorCode::NotFinite: return "NaN or infinite value";
    case MmErrorCode::Duplicate: return "duplicate entry";
    case MmErrorCode::SkewDiagonal: return "nonzero diagonal in a skew-symmetric matrix";
    case MmErrorCode::CannotWrite: return "cannot write file";
    }
    return "unknown error";
}

static std::string compose_message(MmErrorCode code, std::int64_t line, const std::string &detail)
{
    std::string msg = to_string(code);
    if (line > 0)
        msg += " at line " + std::to_string(line);
    if (!detail.empty())
        msg += ": " + detail;
    return msg;
}

MatrixMarketError::MatrixMarketError(MmErrorCode code, std::int64_t line, const std::string &detail)
    : std::runtime_error(compose_message(code, line, detail)), m_code(code), m_line(line),
      m_detail(detail)
{
}

namespace {

[[noreturn]] void fail(MmErrorCode code, std::int64_t line, const std::string &detail = {})
{
    throw MatrixMarketError(code, line, detail);
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string excerpt(std::string_view tok)
{
    constexpr std::size_t maxLen = 40;
    std::string s(tok.substr(0, maxLen));
    if (tok.size() > maxLen)
        s += "...";
    return "'" + s + "'";
}

/// Line-oriented cursor over the text, counting 1-based line numbers.
class Cursor {
public:
    explicit Cursor(std::string_view text) : m_text(text) {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    std::int64_t lineNo() const { return m_line; }
    std::size_t remaining() const { return m_text.size() - m_pos; }

    void skipToEnd() { m_pos = m_text.size(); }

    /// Returns the next line (without the newline) and advances.
    std::string_view nextLine()
    {
        const char *begin = m_text.data() + m_pos;
        const void *nl = std::memchr(begin, '\n', m_text.size() - m_pos);
        std::size_t len = nl ? static_cast<std::size_t>(static_cast<const char *>(nl) - begin)
                             : m_text.size() - m_pos;
        m_pos += len + (nl ? 1 : 0);
        ++m_line;
        return {begin, len};
    }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    std::int64_t m_line = 0;
};

/// Splits a line into whitespace-separated tokens, without allocating.
class Tokens {
public:
    explicit Tokens(std::string_view line) : m_line(line) {}
    bool next(std::string_view &tok)
    {
        while (m_pos < m_line.size() && is_blank(m_line[m_pos]))
            ++m_pos;
        if (m_pos >= m_line.size())
            return false;
        std::size_t start = m_pos;
        while (m_pos < m_line.size() && !is_blank(m_line[m_pos]))
            ++m_pos;
        tok = m_line.substr(start, m_pos - start);
        return true;
    }

private:
    std::string_view m_line;
    std::size_t m_pos = 0;
};

bool blank_line(std::string_view line)
{
    return std::all_of(line.begin(), line.end(), is_blank);
}

std::int64_t parse_int(std::string_view tok, std::int64_t line, const char *what)
{
    if (!tok.empty() && tok.front() == '+')
        tok.remove_prefix(1);
    std::int64_t v = 0;
    auto [ptr, ec] = std::from_chars(tok.data(), tok.data() + tok.size(), v);
    if (ec == std::errc::result_out_of_range)
        fail(MmErrorCode::TooLarge, line, std::string(what) + " " + excerpt(tok) + " does not fit");
    if (ec != std::errc() || ptr != tok.data() + tok.size())
        fail(MmErrorCode::NonNumeric, line, std::string(what) + " " + excerpt(tok) + " is not an integer");
    return v;
}

double parse_real(std::string_view tok, std::int64_t line)
{
    std::string_view t = tok;
    if (!t.empty() && t.front() == '+')
        t.remove_prefix(1);
    double v = 0.0;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec == std::errc::result_out_of_range) {
        // from_chars reports overflow and underflow alike; underflow to zero is harmless,
        // overflow is an infinity.
        const std::string s(t);
        v = std::strtod(s.c_str(), nullptr);
        if (!std::isfinite(v))
            fail(MmErrorCode::NotFinite, line, "value " + excerpt(tok) + " overflows a double");
        return v;
    }
    if (ec != std::errc() || ptr != t.data() + t.size())
        fail(MmErrorCode::NonNumeric, line, "value " + excerpt(tok) + " is not a number");
    if (!std::isfinite(v))
        fail(MmErrorCode::NotFinite, line, "value " + excerpt(tok));
    return v;
}

struct Parsed {
    MmHeader header;
    std::int64_t dataStartLine = 0;
};

MmHeader parse_banner(std::string_view line)
{
    Tokens toks(line);
    std::string_view words[5];
    int n = 0;
    std::string_view tok;
    while (n < 5 && toks.next(tok))
        words[n++] = tok;
    if (n == 0 || lower(words[0]) != "%%matrixmarket")
        fail(MmErrorCode::BadBanner, 1, "expected '%%MatrixMarket matrix <format> <field> <symmetry>'");
    if (n < 5)
        fail(MmErrorCode::BadBanner, 1, "the banner needs four words after %%MatrixMarket");
    if (lower(words[1]) != "matrix")
        fail(MmErrorCode::BadBanner, 1, "object " + excerpt(words[1]) + " is not 'matrix'");
    if (toks.next(tok))
        fail(MmErrorCode::BadBanner, 1, "unexpected word " + excerpt(tok) + " in the banner");

    MmHeader h;
    const std::string format = lower(words[2]);
    if (format == "coordinate")
        h.format = MmFormat::Coordinate;
    else if (format == "array")
        h.format = MmFormat::Array;
    else
        fail(MmErrorCode::UnsupportedFormat, 1, excerpt(words[2]));

    const std::string field = lower(words[3]);
    if (field == "real" || field == "double")
        h.field = MmField::Real;
    else if (field == "integer")
        h.field = MmField::Integer;
    else if (field == "pattern")
        h.field = MmField::Pattern;
    else if (field == "complex")
        fail(MmErrorCode::UnsupportedField, 1, "complex matrices are not supported");
    else
        fail(MmErrorCode::UnsupportedField, 1, excerpt(words[3]));
    if (h.field == MmField::Pattern && h.format == MmFormat::Array)
        fail(MmErrorCode::UnsupportedField, 1, "'pattern' is not allowed with 'array'");

    const std::string sym = lower(words[4]);
    if (sym == "general")
        h.symmetry = MmSymmetry::General;
    else if (sym == "symmetric")
        h.symmetry = MmSymmetry::Symmetric;
    else if (sym == "skew-symmetric")
        h.symmetry = MmSymmetry::SkewSymmetric;
    else if (sym == "hermitian")
        fail(MmErrorCode::UnsupportedSymmetry, 1, "hermitian matrices are not supported");
    else
        fail(MmErrorCode::UnsupportedSymmetry, 1, excerpt(words[4]));
    return h;
}

/// Reads banner, comments and size line; leaves the cursor at the first data line.
MmHeader parse_preamble(Cursor &cur)
{
    if (cur.atEnd())
        fail(MmErrorCode::Empty, 0, "the file is empty");
    MmHeader h = parse_banner(cur.nextLine());

    std::string_view line;
    bool found = false;
    while (!cur.atEnd()) {
        line = cur.nextLine();
        if (blank_line(line))
            continue;
        std::size_t first = line.find_first_not_of(" \t\r");
        if (line[first] == '%')
            continue;
        found = true;
        break;
    }
    if (!found)
        fail(MmErrorCode::MissingSize, cur.lineNo(), "the file ends before the size line");

    const std::int64_t sizeLine = cur.lineNo();
    Tokens toks(line);
    std::string_view tok;
    std::int64_t nums[3] = {0, 0, 0};
    const int expected = h.format == MmFormat::Coordinate ? 3 : 2;
    int n = 0;
    while (toks.next(tok)) {
        if (n == expected)
            fail(MmErrorCode::BadSize, sizeLine,
                 "expected " + std::to_string(expected) + " numbers, found more");
        nums[n++] = parse_int(tok, sizeLine, "size");
    }
    if (n < expected)
        fail(MmErrorCode::BadSize, sizeLine,
             "expected " + std::to_string(expected) + " numbers, found " + std::to_string(n));
    h.rows = nums[0];
    h.cols = nums[1];
    if (h.rows < 0 || h.cols < 0 || nums[2] < 0)
        fail(MmErrorCode::BadSize, sizeLine, "negative size");
    if (h.symmetry != MmSymmetry::General && h.rows != h.cols)
        fail(MmErrorCode::BadSize, sizeLine, "a symmetric matrix must be square");
    if (h.rows > std::numeric_limits<Index>::max() || h.cols > std::numeric_limits<Index>::max())
        fail(MmErrorCode::TooLarge, sizeLine,
             std::to_string(h.rows) + " x " + std::to_string(h.cols) + " exceeds the index range");

    // The most entries a matrix of this shape and symmetry can store (as long double: n² overflows).
    const long double r = static_cast<long double>(h.rows), c = static_cast<long double>(h.cols);
    long double capacity = r * c;
    if (h.symmetry == MmSymmetry::Symmetric)
        capacity = r * (r + 1) / 2;
    else if (h.symmetry == MmSymmetry::SkewSymmetric)
        capacity = r * (r - 1) / 2;

    if (h.format == MmFormat::Coordinate) {
        h.entries = nums[2];
        if (static_cast<long double>(h.entries) > capacity)
            fail(MmErrorCode::BadSize, sizeLine,
                 std::to_string(h.entries) + " entries cannot fit in a " + std::to_string(h.rows) +
                     " x " + std::to_string(h.cols) + " matrix");
    } else {
        if (capacity > static_cast<long double>(std::numeric_limits<std::int64_t>::max() / 4))
            fail(MmErrorCode::TooLarge, sizeLine, "dense array too large");
        h.entries = static_cast<std::int64_t>(capacity);
    }
    // Every entry needs at least 4 bytes ("1 1\n") in coordinate form, 2 ("0\n") in array form.
    // A header claiming far more than the file can hold is refused before anything is allocated;
    // a file short by a little is more likely truncated, and parsing it reports the line where
    // the data stops (TooFewEntries), which says more.
    const std::int64_t minBytes = h.format == MmFormat::Coordinate ? 4 : 2;
    const auto bytesLeft = static_cast<long double>(cur.remaining()) + 1;
    if (static_cast<long double>(h.entries) * minBytes > 2 * bytesLeft + 4096)
        fail(MmErrorCode::TooLarge, sizeLine,
             "the header announces " + std::to_string(h.entries) + " entries but only " +
                 std::to_string(cur.remaining()) + " bytes follow");
    // Compressed storage keeps one index per column (and, while it is built, per row) however few
    // entries there are: 444 x 444444442 with no entries would take 3.5 GB before anything is
    // read. Dimensions far beyond what the file's bytes could fill are refused as well.
    const long double indexBytes = (std::max(r, c) + 1) * static_cast<long double>(sizeof(Index));
    if (indexBytes > 64.0L * 1024 * 1024 + 64 * bytesLeft)
        fail(MmErrorCode::TooLarge, sizeLine,
             std::to_string(h.rows) + " x " + std::to_string(h.cols) + " needs " +
                 std::to_string(static_cast<long long>(indexBytes / (1024 * 1024))) +
                 " MiB of indices but the file holds only " + std::to_string(cur.remaining()) + " bytes");
    return h;
}

bool is_comment_or_blank(std::string_view line)
{
    std::size_t first = line.find_first_not_of(" \t\r\v\f");
    return first == std::string_view::npos || line[first] == '%';
}

} // namespace

LoadedMatrix parse_matrix_market(std::string_view text, const ReadOptions &options)
{
    Cursor cur(text);
    LoadedMatrix out;
    MmHeader &h = out.header;
    h = parse_preamble(cur);

    const bool sym = h.symmetry != MmSymmetry::General;
    const bool skew = h.symmetry == MmSymmetry::SkewSymmetric;
    const bool hasValue = h.field != MmField::Pattern;
    const bool keepLines = options.duplicates == DuplicatePolicy::Error;

    CompressedBuilder builder(static_cast<Index>(h.rows), static_cast<Index>(h.cols),
                              static_cast<std::size_t>(h.entries));
    std::vector<std::int64_t> lineOf;
    if (keepLines)
        lineOf.reserve(static_cast<std::size_t>(h.entries));

    std::string_view tok;
    // Regular files take the parallel fast path; anything it declines is parsed again here, one
    // line at a time, so that errors are worded and located in one place.
    if (h.format == MmFormat::Coordinate && !keepLines &&
        detail::parse_coordinate_fast(text.substr(text.size() - cur.remaining()), h, builder,
                                      out.explicit_zeros)) {
        cur.skipToEnd(); // the fast path consumed and checked everything
    } else if (h.format == MmFormat::Coordinate) {
        std::int64_t read = 0;
        while (read < h.entries) {
            if (cur.atEnd())
                fail(MmErrorCode::TooFewEntries, cur.lineNo(),
                     "expected " + std::to_string(h.entries) + " entries, found " + std::to_string(read));
            std::string_view line = cur.nextLine();
            if (is_comment_or_blank(line))
                continue;
            const std::int64_t ln = cur.lineNo();
            Tokens toks(line);
            std::string_view t[3];
            int n = 0;
            while (n < 3 && toks.next(tok))
                t[n++] = tok;
            const int want = hasValue ? 3 : 2;
            if (n < want)
                fail(MmErrorCode::NonNumeric, ln,
                     "expected " + std::to_string(want) + " numbers, found " + std::to_string(n));
            if (n > want || toks.next(tok))
                fail(MmErrorCode::NonNumeric, ln,
                     "unexpected extra value " + excerpt(n > want ? t[want] : tok));
            std::int64_t i = parse_int(t[0], ln, "row index");
            std::int64_t j = parse_int(t[1], ln, "column index");
            if (i < 1 || i > h.rows)
                fail(MmErrorCode::IndexOutOfRange, ln,
                     "row " + std::to_string(i) + " is outside 1.." + std::to_string(h.rows));
            if (j < 1 || j > h.cols)
                fail(MmErrorCode::IndexOutOfRange, ln,
                     "column " + std::to_string(j) + " is outside 1.." + std::to_string(h.cols));
            double v = hasValue ? parse_real(t[2], ln) : 1.0;
            if (skew && i == j && v != 0.0)
                fail(MmErrorCode::SkewDiagonal, ln);
            if (sym && i < j) {
                std::swap(i, j);
                if (skew)
                    v = -v;
            }
            if (v == 0.0)
                ++out.explicit_zeros;
            builder.add(static_cast<Index>(i - 1), static_cast<Index>(j - 1), v);
            if (keepLines)
                lineOf.push_back(ln);
            ++read;
        }
    } else {
        // Column-major values; symmetric: lower triangle incl. diagonal; skew: strictly lower.
        const Index nr = static_cast<Index>(h.rows), nc = static_cast<Index>(h.cols);
        Index i = 0, j = 0;
        auto firstRow = [&](Index col) -> Index {
            if (h.symmetry == MmSymmetry::General)
                return 0;
            return skew ? col + 1 : col;
        };
        i = nc > 0 ? firstRow(0) : 0;
        std::int64_t read = 0;
        while (read < h.entries) {
            if (cur.atEnd())
                fail(MmErrorCode::TooFewEntries, cur.lineNo(),
                     "expected " + std::to_string(h.entries) + " values, found " + std::to_string(read));
            std::string_view line = cur.nextLine();
            if (is_comment_or_blank(line))
                continue;
            const std::int64_t ln = cur.lineNo();
            Tokens toks(line);
            while (toks.next(tok)) {
                if (read == h.entries)
                    fail(MmErrorCode::TooManyEntries, ln, "unexpected value " + excerpt(tok));
                while (i >= nr) {
                    ++j;
                    i = firstRow(j);
                }
                double v = parse_real(tok, ln);
                if (v != 0.0)
                    builder.add(i, j, v);
                ++i;
                ++read;
            }
        }
    }
    while (!cur.atEnd()) {
        std::string_view line = cur.nextLine();
        if (!is_comment_or_blank(line))
            fail(MmErrorCode::TooManyEntries, cur.lineNo(),
                 "data after the " + std::to_string(h.entries) + " announced entries");
    }

    const std::int64_t expanded = sym ? 2 * builder.size() : builder.size();
    if (expanded > options.max_nonzeros)
        fail(MmErrorCode::TooLarge, 0,
             std::to_string(expanded) + " nonzeros exceed the limit of " +
                 std::to_string(options.max_nonzeros));

    if (keepLines) {
        const std::int64_t dupIndex = builder.firstDuplicate();
        if (dupIndex >= 0)
            fail(MmErrorCode::Duplicate, lineOf[static_cast<std::size_t>(dupIndex)],
                 "this coordinate was already given");
    }
    out.matrix = builder.build(h.symmetry == MmSymmetry::Symmetric ? Mirror::Symmetric
                               : skew                              ? Mirror::Skew
                                                                   : Mirror::None,
                               &out.duplicates);
    return out;
}

std::string read_file_maybe_gzip(const std::string &path)
{
    // Plain files are read in one piece (gzread's transparent mode copies through a small buffer).
    if (std::FILE *f = std::fopen(path.c_str(), "rb")) {
        unsigned char magic[2] = {0, 0};
        const std::size_t got = std::fread(magic, 1, 2, f);
        const bool gzip = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        if (!gzip && std::fseek(f, 0, SEEK_END) == 0) {
            const long size = std::ftell(f);
            std::string data;
            if (size >= 0) {
                data.resize(static_cast<std::size_t>(size));
                std::rewind(f);
                const std::size_t n = std::fread(data.data(), 1, data.size(), f);
                std::fclose(f);
                if (n != data.size())
                    fail(MmErrorCode::CannotOpen, 0, path + ": read error");
                return data;
            }
        }
        std::fclose(f);
    }
#ifdef FS_SPARSE_NO_ZLIB
    // Built without zlib (trainer-only builds): plain files only.
    if (std::FILE *f = std::fopen(path.c_str(), "rb")) {
        std::fclose(f);
        fail(MmErrorCode::Decompress, 0, path + ": gzip support not built in");
    }
    fail(MmErrorCode::CannotOpen, 0, path + ": " + std::strerror(errno));
#else
    gzFile gz = gzopen(path.c_str(), "rb");
    if (!gz)
        fail(MmErrorCode::CannotOpen, 0, path + ": " + std::strerror(errno));
    gzbuffer(gz, 1 << 18);
    std::string data;
    std::array<char, 1 << 18> buf{};
    for (;;) {
        int got = gzread(gz, buf.data(), static_cast<unsigned>(buf.size()));
        if (got < 0) {
            int err = 0;
            std::string msg = gzerror(gz, &err);
            gzclose(gz);
            fail(err == Z_ERRNO ? MmErrorCode::CannotOpen : MmErrorCode::Decompress, 0, path + ": " + msg);
        }
        if (got == 0)
            break;
        data.append(buf.data(), static_cast<std::size_t>(got));
    }
    int err = 0;
    const char *msg = gzerror(gz, &err);
    if (err != Z_OK && err != Z_STREAM_END) {
        std::string m = msg ? msg : "";
        gzclose(gz);
        fail(MmErrorCode::Decompress, 0, path + ": " + m);
    }
    if (gzclose(gz) == Z_BUF_ERROR)
        fail(MmErrorCode::Decompress, 0, path + ": the compressed stream is truncated");
    return data;
#endif
}

namespace {
/// Read-only memory map of a whole file; empty when the file cannot be mapped.
class MappedFile {
public:
    explicit MappedFile(const std::string &path)
    {
        const int fd = ::open(path.c_str(), O_RDONLY);
        if (fd < 0)
            return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
            void *p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) {
                m_data = static_cast<const char *>(p);
                m_size = static_cast<std::size_t>(st.st_size);
                ::madvise(p, m_size, MADV_SEQUENTIAL);
            }
        }
        ::close(fd);
    }
    ~MappedFile()
    {
        if (m_data)
            ::munmap(const_cast<char *>(m_data), m_size);
    }
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;
    std::string_view view() const { return {m_data, m_size}; }
    bool isGzip() const { return m_size >= 2 && static_cast<unsigned char>(m_data[0]) == 0x1f && static_cast<unsigned char>(m_data[1]) == 0x8b; }

private:
    const char *m_data = nullptr;
    std::size_t m_size = 0;
};
} // namespace

LoadedMatrix read_matrix_market(const std::string &path, const ReadOptions &options)
{
    // Plain files are parsed straight from a memory map: no copy of a file that may be gigabytes.
    {
        const MappedFile map(path);
        if (!map.view().empty() && !map.isGzip())
            return parse_matrix_market(map.view(), options);
    }
    const std::string data = read_file_maybe_gzip(path);
    return parse_matrix_market(data, options);
}

MmHeader read_matrix_market_header(const std::string &path)
{
    // Comments can be long; 1 MiB is plenty for any real banner block.
    std::string data(1 << 20, '\0');
#ifdef FS_SPARSE_NO_ZLIB
    std::FILE *f = std::fopen(path.c_str(), "rb");
    if (!f)
        fail(MmErrorCode::CannotOpen, 0, path + ": " + std::strerror(errno));
    int got = static_cast<int>(std::fread(data.data(), 1, data.size(), f));
    std::fclose(f);
    if (got >= 2 && static_cast<unsigned char>(data[0]) == 0x1f && static_cast<unsigned char>(data[1]) == 0x8b)
        fail(MmErrorCode::Decompress, 0, path + ": gzip support not built in");
#else
    gzFile gz = gzopen(path.c_str(), "rb");
    if (!gz)
        fail(MmErrorCode::CannotOpen, 0, path + ": " + std::strerror(errno));
    int got = gzread(gz, data.data(), static_cast<unsigned>(data.size()));
    gzclose(gz);
#endif
    if (got < 0)
        fail(MmErrorCode::Decompress, 0, path);
    data.resize(static_cast<std::size_t>(got));
    try {
        return parse_matrix_market_header(data);
    } catch (const MatrixMarketError &e) {
        // A truncated read can make a large file look too short to hold its entries.
        if (e.code() != MmErrorCode::TooLarge || got < static_cast<int>(1 << 20))
            throw;
    }
    return MmHeader();
}

MmHeader parse_matrix_market_header(std::string_view text)
{
    Cursor cur(text);
    return parse_preamble(cur);
}

std::string format_matrix_market(const Matrix &A, const WriteOptions &options)
{
    const bool symmetric = options.symmetric_if_possible && A.rows() == A.cols() && is_symmetric(A, 0.0);
    std::string out;
    out.reserve(static_cast<std::size_t>(A.nonZeros()) * 32 + 256);
    out += "%%MatrixMarket matrix coordinate ";
    out += options.pattern_only ? "pattern " : "real ";
    out += symmetric ? "symmetric\n" : "general\n";
    if (!options.comment.empty()) {
        std::size_t start = 0;
        while (start <= options.comment.size()) {
            std::size_t nl = options.comment.find('\n', start);
            if (nl == std::string::npos)
                nl = options.comment.size();
            out += "% ";
            out.append(options.comment, start, nl - start);
            out += '\n';
            start = nl + 1;
        }
    }
    std::int64_t count = 0;
    for (int k = 0; k < A.outerSize(); ++k)
        for (Matrix::InnerIterator it(A, k); it; ++it)
            if (!symmetric || it.row() >= it.col())
                ++count;
    out += std::to_string(A.rows()) + ' ' + std::to_string(A.cols()) + ' ' + std::to_string(count) + '\n';
    char buf[128];
    for (int k = 0; k < A.outerSize(); ++k) {
        for (Matrix::InnerIterator it(A, k); it; ++it) {
            if (symmetric && it.row() < it.col())
                continue;
            // Each field gets its own 40-byte slot, so every separator write stays in bounds.
            char *p = std::to_chars(buf, buf + 40, it.row() + 1).ptr;
            *p++ = ' ';
            p = std::to_chars(p, p + 40, it.col() + 1).ptr;
            if (!options.pattern_only) {
                *p++ = ' ';
                p = std::to_chars(p, p + 40, it.value()).ptr; // shortest round-trip form
            }
            *p++ = '\n';
            out.append(buf, static_cast<std::size_t>(p - buf));
        }
    }
    return out;
}

void write_matrix_market(const std::string &path, const Matrix &A, const WriteOptions &options)
{
    const std::string text = format_matrix_market(A, options);
    const bool gzip = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
    // Written under a part name and renamed: a killed writer leaves no truncated matrix behind.
    const std::filesystem::path part = support::part_path(path);
    const auto refuse = [&](int err) {
        std::error_code ignored;
        std::filesystem::remove(part, ignored);
        fail(MmErrorCode::CannotWrite, 0, path + ": " + std::strerror(err ? err : EIO));
    };
    if (gzip) {
#ifdef FS_SPARSE_NO_ZLIB
        fail(MmErrorCode::CannotWrite, 0, path + ": gzip support not built in");
#else
        errno = 0;
        gzFile gz = gzopen(part.c_str(), "wb6");
        if (!gz)
            refuse(errno);
        std::size_t pos = 0;
        bool ok = true;
        while (ok && pos < text.size()) {
            const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(text.size() - pos, 1u << 30));
            ok = gzwrite(gz, text.data() + pos, chunk) == static_cast<int>(chunk);
            pos += chunk;
        }
        const int writeErr = errno;
        if (gzclose(gz) != Z_OK || !ok)
            refuse(ok ? errno : writeErr);
#endif
    } else {
        std::FILE *f = std::fopen(part.c_str(), "wb");
        if (!f)
            refuse(errno);
        errno = 0;
        const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0;
        const int writeErr = errno;
        if (std::fclose(f) != 0 || !ok)
            refuse(ok ? errno : writeErr);
    }
    std::error_code ec;
    std::filesystem::rename(part, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(part, ignored);
        fail(MmErrorCode::CannotWrite, 0, path + ": " + ec.message());
    }
}

} // namespace fs::sparse
