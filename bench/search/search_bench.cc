// search_bench: relevance and speed of search on the full catalogue, against SQLite FTS5
// over the same fields answering the same queries. Run by bench/search.sh (make bench).
//
//   search_bench --database DB --queries bench/search/queries.tsv --index DIR [--http URL]
//                [--language-queries FILE]   (made by search_queries from the same DB)
//
// Prints one line per figure: index build time; MRR and recall@3 of both systems with
// their p50/p99 latencies; per language, MRR and recall@3 on the generated set, and
// search p99 with nine languages against English only; suggest p99 in process; with --http, search and suggest
// p50/p99 through HTTP (one client, keep-alive) against a running server on DB.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio.hpp>
#include <boost/beast.hpp>

#include "search/normalize.h"
#include "search/search_indexer.h"
#include "search/search_store.h"

using namespace diseasemaps;
using Clock = std::chrono::steady_clock;

namespace {

struct Query {
  std::string text;
  int expected = 0;
  std::string kind;
  std::string lang = "en";  // the generated sets name it; the hand-written one is English
};

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

struct Scores {
  double reciprocal_sum = 0;
  int in_top3 = 0;
  int count = 0;
  std::vector<double> latencies;
  std::map<std::string, std::pair<int, int>> by_kind;  // kind -> (top3, count)
  void Add(const Query& q, int rank) {  // rank 1-based, 0: not in the first page
    ++count;
    if (rank > 0) reciprocal_sum += 1.0 / rank;
    if (rank > 0 && rank <= 3) ++in_top3;
    auto& k = by_kind[q.kind];
    k.second += 1;
    if (rank > 0 && rank <= 3) k.first += 1;
  }
  std::string Line(const std::string& name) const {
    char buf[256];
    std::snprintf(buf, sizeof buf, "%s: MRR %.3f, recall@3 %.3f (%d of %d), p50 %.2f ms, p99 %.2f ms", name.c_str(),
                  reciprocal_sum / count, static_cast<double>(in_top3) / count, in_top3, count,
                  Percentile(latencies, 0.5), Percentile(latencies, 0.99));
    return buf;
  }
};

std::vector<Query> ReadQueries(const std::string& path) {
  std::vector<Query> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    const auto c = line.find('\t', b + 1);
    Query q{line.substr(0, a), std::stoi(line.substr(a + 1, b - a - 1)), line.substr(b + 1, c - b - 1)};
    if (c != std::string::npos) q.lang = line.substr(c + 1);
    out.push_back(std::move(q));
  }
  return out;
}

// The baseline: FTS5 over the same fields, porter stemming, accents removed; a query is
// its words OR'd (an AND would find nothing for a typo), ranked by bm25 with the name
// weighted as our index weighs it.
class Fts5 {
 public:
  explicit Fts5(const std::vector<search::SearchRecord>& records) {
    sqlite3_open(":memory:", &db_);
    Exec("CREATE VIRTUAL TABLE f USING fts5(orphacode UNINDEXED, name, synonyms, codes, definition, features,"
         " answers, tokenize = 'porter unicode61 remove_diacritics 2')");
    Exec("BEGIN");
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db_, "INSERT INTO f VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &insert, nullptr);
    for (const auto& r : records) {
      std::string synonyms, codes, features, answers;
      for (const auto& s : r.synonyms) synonyms += s + "\n";
      for (const auto& c : r.codes) codes += c + " ";
      for (const auto& f : r.features) features += f.term + "\n" + f.lay_label + "\n";
      for (const auto& a : r.answers) answers += a + "\n";
      const std::string fields[] = {std::to_string(r.orphacode), r.name, synonyms, codes, r.definition, features,
                                    answers};
      for (int i = 0; i < 7; ++i) sqlite3_bind_text(insert, i + 1, fields[i].c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_step(insert);
      sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    Exec("COMMIT");
    sqlite3_prepare_v2(db_,
                       "SELECT orphacode FROM f WHERE f MATCH ? ORDER BY bm25(f, 0, 10, 6, 6, 1, 2, 1) LIMIT 10",
                       -1, &search_, nullptr);
  }
  ~Fts5() {
    sqlite3_finalize(search_);
    sqlite3_close(db_);
  }
  std::vector<int> Search(const std::string& query) {
    std::string match;
    for (const std::string& w : search::Words(query)) match += (match.empty() ? "\"" : " OR \"") + w + "\"";
    std::vector<int> out;
    if (match.empty()) return out;
    sqlite3_bind_text(search_, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(search_) == SQLITE_ROW) out.push_back(std::stoi(reinterpret_cast<const char*>(sqlite3_column_text(search_, 0))));
    sqlite3_reset(search_);
    return out;
  }

 private:
  void Exec(const char* sql) { sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* search_ = nullptr;
};

int RankOf(const std::vector<int>& codes, int expected) {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] == expected) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::string Encode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) out += static_cast<char>(c);
    else { out += '%'; out += kHex[c >> 4]; out += kHex[c & 15]; }
  }
  return out;
}

// Sequential GETs over one keep-alive connection; returns per-request milliseconds.
std::vector<double> HttpTimes(const std::string& url, const std::vector<std::string>& targets, int rounds) {
  namespace beast = boost::beast;
  const std::string hostport = url.substr(url.find("://") + 3);
  const std::string host = hostport.substr(0, hostport.find(':'));
  const std::string port = hostport.substr(hostport.find(':') + 1, hostport.find('/', hostport.find(':')) - hostport.find(':') - 1);
  boost::asio::io_context io;
  boost::asio::ip::tcp::resolver resolver(io);
  beast::tcp_stream stream(io);
  stream.connect(resolver.resolve(host, port));
  std::vector<double> times;
  beast::flat_buffer buffer;
  for (int r = 0; r < rounds; ++r) {
    for (const std::string& target : targets) {
      beast::http::request<beast::http::empty_body> req{beast::http::verb::get, target, 11};
      req.set(beast::http::field::host, host);
      const auto start = Clock::now();
      beast::http::write(stream, req);
      beast::http::response<beast::http::string_body> res;
      beast::http::read(stream, buffer, res);
      times.push_back(Ms(Clock::now() - start));
      if (res.result_int() != 200) std::cerr << "HTTP " << res.result_int() << " for " << target << "\n";
    }
  }
  return times;
}

// Per-language relevance on the generated set (each query asked with its language as the
// page's), then search latency with nine languages indexed against an index of the same
// catalogue in English only, on every query of both sets. Returns 0, or 1 on failure.
int Languages(search::SearchService& service, const std::vector<search::SearchRecord>& records,
              const std::vector<Query>& generated, const std::vector<Query>& hand_written, const std::string& index) {
  std::map<std::string, Scores> by_lang;
  for (const Query& q : generated) {
    const search::Lang lang = search::LanguageOf(q.lang).value_or(search::kEnglish);
    const auto start = Clock::now();
    auto page = service.Search(q.text, 1, lang);
    Scores& scores = by_lang[q.lang];
    scores.latencies.push_back(Ms(Clock::now() - start));
    std::vector<int> codes;
    if (page.ok()) {
      for (const auto& hit : page->hits) codes.push_back(hit.orphacode);
    }
    const int rank = RankOf(codes, q.expected);
    scores.Add(q, rank);
    if (rank == 0 || rank > 3) {
      std::printf("  miss (%s, rank %d): %s -> %d\n", q.lang.c_str(), rank, q.text.c_str(), q.expected);
    }
  }
  for (const auto& [lang, scores] : by_lang) {
    std::printf("%s (target MRR >= 0.9)\n", scores.Line("search relevance, " + lang).c_str());
  }

  // The same catalogue without its translations, in an index and snapshot of its own.
  std::string why;
  const std::string english_path = index + "-english-only";
  auto writer = search::IndexWriter::Open(english_path, &why);
  if (!writer.ok()) {
    std::cerr << writer.status().message() << "\n";
    return 1;
  }
  search::RecordMap english;
  for (search::SearchRecord r : records) {
    r.translations.clear();
    if (!(*writer)->Replace(r).ok()) return 1;
    english.emplace(r.id, std::make_shared<const search::SearchRecord>(std::move(r)));
  }
  if (!(*writer)->Commit(0).ok()) return 1;
  search::SearchService english_service(english_path);
  english_service.Publish(search::BuildSnapshot(std::move(english)));

  std::vector<Query> all = hand_written;
  all.insert(all.end(), generated.begin(), generated.end());
  std::vector<double> nine, one;
  for (int round = 0; round < 5; ++round) {
    for (const Query& q : all) {
      auto start = Clock::now();
      (void)service.Search(q.text, 1);
      nine.push_back(Ms(Clock::now() - start));
      start = Clock::now();
      (void)english_service.Search(q.text, 1);
      one.push_back(Ms(Clock::now() - start));
    }
  }
  const double ratio = Percentile(nine, 0.99) / std::max(Percentile(one, 0.99), 1e-9);
  std::printf("search p99, nine languages vs English only: %.2f ms vs %.2f ms (%zu searches each), ratio %.2f"
              " (target <= 1.5)\n", Percentile(nine, 0.99), Percentile(one, 0.99), nine.size(), ratio);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string database, queries_path, index, http, language_queries_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--database") database = argv[i + 1];
    else if (flag == "--queries") queries_path = argv[i + 1];
    else if (flag == "--index") index = argv[i + 1];
    else if (flag == "--http") http = argv[i + 1];
    else if (flag == "--language-queries") language_queries_path = argv[i + 1];
  }
  if (database.empty() || queries_path.empty() || index.empty()) {
    std::cerr << "usage: search_bench --database DB --queries FILE --index DIR [--http URL] [--language-queries FILE]\n";
    return 2;
  }
  const std::vector<Query> queries = ReadQueries(queries_path);
  DatabaseOptions options;
  options.url = database;
  auto db = Database::Open(options);
  if (!db.ok()) {
    std::cerr << db.status().message() << "\n";
    return 1;
  }
  auto indexer = search::SearchIndexer::Open(**db, index, false);
  if (!indexer.ok()) {
    std::cerr << indexer.status().message() << "\n";
    return 1;
  }
  auto built = (*indexer)->Rebuild();
  if (!built.ok()) {
    std::cerr << built.status().message() << "\n";
    return 1;
  }
  std::printf("search index build: %zu conditions in %.2f s (target < 30 s)\n", built->conditions, built->seconds);
  search::SearchService& service = (*indexer)->service();

  constexpr int kRepeats = 20;
  Scores ours, fts;
  for (const Query& q : queries) {
    std::vector<int> codes;
    for (int r = 0; r < kRepeats; ++r) {
      const auto start = Clock::now();
      auto page = service.Search(q.text, 1);
      ours.latencies.push_back(Ms(Clock::now() - start));
      if (r == 0 && page.ok()) {
        for (const auto& hit : page->hits) codes.push_back(hit.orphacode);
      }
    }
    const int rank = RankOf(codes, q.expected);
    ours.Add(q, rank);
    if (rank == 0 || rank > 3) {
      std::string first;
      for (std::size_t i = 0; i < codes.size() && i < 3; ++i) first += " " + std::to_string(codes[i]);
      std::printf("  miss (ours, rank %d): %s -> %d; first:%s\n", rank, q.text.c_str(), q.expected, first.c_str());
    }
  }
  auto records = search::SearchStore(**db).LoadAll();
  Fts5 baseline(*records);
  for (const Query& q : queries) {
    std::vector<int> codes;
    for (int r = 0; r < kRepeats; ++r) {
      const auto start = Clock::now();
      codes = baseline.Search(q.text);
      fts.latencies.push_back(Ms(Clock::now() - start));
    }
    fts.Add(q, RankOf(codes, q.expected));
  }
  std::printf("%s (target MRR >= 0.9, recall@3 >= 0.95, p99 < 10 ms)\n", ours.Line("search relevance, ours").c_str());
  std::printf("%s\n", fts.Line("search relevance, SQLite FTS5 baseline").c_str());
  for (const auto& [kind, counts] : ours.by_kind) {
    std::printf("  ours by kind: %s recall@3 %d of %d (FTS5: %d)\n", kind.c_str(), counts.first, counts.second,
                fts.by_kind[kind].first);
  }

  if (!language_queries_path.empty()) {
    if (int failed = Languages(service, *records, ReadQueries(language_queries_path), queries, index); failed != 0) {
      return failed;
    }
  }

  std::vector<double> suggest_times;
  std::vector<std::string> prefixes;
  for (const Query& q : queries) {
    for (std::size_t n = 1; n <= q.text.size(); ++n) prefixes.push_back(q.text.substr(0, n));
  }
  for (int r = 0; r < 5; ++r) {
    for (const std::string& p : prefixes) {
      const auto start = Clock::now();
      auto s = service.Suggest(p);
      suggest_times.push_back(Ms(Clock::now() - start));
    }
  }
  std::printf("suggest in process: %zu prefixes, p50 %.3f ms, p99 %.3f ms (target p99 < 2 ms)\n",
              suggest_times.size(), Percentile(suggest_times, 0.5), Percentile(suggest_times, 0.99));

  if (!http.empty()) {
    std::vector<std::string> search_targets, suggest_targets;
    for (const Query& q : queries) search_targets.push_back("/api/v1/search?q=" + Encode(q.text));
    for (const std::string& p : prefixes) suggest_targets.push_back("/api/v1/suggest?q=" + Encode(p));
    try {
      const auto s = HttpTimes(http, search_targets, 5);
      std::printf("search through HTTP: %zu requests, p50 %.2f ms, p99 %.2f ms (target p99 < 10 ms)\n", s.size(),
                  Percentile(s, 0.5), Percentile(s, 0.99));
      const auto g = HttpTimes(http, suggest_targets, 2);
      std::printf("suggest through HTTP: %zu requests, p50 %.2f ms, p99 %.2f ms (target p99 < 3 ms)\n", g.size(),
                  Percentile(g, 0.5), Percentile(g, 0.99));
    } catch (const std::exception& e) {
      std::cerr << "HTTP measurement failed: " << e.what() << "\n";
      return 1;
    }
  }
  return 0;
}
