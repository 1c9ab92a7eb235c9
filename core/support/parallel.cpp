#include "support/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace fs::support {

int resolve_threads(int requested)
{
    if (requested > 0)
        return requested;
    return std::max(1u, std::thread::hardware_concurrency());
}

void parallel_for(int count, int threads, const std::function<void(int, int)> &body, int chunk,
                  std::stop_token cancel, const std::function<void(double)> &progress)
{
    if (count <= 0)
        return;
    chunk = std::max(1, chunk);
    threads = std::clamp(resolve_threads(threads), 1, std::max(1, (count + chunk - 1) / chunk));
    std::atomic<int> next{0};
    std::atomic<int> done{0};
    std::atomic<bool> stop{false};
    std::exception_ptr error;
    std::mutex errorMutex;

    auto worker = [&](int w) {
        try {
            for (;;) {
                if (stop.load(std::memory_order_relaxed))
                    return;
                if (cancel.stop_requested())
                    throw Cancelled();
                const int begin = next.fetch_add(chunk, std::memory_order_relaxed);
                if (begin >= count)
                    return;
                const int end = std::min(count, begin + chunk);
                for (int i = begin; i < end; ++i)
                    body(w, i);
                const int finished = done.fetch_add(end - begin) + (end - begin);
                if (progress)
                    progress(double(finished) / count);
            }
        } catch (...) {
            std::lock_guard lock(errorMutex);
            if (!error)
                error = std::current_exception();
            stop = true;
        }
    };

    if (threads == 1) {
        worker(0);
    } else {
        std::vector<std::thread> pool;
        pool.reserve(threads - 1);
        for (int w = 1; w < threads; ++w)
            pool.emplace_back(worker, w);
        worker(0);
        for (auto &t : pool)
            t.join();
    }
    if (error)
        std::rethrow_exception(error);
}

} // namespace fs::support
