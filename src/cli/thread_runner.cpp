#include "cli/thread_runner.h"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace slingshot {

void ThreadRunner::run(uint64_t tasks, const std::function<void(unsigned, uint64_t)>& task) {
    std::atomic<uint64_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr first_error;
    std::mutex error_mutex;
    auto work = [&](unsigned worker) {
        try {
            for (uint64_t i = next++; i < tasks && !failed; i = next++) task(worker, i);
        } catch (...) {
            std::lock_guard<std::mutex> lock(error_mutex);
            if (!first_error) first_error = std::current_exception();
            failed = true;
        }
    };
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < threads_; ++w) threads.emplace_back(work, w);
    work(0);
    for (auto& t : threads) t.join();
    if (first_error) std::rethrow_exception(first_error);
}

}  // namespace slingshot
