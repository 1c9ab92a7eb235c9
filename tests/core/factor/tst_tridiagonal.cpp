// The tridiagonal recurrence against exact rational arithmetic (never against another double run).
#include "perturb/perturbation.h"
#include "factor/tridiagonal.h"
#include "sparse/generators.h"
#include "sparse/matrix_market.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

using namespace fs;
using fs::sparse::Index;

namespace {

__extension__ typedef unsigned __int128 Wide;

// Just enough unsigned big-integer arithmetic for the pivot recurrence: multiply by a 64-bit
// integer, subtract, and the leading bits for a ratio.
class BigUint {
public:
    explicit BigUint(std::uint64_t v = 0)
    {
        while (v) {
            m_limbs.push_back(static_cast<std::uint32_t>(v));
            v >>= 32;
        }
    }
    BigUint times(std::uint64_t m) const
    {
        BigUint out;
        Wide carry = 0;
        for (std::uint32_t limb : m_limbs) {
            const Wide t = static_cast<Wide>(limb) * m + carry;
            out.m_limbs.push_back(static_cast<std::uint32_t>(t));
            carry = t >> 32;
        }
        while (carry) {
            out.m_limbs.push_back(static_cast<std::uint32_t>(carry));
            carry >>= 32;
        }
        out.trim();
        return out;
    }
    /// this - b, requires this >= b.
    BigUint minus(const BigUint &b) const
    {
        BigUint out = *this;
        std::int64_t borrow = 0;
        for (std::size_t k = 0; k < out.m_limbs.size(); ++k) {
            std::int64_t t = std::int64_t(out.m_limbs[k]) - borrow - (k < b.m_limbs.size() ? std::int64_t(b.m_limbs[k]) : 0);
            borrow = t < 0;
            if (t < 0)
                t += std::int64_t(1) << 32;
            out.m_limbs[k] = static_cast<std::uint32_t>(t);
        }
        if (borrow || b.m_limbs.size() > m_limbs.size())
            throw std::logic_error("negative result");
        out.trim();
        return out;
    }
    bool less(const BigUint &b) const
    {
        if (m_limbs.size() != b.m_limbs.size())
            return m_limbs.size() < b.m_limbs.size();
        for (std::size_t k = m_limbs.size(); k-- > 0;)
            if (m_limbs[k] != b.m_limbs[k])
                return m_limbs[k] < b.m_limbs[k];
        return false;
    }
    /// a / b to long double precision.
    static long double ratio(const BigUint &a, const BigUint &b) { return a.scaled(b.bits()) / b.scaled(b.bits()); }

private:
    void trim()
    {
        while (!m_limbs.empty() && !m_limbs.back())
            m_limbs.pop_back();
    }
    long bits() const { return long(m_limbs.size()) * 32; }
    // value / 2^shift from the top three limbs (96 bits, beyond long double's 64).
    long double scaled(long shift) const
    {
        long double v = 0;
        const std::size_t n = m_limbs.size();
        for (std::size_t k = n >= 3 ? n - 3 : 0; k < n; ++k)
            v += std::ldexp(static_cast<long double>(m_limbs[k]), int(32 * long(k) - shift));
        return v;
    }
    std::vector<std::uint32_t> m_limbs;
};

// Exact pivots of the tridiagonal matrix with A_11 = a1, A_ii = (i² + 1)/i² (i >= 2) or 2, and
// A_{i+1,i}² = 1/i² (counterexample) or 1 (Laplacian), d = N/D with big N, D.
std::vector<long double> exact_pivots(int n, bool counterexample, std::uint64_t a1)
{
    std::vector<long double> d;
    BigUint N(a1), D(1);
    d.push_back(static_cast<long double>(a1));
    for (std::uint64_t i = 2; i <= std::uint64_t(n); ++i) {
        // d_i = a - s²/d_{i-1} = a - s² D / N with a = pa/qa, s² = ps/qs.
        const std::uint64_t pa = counterexample ? i * i + 1 : 2, qa = counterexample ? i * i : 1;
        const std::uint64_t ps = 1, qs = counterexample ? (i - 1) * (i - 1) : 1;
        const BigUint num = N.times(pa * qs).minus(D.times(qa * ps));
        const BigUint den = N.times(qa * qs);
        N = num;
        D = den;
        d.push_back(BigUint::ratio(N, D));
    }
    return d;
}

} // namespace

class TestTridiagonal : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void laplacianClosedForm();
    void counterexampleDoesNotDecay();
    void laplacianDecays();
    void counterexampleFromFileIsFlagged_data();
    void counterexampleFromFileIsFlagged();
    void indefiniteInQuadIsAnError();
    void restartFromExactFactor();
    void semiseparableIsNonLocal();
};

void TestTridiagonal::laplacianClosedForm()
{
    const factor::TridiagonalFactor f = factor::tridiagonal_cholesky(sparse::laplacian1d(1000).A);
    QVERIFY(f.reliable);
    QVERIFY(f.error_estimate < 1e-12);
    for (int i = 1; i <= 1000; ++i) {
        QVERIFY(std::abs(f.diag[i - 1] - std::sqrt(double(i + 1) / i)) < 1e-14);
        if (i < 1000)
            QVERIFY(std::abs(f.sub[i - 1] + std::sqrt(double(i) / (i + 1))) < 1e-14);
    }
}

void TestTridiagonal::counterexampleDoesNotDecay()
{
    // Figure 1 (right) of [P1]: A' = A + e₁e₁ᵀ, d'_1 = 2, d'_i = 1 + 1/i² - 1/((i-1)² d'_{i-1}).
    const int n = 20;
    const std::vector<long double> exact = exact_pivots(n, true, 2);
    // Sanity of the exact values themselves: d'_20 = 0.99972903712915... (computed by hand with
    // Python's fractions.Fraction), d'_2 = 1 + 1/4 - 1/2 = 3/4.
    QVERIFY(std::abs(exact[1] - 0.75L) < 1e-18L);
    QVERIFY(std::abs(exact[19] - 0.9997290371291536L) < 1e-15L);
    const sparse::GeneratedMatrix g = sparse::counterexample(n);
    const perturb::PerturbationResult r = perturb::perturb_tridiagonal(g.A, 0, 0, 1.0, &*g.exact_L);
    QVERIFY(r.reliable);
    for (int i = 1; i <= n; ++i) {
        const long double want = std::sqrt(exact[i - 1]) - 1.0L / i; // L'_ii - L_ii, L_ii = 1/i
        QVERIFY2(std::abs(r.delta.diag_diff[i - 1] - double(want)) < 1e-13,
                 qPrintable(QString("i=%1: %2 vs %3").arg(i).arg(r.delta.diag_diff[i - 1]).arg(double(want))));
    }
    // No decay: the last change is 0.9499 (= sqrt(0.99973) - 1/20), larger than the first (sqrt2 - 1).
    QVERIFY(r.delta.diag_diff[n - 1] > 0.94 && r.delta.diag_diff[n - 1] < 0.95);
    QVERIFY(r.delta.diag_diff[n - 1] > r.delta.diag_diff[0]);
    QVERIFY(r.delta.profile.share_beyond[6] > 0.5); // most of ‖ΔL‖² lies beyond 7 hops
}

void TestTridiagonal::laplacianDecays()
{
    // A' = tridiag(-1,2,-1) + e₁e₁ᵀ: d'_i = (2i+1)/(2i-1) exactly, d_i = (i+1)/i.
    const int n = 200;
    const std::vector<long double> exact = exact_pivots(n, false, 3);
    for (int i = 1; i <= n; ++i)
        QVERIFY(std::abs(exact[i - 1] - (2.0L * i + 1) / (2.0L * i - 1)) < 1e-17L);
    const perturb::PerturbationResult r = perturb::perturb_tridiagonal(sparse::laplacian1d(n).A, 0, 0, 1.0);
    QVERIFY(r.reliable);
    for (int i = 1; i <= n; ++i) {
        const long double want = std::sqrt(exact[i - 1]) - std::sqrt((i + 1.0L) / i);
        QVERIFY(std::abs(r.delta.diag_diff[i - 1] - double(want)) < 1e-14);
    }
    // Algebraic decay ~ 1/(4i²): below 1e-5 at i = 200, and more than 99.9% of ‖ΔL‖² within 7 hops.
    QVERIFY(r.delta.diag_diff[n - 1] < 1e-5);
    QVERIFY(r.delta.diag_diff[0] > 0.3);
    QVERIFY(r.delta.profile.share_beyond[6] < 1e-3);
}

void TestTridiagonal::counterexampleFromFileIsFlagged_data()
{
    QTest::addColumn<int>("n");
    for (int n : {10, 12, 20, 60})
        QTest::newRow(qPrintable(QString("n=%1").arg(n))) << n;
}

void TestTridiagonal::counterexampleFromFileIsFlagged()
{
    QFETCH(int, n);
    // Round trip through Matrix Market: the matrix every user would load.
    const std::string text = sparse::format_matrix_market(sparse::counterexample(n).A);
    const sparse::Matrix A = sparse::parse_matrix_market(text).matrix;
    try {
        const factor::TridiagonalFactor f = factor::tridiagonal_cholesky(A);
        QVERIFY2(!f.reliable, qPrintable(QString("estimate %1").arg(f.error_estimate)));
        QVERIFY(!f.warning.empty());
    } catch (const factor::NotPositiveDefinite &) {
        // equally acceptable: rejected outright
    }
    try {
        const perturb::PerturbationResult r = perturb::perturb_tridiagonal(A, 0, 0, 1.0);
        QVERIFY(!r.reliable);
    } catch (const factor::NotPositiveDefinite &) {
    }
}

void TestTridiagonal::indefiniteInQuadIsAnError()
{
    sparse::Matrix A = sparse::laplacian1d(30).A;
    A.coeffRef(20, 20) = 0.5; // pivot 21 (1-based) becomes 0.5 - 20/21 < 0
    try {
        (void)factor::tridiagonal_cholesky(A);
        QFAIL("indefinite tridiagonal matrix accepted");
    } catch (const factor::NotPositiveDefinite &e) {
        QCOMPARE(e.column(), 20);
    }
}

void TestTridiagonal::restartFromExactFactor()
{
    // Perturbing A(k,k) leaves rows before k untouched: ΔL is exactly zero there.
    const sparse::GeneratedMatrix g = sparse::semiseparable(40, 3);
    const perturb::PerturbationResult r = perturb::perturb_tridiagonal(g.A, 10, 10, 0.5, &*g.exact_L);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(r.delta.diag_diff[i], 0.0);
    QVERIFY(r.delta.diag_diff[10] > 0.0);
    QVERIFY(r.reliable);
    // L_{k,k-1} = A_{k,k-1}/L_{k-1,k-1} does not involve A_kk; L_{k+1,k} = A_{k+1,k}/L_kk does.
    QCOMPARE(r.delta.delta_L.coeff(10, 9), 0.0);
    QVERIFY(r.delta.delta_L.coeff(11, 10) != 0.0);
}

void TestTridiagonal::semiseparableIsNonLocal()
{
    // The figures quoted in generators.h: share of ‖ΔL‖² beyond 7 hops for A₁₁ += 1, n = 100.
    auto shares = [](double growth) {
        std::vector<double> s;
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            const sparse::GeneratedMatrix g = sparse::semiseparable(100, seed, {growth, 2.0});
            const perturb::PerturbationResult r = perturb::perturb_tridiagonal(g.A, 0, 0, 1.0, &*g.exact_L);
            if (!r.reliable)
                return std::vector<double>{};
            s.push_back(r.delta.profile.share_beyond[6]);
        }
        std::sort(s.begin(), s.end());
        return s;
    };
    const std::vector<double> def = shares(1.25), iid = shares(1.0);
    QCOMPARE(def.size(), std::size_t(20));
    QCOMPARE(iid.size(), std::size_t(20));
    QVERIFY(def.front() > 0.75 && def.back() < 0.95);
    QVERIFY(std::abs((def[9] + def[10]) / 2 - 0.90) < 0.01);
    QVERIFY((iid[9] + iid[10]) / 2 < 0.15); // iid u, v: mostly local
}

QTEST_APPLESS_MAIN(TestTridiagonal)
#include "tst_tridiagonal.moc"
