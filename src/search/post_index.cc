#include "search/post_index.h"

#include "search/normalize.h"
#include "search/stemming.h"
#include "search/versioned_index.h"

namespace diseasemaps::search {
namespace {

constexpr std::size_t kMaxTermBytes = 200;  // Xapian's limit is 245
constexpr double kTitleWeight = 2.0, kBodyWeight = 1.0;

void AddWords(Xapian::Document& doc, const std::string& prefix, std::string_view text) {
  std::vector<std::string> stems;
  for (const WordForm& word : WordForms(text)) {
    if (IsStopword(word.folded) || word.folded.size() > kMaxTermBytes) continue;
    stems.clear();
    AddIndexStems(word, kEnglish, stems);
    for (const std::string& stem : stems) doc.add_term(prefix + stem, 1);
  }
}

std::string ReadersTerm(guard::ForumReaders readers) {
  return kPostReadersPrefix + guard::ForumReadersName(readers);
}

}  // namespace

std::filesystem::path PostIndexPath(const std::filesystem::path& conditions_index) {
  return std::filesystem::path(conditions_index.string() + "-posts");
}

Xapian::Document MakePostDocument(const PostRecord& r) {
  Xapian::Document doc;
  AddWords(doc, kPostTitlePrefix, r.title);
  AddWords(doc, kPostBodyPrefix, r.body);
  doc.add_boolean_term(kPostTopicPrefix + std::to_string(r.topic_id));
  doc.add_boolean_term(kPostForumPrefix + std::to_string(r.forum_id));
  doc.add_boolean_term(ReadersTerm(r.readers));
  return doc;
}

Xapian::Query MakePostQuery(std::string_view text, const std::vector<guard::ForumReaders>& readable) {
  std::vector<Xapian::Query> words;
  for (const WordForm& word : WordForms(text)) {
    if (IsStopword(word.folded) || word.folded.size() > kMaxTermBytes) continue;
    std::vector<Xapian::Query> fields;
    for (const auto& [prefix, weight] : {std::pair{kPostTitlePrefix, kTitleWeight}, {kPostBodyPrefix, kBodyWeight}}) {
      std::vector<Xapian::Query> terms;
      for (const std::string& stem : QueryStems(word)) terms.emplace_back(prefix + stem);
      fields.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                          Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end()), weight);
    }
    words.emplace_back(Xapian::Query::OP_OR, fields.begin(), fields.end());
  }
  if (words.empty() || readable.empty()) return Xapian::Query::MatchNothing;
  std::vector<Xapian::Query> allowed;
  for (guard::ForumReaders r : readable) allowed.emplace_back(ReadersTerm(r));
  return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()),
                       Xapian::Query(Xapian::Query::OP_OR, allowed.begin(), allowed.end()));
}

std::set<std::string> PostQueryStems(std::string_view text) {
  std::set<std::string> stems;
  for (const WordForm& word : WordForms(text)) {
    if (IsStopword(word.folded)) continue;
    for (std::string& stem : QueryStems(word)) stems.insert(std::move(stem));
  }
  return stems;
}

Result<std::unique_ptr<PostIndexWriter>> PostIndexWriter::Open(const std::filesystem::path& path, std::string* why_rebuilt) {
  auto opened = OpenVersionedIndex(path, kPostIndexSchemaVersion, "posts index", why_rebuilt);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<PostIndexWriter> writer(new PostIndexWriter(std::move(opened->db)));
  writer->applied_change_ = opened->applied_change;
  return writer;
}

Xapian::doccount PostIndexWriter::documents() const { return db_.get_doccount(); }

Status PostIndexWriter::ReplaceTopic(long long topic_id, const std::vector<PostRecord>& posts) {
  try {
    db_.delete_document(kPostTopicPrefix + std::to_string(topic_id));
    for (const PostRecord& p : posts) db_.replace_document(static_cast<Xapian::docid>(p.post_id), MakePostDocument(p));
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::Internal("posts index: " + e.get_description());
  }
}

Status PostIndexWriter::Add(const PostRecord& p) {
  try {
    db_.replace_document(static_cast<Xapian::docid>(p.post_id), MakePostDocument(p));
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::Internal("posts index: " + e.get_description());
  }
}

Status PostIndexWriter::Clear() {
  try {
    std::vector<Xapian::docid> all;
    for (auto it = db_.postlist_begin(""); it != db_.postlist_end(""); ++it) all.push_back(*it);
    for (Xapian::docid id : all) db_.delete_document(id);
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::Internal("posts index: " + e.get_description());
  }
}

Status PostIndexWriter::Commit(long long applied_change) {
  Status committed = CommitVersionedIndex(db_, kPostIndexSchemaVersion, applied_change, "posts index");
  if (committed.ok()) applied_change_ = applied_change;
  return committed;
}

}  // namespace diseasemaps::search
