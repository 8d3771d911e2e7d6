// XmlDocument: an XML file read whole into a tree by libxml2, for importers that walk
// it. Immutable once parsed; a document and its elements may be read from one thread
// at a time (different documents on different threads at once).
//
// The encoding comes from the document's XML declaration (UTF-8 when it names none);
// text comes back as UTF-8. A document declared ISO-8859-1 is read as Windows-1252, as
// browsers do: the bytes 0x80–0x9F are C1 control characters in ISO-8859-1, never
// meant in text, and files saved on Windows use them for dashes and quotes.
// Never fetches anything from the network and expands no external entity.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "platform/status.h"

struct _xmlDoc;
struct _xmlNode;

namespace diseasemaps {

// A view of one element of an XmlDocument; valid while the document lives. A null
// element (from Child() when there is no such child) is false and reads as empty.
class XmlElement {
 public:
  XmlElement() = default;
  explicit operator bool() const { return node_ != nullptr; }

  std::string_view Name() const;
  // The first child element with this name, or a null element.
  XmlElement Child(std::string_view name) const;
  // Every child element with this name, in document order.
  std::vector<XmlElement> Children(std::string_view name) const;
  // The text inside, UTF-8, whitespace trimmed at both ends; "" for a null element.
  std::string Text() const;
  // The attribute's value, or "" when absent.
  std::string Attribute(std::string_view name) const;
  // The line the element starts on, 1-based (0 for a null element).
  long Line() const;

 private:
  friend class XmlDocument;
  XmlElement(_xmlNode* node, bool windows_1252) : node_(node), windows_1252_(windows_1252) {}
  _xmlNode* node_ = nullptr;
  bool windows_1252_ = false;
};

class XmlDocument {
 public:
  // Parses the bytes of a whole document. InvalidArgument "line N: what is wrong" when
  // it is not well-formed XML (or names an encoding nobody knows).
  static Result<XmlDocument> Parse(std::string_view bytes);

  XmlElement Root() const;
  // The encoding the XML declaration names, as written ("ISO-8859-1"), or "".
  const std::string& DeclaredEncoding() const { return declared_encoding_; }

 private:
  struct Free {
    void operator()(_xmlDoc* doc) const;
  };
  std::unique_ptr<_xmlDoc, Free> doc_;
  std::string declared_encoding_;
  bool windows_1252_ = false;
};

// Text decoded as ISO-8859-1 (now UTF-8) with its C1 controls U+0080–U+009F read as the
// Windows-1252 characters of the same bytes; the five bytes Windows-1252 leaves
// undefined stay as they are. Exposed for tests.
std::string Windows1252FromLatin1(std::string_view utf8);

}  // namespace diseasemaps
