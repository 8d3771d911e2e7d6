// Markdown: turns text written by editors (answers, later forum posts) into HTML that is
// safe to put in a page, with cmark-gfm (CommonMark plus GitHub's tables,
// strikethrough and autolinks).
//
// Safe by construction: raw HTML in the input is dropped (cmark's safe mode), and every
// link or image whose URL names a scheme other than http, https or mailto (javascript:,
// data:, vbscript:, file: … in any case, with leading spaces, control characters or
// character references) loses its URL and keeps only its text. Relative URLs
// ("/conditions/x", "#causes") stay. An image with a safe URL becomes a link to it (its
// alternative text as the words): pages never load pictures, from here or elsewhere, out
// of written text. Headings are shifted so that the highest one in
// the text becomes `first_heading_level` (the page around it owns <h1> and <h2>).
//
// Thread-safe: every call builds its own parser; the extension registry is set up once.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "platform/status.h"

namespace diseasemaps {

// The largest Markdown text RenderMarkdown accepts: 64 KiB.
inline constexpr std::size_t kMaxMarkdownBytes = 64 * 1024;

struct MarkdownOptions {
  // The level (1 to 6) the highest heading in the text is rendered at; lower headings
  // keep their distance from it, capped at 6.
  int first_heading_level = 3;
  // When true, a section under a heading titled "References" or "Sources" (any case,
  // a trailing colon allowed) is left out of the HTML and returned as `references`,
  // one per list item (or per paragraph when the section has no list). The section
  // runs to the next heading of the same or a higher level.
  bool split_references = false;
  // When not empty, every link in the HTML carries rel="<link_rel>" (forum posts:
  // "nofollow ugc", so search engines give written-in links no weight). REQUIRES: only
  // letters and spaces.
  std::string link_rel;
};

struct MarkdownReference {
  std::string text;  // the item as plain text, without the URLs written out in it
  std::string url;   // the item's first http or https link, or ""
};

struct MarkdownLink {
  std::string text;  // the link's visible text, as plain text
  std::string url;   // an http, https or mailto URL, or a relative one
};

struct RenderedMarkdown {
  std::string html;
  // The links the HTML keeps, in order of appearance, each URL once; links that were
  // neutralised are not listed.
  std::vector<MarkdownLink> links;
  // With split_references: the references section's items, in order.
  std::vector<MarkdownReference> references;
};

// Renders `markdown` to HTML. Fails with TooLarge (the message states the limit) when
// the text is over kMaxMarkdownBytes; never fails otherwise. Invalid UTF-8 is replaced
// with U+FFFD. An empty text gives an empty HTML string.
Result<RenderedMarkdown> RenderMarkdown(std::string_view markdown, const MarkdownOptions& options = {});

// True when a link to `url` may stay in rendered HTML: http, https, mailto, or no
// scheme at all (a relative URL). Exposed for tests and for other modules that accept
// URLs from people.
bool IsSafeLinkUrl(std::string_view url);

}  // namespace diseasemaps
