// DigestJob: the periodic work that sends digests of new topics. One pass asks the store
// for the members due one (in batches, by account number) and sends each in its own
// transaction (digest_store.h SendDigest, which claims it, so several server nodes may run
// passes at once and still send every digest once). A serve process runs a pass every
// `interval` on its own thread; `diseasemaps digests send` runs one pass and exits (for
// cron, and for tests, which give it the time with --now). A database that does not
// answer is logged once and retried at the next pass, never fatal. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "notifications/digest_store.h"
#include "platform/db/database.h"

namespace diseasemaps::notifications {

struct DigestPass {
  long long due = 0;   // members found due
  long long sent = 0;  // digests enqueued by this pass
};
// One pass at `now`. A member whose digest fails is logged and skipped; the pass goes on.
Result<DigestPass> RunDigestPass(Database& db, long long now, const std::string& public_url);

class DigestJob {
 public:
  // Starts the thread; its first pass comes after one interval.
  DigestJob(Database& db, std::string public_url, std::chrono::milliseconds interval);
  ~DigestJob();  // stops the thread (a pass under way finishes its member first)
  DigestJob(const DigestJob&) = delete;
  DigestJob& operator=(const DigestJob&) = delete;

 private:
  void Loop();

  Database& db_;
  const std::string public_url_;
  const std::chrono::milliseconds interval_;
  bool failing_ = false;  // only the job's thread touches it
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace diseasemaps::notifications
