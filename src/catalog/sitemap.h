// /robots.txt and the sitemaps: /sitemap.xml lists the home page and every condition page
// while there are at most kUrlsPerSitemap of them; past that it becomes a sitemap index
// of /sitemaps/{n}.xml files of kUrlsPerSitemap URLs each (the protocol's limit is
// 50,000). URLs are absolute, built from the configured public URL. Each language has
// its own: /es/sitemap.xml lists the Spanish addresses; robots.txt names them all.
#pragma once

#include <string>

#include "catalog/condition_store.h"
#include "http/request.h"

namespace diseasemaps::catalog {

constexpr int kUrlsPerSitemap = 50000;

http::Response RobotsTxt(const std::string& public_url);
http::Response SitemapRoot(ConditionStore& store, const std::string& public_url,
                           const http::Request& request, int urls_per_sitemap = kUrlsPerSitemap);
http::Response SitemapPart(ConditionStore& store, const std::string& public_url,
                           const http::Request& request, int urls_per_sitemap = kUrlsPerSitemap);

}  // namespace diseasemaps::catalog
