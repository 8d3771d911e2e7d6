// WorkerPool: the threads that run blocking work (database calls, password hashing) so
// that I/O threads never block.
//
// Thread-safe. Run() is awaited from a coroutine on an I/O thread: the function runs on
// a worker thread, and the coroutine resumes on its own executor with the result (or
// the exception the function threw). queue_length() counts work posted but not started.
#pragma once

#include <utility>  // before asio: Boost 1.74 needs it

#include <atomic>
#include <exception>
#include <type_traits>

#include <boost/asio.hpp>

namespace diseasemaps {

class WorkerPool {
 public:
  explicit WorkerPool(int threads) : pool_(static_cast<std::size_t>(threads)) {}
  ~WorkerPool() { Join(); }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // REQUIRES: the result type is default-constructible and movable.
  template <typename Fn>
  boost::asio::awaitable<std::invoke_result_t<Fn>> Run(Fn fn) {
    using Value = std::invoke_result_t<Fn>;
    auto initiation = [this](auto handler, Fn work) {
      queued_.fetch_add(1);
      boost::asio::post(pool_, [this, handler = std::move(handler),
                                work = std::move(work)]() mutable {
        queued_.fetch_sub(1);
        std::exception_ptr error;
        Value value{};
        try {
          value = work();
        } catch (...) {
          error = std::current_exception();
        }
        auto executor = boost::asio::get_associated_executor(handler);
        boost::asio::post(executor, [handler = std::move(handler), error,
                                     value = std::move(value)]() mutable {
          handler(error, std::move(value));
        });
      });
    };
    co_return co_await boost::asio::async_initiate<
        decltype(boost::asio::use_awaitable), void(std::exception_ptr, Value)>(
        initiation, boost::asio::use_awaitable, std::move(fn));
  }

  // Posts fn with no result to wait for.
  template <typename Fn>
  void Post(Fn fn) {
    boost::asio::post(pool_, std::move(fn));
  }

  int queue_length() const { return queued_.load(); }

  // Waits for every posted function to finish. Idempotent.
  void Join() { pool_.join(); }

 private:
  boost::asio::thread_pool pool_;
  std::atomic<int> queued_{0};
};

}  // namespace diseasemaps
