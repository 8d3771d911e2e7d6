#include "http/dispatcher.h"

#include <boost/asio/use_awaitable.hpp>
#include <spdlog/spdlog.h>

#include "http/api_language.h"
#include "http/language_links.h"
#include "platform/db/replica_scope.h"
#include "platform/i18n.h"

namespace diseasemaps::http {

bool IsAnonymous(const Request& request) {
  return request.Header(beast_http::field::cookie).find("dm_session=") == std::string_view::npos;
}

namespace {

// The language of the request, for everything its handler renders on this thread.
// An address under an unknown language has no versions to switch between.
i18n::Context LanguageContext(const Request& request) {
  const bool unknown = i18n::HasUnknownLanguagePrefix(request.path);
  return {request.language, unknown ? "" : request.target, request.offered_language};
}

// The page cache's key: one page per address, language and language offered.
std::string CacheKey(const Request& request) {
  return request.language + ' ' + request.offered_language + ' ' + request.target;
}

// Moves the language prefix of the address ("/es/map?x") into request.language and
// leaves path and target without it. Returns false for an unknown two-letter prefix.
bool TakeLanguage(Request& request) {
  std::string rest;
  if (auto language = i18n::LanguageFromPath(request.path, &rest)) {
    request.language = *language;
    request.language_prefix = "/" + *language;
    request.path = std::move(rest);
    const std::size_t question = request.target.find('?');
    request.target = request.path + (question == std::string::npos ? "" : request.target.substr(question));
  } else if (i18n::HasUnknownLanguagePrefix(request.path)) {
    return false;
  } else if (IsApiPath(request.path)) {
    // The API has no prefix: `lang=`, then Accept-Language, then English
    // (http/api_language.h). Nothing to offer: the answer is already in that language.
    const std::optional<std::string> lang = request.Query("lang");
    request.language = ApiLanguage(lang ? std::optional<std::string_view>(*lang) : std::nullopt,
                                   request.Header(beast_http::field::accept_language));
    return true;
  }
  if (auto preferred = i18n::PreferredLanguage(request.Header(beast_http::field::accept_language));
      preferred && *preferred != request.language) {
    request.offered_language = *preferred;
  }
  return true;
}

}  // namespace

Response Dispatcher::Error(const Request& request, unsigned status, const std::string& message) const {
  i18n::ScopedLanguage language(LanguageContext(request));
  Response response = errors_(&request, status, message);
  KeepLanguageInLinks(response, request.language_prefix);
  return response;
}

Response Dispatcher::Invoke(const Route& route, const Request& request, ReplicaReads replica) const {
  i18n::ScopedLanguage language(LanguageContext(request));
  std::optional<ReplicaReadScope> replica_reads;
  if (replica) replica_reads.emplace(*replica);
  try {
    return route.handler(request);
  } catch (const std::exception& e) {
    spdlog::error("handler for {} {} failed: {}", std::string(beast_http::to_string(request.method)),
                  route.pattern, e.what());
  } catch (...) {
    spdlog::error("handler for {} failed with an unknown exception", route.pattern);
  }
  return errors_(&request, 500, i18n::Tr("Something went wrong on our side. Please try again in a moment."));
}

Response Dispatcher::InvokeWithHooks(const Route& route, Request& request, ReplicaReads replica) const {
  i18n::ScopedLanguage language(LanguageContext(request));
  try {
    if (hooks_.before) {
      if (auto early = hooks_.before(request)) return *early;
    }
  } catch (const std::exception& e) {
    spdlog::error("request hook for {} failed: {}", route.pattern, e.what());
    return errors_(&request, 500, i18n::Tr("Something went wrong on our side. Please try again in a moment."));
  }
  Response response = Invoke(route, request, replica);
  if (hooks_.after) hooks_.after(request, response);
  return response;
}

Dispatcher::ReplicaReads Dispatcher::ReplicaReadsFor(const Route& route, const Request& request,
                                                     bool cacheable) const {
  if (!reads_primary_ || !(route.options.cache_for_anonymous || route.options.reads_may_lag)) return std::nullopt;
  if (request.method != beast_http::verb::get && request.method != beast_http::verb::head) return std::nullopt;
  if (reads_primary_(request)) return std::nullopt;
  // A page the cache keeps must hold every change that emptied it; others may lag a little.
  return cacheable ? cache_.last_invalidated() : std::chrono::steady_clock::time_point{};
}

boost::asio::awaitable<Dispatched> Dispatcher::Handle(const RawRequest& raw,
                                                      std::string remote_address) {
  Request request;
  request.raw = &raw;
  request.remote_address = std::move(remote_address);
  request.method = raw.method();
  request.target = std::string(raw.target());
  request.route = "unmatched";
  if (request.target.empty() || request.target.front() != '/') {
    co_return Dispatched{Error(request, 400, i18n::Tr("The request target must be a path such as /.")),
                         request.route};
  }
  const std::size_t question = request.target.find('?');
  std::string raw_path = request.target.substr(0, question);
  if (question != std::string::npos) request.raw_query = request.target.substr(question + 1);
  auto decoded = PercentDecodePath(raw_path);
  if (!decoded) {
    co_return Dispatched{Error(request, 400, i18n::Tr("The address is malformed.")), request.route};
  }
  request.path = std::move(*decoded);
  request.query = ParseQuery(request.raw_query);
  if (!TakeLanguage(request)) {
    // The error page lists the languages we have, with links to this page in each.
    co_return Dispatched{Error(request, 404, i18n::Tr("DiseaseMaps is not available in that language.")),
                         request.route};
  }

  RouteMatch match = router_.Match(request.method, request.path);
  if (match.route == nullptr) {
    if (!match.allowed_methods.empty()) {
      std::string allow;
      for (const auto& method : match.allowed_methods) {
        allow += (allow.empty() ? "" : ", ") + method;
      }
      Response response = Error(request, 405,
                                i18n::Tr("This address does not accept {method}. It accepts {allowed}.",
                                         {{"method", std::string(raw.method_string())}, {"allowed", allow}}));
      response.With("Allow", allow);
      co_return Dispatched{std::move(response), request.route};
    }
    co_return Dispatched{Error(request, 404, i18n::Tr("There is no page at this address.")), request.route};
  }
  const Route& route = *match.route;
  request.path_params = std::move(match.params);
  request.route = route.pattern;

  const bool cacheable = route.options.cache_for_anonymous && IsAnonymous(request);
  if (cacheable) {
    if (auto page = cache_.Find(CacheKey(request))) co_return Dispatched{page, route.pattern};
  }
  const std::uint64_t generation = cache_.generation();
  // Not a conditional expression: g++ 12 mishandles co_await inside `?:` temporaries.
  Response response;
  if (route.options.runs_inline) {
    response = Invoke(route, request);
  } else {
    // An anonymous visitor's cacheable page is the same for everyone: it is made without
    // the hooks, so it can carry no one's cookie or token.
    response = co_await pool_.Run([this, &route, &request, cacheable] {
      const ReplicaReads replica = ReplicaReadsFor(route, request, cacheable);
      return cacheable ? Invoke(route, request, replica) : InvokeWithHooks(route, request, replica);
    });
  }
  KeepLanguageInLinks(response, request.language_prefix);
  // An API answer's words may follow Accept-Language too (http/api_language.h).
  if (response.content_type.starts_with("text/html") || (IsApiPath(request.path) && request.language_prefix.empty())) {
    response.With("Vary", "Accept-Language");
  }
  if (cacheable && response.status == 200 && response.HeaderValue("Set-Cookie").empty()) {
    if (auto page = cache_.Store(CacheKey(request), response, generation)) {
      co_return Dispatched{page, route.pattern};
    }
  }
  co_return Dispatched{std::move(response), route.pattern};
}

}  // namespace diseasemaps::http
