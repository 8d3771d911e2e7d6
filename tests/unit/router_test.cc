#include "http/router.h"

#include <gtest/gtest.h>

namespace diseasemaps::http {
namespace {

using beast_http::verb;

Handler Named(std::string name) {
  return [name](const Request&) { return Response::Text(name); };
}

std::string Call(const RouteMatch& match) {
  Request request;
  return match.route ? match.route->handler(request).body : "";
}

TEST(Router, MatchesLiteralRoutes) {
  Router router;
  router.Get("/", Named("home"));
  router.Get("/healthz", Named("health"));
  EXPECT_EQ(Call(router.Match(verb::get, "/")), "home");
  EXPECT_EQ(Call(router.Match(verb::get, "/healthz")), "health");
  EXPECT_EQ(router.Match(verb::get, "/nothing").route, nullptr);
}

TEST(Router, ExtractsPathParameters) {
  Router router;
  router.Get("/conditions/{slug}", Named("condition"));
  RouteMatch match = router.Match(verb::get, "/conditions/marfan-syndrome");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params.at("slug"), "marfan-syndrome");
  EXPECT_EQ(router.Match(verb::get, "/conditions/").route, nullptr);
  EXPECT_EQ(router.Match(verb::get, "/conditions/a/b").route, nullptr);
}

TEST(Router, LiteralSegmentBeatsParameter) {
  Router router;
  router.Get("/conditions/{slug}", Named("slug"));
  router.Get("/conditions/orpha/{code}", Named("code"));
  router.Get("/conditions/new", Named("new"));
  EXPECT_EQ(Call(router.Match(verb::get, "/conditions/new")), "new");
  EXPECT_EQ(Call(router.Match(verb::get, "/conditions/x")), "slug");
  RouteMatch match = router.Match(verb::get, "/conditions/orpha/1183");
  EXPECT_EQ(Call(match), "code");
  EXPECT_EQ(match.params.at("code"), "1183");
}

TEST(Router, RestParameterTakesTheRemainingPath) {
  Router router;
  router.Get("/static/{file...}", Named("static"));
  RouteMatch match = router.Match(verb::get, "/static/css/site.css");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params.at("file"), "css/site.css");
  EXPECT_EQ(router.Match(verb::get, "/static/").route, nullptr);
  EXPECT_EQ(router.Match(verb::get, "/static").route, nullptr);
  // A path that ends before the literal segments ahead of the rest parameter.
  router.Get("/files/by/{name...}", Named("files"));
  EXPECT_EQ(router.Match(verb::get, "/files").route, nullptr);
  EXPECT_EQ(router.Match(verb::get, "/files/by").route, nullptr);
  EXPECT_EQ(router.Match(verb::get, "/files/by/a/b").params.at("name"), "a/b");
}

TEST(Router, HeadIsAnsweredByGet) {
  Router router;
  router.Get("/", Named("home"));
  EXPECT_EQ(Call(router.Match(verb::head, "/")), "home");
}

TEST(Router, WrongMethodListsTheAllowedOnes) {
  Router router;
  router.Get("/form", Named("show"));
  router.Post("/only-post", Named("post"));
  RouteMatch match = router.Match(verb::delete_, "/form");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "HEAD"}));
  match = router.Match(verb::get, "/only-post");
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"POST"}));
}

TEST(Router, RoutesStartingWithAParameterAreFoundWheneverTheyWereAdded) {
  Router router;
  router.Get("/{language}", Named("early"));
  router.Get("/forums/{slug}", Named("forum"));
  router.Get("/{a}/{b}/{c}", Named("late"));
  router.Get("/about", Named("about"));
  EXPECT_EQ(Call(router.Match(verb::get, "/forums/general")), "forum");
  EXPECT_EQ(Call(router.Match(verb::get, "/forums/general/x")), "late");
  EXPECT_EQ(Call(router.Match(verb::get, "/about/a/b")), "late");
  EXPECT_EQ(Call(router.Match(verb::get, "/elsewhere/a/b")), "late");
  EXPECT_EQ(Call(router.Match(verb::get, "/about")), "about");
  EXPECT_EQ(Call(router.Match(verb::get, "/forums")), "early");
  RouteMatch match = router.Match(verb::get, "/x/y/z");
  EXPECT_EQ(match.params, (std::map<std::string, std::string>{{"a", "x"}, {"b", "y"}, {"c", "z"}}));
}

TEST(Router, BetweenEquallySpecificRoutesTheFirstAddedWins) {
  Router router;
  router.Get("/t/{id}", Named("first"));
  router.Get("/{kind}/new", Named("second"));
  router.Get("/t/{other}", Named("third"));
  EXPECT_EQ(Call(router.Match(verb::get, "/t/5")), "first");
  // 100 + 1 each: "/t/{id}" was added first.
  EXPECT_EQ(Call(router.Match(verb::get, "/t/new")), "first");
}

TEST(Router, ARestParameterKeepsEmptySegmentsInsideThePath) {
  Router router;
  router.Get("/static/{file...}", Named("static"));
  EXPECT_EQ(router.Match(verb::get, "/static//x").params.at("file"), "/x");
  EXPECT_EQ(router.Match(verb::get, "/static/a/").params.at("file"), "a/");
}

TEST(Router, AllowedMethodsComeFromEveryRouteThePathMatches) {
  Router router;
  router.Post("/{kind}/save", Named("save"));
  router.Get("/notes/save", Named("show"));
  RouteMatch match = router.Match(verb::delete_, "/notes/save");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"POST", "GET", "HEAD"}));
}

TEST(Router, RefusesDuplicateAndRelativePatterns) {
  Router router;
  router.Get("/a", Named("a"));
  EXPECT_THROW(router.Get("/a", Named("again")), std::invalid_argument);
  EXPECT_THROW(router.Get("a", Named("relative")), std::invalid_argument);
}

}  // namespace
}  // namespace diseasemaps::http
