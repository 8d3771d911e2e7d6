#include "platform/markdown.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <set>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "platform/replace_all.h"

namespace diseasemaps {
namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink"};

// CMARK_OPT_SAFE is the default in this cmark-gfm (raw HTML and dangerous URLs are
// omitted unless CMARK_OPT_UNSAFE is set); it is named here so that intent is visible.
constexpr int kOptions = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8;

void RegisterExtensionsOnce() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

// cmark-gfm keeps the table of characters that start an inline construct in a global,
// which every parse with extensions changes and restores (github/cmark-gfm#176, not
// merged), so parses run one at a time. A parse of the largest text accepted takes
// about a millisecond; rendering the tree to HTML needs no lock.
std::mutex& ParseMutex() {
  static std::mutex mutex;
  return mutex;
}

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

// Calls visit(node) for every node under root (root included) as it is entered;
// visit returns false to skip the node's children.
template <typename Visit>
void ForEachNode(cmark_node* root, Visit visit) {
  std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(root));
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (!visit(node)) cmark_iter_reset(iter.get(), node, CMARK_EVENT_EXIT);
  }
}

// Appends what a text-bearing node shows (literal text; a space for a line break).
void AppendShownText(cmark_node* node, std::string& text) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      if (const char* literal = cmark_node_get_literal(node)) text += literal;
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      text += ' ';
      break;
    default:
      break;
  }
}

// The visible text under a node, as plain text.
std::string PlainText(cmark_node* node) {
  std::string text;
  ForEachNode(node, [&](cmark_node* n) {
    AppendShownText(n, text);
    return true;
  });
  return text;
}

// Moves a node's children to where it stands, then frees it: a neutralised link keeps
// its text, a neutralised image its alternative text.
void ReplaceWithChildren(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) {
    cmark_node_insert_before(node, child);
  }
  cmark_node_free(node);
}

// Turns an image into a link to the image, with its alternative text (or, without one,
// the address) as the link's words: the page never loads a picture from elsewhere, which
// would tell another site who reads it and which the CSP (img-src 'self' data:) blocks.
// An image inside a link keeps only its words, as links cannot nest.
void ReplaceImageWithLink(cmark_node* image) {
  for (cmark_node* up = cmark_node_parent(image); up != nullptr; up = cmark_node_parent(up)) {
    if (cmark_node_get_type(up) == CMARK_NODE_LINK) {
      ReplaceWithChildren(image);
      return;
    }
  }
  cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
  const char* url = cmark_node_get_url(image);
  cmark_node_set_url(link, url != nullptr ? url : "");
  const char* title = cmark_node_get_title(image);
  if (title != nullptr && *title != '\0') cmark_node_set_title(link, title);
  if (cmark_node_first_child(image) == nullptr) {
    cmark_node* words = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(words, url != nullptr && *url != '\0' ? url : "image");
    cmark_node_append_child(link, words);
  }
  while (cmark_node* child = cmark_node_first_child(image)) cmark_node_append_child(link, child);
  cmark_node_insert_before(image, link);
  cmark_node_free(image);
}

// Gives every link in cmark's HTML a rel attribute. Safe mode drops raw HTML and text is
// escaped, so each `<a href="` in the output is a link cmark itself wrote.
void AddLinkRel(std::string& html, const std::string& rel) {
  ReplaceAll(html, "<a href=\"", "<a rel=\"" + rel + "\" href=\"");
}

bool IsWebUrl(std::string_view url) {
  auto starts = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      char c = url[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[i]) return false;
    }
    return true;
  };
  return starts("https://") || starts("http://");
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool IsReferencesHeading(cmark_node* heading) {
  std::string title = CollapseSpaces(PlainText(heading));
  while (!title.empty() && (title.back() == ':' || title.back() == ' ')) title.pop_back();
  for (char& c : title) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return title == "references" || title == "sources";
}

// One reference from a list item or a paragraph: its text without the URLs written out
// in it (autolinks and bare URLs), and its first web link.
MarkdownReference Reference(cmark_node* node) {
  MarkdownReference reference;
  std::string text;
  ForEachNode(node, [&](cmark_node* n) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_LINK: {
        const char* raw = cmark_node_get_url(n);
        const std::string url = raw != nullptr ? raw : "";
        if (reference.url.empty() && IsWebUrl(url) && IsSafeLinkUrl(url)) reference.url = url;
        const std::string shown = PlainText(n);
        // A URL written out as the link's text is not part of the reference's words.
        return !(shown == url || "http://" + shown == url || "https://" + shown == url ||
                 "mailto:" + shown == url);
      }
      case CMARK_NODE_PARAGRAPH:
        text += ' ';
        return true;
      default:
        AppendShownText(n, text);
        return true;
    }
  });
  reference.text = CollapseSpaces(text);
  if (!reference.text.empty() && reference.text.front() == ' ') reference.text.erase(0, 1);
  return reference;
}

// Takes each top-level "References" section out of the document, into `references`.
void SplitReferences(cmark_node* document, std::vector<MarkdownReference>& references) {
  cmark_node* node = cmark_node_first_child(document);
  while (node != nullptr) {
    if (cmark_node_get_type(node) != CMARK_NODE_HEADING || !IsReferencesHeading(node)) {
      node = cmark_node_next(node);
      continue;
    }
    const int level = cmark_node_get_heading_level(node);
    std::vector<cmark_node*> section{node};
    cmark_node* next = cmark_node_next(node);
    while (next != nullptr && !(cmark_node_get_type(next) == CMARK_NODE_HEADING &&
                                cmark_node_get_heading_level(next) <= level)) {
      section.push_back(next);
      next = cmark_node_next(next);
    }
    for (cmark_node* part : section) {
      if (cmark_node_get_type(part) == CMARK_NODE_LIST) {
        for (cmark_node* item = cmark_node_first_child(part); item != nullptr; item = cmark_node_next(item)) {
          MarkdownReference reference = Reference(item);
          if (!reference.text.empty() || !reference.url.empty()) references.push_back(std::move(reference));
        }
      } else if (cmark_node_get_type(part) == CMARK_NODE_PARAGRAPH) {
        MarkdownReference reference = Reference(part);
        if (!reference.text.empty() || !reference.url.empty()) references.push_back(std::move(reference));
      }
    }
    for (cmark_node* part : section) cmark_node_free(part);
    node = next;
  }
}

}  // namespace

bool IsSafeLinkUrl(std::string_view url) {
  // Browsers ignore leading spaces and control characters and drop tabs and newlines
  // anywhere in a URL, so "java\tscript:" is "javascript:". Compare without them.
  std::string compact;
  compact.reserve(std::min<std::size_t>(url.size(), 64));
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) continue;
    compact.push_back(c);
    if (compact.size() >= 64) break;  // a scheme is never this long
  }
  const std::size_t end = compact.find_first_of(":/?#");
  if (end == std::string::npos || compact[end] != ':') return true;  // relative: no scheme
  std::string scheme = compact.substr(0, end);
  for (char& c : scheme) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return scheme == "http" || scheme == "https" || scheme == "mailto";
}

Result<RenderedMarkdown> RenderMarkdown(std::string_view markdown, const MarkdownOptions& options) {
  if (markdown.size() > kMaxMarkdownBytes) {
    return Status::TooLarge("the text is " + std::to_string(markdown.size()) +
                            " bytes long; the limit is " + std::to_string(kMaxMarkdownBytes) +
                            " bytes (64 KiB)");
  }
  RegisterExtensionsOnce();
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(kOptions));
  std::unique_ptr<cmark_node, NodeDeleter> document;
  {
    std::lock_guard lock(ParseMutex());
    for (const char* name : kExtensions) {
      if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
        cmark_parser_attach_syntax_extension(parser.get(), extension);
      }
    }
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    document.reset(cmark_parser_finish(parser.get()));
  }

  RenderedMarkdown out;
  if (options.split_references) SplitReferences(document.get(), out.references);

  // One walk to find what to change; the changes come after it, since moving nodes
  // under a live iterator is not allowed.
  std::vector<cmark_node*> raw_html;
  std::vector<cmark_node*> unsafe;
  std::vector<cmark_node*> images;
  std::vector<cmark_node*> headings;
  std::set<std::string> seen_urls;
  int highest = 7;
  {
    ForEachNode(document.get(), [&](cmark_node* node) {
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
          raw_html.push_back(node);
          break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE: {
          const char* url = cmark_node_get_url(node);
          const std::string_view target = url != nullptr ? url : "";
          if (!IsSafeLinkUrl(target)) {
            unsafe.push_back(node);
          } else if (cmark_node_get_type(node) == CMARK_NODE_IMAGE) {
            images.push_back(node);
          } else if (cmark_node_get_type(node) == CMARK_NODE_LINK && !target.empty() &&
                     seen_urls.insert(std::string(target)).second) {
            out.links.push_back({PlainText(node), std::string(target)});
          }
          break;
        }
        case CMARK_NODE_HEADING:
          headings.push_back(node);
          highest = std::min(highest, cmark_node_get_heading_level(node));
          break;
        default:
          break;
      }
      return true;
    });
  }
  for (cmark_node* node : raw_html) cmark_node_free(node);  // unlinks, then frees
  for (cmark_node* node : unsafe) ReplaceWithChildren(node);
  for (cmark_node* node : images) ReplaceImageWithLink(node);
  const int first = std::clamp(options.first_heading_level, 1, 6);
  for (cmark_node* node : headings) {
    cmark_node_set_heading_level(node, std::min(6, cmark_node_get_heading_level(node) - highest + first));
  }

  char* html = cmark_render_html(document.get(), kOptions, cmark_parser_get_syntax_extensions(parser.get()));
  if (html != nullptr) {
    out.html = html;
    std::free(html);  // cmark's default allocator is malloc/free
    if (!options.link_rel.empty()) AddLinkRel(out.html, options.link_rel);
  }
  return out;
}

}  // namespace diseasemaps
