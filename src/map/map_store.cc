#include "map/map_store.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>
#include <unordered_map>

#include "platform/content_generation.h"
#include "platform/db/row_text.h"
#include "profiles/profile.h"

namespace diseasemaps::map {
namespace {

// The map's roles are the profile's member roles, in the same order: one table of names.
static_assert(std::size(profiles::kAllMemberRoles) == kRoleCount);
static_assert(static_cast<int>(profiles::MemberRole::kAffected) == static_cast<int>(Role::kAffected));
static_assert(static_cast<int>(profiles::MemberRole::kFamily) == static_cast<int>(Role::kFamilyAndFriends));
static_assert(static_cast<int>(profiles::MemberRole::kAdviser) == static_cast<int>(Role::kAdviser));
static_assert(static_cast<int>(profiles::MemberRole::kResearcher) == static_cast<int>(Role::kResearcher));
static_assert(static_cast<int>(profiles::MemberRole::kProfessional) ==
              static_cast<int>(Role::kHealthcareProfessional));
static_assert(static_cast<int>(profiles::MemberRole::kOrganisation) == static_cast<int>(Role::kOrganisation));

// The member columns, then `WHERE` conditions appended by the caller.
constexpr const char* kMemberQuery =
    "SELECT u.id, COALESCE(p.visibility, 'members'), COALESCE(p.place_kind, 'none'), p.city_id,"
    " p.city_name, p.admin_name, p.country_code, p.latitude, p.longitude"
    " FROM users u LEFT JOIN profiles p ON p.user_id = u.id"
    " WHERE u.status = 'active' AND EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id)";

constexpr const char* kMembershipQuery =
    "SELECT m.user_id, m.orphacode, m.role, m.joined_at FROM memberships m"
    " JOIN users u ON u.id = m.user_id WHERE u.status = 'active'";

MemberRow ReadMember(const soci::row& row) {
  MemberRow m;
  m.user_id = RowInteger(row, 0);
  m.visibility = guard::ParseVisibility(RowText(row, 1)).value_or(guard::Visibility::kMembers);
  const std::string kind = RowText(row, 2);
  if (kind == "city" || kind == "country") {
    m.place_kind = kind == "city" ? MemberRow::PlaceKind::kCity : MemberRow::PlaceKind::kCountry;
    m.city_id = RowInteger(row, 3);
    m.city_name = RowText(row, 4);
    m.admin_name = RowText(row, 5);
    m.country_code = RowText(row, 6);
    m.latitude = RowDouble(row, 7);
    m.longitude = RowDouble(row, 8);
  }
  return m;
}

using Joined = std::tuple<long long, int, Role>;  // joined_at, orphacode, role

void SortMemberships(std::vector<Joined>& joined, MemberRow& m) {
  std::sort(joined.begin(), joined.end());
  m.memberships.clear();
  for (const auto& [at, code, role] : joined) m.memberships.emplace_back(code, role);
}

}  // namespace

std::optional<Role> ParseRoleName(std::string_view name) {
  const auto role = profiles::ParseMemberRole(name);
  if (!role) return std::nullopt;
  return static_cast<Role>(static_cast<int>(*role));
}

std::string RoleName(Role role) { return profiles::MemberRoleName(static_cast<profiles::MemberRole>(role)); }

Result<std::vector<MemberRow>> MapStore::LoadAll() {
  return db_.Run([&](soci::session& sql) -> Result<std::vector<MemberRow>> {
    std::vector<MemberRow> members;
    {
      soci::rowset<soci::row> rows = sql.prepare << std::string(kMemberQuery) + " ORDER BY u.id";
      for (const soci::row& row : rows) members.push_back(ReadMember(row));
    }
    std::vector<std::vector<Joined>> joined(members.size());
    soci::rowset<soci::row> rows = sql.prepare << std::string(kMembershipQuery) + " ORDER BY m.user_id";
    std::size_t i = 0;
    for (const soci::row& row : rows) {
      const long long user = RowInteger(row, 0);
      while (i < members.size() && members[i].user_id < user) ++i;
      if (i == members.size() || members[i].user_id != user) continue;  // joined meanwhile
      auto role = ParseRoleName(RowText(row, 2));
      if (!role) continue;
      joined[i].emplace_back(RowInteger(row, 3), static_cast<int>(RowInteger(row, 1)), *role);
    }
    std::vector<MemberRow> out;
    out.reserve(members.size());
    for (std::size_t k = 0; k < members.size(); ++k) {
      if (joined[k].empty()) continue;  // left meanwhile
      SortMemberships(joined[k], members[k]);
      out.push_back(std::move(members[k]));
    }
    return out;
  });
}

Result<std::optional<MemberRow>> MapStore::LoadOne(long long user_id) {
  return db_.Run([&](soci::session& sql) -> Result<std::optional<MemberRow>> {
    soci::row row;
    sql << std::string(kMemberQuery) + " AND u.id = :u", soci::use(user_id, "u"), soci::into(row);
    if (!sql.got_data()) return std::optional<MemberRow>();
    MemberRow m = ReadMember(row);
    std::vector<Joined> joined;
    soci::rowset<soci::row> rows =
        (sql.prepare << std::string(kMembershipQuery) + " AND m.user_id = :u", soci::use(user_id, "u"));
    for (const soci::row& r : rows) {
      if (auto role = ParseRoleName(RowText(r, 2))) {
        joined.emplace_back(RowInteger(r, 3), static_cast<int>(RowInteger(r, 1)), *role);
      }
    }
    if (joined.empty()) return std::optional<MemberRow>();
    SortMemberships(joined, m);
    return std::optional<MemberRow>(std::move(m));
  });
}

Result<std::vector<MemberCard>> MapStore::Cards(const std::vector<long long>& user_ids) {
  if (user_ids.empty()) return std::vector<MemberCard>{};
  // One query for the page: the ids are integers, written into the IN list as numbers.
  std::string ids;
  for (long long id : user_ids) {
    if (!ids.empty()) ids += ',';
    ids += std::to_string(id);
  }
  return db_.Run([&](soci::session& sql) -> Result<std::vector<MemberCard>> {
    std::unordered_map<long long, MemberCard> found;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT u.id, u.display_name, COALESCE(p.accepts_contact, 0),"
                        " CASE WHEN p.verified_at IS NULL THEN 0 ELSE 1 END,"
                        " (SELECT COUNT(*) FROM synthetic_members s WHERE s.user_id = u.id)"
                        " FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id IN (" +
                            ids + ")");
    for (const soci::row& row : rows) {
      const long long id = RowInteger(row, 0);
      found[id] = {id, RowText(row, 1), RowInteger(row, 2) == 1, RowInteger(row, 3) == 1, RowInteger(row, 4) > 0, {}};
    }
    soci::rowset<soci::row> joined =
        (sql.prepare << "SELECT m.user_id, c.name FROM memberships m JOIN conditions c ON c.orphacode = m.orphacode"
                        " WHERE m.user_id IN (" +
                            ids + ") ORDER BY m.user_id, c.name, m.orphacode");
    for (const soci::row& row : joined) {
      if (auto it = found.find(RowInteger(row, 0)); it != found.end()) it->second.conditions.push_back(RowText(row, 1));
    }
    std::vector<MemberCard> cards;
    for (long long id : user_ids) {
      if (auto it = found.find(id); it != found.end()) cards.push_back(std::move(it->second));
    }
    return cards;
  });
}

Result<long long> MapStore::CountSynthetic() {
  return db_.Run([&](soci::session& sql) -> Result<long long> {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM synthetic_members", soci::into(n);
    return n;
  });
}

Result<std::vector<int>> MapStore::ActiveOrphacodes() {
  return db_.Run([&](soci::session& sql) -> Result<std::vector<int>> {
    std::vector<int> codes;
    soci::rowset<soci::row> rows =
        sql.prepare << "SELECT orphacode FROM conditions WHERE status = 'active' ORDER BY orphacode";
    for (const soci::row& row : rows) codes.push_back(static_cast<int>(RowInteger(row, 0)));
    return codes;
  });
}

Status MapStore::InsertSynthetic(const std::vector<SyntheticMember>& batch, long long seed) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    std::string email, name, kind, city_name, admin_name, country, visibility, role;
    long long user_id = 0, city_id = 0, now = 0, joined = 0;
    double lat = 0, lng = 0;
    int contact = 0, orphacode = 0;
    soci::indicator city_ind = soci::i_null, place_ind = soci::i_null;
    soci::statement add_user =
        (sql.prepare << "INSERT INTO users (email, email_key, display_name, password_hash, created_at)"
                        " VALUES (:e, :e2, :n, '!synthetic', :now) RETURNING id",
         soci::use(email, "e"), soci::use(email, "e2"), soci::use(name, "n"), soci::use(now, "now"),
         soci::into(user_id));
    soci::statement add_profile =
        (sql.prepare << "INSERT INTO profiles (user_id, place_kind, city_id, city_name, admin_name, country_code,"
                        " latitude, longitude, visibility, accepts_contact, updated_at)"
                        " VALUES (:u, :kind, :cid, :cn, :an, :cc, :lat, :lng, :v, :c, :now)",
         soci::use(user_id, "u"), soci::use(kind, "kind"), soci::use(city_id, city_ind, "cid"),
         soci::use(city_name, city_ind, "cn"), soci::use(admin_name, city_ind, "an"),
         soci::use(country, place_ind, "cc"), soci::use(lat, place_ind, "lat"), soci::use(lng, place_ind, "lng"),
         soci::use(visibility, "v"), soci::use(contact, "c"), soci::use(now, "now"));
    soci::statement add_membership =
        (sql.prepare << "INSERT INTO memberships (user_id, orphacode, role, joined_at) VALUES (:u, :o, :r, :j)",
         soci::use(user_id, "u"), soci::use(orphacode, "o"), soci::use(role, "r"), soci::use(joined, "j"));
    soci::statement mark = (sql.prepare << "INSERT INTO synthetic_members (user_id, seed) VALUES (:u, :s)",
                            soci::use(user_id, "u"), soci::use(seed, "s"));
    for (const SyntheticMember& m : batch) {
      email = m.email;
      name = m.display_name;
      now = m.joined_at.empty() ? 0 : m.joined_at.front();
      user_id = 0;
      add_user.execute(true);
      if (user_id == 0) return Status::Internal("no id for a new account");
      const MemberRow& r = m.row;
      kind = r.place_kind == MemberRow::PlaceKind::kCity      ? "city"
             : r.place_kind == MemberRow::PlaceKind::kCountry ? "country"
                                                              : "none";
      city_ind = r.place_kind == MemberRow::PlaceKind::kCity ? soci::i_ok : soci::i_null;
      place_ind = r.place_kind == MemberRow::PlaceKind::kNone ? soci::i_null : soci::i_ok;
      city_id = r.city_id;
      city_name = r.city_name;
      admin_name = r.admin_name;
      country = r.country_code;
      lat = r.latitude;
      lng = r.longitude;
      visibility = guard::VisibilityName(r.visibility);
      contact = m.accepts_contact ? 1 : 0;
      add_profile.execute(true);
      for (std::size_t i = 0; i < r.memberships.size(); ++i) {
        orphacode = r.memberships[i].first;
        role = RoleName(r.memberships[i].second);
        joined = m.joined_at[i];
        add_membership.execute(true);
      }
      mark.execute(true);
    }
    BumpContentGeneration(sql);
    return Status::Ok();
  });
}

Result<long long> MapStore::RemoveSynthetic() {
  return db_.InTransaction([&](soci::session& sql) -> Result<long long> {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM synthetic_members", soci::into(n);
    if (n == 0) return n;
    sql << "DELETE FROM memberships WHERE user_id IN (SELECT user_id FROM synthetic_members)";
    sql << "DELETE FROM profiles WHERE user_id IN (SELECT user_id FROM synthetic_members)";
    sql << "DELETE FROM users WHERE id IN (SELECT user_id FROM synthetic_members)";
    BumpContentGeneration(sql);
    return n;
  });
}

}  // namespace diseasemaps::map
