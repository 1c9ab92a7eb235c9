#pragma once
// The SuiteSparse Matrix Collection's index file, ssstats.csv: one line per matrix, in collection id
// order, after a count line and a date line.

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace fs::sources {

/// A yes/no property of a matrix the collection may not have determined (stored as a negative number).
enum class Flag { Unknown, No, Yes };

struct SsRecord {
    int id = 0; ///< Collection id: the line number minus two.
    std::string group;
    std::string name;
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    std::int64_t nnz = 0;
    Flag isReal = Flag::Unknown;
    Flag isBinary = Flag::Unknown;
    Flag isNd = Flag::Unknown;
    Flag posdef = Flag::Unknown;
    double patternSymmetry = -1; ///< Fraction in [0, 1]; negative when unknown.
    double numericalSymmetry = -1;
    std::string kind;
    std::int64_t nentries = 0; ///< Entries as stored in the file (one triangle when symmetric).
};

enum class SsIssueCode { MissingHeader, TooFewFields, BadNumber, EmptyName };

/// A line that was skipped; `line` is 1-based, as an editor shows it.
struct SsIssue {
    int line = 0;
    SsIssueCode code = SsIssueCode::TooFewFields;
    std::string field; ///< The offending field's name, when one is to blame.
};

struct SsIndex {
    std::int64_t declaredCount = -1; ///< Line 1; -1 when it is not a number.
    std::string date;                ///< Line 2, verbatim.
    std::vector<SsRecord> records;
    std::vector<SsIssue> issues;
};

/// Parses one matrix line. The kind may itself hold commas, so the fields are taken from both ends.
bool parse_ssstats_line(std::string_view line, int lineNumber, SsRecord &record, SsIssue &issue);

/// Parses a whole index; bad lines land in `issues` and are skipped, never thrown.
SsIndex parse_ssstats(std::istream &in);
SsIndex parse_ssstats_text(std::string_view text);
/// As parse_ssstats; an unreadable file gives an index with a MissingHeader issue at line 0.
SsIndex parse_ssstats_file(const std::string &path);

/// Collection-relative names, the same on the server and in a local cache.
std::string ssstats_url(std::string_view baseUrl);
std::string matrix_archive_url(std::string_view baseUrl, const SsRecord &record);
/// "{Name}/{Name}.mtx", the one member of the archive the program needs.
std::string matrix_member_name(const SsRecord &record);

} // namespace fs::sources
