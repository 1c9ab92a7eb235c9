#include "learn/distributed.h"

#ifndef USE_C10D_GLOO
#define USE_C10D_GLOO // the header is empty without it; TorchConfig usually defines it
#endif
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <chrono>
#include <stdexcept>
#include <string>

namespace fs::learn {

namespace {

// c10::Error appends a backtrace; Gloo's errors are plain std::runtime_error.
std::string message_of(const std::exception &e)
{
    if (const auto *c = dynamic_cast<const c10::Error *>(&e))
        return c->what_without_backtrace();
    std::string s = e.what();
    return s.substr(0, s.find('\n'));
}

} // namespace

struct Communicator::Impl {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
};

Communicator::Communicator(const WorldSpec &world) : m_world(world), m_impl(std::make_unique<Impl>())
{
    const std::chrono::milliseconds timeout(std::int64_t(world.timeout_seconds) * 1000);
    const std::string where = "rank " + std::to_string(world.rank) + " of " + std::to_string(world.size);
    try {
        c10d::TCPStoreOptions so;
        so.port = static_cast<std::uint16_t>(world.master_port);
        so.isServer = world.rank == 0;
        so.numWorkers = world.size;
        so.waitWorkers = false; // the group's connect below waits for everybody, with our timeout
        so.timeout = timeout;
        m_impl->store = c10::make_intrusive<c10d::TCPStore>(world.master_addr, so);
        auto options = c10d::ProcessGroupGloo::Options::create(timeout);
        options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
        m_impl->group = c10::make_intrusive<c10d::ProcessGroupGloo>(
            c10::make_intrusive<c10d::PrefixStore>("factorscope", m_impl->store), world.rank, world.size, options);
    } catch (const std::exception &e) {
        throw std::runtime_error(where + " could not join the group at " + world.master_addr + ":"
                                 + std::to_string(world.master_port) + " within " + std::to_string(world.timeout_seconds)
                                 + " s: " + message_of(e));
    }
}

Communicator::~Communicator() = default;

void Communicator::run(const char *what, const std::vector<torch::Tensor> &tensors, bool broadcast)
{
    if (tensors.empty())
        return;
    std::vector<torch::Tensor> flat;
    for (const torch::Tensor &t : tensors)
        flat.push_back(t.detach().reshape({-1}).to(torch::kCPU));
    std::vector<torch::Tensor> buffer = {torch::cat(flat).contiguous()};
    try {
        if (broadcast) {
            c10d::BroadcastOptions o;
            o.rootRank = 0;
            m_impl->group->broadcast(buffer, o)->wait();
        } else {
            c10d::AllreduceOptions o;
            o.reduceOp = c10d::ReduceOp::SUM;
            m_impl->group->allreduce(buffer, o)->wait();
        }
    } catch (const std::exception &e) {
        throw std::runtime_error("rank " + std::to_string(m_world.rank) + " of " + std::to_string(m_world.size) + ": "
                                 + what + " failed (another rank died or stopped answering): " + message_of(e));
    }
    torch::NoGradGuard noGrad;
    std::int64_t offset = 0;
    for (const torch::Tensor &t : tensors) {
        const std::int64_t n = t.numel();
        t.copy_(buffer[0].narrow(0, offset, n).view(t.sizes()));
        offset += n;
    }
}

void Communicator::broadcast(const std::vector<torch::Tensor> &tensors)
{
    run("the broadcast of the parameters", tensors, true);
}

void Communicator::sum(const std::vector<torch::Tensor> &tensors)
{
    run("summing the gradients", tensors, false);
}

void Communicator::sum(std::vector<double> &values)
{
    if (values.empty())
        return;
    const torch::Tensor t = torch::tensor(values, torch::kFloat64);
    run("summing the metrics", {t}, false);
    const auto a = t.accessor<double, 1>();
    for (std::size_t k = 0; k < values.size(); ++k)
        values[k] = a[static_cast<std::int64_t>(k)];
}

} // namespace fs::learn
