#include "sparse/graph_hops.h"

#include <stdexcept>

namespace fs::sparse {

namespace {

std::vector<int> bfs(const Matrix &A, std::span<const Index> sources, std::vector<char> *pending,
                     Index pendingCount)
{
    if (A.rows() != A.cols())
        throw std::invalid_argument("hop distances need a square matrix");
    const Index n = static_cast<Index>(A.rows());
    std::vector<int> dist(n, kUnreachable);
    std::vector<Index> queue;
    queue.reserve(n);
    auto visit = [&](Index v, int d) {
        dist[v] = d;
        queue.push_back(v);
        if (pending && (*pending)[v]) {
            (*pending)[v] = 0;
            --pendingCount;
        }
    };
    for (Index s : sources) {
        if (s < 0 || s >= n)
            throw std::out_of_range("hop distances: source vertex out of range");
        if (dist[s] == kUnreachable)
            visit(s, 0);
    }
    const Index *outer = A.outerIndexPtr();
    const Index *inner = A.innerIndexPtr();
    const Index *nnz = A.innerNonZeroPtr(); // null when compressed
    for (std::size_t head = 0; head < queue.size(); ++head) {
        if (pending && pendingCount == 0)
            break;
        const Index v = queue[head];
        const Index begin = outer[v];
        const Index end = nnz ? begin + nnz[v] : outer[v + 1];
        for (Index k = begin; k < end; ++k) {
            const Index w = inner[k];
            if (dist[w] == kUnreachable)
                visit(w, dist[v] + 1);
        }
    }
    return dist;
}

} // namespace

std::vector<int> hop_distances(const Matrix &A, std::span<const Index> sources)
{
    return bfs(A, sources, nullptr, 0);
}

std::vector<int> hop_distances_to(const Matrix &A, std::span<const Index> sources,
                                  std::span<const Index> targets)
{
    std::vector<char> pending(A.rows(), 0);
    Index count = 0;
    for (Index t : targets) {
        if (t < 0 || t >= A.rows())
            throw std::out_of_range("hop distances: target vertex out of range");
        if (!pending[t]) {
            pending[t] = 1;
            ++count;
        }
    }
    return bfs(A, sources, &pending, count);
}

} // namespace fs::sparse
