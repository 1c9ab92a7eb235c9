// The generator specs: every default lies inside its range and generates an SPD matrix, one
// parameter means one thing everywhere, the ranges are where the generators accept their input,
// and resolve()/generate() read the spec (defaults, same_as, aliases, refusals).
#include "sparse/generator_spec.h"

#include <QtTest>

#include <Eigen/SparseCholesky>

#include <cmath>
#include <limits>
#include <string>

using namespace fs::sparse;

namespace {

// Small sizes for every required parameter (the defaults are form sizes, large for a test).
GeneratorParams small(const GeneratorSpec &spec, int n = 7)
{
    GeneratorParams p;
    for (const ParamSpec &param : spec.params)
        if (param.required)
            p.set(param.name, n);
    return p;
}

bool spd(const Matrix &A)
{
    if (A.rows() != A.cols() || !is_symmetric(A, 1e-12))
        return false;
    Eigen::SimplicialLLT<Matrix> llt(A);
    return llt.info() == Eigen::Success;
}

} // namespace

class TestGeneratorSpec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void specsAreComplete();
    void defaultsLieInTheirRanges();
    void oneMeaningPerParameter();
    void defaultsGenerateSpdMatrices_data();
    void defaultsGenerateSpdMatrices();
    void rangesAreTheGeneratorsDomain();
    void resolveReadsTheSpec();
    void generateDispatchesOnTheName();
};

void TestGeneratorSpec::specsAreComplete()
{
    const auto &specs = generator_specs();
    QCOMPARE(specs.size(), kGeneratorNames.size());
    for (std::size_t i = 0; i < specs.size(); ++i) {
        QCOMPARE(int(specs[i].kind), int(kGeneratorNames[i].value));
        QCOMPARE(std::string(specs[i].name), std::string(kGeneratorNames[i].name));
        QCOMPARE(&generator_spec(specs[i].kind), &specs[i]);
        QCOMPARE(find_generator(specs[i].name), &specs[i]);
        QVERIFY(std::string(specs[i].description).size() > 10);
        QVERIFY(!specs[i].params.empty());
    }
    QCOMPARE(find_generator("graph"), &generator_spec(GeneratorKind::GraphLaplacian));
    QVERIFY(!find_generator("graph_laplacian2"));
}

void TestGeneratorSpec::defaultsLieInTheirRanges()
{
    for (const ParamSpec &p : generator_parameters()) {
        QVERIFY2(p.admits(p.default_value), p.name);
        QVERIFY2(p.min < p.max, p.name);
        if (p.type == ParamType::Integer) {
            QCOMPARE(std::trunc(p.default_value), p.default_value);
            QVERIFY(p.integer_min() <= std::int64_t(p.default_value) && std::int64_t(p.default_value) <= p.integer_max());
        }
        QVERIFY2(!p.admits(std::numeric_limits<double>::quiet_NaN()), p.name);
        QVERIFY2(!p.admits(std::numeric_limits<double>::infinity()), p.name);
        QVERIFY2(!p.admits(p.min_open ? p.min : std::nextafter(p.min, -1e300)), p.name);
        QVERIFY(std::string(p.description).size() > 3);
    }
}

void TestGeneratorSpec::oneMeaningPerParameter()
{
    // Each generator's parameters are copies of the vocabulary (same default and range wherever a
    // name and label occur), in the vocabulary's order, and a same_as refers to an earlier one.
    const auto &vocabulary = generator_parameters();
    for (const GeneratorSpec &spec : generator_specs()) {
        std::size_t last = 0;
        for (std::size_t k = 0; k < spec.params.size(); ++k) {
            const ParamSpec &p = spec.params[k];
            const auto it = std::find_if(vocabulary.begin(), vocabulary.end(), [&](const ParamSpec &q) {
                return std::string(q.name) == p.name && std::string(q.label) == p.label;
            });
            QVERIFY2(it != vocabulary.end(), p.name);
            QCOMPARE(p.default_value, it->default_value);
            QCOMPARE(p.min, it->min);
            QCOMPARE(p.max, it->max);
            QCOMPARE(p.min_open, it->min_open);
            QCOMPARE(int(p.type), int(it->type));
            const std::size_t position = std::size_t(it - vocabulary.begin());
            QVERIFY2(k == 0 || position > last, spec.name);
            last = position;
            if (p.same_as) {
                const auto source = std::find_if(spec.params.begin(), spec.params.begin() + long(k),
                                                 [&](const ParamSpec &q) { return std::string(q.name) == p.same_as; });
                QVERIFY2(source != spec.params.begin() + long(k), p.name);
            }
            QVERIFY2(spec.param(p.name) == &p, p.name); // names are unique within a generator
        }
    }
    // The graph generator's shift has the command line's default.
    QCOMPARE(generator_spec(GeneratorKind::GraphLaplacian).param("shift")->default_value, 1.0);
}

void TestGeneratorSpec::defaultsGenerateSpdMatrices_data()
{
    QTest::addColumn<int>("kind");
    for (const GeneratorSpec &spec : generator_specs())
        QTest::newRow(spec.name) << int(spec.kind);
}

void TestGeneratorSpec::defaultsGenerateSpdMatrices()
{
    QFETCH(int, kind);
    const GeneratorSpec &spec = generator_spec(GeneratorKind(kind));
    // Every default but the sizes (those of a form are large): an SPD matrix, with the exact
    // factor exactly when the spec says so.
    const GeneratedMatrix g = generate(spec, small(spec));
    QVERIFY(g.A.rows() >= 7);
    QVERIFY(spd(g.A));
    QCOMPARE(g.exact_L.has_value(), spec.exact_factor);
    if (g.exact_L && spec.kind != GeneratorKind::Counterexample) // the counterexample is ill-conditioned
        QVERIFY(Matrix(*g.exact_L * Matrix(g.exact_L->transpose()) - g.A).norm() < 1e-10 * g.A.norm());
    QVERIFY(!g.description.empty());
    // The sizes' own defaults work too for the cheap generators.
    if (spec.kind == GeneratorKind::Laplacian1d || spec.kind == GeneratorKind::Poisson2d)
        QVERIFY(spd(generate(spec).A));
}

void TestGeneratorSpec::rangesAreTheGeneratorsDomain()
{
    // Just inside a real bound the generator runs; just outside resolve() refuses it, naming the
    // generator and the parameter.
    for (const GeneratorSpec &spec : generator_specs()) {
        for (const ParamSpec &p : spec.params) {
            if (p.type != ParamType::Real)
                continue;
            GeneratorParams inside = small(spec, 6), outside = small(spec, 6);
            inside.set(p.name, p.min_open ? p.min + 1e-3 : p.min);
            outside.set(p.name, p.min_open ? p.min : p.min - 1e-3);
            QVERIFY2(generate(spec, inside).A.rows() > 0, p.name);
            try {
                (void)generate(spec, outside);
                QFAIL(p.name);
            } catch (const GeneratorError &e) {
                QVERIFY2(std::string(e.what()).find(std::string(spec.name) + ": " + p.name) == 0, e.what());
            }
        }
    }
}

void TestGeneratorSpec::resolveReadsTheSpec()
{
    const GeneratorSpec &poisson3 = generator_spec(GeneratorKind::Poisson3d);
    // ny and nz default to nx; the alias --n stands for nx.
    const GeneratorParams r = resolve(poisson3, GeneratorParams().set("nx", 4));
    QCOMPARE(r.integer("ny"), std::int64_t(4));
    QCOMPARE(r.integer("nz"), std::int64_t(4));
    QCOMPARE(resolve(poisson3, GeneratorParams().set("n", 3).set("nz", 2)).integer("nx"), std::int64_t(3));
    QCOMPARE(resolve(poisson3, GeneratorParams().set("n", 3).set("nz", 2)).integer("nz"), std::int64_t(2));
    QCOMPARE(generate(poisson3, GeneratorParams().set("n", 3).set("nz", 2)).A.rows(), Eigen::Index(18));
    // Defaults where nothing is given.
    const GeneratorParams g = resolve(generator_spec(GeneratorKind::GraphLaplacian), {});
    QCOMPARE(g.integer("degree"), std::int64_t(4));
    QCOMPARE(g.real("shift"), 1.0);
    QCOMPARE(g.integer("seed"), std::int64_t(1));
    // Seeds are 64-bit integers, kept exactly.
    const std::int64_t big = std::numeric_limits<std::int64_t>::max() - 5;
    QCOMPARE(resolve(generator_spec(GeneratorKind::Semiseparable), GeneratorParams().set("seed", big)).integer("seed"),
             big);
    // Refusals: an unknown parameter, a fraction for an integer, a value below the range.
    const GeneratorSpec &lap = generator_spec(GeneratorKind::Laplacian1d);
    QVERIFY_THROWS_EXCEPTION(GeneratorError, resolve(lap, GeneratorParams().set("seed", 3)));
    QVERIFY_THROWS_EXCEPTION(GeneratorError, resolve(lap, GeneratorParams().set("n", 2.5)));
    QCOMPARE(resolve(lap, GeneratorParams().set("n", 5.0)).integer("n"), std::int64_t(5));
    try {
        (void)resolve(lap, GeneratorParams().set("n", 0));
        QFAIL("n = 0 accepted");
    } catch (const GeneratorError &e) {
        QCOMPARE(std::string(e.what()), std::string("laplacian1d: n must be at least 1"));
    }
    // What the ranges leave to the generator is still checked there.
    QVERIFY_THROWS_EXCEPTION(GeneratorError, generate(generator_spec(GeneratorKind::GraphLaplacian),
                                                      GeneratorParams().set("n", 5).set("degree", 5)));
}

void TestGeneratorSpec::generateDispatchesOnTheName()
{
    // Each name reaches its own generator with the given parameters.
    const Matrix a = generate("poisson2d", GeneratorParams().set("nx", 5).set("ny", 3)).A;
    QCOMPARE((a - poisson2d(5, 3).A).norm(), 0.0);
    const Matrix b = generate("graph", GeneratorParams().set("n", 30).set("shift", 0.5).set("seed", 4)).A;
    QCOMPARE((b - graph_laplacian(30, 4, 0.5, 4).A).norm(), 0.0);
    const RandomFieldParams field{0.5, 0.3, 64};
    const Matrix c = generate("biharmonic2d", GeneratorParams().set("n", 6).set("sigma", 0.5).set("length", 0.3)).A;
    QCOMPARE((c - biharmonic2d(6, 1, field).A).norm(), 0.0);
    const Matrix d = generate("semiseparable", GeneratorParams().set("n", 9).set("seed", 3).set("growth", 1.1)).A;
    QCOMPARE((d - semiseparable(9, 3, SemiseparableParams{1.1, 2.0}).A).norm(), 0.0);
    QVERIFY_THROWS_EXCEPTION(GeneratorError, generate("hilbert", {}));
    // Titles name the canonical generator and its sizes.
    QCOMPARE(generator_title(generator_spec(GeneratorKind::Poisson3d), GeneratorParams().set("nx", 4).set("nz", 2)),
             std::string("poisson3d 4x4x2"));
    QCOMPARE(generator_title(*find_generator("graph"), GeneratorParams().set("n", 30)),
             std::string("graph_laplacian n=30 degree=4 seed=1"));
}

QTEST_APPLESS_MAIN(TestGeneratorSpec)
#include "tst_generator_spec.moc"
