#pragma once
// A c10d process group for data-parallel training: a TCPStore served by rank 0, ProcessGroupGloo
// over it. Tensors on a CUDA device are staged through the CPU (this LibTorch may lack NCCL, and
// Gloo here is CPU-only); what is reduced is one flat buffer, since Gloo reads raw memory and a
// non-contiguous tensor would be read wrongly.

#include "learn/world.h"

#include <torch/torch.h>

#include <memory>
#include <vector>

namespace fs::learn {

class Communicator {
public:
    /// Joins the group of `world` (every rank must call this). Throws std::runtime_error saying
    /// which rank could not reach which master within world.timeout_seconds.
    explicit Communicator(const WorldSpec &world);
    ~Communicator();
    Communicator(const Communicator &) = delete;
    Communicator &operator=(const Communicator &) = delete;

    int rank() const { return m_world.rank; }
    int size() const { return m_world.size; }

    /// Copies rank 0's values of `tensors` into every rank's (in place).
    void broadcast(const std::vector<torch::Tensor> &tensors);
    /// Replaces each tensor by its sum over the ranks (in place).
    void sum(const std::vector<torch::Tensor> &tensors);
    /// The same for plain numbers.
    void sum(std::vector<double> &values);

private:
    void run(const char *what, const std::vector<torch::Tensor> &tensors, bool broadcast);
    WorldSpec m_world;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace fs::learn
