// ReadYourWrites: with a read replica, a visitor who has just changed something reads
// only from the primary for a few seconds afterwards, on whichever node answers, so they
// always see their own change (a saved profile, a new post) even while the replica lags.
//
// After any request that may have changed something (a method other than GET, HEAD or
// OPTIONS, answered with a status below 400), the response sets the cookie `dm_primary`:
// the moment the window ends, signed with a key every node shares (platform/signing.h),
// so a forged or altered cookie is ignored. The dispatcher asks ReadsPrimary() before it
// lets a handler read from the replica (http/dispatcher.h).
//
// Thread-safe: immutable after construction.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "http/dispatcher.h"
#include "http/request.h"

namespace diseasemaps::http {

class ReadYourWrites {
 public:
  // now() gives seconds since the epoch (tests pass their own clock).
  ReadYourWrites(std::string key, std::chrono::seconds window, bool secure_cookies,
                 std::function<long long()> now);

  // True while the request's dm_primary cookie is genuine and its window has not ended.
  bool ReadsPrimary(const Request& request) const;
  // Sets the cookie on the response of a request that may have written.
  void AfterRequest(const Request& request, Response& response) const;
  // hooks, with AfterRequest run after their own `after`.
  RequestHooks Around(RequestHooks hooks) const;

 private:
  std::string key_;
  std::chrono::seconds window_;
  bool secure_cookies_;
  std::function<long long()> now_;
};

}  // namespace diseasemaps::http
