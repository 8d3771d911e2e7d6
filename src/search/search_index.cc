#include "search/search_index.h"

#include <set>

#include <spdlog/spdlog.h>

#include "search/stemming.h"
#include "search/versioned_index.h"

namespace diseasemaps::search {
namespace {

constexpr std::size_t kMaxTermBytes = 200;  // Xapian's limit is 245

// Adds the stems of text's words (in `lang`) under `prefix`. Terms already added go in
// again (raising their weight) only when `repeat`: the English text says a word twice
// when it means it twice; a translation saying the same word again says nothing new.
void AddWords(Xapian::Document& doc, std::set<std::string>& added, const std::string& prefix, const std::string& text,
              Lang lang = kEnglish, bool repeat = true) {
  std::vector<std::string> stems;
  for (const WordForm& word : WordForms(text)) {
    if (IsStopword(word.folded) || word.folded.size() > kMaxTermBytes) continue;
    stems.clear();
    AddIndexStems(word, lang, stems);
    for (const std::string& stem : stems) {
      std::string term = prefix + stem;
      if (added.insert(term).second || repeat) doc.add_term(term, 1);
    }
  }
}

// A whole-value term. Weighted ones (exact names and synonyms) carry a wdf of 1 so that
// a query can boost them; codes are filters only.
void AddWhole(Xapian::Document& doc, std::set<std::string>& added, const std::string& prefix, const std::string& value,
              bool weighted) {
  if (value.empty() || value.size() > kMaxTermBytes || !added.insert(prefix + value).second) return;
  if (weighted) {
    doc.add_term(prefix + value, 1);
  } else {
    doc.add_boolean_term(prefix + value);
  }
}

}  // namespace

Xapian::Document MakeDocument(const SearchRecord& r) {
  Xapian::Document doc;
  std::set<std::string> added;
  AddWords(doc, added, kNamePrefix, r.name);
  AddWhole(doc, added, kExactNamePrefix, Normalize(r.name), true);
  for (const std::string& s : r.synonyms) {
    AddWords(doc, added, kSynonymPrefix, s);
    AddWhole(doc, added, kExactSynonymPrefix, Normalize(s), true);
  }
  for (const SearchLabel& t : r.translations) {
    AddWords(doc, added, t.is_name ? kNamePrefix : kSynonymPrefix, t.text, t.lang, /*repeat=*/false);
    AddWhole(doc, added, t.is_name ? kExactNamePrefix : kExactSynonymPrefix, Normalize(t.text), true);
  }
  AddWords(doc, added, kDefinitionPrefix, r.definition);
  for (const SearchFeature& f : r.features) {
    AddWords(doc, added, kFeaturePrefix, f.term);
    AddWords(doc, added, kFeaturePrefix, f.lay_label);
    for (const std::string& phrase : f.phrases) AddWords(doc, added, kFeaturePrefix, phrase);
  }
  for (const std::string& a : r.answers) AddWords(doc, added, kAnswerPrefix, a);
  for (const std::string& code : r.codes) AddWhole(doc, added, kCodePrefix, code, false);
  doc.set_data(std::to_string(r.orphacode));
  return doc;
}

Result<std::unique_ptr<IndexWriter>> IndexWriter::Open(const std::filesystem::path& path, std::string* why_rebuilt) {
  auto opened = OpenVersionedIndex(path, kIndexSchemaVersion, "search index", why_rebuilt);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<IndexWriter> writer(new IndexWriter(std::move(opened->db)));
  writer->applied_change_ = opened->applied_change;
  return writer;
}

Xapian::doccount IndexWriter::documents() const { return db_.get_doccount(); }

Status IndexWriter::Replace(const SearchRecord& record) {
  try {
    db_.replace_document(static_cast<Xapian::docid>(record.id), MakeDocument(record));
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::Internal("search index: " + e.get_description());
  }
}

Status IndexWriter::Remove(long long condition_id) {
  try {
    db_.delete_document(static_cast<Xapian::docid>(condition_id));
  } catch (const Xapian::DocNotFoundError&) {
    // Already absent.
  } catch (const Xapian::Error& e) {
    return Status::Internal("search index: " + e.get_description());
  }
  return Status::Ok();
}

Status IndexWriter::RemoveAllExcept(const std::vector<long long>& keep) {
  try {
    std::vector<Xapian::docid> gone;
    std::size_t k = 0;  // keep is sorted, like the posting list
    for (auto it = db_.postlist_begin(""); it != db_.postlist_end(""); ++it) {
      while (k < keep.size() && keep[k] < static_cast<long long>(*it)) ++k;
      if (k == keep.size() || keep[k] != static_cast<long long>(*it)) gone.push_back(*it);
    }
    for (Xapian::docid id : gone) db_.delete_document(id);
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::Internal("search index: " + e.get_description());
  }
}

Status IndexWriter::Commit(long long applied_change) {
  Status committed = CommitVersionedIndex(db_, kIndexSchemaVersion, applied_change, "search index");
  if (committed.ok()) applied_change_ = applied_change;
  return committed;
}

std::unique_ptr<IndexReaders::Reader> IndexReaders::Borrow() {
  const unsigned long generation = generation_.load();
  std::unique_ptr<Reader> reader;
  {
    std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      reader = std::move(free_.back());
      free_.pop_back();
    }
  }
  if (!reader) return std::make_unique<Reader>(Reader{Xapian::Database(path_.string()), generation});
  if (reader->generation != generation) {
    reader->db.reopen();
    reader->generation = generation;
  }
  return reader;
}

void IndexReaders::Return(std::unique_ptr<Reader> reader) {
  std::lock_guard lock(mutex_);
  free_.push_back(std::move(reader));
}

Result<IndexResults> IndexReaders::Search(const Xapian::Query& query, std::size_t offset, std::size_t limit) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    try {
      std::unique_ptr<Reader> reader = Borrow();
      Xapian::Enquire enquire(reader->db);
      enquire.set_query(query);
      enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.3, 0.5));
      Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(offset),
                                           static_cast<Xapian::doccount>(limit),
                                           static_cast<Xapian::doccount>(offset + limit + 100));
      IndexResults results;
      results.estimated_total = mset.get_matches_estimated();
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        results.hits.push_back({static_cast<long long>(*it), it.get_weight()});
      }
      Return(std::move(reader));
      return results;
    } catch (const Xapian::DatabaseModifiedError&) {
      Refresh();  // a writer committed twice under us: reopen and retry
    } catch (const Xapian::DatabaseOpeningError& e) {
      return Status::Unavailable("the search index is not ready: " + e.get_description());
    } catch (const Xapian::Error& e) {
      spdlog::warn("search index: {}", e.get_description());
      return Status::Internal("the search index failed: " + e.get_description());
    }
  }
  return Status::Unavailable("the search index is being rewritten; try again");
}

Xapian::doccount IndexReaders::TermFrequency(const std::string& term) {
  try {
    std::unique_ptr<Reader> reader = Borrow();
    const Xapian::doccount n = reader->db.get_termfreq(term);
    Return(std::move(reader));
    return n;
  } catch (const Xapian::Error&) {
    return 0;
  }
}

}  // namespace diseasemaps::search
