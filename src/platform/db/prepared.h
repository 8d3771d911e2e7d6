// Prepared statements kept on each pooled SQLite connection: a query that a page runs on
// every request is parsed and planned once per connection, not once per request (on a
// forum page, preparing was a quarter of the server's time).
//
// A feature declares the query as a type: its fields are the values it binds and what it
// reads, its last field the statement, prepared by the constructor on a session:
//
//   struct TopicRowQuery : PreparedQuery {
//     long long topic = 0;
//     soci::row row;
//     soci::statement statement;
//     explicit TopicRowQuery(soci::session& sql)
//         : statement((sql.prepare << "SELECT ... WHERE id = :t", soci::use(topic, "t"), soci::into(row))) {}
//   };
//
//   auto query = Prepared<TopicRowQuery>(sql);  // inside Database::Run's callback
//   query->topic = id;
//   for (bool more = query.Execute(); more; more = query.Fetch()) { ... query->row ... }
//
// One handle of a type at a time on a session: a handle opened while another of the same
// type is still open (a query used inside its own loop) would share its statement.
//
// What it guarantees: a kept query belongs to one connection and is only reached by the
// one thread that leased it (platform/db/database.h), so it needs no lock; the handle
// resets the statement when it goes, so no read stays open between requests (a pending
// SQLite statement would hold a read transaction and stop WAL checkpoints). Queries are
// kept only on the SQLite connections a Database opened, and dropped when it closes; on
// any other session (PostgreSQL, whose connections may be re-made after a failure, or a
// session opened by hand) the handle prepares the query afresh and frees it, as SOCI's
// own `sql.prepare <<` does.
#pragma once

#include <memory>
#include <typeindex>

#include <soci/soci.h>

namespace diseasemaps {

// The base of every kept query: only so that the connection's store can hold them all.
struct PreparedQuery {
  virtual ~PreparedQuery() = default;
};

namespace prepared_detail {
// The query of type `type` kept on `sql`, made by make(sql) on first use; null when
// `sql` keeps no queries.
PreparedQuery* Kept(soci::session& sql, std::type_index type,
                    std::unique_ptr<PreparedQuery> (*make)(soci::session&));
// Ends the pending read of a kept query's statement (sqlite3_reset).
void Finish(soci::statement& statement) noexcept;
}  // namespace prepared_detail

// Starts keeping queries on `sql`. REQUIRES: an SQLite session (Database::Open).
void KeepPreparedQueriesOn(soci::session& sql);
// Frees every query kept on `sql` and stops keeping them; call before it closes.
void DropPreparedQueriesOf(soci::session& sql);

// A query of type Q on one session, for the span of one callback.
template <typename Q>
class PreparedHandle {
 public:
  explicit PreparedHandle(soci::session& sql) {
    PreparedQuery* kept = prepared_detail::Kept(
        sql, typeid(Q), [](soci::session& s) -> std::unique_ptr<PreparedQuery> { return std::make_unique<Q>(s); });
    if (kept != nullptr) {
      query_ = static_cast<Q*>(kept);
      kept_ = true;
    } else {
      owned_ = std::make_unique<Q>(sql);
      query_ = owned_.get();
    }
  }
  ~PreparedHandle() {
    if (kept_) prepared_detail::Finish(query_->statement);
  }
  PreparedHandle(const PreparedHandle&) = delete;
  PreparedHandle& operator=(const PreparedHandle&) = delete;

  Q* operator->() { return query_; }
  Q& operator*() { return *query_; }
  // Runs the query with the fields' values; true when it gave a first row.
  bool Execute() { return query_->statement.execute(true); }
  // The next row; false at the end.
  bool Fetch() { return query_->statement.fetch(); }

 private:
  Q* query_ = nullptr;
  bool kept_ = false;
  std::unique_ptr<Q> owned_;  // when the session keeps no queries
};

template <typename Q>
PreparedHandle<Q> Prepared(soci::session& sql) {
  return PreparedHandle<Q>(sql);
}

// The commonest kept query: one number (a count) of one id, `kSql` naming it `:id`.
template <const char* kSql>
struct NumberOfIdQuery : PreparedQuery {
  long long id = 0;
  long long number = 0;
  soci::statement statement;
  explicit NumberOfIdQuery(soci::session& sql)
      : statement((sql.prepare << kSql, soci::use(id, "id"), soci::into(number))) {}
};

// What kSql gives for `id`; `otherwise` when it gives no row.
template <const char* kSql>
long long PreparedNumberOf(soci::session& sql, long long id, long long otherwise = 0) {
  auto query = Prepared<NumberOfIdQuery<kSql>>(sql);
  query->id = id;
  return query.Execute() ? query->number : otherwise;
}

}  // namespace diseasemaps
