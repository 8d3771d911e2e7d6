#include "platform/db/replica_scope.h"

namespace diseasemaps {
namespace {

thread_local std::optional<ReplicaReadScope::Clock::time_point> current_scope;

}  // namespace

ReplicaReadScope::ReplicaReadScope(Clock::time_point must_include) : enclosing_(current_scope) {
  current_scope = must_include;
}

ReplicaReadScope::~ReplicaReadScope() { current_scope = enclosing_; }

std::optional<ReplicaReadScope::Clock::time_point> ReplicaReadScope::Current() { return current_scope; }

PrimaryOnly::PrimaryOnly() : enclosing_(current_scope) { current_scope.reset(); }

PrimaryOnly::~PrimaryOnly() { current_scope = enclosing_; }

}  // namespace diseasemaps
