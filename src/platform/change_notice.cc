#include "platform/change_notice.h"

#include <charconv>

namespace diseasemaps {
namespace {

constexpr std::string_view kMemberPrefix = "member:";

// Notices are made here from words and numbers only, so they can be written as a
// literal (NOTIFY takes no parameters); anything else is refused rather than quoted.
bool Plain(const std::string& notice) {
  if (notice.empty() || notice.size() > 64) return false;
  for (char c : notice) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':')) return false;
  }
  return true;
}

bool IsPostgresql(soci::session& sql) { return sql.get_backend_name() == "postgresql"; }

}  // namespace

std::string ContentNotice() { return "content"; }
std::string SearchNotice() { return "search"; }
std::string MemberNotice(long long member_id) { return std::string(kMemberPrefix) + std::to_string(member_id); }

ChangeNotice ParseChangeNotice(const std::string& payload) {
  ChangeNotice notice;
  if (payload == "content") {
    notice.kind = ChangeNotice::Kind::kContent;
  } else if (payload == "search") {
    notice.kind = ChangeNotice::Kind::kSearch;
  } else if (payload.rfind(kMemberPrefix, 0) == 0) {
    const char* first = payload.data() + kMemberPrefix.size();
    const char* last = payload.data() + payload.size();
    long long id = 0;
    auto [end, error] = std::from_chars(first, last, id);
    if (error == std::errc() && end == last && first != last && id > 0) {
      notice.kind = ChangeNotice::Kind::kMember;
      notice.member_id = id;
    }
  }
  return notice;
}

void NotifyChange(soci::session& sql, const std::string& notice) {
  if (!IsPostgresql(sql) || !Plain(notice)) return;
  sql << "NOTIFY " << kChangesChannel << ", '" << notice << "'";
}

Status AnnounceChange(Database& db, const std::string& notice) {
  if (db.backend() != Backend::kPostgresql) return Status::Ok();
  return db.Run([&](soci::session& sql) {
    NotifyChange(sql, notice);
    return Status::Ok();
  });
}

}  // namespace diseasemaps
