#include "precond/ic0.h"

#include "precond/errors.h"

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs::precond {

// Left-looking IC(0) on the CSC pattern of tril(A). Column k receives updates from every column
// j < k with L_kj stored; rowPos lists, for each row k, the CSC positions of those L_kj, so no
// search is needed. The update of column j is restricted to rows in the pattern of column k
// (the marker array): that restriction is exactly the "zero fill" rule.
namespace {

Ic0Result ic0_impl(const sparse::Matrix &A, const sparse::Matrix *base, int start);

} // namespace

Ic0Result ic0(const sparse::Matrix &A)
{
    return ic0_impl(A, nullptr, 0);
}

Ic0Result ic0_from_column(const sparse::Matrix &A, const sparse::Matrix &base, int start)
{
    return ic0_impl(A, &base, start);
}

namespace {

Ic0Result ic0_impl(const sparse::Matrix &A, const sparse::Matrix *base, int start)
{
    if (A.rows() != A.cols())
        throw NotSpd(NotSpd::Reason::NotSquare, "IC(0) needs a square matrix, got "
                                                    + std::to_string(A.rows()) + " x "
                                                    + std::to_string(A.cols()));
    Ic0Result result;
    sparse::Matrix L = sparse::lower_triangle(A);
    L.makeCompressed();
    const int n = int(L.cols());
    const int *colPtr = L.outerIndexPtr();
    const int *rowIdx = L.innerIndexPtr();
    double *val = L.valuePtr();

    // A missing diagonal entry is a zero pivot: put it in the pattern so it is reported as such.
    for (int k = 0; k < n; ++k) {
        if (colPtr[k] == colPtr[k + 1] || rowIdx[colPtr[k]] != k) {
            result.breakdown_column = k;
            result.pivot = 0.0;
            return result;
        }
    }

    // Row structure of strictly-lower L: positions p (in CSC order) with rowIdx[p] == k.
    std::vector<int> rowStart(n + 1, 0);
    for (int j = 0; j < n; ++j)
        for (int p = colPtr[j] + 1; p < colPtr[j + 1]; ++p)
            ++rowStart[rowIdx[p] + 1];
    for (int k = 0; k < n; ++k)
        rowStart[k + 1] += rowStart[k];
    std::vector<int> rowPos(rowStart[n]);
    std::vector<int> rowCol(rowStart[n]);
    {
        std::vector<int> fill(rowStart.begin(), rowStart.end() - 1);
        for (int j = 0; j < n; ++j)
            for (int p = colPtr[j] + 1; p < colPtr[j + 1]; ++p) {
                const int slot = fill[rowIdx[p]]++;
                rowPos[slot] = p;
                rowCol[slot] = j;
            }
    }

    if (base) {
        // Columns before `start` are those of the given factor: same pattern, so same positions.
        if (start < 0 || start > n || base->rows() != n || base->cols() != n || base->nonZeros() != L.nonZeros())
            throw std::invalid_argument("IC(0) from a column: the factor does not have the pattern of tril(A)");
        const int *bPtr = base->outerIndexPtr();
        const int *bRow = base->innerIndexPtr();
        for (int j = 0; j <= n; ++j)
            if (bPtr[j] != colPtr[j])
                throw std::invalid_argument("IC(0) from a column: the factor does not have the pattern of tril(A)");
        for (int p = 0; p < colPtr[start]; ++p) {
            if (bRow[p] != rowIdx[p])
                throw std::invalid_argument("IC(0) from a column: the factor does not have the pattern of tril(A)");
            val[p] = base->valuePtr()[p];
        }
    }

    std::vector<double> work(n, 0.0);
    std::vector<int> mark(n, -1);
    for (int k = base ? start : 0; k < n; ++k) {
        for (int p = colPtr[k]; p < colPtr[k + 1]; ++p) {
            work[rowIdx[p]] = val[p];
            mark[rowIdx[p]] = k;
        }
        for (int q = rowStart[k]; q < rowStart[k + 1]; ++q) {
            const int pk = rowPos[q]; // position of L_kj in column j
            const int end = colPtr[rowCol[q] + 1];
            const double lkj = val[pk];
            for (int p = pk; p < end; ++p) {
                const int r = rowIdx[p];
                if (mark[r] == k)
                    work[r] -= val[p] * lkj;
            }
        }
        const double d = work[k];
        if (!(d > 0.0) || !std::isfinite(d)) {
            result.breakdown_column = k;
            result.pivot = d;
            return result;
        }
        const double lkk = std::sqrt(d);
        val[colPtr[k]] = lkk;
        for (int p = colPtr[k] + 1; p < colPtr[k + 1]; ++p)
            val[p] = work[rowIdx[p]] / lkk;
    }
    result.L = std::move(L);
    result.ok = true;
    return result;
}

} // namespace

} // namespace fs::precond
