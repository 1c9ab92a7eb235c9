#include "ssstats.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace fs::sources {

namespace {

constexpr std::size_t LeadingFields = 11; // Group … numerical_symmetry
constexpr std::size_t TrailingFields = 1; // nentries

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split_commas(std::string_view line)
{
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = line.find(',', start);
        if (comma == std::string_view::npos) {
            fields.push_back(line.substr(start));
            return fields;
        }
        fields.push_back(line.substr(start, comma - start));
        start = comma + 1;
    }
}

bool to_int(std::string_view s, std::int64_t &value)
{
    s = trim(s);
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

bool to_double(std::string_view s, double &value)
{
    // from_chars, unlike strtod, ignores the C locale a GUI sets from the user's (decimal commas).
    s = trim(s);
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

Flag to_flag(std::int64_t v)
{
    return v < 0 ? Flag::Unknown : (v == 0 ? Flag::No : Flag::Yes);
}

} // namespace

bool parse_ssstats_line(std::string_view line, int lineNumber, SsRecord &record, SsIssue &issue)
{
    issue = SsIssue{lineNumber, SsIssueCode::TooFewFields, {}};
    const std::vector<std::string_view> fields = split_commas(trim(line));
    if (fields.size() < LeadingFields + 1 + TrailingFields)
        return false;

    SsRecord r;
    r.id = lineNumber - 2;
    r.group = std::string(trim(fields[0]));
    r.name = std::string(trim(fields[1]));
    if (r.group.empty() || r.name.empty()) {
        issue.code = SsIssueCode::EmptyName;
        issue.field = r.group.empty() ? "Group" : "Name";
        return false;
    }

    struct IntField {
        const char *name;
        std::size_t index;
        std::int64_t *target;
    };
    std::int64_t isReal = 0, isBinary = 0, isNd = 0, posdef = 0;
    const IntField ints[] = {{"nrows", 2, &r.rows},      {"ncols", 3, &r.cols},       {"nnz", 4, &r.nnz},
                             {"isReal", 5, &isReal},     {"isBinary", 6, &isBinary}, {"isND", 7, &isNd},
                             {"posdef", 8, &posdef},     {"nentries", fields.size() - 1, &r.nentries}};
    for (const IntField &f : ints) {
        // A negative size is as wrong as a word (found by fuzz/fuzz_ssstats); flags keep their
        // own reading below.
        const bool size = f.target == &r.rows || f.target == &r.cols || f.target == &r.nnz || f.target == &r.nentries;
        if (!to_int(fields[f.index], *f.target) || (size && *f.target < 0)) {
            issue.code = SsIssueCode::BadNumber;
            issue.field = f.name;
            return false;
        }
    }
    if (!to_double(fields[9], r.patternSymmetry)) {
        issue.code = SsIssueCode::BadNumber;
        issue.field = "pattern_symmetry";
        return false;
    }
    if (!to_double(fields[10], r.numericalSymmetry)) {
        issue.code = SsIssueCode::BadNumber;
        issue.field = "numerical_symmetry";
        return false;
    }
    r.isReal = to_flag(isReal);
    r.isBinary = to_flag(isBinary);
    r.isNd = to_flag(isNd);
    r.posdef = to_flag(posdef);

    // Everything between the leading fields and nentries is the kind, commas included.
    const char *kindBegin = fields[LeadingFields].data();
    const std::string_view last = fields[fields.size() - 1 - TrailingFields];
    const char *kindEnd = last.data() + last.size();
    r.kind = std::string(trim(std::string_view(kindBegin, static_cast<std::size_t>(kindEnd - kindBegin))));

    record = std::move(r);
    return true;
}

SsIndex parse_ssstats(std::istream &in)
{
    SsIndex index;
    std::string line;
    if (!std::getline(in, line)) {
        index.issues.push_back({1, SsIssueCode::MissingHeader, "count"});
        return index;
    }
    if (!to_int(line, index.declaredCount)) {
        index.declaredCount = -1;
        index.issues.push_back({1, SsIssueCode::MissingHeader, "count"});
    }
    if (!std::getline(in, line)) {
        index.issues.push_back({2, SsIssueCode::MissingHeader, "date"});
        return index;
    }
    index.date = std::string(trim(line));

    int lineNumber = 2;
    SsRecord record;
    SsIssue issue;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (trim(line).empty())
            continue;
        if (parse_ssstats_line(line, lineNumber, record, issue))
            index.records.push_back(std::move(record));
        else
            index.issues.push_back(issue);
    }
    return index;
}

SsIndex parse_ssstats_text(std::string_view text)
{
    std::istringstream in{std::string(text)};
    return parse_ssstats(in);
}

SsIndex parse_ssstats_file(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        SsIndex index;
        index.issues.push_back({0, SsIssueCode::MissingHeader, {}});
        return index;
    }
    return parse_ssstats(in);
}

namespace {

std::string strip_slash(std::string_view base)
{
    while (!base.empty() && base.back() == '/')
        base.remove_suffix(1);
    return std::string(base);
}

} // namespace

std::string ssstats_url(std::string_view baseUrl)
{
    return strip_slash(baseUrl) + "/files/ssstats.csv";
}

std::string matrix_archive_url(std::string_view baseUrl, const SsRecord &record)
{
    return strip_slash(baseUrl) + "/MM/" + record.group + '/' + record.name + ".tar.gz";
}

std::string matrix_member_name(const SsRecord &record)
{
    return record.name + '/' + record.name + ".mtx";
}

} // namespace fs::sources
