// libxml2 behind XmlDocument and XmlElement. See xml.h.
#include "platform/xml.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <mutex>

#include "platform/text.h"

namespace diseasemaps {
namespace {

// Windows-1252's characters for the bytes 0x80–0x9F; 0 where it defines none.
constexpr std::array<char32_t, 32> kWindows1252 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string_view View(const xmlChar* text) {
  return text == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(text));
}

bool NamedLatin1(std::string encoding) {
  std::transform(encoding.begin(), encoding.end(), encoding.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return encoding == "ISO-8859-1" || encoding == "ISO_8859-1" || encoding == "LATIN1" ||
         encoding == "LATIN-1" || encoding == "ISO8859-1";
}

// The first error libxml2 reports while parsing (the later ones follow from it: a
// mismatched tag ends in "premature end of data"), kept in the context's _private.
struct FirstError {
  bool seen = false;
  int line = 0;
  std::string message;
};

void KeepFirstError(void* user_data, xmlErrorPtr error) {
  auto* context = static_cast<xmlParserCtxtPtr>(user_data);
  auto* first = context == nullptr ? nullptr : static_cast<FirstError*>(context->_private);
  if (first == nullptr || first->seen || error == nullptr || error->level < XML_ERR_ERROR) return;
  first->seen = true;
  first->line = error->line;
  first->message = error->message == nullptr ? "not well-formed XML" : std::string(TrimWhitespace(error->message));
}

std::string ParseErrorMessage(xmlParserCtxtPtr context, const FirstError& first) {
  if (first.seen) return "line " + std::to_string(std::max(1, first.line)) + ": " + first.message;
  const xmlError* error = xmlCtxtGetLastError(context);
  if (error == nullptr || error->message == nullptr) return "line 1: not well-formed XML";
  return "line " + std::to_string(std::max(1, error->line)) + ": " + std::string(TrimWhitespace(error->message));
}

}  // namespace

std::string Windows1252FromLatin1(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    // U+0080–U+009F is C2 80 – C2 9F in UTF-8.
    const auto lead = static_cast<unsigned char>(utf8[i]);
    if (lead == 0xC2 && i + 1 < utf8.size()) {
      const auto next = static_cast<unsigned char>(utf8[i + 1]);
      if (next >= 0x80 && next <= 0x9F && kWindows1252[next - 0x80] != 0) {
        AppendUtf8(out, kWindows1252[next - 0x80]);
        ++i;
        continue;
      }
    }
    out.push_back(utf8[i]);
  }
  return out;
}

std::string_view XmlElement::Name() const {
  return node_ == nullptr ? std::string_view() : View(node_->name);
}

XmlElement XmlElement::Child(std::string_view name) const {
  if (node_ == nullptr) return {};
  for (xmlNode* child = node_->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && View(child->name) == name) return {child, windows_1252_};
  }
  return {};
}

std::vector<XmlElement> XmlElement::Children(std::string_view name) const {
  std::vector<XmlElement> found;
  if (node_ == nullptr) return found;
  for (xmlNode* child = node_->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && View(child->name) == name) found.push_back({child, windows_1252_});
  }
  return found;
}

std::string XmlElement::Text() const {
  if (node_ == nullptr) return "";
  xmlChar* content = xmlNodeGetContent(node_);
  std::string text(TrimWhitespace(View(content)));
  xmlFree(content);
  return windows_1252_ ? Windows1252FromLatin1(text) : text;
}

std::string XmlElement::Attribute(std::string_view name) const {
  if (node_ == nullptr) return "";
  const std::string wanted(name);
  xmlChar* value = xmlGetProp(node_, reinterpret_cast<const xmlChar*>(wanted.c_str()));
  std::string text(View(value));
  xmlFree(value);
  return windows_1252_ ? Windows1252FromLatin1(text) : text;
}

long XmlElement::Line() const { return node_ == nullptr ? 0 : xmlGetLineNo(node_); }

void XmlDocument::Free::operator()(_xmlDoc* doc) const { xmlFreeDoc(doc); }

Result<XmlDocument> XmlDocument::Parse(std::string_view bytes) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { xmlInitParser(); });
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return Status::TooLarge("an XML document of more than 2 GiB");
  }
  xmlParserCtxtPtr context = xmlNewParserCtxt();
  if (context == nullptr) return Status::Internal("libxml2 could not make a parser");
  // No network, no external entities, no messages on stderr (errors come back here),
  // line numbers past 65,535.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES;
  FirstError first;
  context->_private = &first;
  context->sax->serror = KeepFirstError;  // errors come here, never to stderr
  xmlDocPtr doc = xmlCtxtReadMemory(context, bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                    nullptr, options);
  if (doc == nullptr || context->wellFormed == 0) {
    const std::string message = ParseErrorMessage(context, first);
    if (doc != nullptr) xmlFreeDoc(doc);
    xmlFreeParserCtxt(context);
    return Status::InvalidArgument(message);
  }
  xmlFreeParserCtxt(context);
  XmlDocument document;
  document.doc_.reset(doc);
  document.declared_encoding_ = std::string(View(doc->encoding));
  document.windows_1252_ = NamedLatin1(document.declared_encoding_);
  return document;
}

XmlElement XmlDocument::Root() const { return {xmlDocGetRootElement(doc_.get()), windows_1252_}; }

}  // namespace diseasemaps
