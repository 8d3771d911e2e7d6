#include "catalog/sitemap.h"

#include <charconv>

#include "catalog/a_to_z_pages.h"
#include "pages/error_pages.h"
#include "platform/i18n.h"
#include "platform/text.h"

namespace diseasemaps::catalog {
namespace {

constexpr const char* kUnavailable = i18n::N_("The sitemap is unavailable right now.");
constexpr const char* kNoSitemap = i18n::N_("There is no sitemap at this address.");

http::Response Xml(std::string body) {
  http::Response response = http::Response::Text(std::move(body));
  response.content_type = "application/xml; charset=utf-8";
  return response;
}

// The urlset for conditions [offset, offset + limit), with the home page and the A-Z index when first, in
// the request's language (its addresses under its prefix).
http::Response UrlSet(ConditionStore& store, const std::string& public_url, const http::Request& request,
                      long long offset, int limit) {
  const std::string base = public_url + request.language_prefix;
  auto slugs = store.ListSlugs(offset, limit);
  if (!slugs.ok()) return pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  if (offset == 0) {
    xml += "<url><loc>" + EscapeMarkup(base + "/") + "</loc></url>\n";
    // The A-Z index, which links every initial's page (catalog/a_to_z_pages.h).
    xml += "<url><loc>" + EscapeMarkup(base + kAToZPath) + "</loc></url>\n";
  }
  for (const auto& [slug, updated] : *slugs) {
    xml += "<url><loc>" + EscapeMarkup(base + "/conditions/" + slug) + "</loc><lastmod>" +
           IsoDate(updated) + "</lastmod></url>\n";
  }
  xml += "</urlset>\n";
  return Xml(std::move(xml));
}

}  // namespace

http::Response RobotsTxt(const std::string& public_url) {
  std::string text =
      "User-agent: *\n"
      "Allow: /\n"
      "Disallow: /api/\n"
      "Disallow: /search\n";
  for (const auto& language : i18n::Languages()) {
    if (language.code != i18n::kDefaultLanguage) text += "Disallow: /" + std::string(language.code) + "/search\n";
  }
  for (const auto& language : i18n::Languages()) {
    if (!language.interface) continue;  // names-only pages are reached from the switcher
    text += "Sitemap: " + public_url + i18n::PrefixPath(language.code, "/sitemap.xml") + "\n";
  }
  return http::Response::Text(std::move(text));
}

http::Response SitemapRoot(ConditionStore& store, const std::string& public_url,
                           const http::Request& request, int urls_per_sitemap) {
  auto total = store.CountAll();
  if (!total.ok()) return pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
  if (*total <= urls_per_sitemap) return UrlSet(store, public_url, request, 0, urls_per_sitemap);
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  const long long parts = (*total + urls_per_sitemap - 1) / urls_per_sitemap;
  for (long long part = 1; part <= parts; ++part) {
    xml += "<sitemap><loc>" +
           EscapeMarkup(public_url + request.language_prefix + "/sitemaps/" + std::to_string(part) + ".xml") +
           "</loc></sitemap>\n";
  }
  xml += "</sitemapindex>\n";
  return Xml(std::move(xml));
}

http::Response SitemapPart(ConditionStore& store, const std::string& public_url,
                           const http::Request& request, int urls_per_sitemap) {
  std::string name = request.Param("part");
  if (name.size() < 5 || name.compare(name.size() - 4, 4, ".xml") != 0) {
    return pages::ErrorPage(&request, 404, i18n::Tr(kNoSitemap));
  }
  long long part = 0;
  auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size() - 4, part);
  if (ec != std::errc() || ptr != name.data() + name.size() - 4 || part < 1) {
    return pages::ErrorPage(&request, 404, i18n::Tr(kNoSitemap));
  }
  auto total = store.CountAll();
  if (!total.ok()) return pages::ErrorPage(&request, 503, i18n::Tr(kUnavailable));
  if ((part - 1) * urls_per_sitemap >= std::max<long long>(*total, 1)) {
    return pages::ErrorPage(&request, 404, i18n::Tr(kNoSitemap));
  }
  return UrlSet(store, public_url, request, (part - 1) * urls_per_sitemap, urls_per_sitemap);
}

}  // namespace diseasemaps::catalog
