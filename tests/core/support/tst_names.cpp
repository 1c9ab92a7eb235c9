// The one vocabulary of core: every name table round-trips each value of its enum, rejects
// unknown names, and spells each value exactly as the CLI, JSON, SQLite and settings always have.
// The lists of members that apply (benchmark methods, perturbation kinds) are subsets of the one
// enum.
#include "bench/outcome.h"
#include "perturb/live_perturbation.h"
#include "precond/kind.h"
#include "precond/pcg.h"
#include "precond/setup.h"
#include "sparse/generator_spec.h"
#include "sparse/ordering.h"

#include <QtTest>

#include <algorithm>
#include <set>
#include <string>

using namespace fs;

namespace {

// Every entry parses back to its value, names are unique, and near misses are rejected.
template <class E, std::size_t N, class Parse>
void checkTable(const support::NameTable<E, N> &table, Parse parse)
{
    std::set<std::string> names;
    std::set<int> values;
    for (const auto &entry : table) {
        QVERIFY2(names.insert(entry.name).second, entry.name);
        QVERIFY(values.insert(int(entry.value)).second);
        QCOMPARE(std::string(support::name_of(table, entry.value)), std::string(entry.name));
        const std::optional<E> back = parse(entry.name);
        QVERIFY2(back && *back == entry.value, entry.name);
        const std::string upper = [&] {
            std::string s = entry.name;
            std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::toupper(c)); });
            return s;
        }();
        QVERIFY2(!parse(upper), upper.c_str());
        QVERIFY(!parse(std::string(entry.name) + "x"));
        QVERIFY(!parse(std::string(" ") + entry.name));
    }
    QVERIFY(!parse(""));
    QVERIFY(!parse("unknown"));
}

} // namespace

class TestNames : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tablesRoundTrip();
    void namesAreTheStoredSpelling();
    void subsetsOfTheOneEnum();
    void everyEnumValueHasAName();
};

void TestNames::tablesRoundTrip()
{
    checkTable(precond::kPrecondKindNames, precond::parse_precond_kind);
    checkTable(sparse::kOrderingNames, [](std::string_view s) { return sparse::parse_ordering(s); });
    checkTable(precond::kKoptMethodNames, precond::parse_kopt_method);
    checkTable(bench::kCategoryNames, bench::parse_category);
    checkTable(precond::kPcgFailureNames,
               [](std::string_view s) { return support::value_of(precond::kPcgFailureNames, s); });
    checkTable(sparse::kGeneratorNames, [](std::string_view s) -> std::optional<sparse::GeneratorKind> {
        const sparse::GeneratorSpec *spec = sparse::find_generator(s);
        return spec ? std::optional(spec->kind) : std::nullopt;
    });
}

void TestNames::namesAreTheStoredSpelling()
{
    // Command-line values, JSON keys and SQLite rows written by earlier versions must stay valid.
    using precond::PrecondKind;
    QCOMPARE(precond::kind_names(), (std::vector<std::string>{"none", "jacobi", "ic0", "kopt", "spai", "fsai", "cholesky"}));
    QCOMPARE(support::names_of(sparse::kOrderingNames), (std::vector<std::string>{"natural", "amd", "nd"}));
    QCOMPARE(support::names_of(precond::kKoptMethodNames), (std::vector<std::string>{"auto", "dense", "selinv"}));
    QCOMPARE(std::string(precond::to_string(precond::PcgFailure::IndefinitePreconditioner)),
             std::string("indefinite_preconditioner"));
    QCOMPARE(std::string(bench::to_string(bench::Category::BothFailed)), std::string("both_failed"));
    QCOMPARE(sparse::generator_names(), std::string("laplacian1d, counterexample, semiseparable, poisson2d, "
                                                    "poisson3d, graph_laplacian, diffusion2d, biharmonic2d"));
    // Lists of names follow the order they are given in.
    const std::array<PrecondKind, 2> two = {PrecondKind::Spai, PrecondKind::None};
    QCOMPARE(precond::kind_names(two), (std::vector<std::string>{"spai", "none"}));
    QCOMPARE(support::joined({"a", "b", "c"}, "|"), std::string("a|b|c"));
}

void TestNames::subsetsOfTheOneEnum()
{
    using precond::PrecondKind;
    // The benchmark runs every kind but the exact factor, in its table order; its JSON keys are
    // the kinds' names.
    QCOMPARE(bench::AllMethods.size(), std::size_t(bench::MethodCount));
    QVERIFY(std::find(bench::AllMethods.begin(), bench::AllMethods.end(), PrecondKind::Cholesky)
            == bench::AllMethods.end());
    for (std::size_t i = 0; i < bench::AllMethods.size(); ++i)
        QCOMPARE(bench::method_index(bench::AllMethods[i]), i);
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, bench::method_index(PrecondKind::Cholesky));
    bench::MatrixOutcome o;
    o.at(PrecondKind::Kopt).iterations = 17;
    QCOMPARE(o.methods[bench::method_index(PrecondKind::Kopt)].iterations, 17);
    QCOMPARE(o.at(PrecondKind::Ic0).iterations, 0);

    // The perturbation engine: the factors, no Jacobi or identity; two orderings.
    QCOMPARE(precond::kind_names(perturb::kPerturbKinds),
             (std::vector<std::string>{"cholesky", "ic0", "kopt", "spai", "fsai"}));
    QCOMPARE(support::names_of(sparse::kOrderingNames, perturb::kPerturbOrderings),
             (std::vector<std::string>{"natural", "amd"}));
}

void TestNames::everyEnumValueHasAName()
{
    // The tables cover their enums: the last enumerator is in each table, and no name is "unknown".
    QCOMPARE(precond::kPrecondKindNames.size(), std::size_t(int(precond::PrecondKind::Cholesky) + 1));
    QCOMPARE(sparse::kOrderingNames.size(), std::size_t(int(sparse::Ordering::NestedDissection) + 1));
    QCOMPARE(sparse::kGeneratorNames.size(), std::size_t(int(sparse::GeneratorKind::Biharmonic2d) + 1));
    QCOMPARE(bench::kCategoryNames.size(), std::size_t(bench::CategoryCount));
    QCOMPARE(precond::kPcgFailureNames.size(), std::size_t(int(precond::PcgFailure::NotFinite) + 1));
    for (int k = 0; k <= int(precond::PrecondKind::Cholesky); ++k)
        QVERIFY(std::string(precond::to_string(precond::PrecondKind(k))) != "unknown");
    QCOMPARE(std::string(precond::to_string(precond::PrecondKind(99))), std::string("unknown"));
}

QTEST_APPLESS_MAIN(TestNames)
#include "tst_names.moc"
