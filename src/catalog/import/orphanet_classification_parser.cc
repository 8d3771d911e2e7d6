// Orphanet classification XML -> tree and names. See orphanet_classification_parser.h.
#include "catalog/import/orphanet_classification_parser.h"

#include <set>
#include <unordered_set>

#include "catalog/import/orphanet_xml.h"
#include "platform/text.h"
#include "platform/xml.h"

namespace diseasemaps::catalog {
namespace {

// Walks the tree, collecting what it meets; stops at the first error.
class TreeWalker {
 public:
  explicit TreeWalker(OrphanetClassification& out) : out_(out) {}

  // A ClassificationNode under `parent` (0: at the top).
  Status Node(const XmlElement& node, int parent) {
    int here = parent;
    if (XmlElement disorder = node.Child("Disorder")) {
      auto code = Disorder(disorder);
      if (!code.ok()) return code.status();
      here = *code;
      Link(parent, here);
    }
    return Nodes(node.Child("ClassificationNodeChildList"), here);
  }

  // Every ClassificationNode in a list element, under `parent`.
  Status Nodes(const XmlElement& list, int parent) {
    for (const XmlElement& child : list.Children("ClassificationNode")) {
      if (Status s = Node(child, parent); !s.ok()) return s;
    }
    return Status::Ok();
  }

  // Records a Disorder element once; returns its ORPHAcode.
  Result<int> Disorder(const XmlElement& disorder) {
    auto code = OrphacodeOf(disorder);
    if (!code.ok()) return code.status();
    if (seen_.insert(*code).second) {
      const XmlElement name = disorder.Child("Name");
      if (!name || name.Text().empty()) return ErrorAt(disorder, "ORPHAcode " + std::to_string(*code) + " has no Name");
      out_.disorders.push_back({*code, name.Text(), NormaliseLanguage(name.Attribute("lang")),
                                disorder.Child("DisorderType").Child("Name").Text()});
    }
    return code;
  }

  void Link(int parent, int child) {
    if (parent == 0) {
      if (roots_.insert(child).second) out_.roots.push_back(child);
      return;
    }
    if (edges_.insert({parent, child}).second) out_.edges.push_back({parent, child});
  }

 private:
  OrphanetClassification& out_;
  std::unordered_set<int> seen_;
  std::set<ClassificationEdge> edges_;
  std::set<int> roots_;
};

}  // namespace

int ClassificationIdFromFileName(std::string_view file_name) {
  constexpr std::string_view kPrefix = "ORPHAclassification_";
  if (!file_name.starts_with(kPrefix)) return 0;
  file_name.remove_prefix(kPrefix.size());
  const auto number = ParsePositiveInteger(file_name.substr(0, file_name.find('_')));
  return number && *number < 1000000 ? static_cast<int>(*number) : 0;
}

Result<OrphanetClassification> ParseOrphanetClassification(std::string_view bytes,
                                                           std::string_view file_name) {
  auto document = XmlDocument::Parse(bytes);
  if (!document.ok()) return document.status();
  const XmlElement root = document->Root();
  if (root.Name() != "JDBOR") return ErrorAt(root, "the root element is not JDBOR");
  OrphanetClassification out;
  out.extraction_date = root.Attribute("ExtractionDate");
  if (out.extraction_date.empty()) out.extraction_date = root.Attribute("date");
  out.data_version = root.Attribute("version");
  TreeWalker walker(out);

  if (const XmlElement classification = root.Child("ClassificationList").Child("Classification")) {
    const auto id = ParsePositiveInteger(classification.Attribute("id"));
    if (!id || *id >= 1000000) return ErrorAt(classification, "a Classification without a numeric id");
    out.id = static_cast<int>(*id);
    const XmlElement title = classification.Child("Name");
    out.title = title.Text();
    out.title_language = NormaliseLanguage(title.Attribute("lang"));
    if (Status s = walker.Nodes(classification.Child("ClassificationNodeRootList"), 0); !s.ok()) return s;
  } else if (const XmlElement top = root.Child("DisorderList").Child("Disorder")) {
    out.id = ClassificationIdFromFileName(file_name);
    if (out.id == 0) return ErrorAt(top, "no classification id (neither in the file nor in its name)");
    auto code = walker.Disorder(top);
    if (!code.ok()) return code.status();
    walker.Link(0, *code);
    if (Status s = walker.Nodes(top.Child("ClassificationNodeList"), *code); !s.ok()) return s;
  } else {
    return ErrorAt(root, "neither ClassificationList > Classification nor DisorderList > Disorder");
  }
  if (out.disorders.empty()) return ErrorAt(root, "a classification without any Disorder");
  return out;
}

}  // namespace diseasemaps::catalog
