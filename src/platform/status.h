// Status and Result<T>: how errors travel inside DiseaseMaps.
//
// No exception crosses a module boundary. A module that calls a library which throws
// (SOCI, Xapian, Boost) catches at its edge and returns a Status. The mapping from
// Status::Code to an HTTP status lives in one table (http/error_pages.h).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace diseasemaps {

class Status {
 public:
  enum class Code {
    kOk,
    kInvalidArgument,   // the caller's input is wrong; the message says how
    kNotFound,          // no such thing
    kConflict,          // the thing exists or changed under the caller
    kTooLarge,          // the input is over a limit; the message states the limit
    kUnavailable,       // a dependency (database) does not answer; try again later
    kFailedPrecondition,// the system is not in a state that allows this
    kInternal,          // a bug or an unexpected failure
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status Conflict(std::string m) { return {Code::kConflict, std::move(m)}; }
  static Status TooLarge(std::string m) { return {Code::kTooLarge, std::move(m)}; }
  static Status Unavailable(std::string m) { return {Code::kUnavailable, std::move(m)}; }
  static Status FailedPrecondition(std::string m) { return {Code::kFailedPrecondition, std::move(m)}; }
  static Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}           // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}   // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace diseasemaps
