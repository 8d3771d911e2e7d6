#include "profiles/profile_store.h"

#include <chrono>
#include <string>

#include "accounts/user_store.h"
#include "platform/content_generation.h"
#include "platform/db/row_text.h"

namespace diseasemaps::profiles {
namespace {

long long Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string PlaceKindName(Location::Kind kind) {
  switch (kind) {
    case Location::Kind::kNone: return "none";
    case Location::Kind::kCountry: return "country";
    case Location::Kind::kCity: return "city";
  }
  return "none";
}

// Reads place_kind, city_id, city_name, admin_name, country_code, latitude, longitude
// from `first` on.
Location ReadLocation(const soci::row& row, std::size_t first) {
  Location where;
  const std::string kind = RowText(row, first);
  where.kind = kind == "city" ? Location::Kind::kCity : kind == "country" ? Location::Kind::kCountry
                                                                          : Location::Kind::kNone;
  if (where.kind == Location::Kind::kNone) return where;
  where.city_id = RowInteger(row, first + 1);
  where.city_name = RowText(row, first + 2);
  where.admin_area = RowText(row, first + 3);
  where.country_code = RowText(row, first + 4);
  where.latitude = RowDouble(row, first + 5);
  where.longitude = RowDouble(row, first + 6);
  return where;
}

constexpr const char* kLocationColumns =
    "p.place_kind, p.city_id, p.city_name, p.admin_name, p.country_code, p.latitude, p.longitude";

std::vector<Membership> ReadMemberships(soci::session& sql, long long user_id) {
  std::vector<Membership> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT m.orphacode, c.name, c.slug, m.role, m.joined_at FROM memberships m"
                      " JOIN conditions c ON c.orphacode = m.orphacode WHERE m.user_id = :u"
                      " ORDER BY c.name, m.orphacode",
       soci::use(user_id, "u"));
  for (const soci::row& row : rows) {
    Membership m;
    m.orphacode = static_cast<int>(RowInteger(row, 0));
    m.condition_name = RowText(row, 1);
    m.condition_slug = RowText(row, 2);
    m.role = ParseMemberRole(RowText(row, 3)).value_or(MemberRole::kAffected);
    m.joined_at = RowInteger(row, 4);
    out.push_back(std::move(m));
  }
  return out;
}

long long CountWhere(soci::session& sql, const std::string& query, long long id) {
  long long n = 0;
  sql << query, soci::use(id, "id"), soci::into(n);
  return n;
}

}  // namespace

Result<Profile> ProfileStore::Find(long long user_id) {
  return db_.Run([&](soci::session& sql) -> Result<Profile> {
    soci::row row;
    sql << std::string("SELECT u.display_name, u.status, p.bio, p.languages, p.visibility, p.accepts_contact,"
                       " p.verified_at, (SELECT COUNT(*) FROM synthetic_members s WHERE s.user_id = u.id), ") +
               kLocationColumns + " FROM users u LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id = :u",
        soci::use(user_id, "u"), soci::into(row);
    if (!sql.got_data()) return Status::NotFound("no such member");
    Profile profile;
    profile.user_id = user_id;
    profile.display_name = RowText(row, 0);
    profile.suspended = RowText(row, 1) != "active";
    profile.bio = RowText(row, 2);
    profile.languages = RowText(row, 3);
    profile.visibility = guard::ParseVisibility(RowText(row, 4)).value_or(guard::Visibility::kMembers);
    profile.accepts_contact = RowInteger(row, 5) == 1;
    if (row.get_indicator(6) != soci::i_null) profile.verified_at = RowInteger(row, 6);
    profile.synthetic = RowInteger(row, 7) > 0;
    profile.location = ReadLocation(row, 8);
    profile.memberships = ReadMemberships(sql, user_id);
    return profile;
  });
}

Status ProfileStore::Save(long long user_id, const ProfileChange& change) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    if (CountWhere(sql, "SELECT COUNT(*) FROM users WHERE id = :id", user_id) == 0) {
      return Status::NotFound("no such member");
    }
    const Location& where = change.location;
    const bool city = where.kind == Location::Kind::kCity;
    const bool placed = where.kind != Location::Kind::kNone;
    soci::indicator city_ind = city ? soci::i_ok : soci::i_null;
    soci::indicator place_ind = placed ? soci::i_ok : soci::i_null;
    const std::string kind = PlaceKindName(where.kind);
    const std::string visibility = guard::VisibilityName(change.visibility);
    const int contact = change.accepts_contact ? 1 : 0;
    const long long now = Now();
    sql << "UPDATE users SET display_name = :n WHERE id = :id", soci::use(change.display_name, "n"),
        soci::use(user_id, "id");
    sql << "INSERT INTO profiles (user_id, bio, languages, place_kind, city_id, city_name, admin_name,"
           " country_code, latitude, longitude, visibility, accepts_contact, updated_at)"
           " VALUES (:u, :bio, :lang, :kind, :cid, :cname, :admin, :cc, :lat, :lng, :vis, :contact, :now)"
           " ON CONFLICT (user_id) DO UPDATE SET bio = excluded.bio, languages = excluded.languages,"
           " place_kind = excluded.place_kind, city_id = excluded.city_id, city_name = excluded.city_name,"
           " admin_name = excluded.admin_name, country_code = excluded.country_code,"
           " latitude = excluded.latitude, longitude = excluded.longitude,"
           " visibility = excluded.visibility, accepts_contact = excluded.accepts_contact,"
           " updated_at = excluded.updated_at",
        soci::use(user_id, "u"), soci::use(change.bio, "bio"), soci::use(change.languages, "lang"),
        soci::use(kind, "kind"), soci::use(where.city_id, city_ind, "cid"),
        soci::use(where.city_name, city_ind, "cname"), soci::use(where.admin_area, city_ind, "admin"),
        soci::use(where.country_code, place_ind, "cc"), soci::use(where.latitude, place_ind, "lat"),
        soci::use(where.longitude, place_ind, "lng"), soci::use(visibility, "vis"),
        soci::use(contact, "contact"), soci::use(now, "now");
    BumpContentGeneration(sql);
    return Status::Ok();
  });
}

Status ProfileStore::Join(long long user_id, int orphacode, MemberRole role) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    long long known = 0;
    sql << "SELECT COUNT(*) FROM conditions WHERE orphacode = :o AND status = 'active'",
        soci::use(orphacode, "o"), soci::into(known);
    if (known == 0) return Status::NotFound("no such condition");
    const std::string name = MemberRoleName(role);
    const long long now = Now();
    sql << "INSERT INTO memberships (user_id, orphacode, role, joined_at) VALUES (:u, :o, :r, :t)"
           " ON CONFLICT (user_id, orphacode) DO UPDATE SET role = excluded.role",
        soci::use(user_id, "u"), soci::use(orphacode, "o"), soci::use(name, "r"), soci::use(now, "t");
    BumpContentGeneration(sql);
    return Status::Ok();
  });
}

Status ProfileStore::Leave(long long user_id, int orphacode) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    long long member = 0;
    sql << "SELECT COUNT(*) FROM memberships WHERE user_id = :u AND orphacode = :o", soci::use(user_id, "u"),
        soci::use(orphacode, "o"), soci::into(member);
    if (member == 0) return Status::NotFound("not a member of that community");
    sql << "DELETE FROM memberships WHERE user_id = :u AND orphacode = :o", soci::use(user_id, "u"),
        soci::use(orphacode, "o");
    BumpContentGeneration(sql);
    return Status::Ok();
  });
}

Result<std::optional<MemberRole>> ProfileStore::RoleIn(long long user_id, int orphacode) {
  return db_.Run([&](soci::session& sql) -> Result<std::optional<MemberRole>> {
    std::string role;
    sql << "SELECT role FROM memberships WHERE user_id = :u AND orphacode = :o", soci::use(user_id, "u"),
        soci::use(orphacode, "o"), soci::into(role);
    if (!sql.got_data()) return std::optional<MemberRole>();
    return ParseMemberRole(role);
  });
}

Result<Community> ProfileStore::CommunityOf(int orphacode, const std::vector<guard::Visibility>& listable,
                                            int limit) {
  return db_.Run([&](soci::session& sql) -> Result<Community> {
    Community community;
    soci::rowset<soci::row> counts =
        (sql.prepare << "SELECT m.role, COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id"
                        " WHERE m.orphacode = :o AND u.status = 'active' GROUP BY m.role",
         soci::use(orphacode, "o"));
    for (const soci::row& row : counts) {
      if (auto role = ParseMemberRole(RowText(row, 0))) {
        community.counts[*role] = RowInteger(row, 1);
        community.total += RowInteger(row, 1);
      }
    }
    if (listable.empty() || limit <= 0) return community;
    // Up to three visibilities; unused slots repeat the first, which changes nothing.
    std::string v[3];
    for (int i = 0; i < 3; ++i) {
      v[i] = guard::VisibilityName(listable[std::min<std::size_t>(i, listable.size() - 1)]);
    }
    // Listable members matching `filter`, in `order`, at most `limit`.
    auto members = [&](const std::string& filter, const std::string& order) {
      std::vector<CommunityMember> found;
      soci::rowset<soci::row> rows =
          (sql.prepare << std::string("SELECT m.user_id, u.display_name, m.role, ") + kLocationColumns +
                              " FROM memberships m JOIN users u ON u.id = m.user_id"
                              " LEFT JOIN profiles p ON p.user_id = m.user_id"
                              " WHERE m.orphacode = :o AND u.status = 'active'"
                              " AND COALESCE(p.visibility, 'members') IN (:v0, :v1, :v2)" +
                              filter + " ORDER BY " + order + " LIMIT :limit",
           soci::use(orphacode, "o"), soci::use(v[0], "v0"), soci::use(v[1], "v1"), soci::use(v[2], "v2"),
           soci::use(limit, "limit"));
      for (const soci::row& row : rows) {
        CommunityMember member;
        member.user_id = RowInteger(row, 0);
        member.display_name = RowText(row, 1);
        member.role = ParseMemberRole(RowText(row, 2)).value_or(MemberRole::kAffected);
        member.location = ReadLocation(row, 3);
        found.push_back(std::move(member));
      }
      return found;
    };
    community.listed = members("", "m.joined_at DESC, m.user_id");
    community.verified = members(" AND p.verified_at IS NOT NULL AND m.role IN ('" +
                                     MemberRoleName(MemberRole::kProfessional) + "', '" +
                                     MemberRoleName(MemberRole::kOrganisation) + "')",
                                 "u.display_name, m.user_id");
    return community;
  });
}

Result<Verification> ProfileStore::VerificationOf(long long user_id) {
  return db_.Run([&](soci::session& sql) {
    Verification v;
    v.verifiable = CountWhere(sql,
                              "SELECT COUNT(*) FROM memberships WHERE user_id = :id"
                              " AND role IN ('professional', 'organisation')",
                              user_id) > 0;
    v.verified = CountWhere(sql, "SELECT COUNT(*) FROM profiles WHERE user_id = :id AND verified_at IS NOT NULL",
                            user_id) > 0;
    return v;
  });
}

Status ProfileStore::SetVerified(long long user_id, bool verified, long long admin_id) {
  return db_.InTransaction([&](soci::session& sql) -> Status {
    if (CountWhere(sql, "SELECT COUNT(*) FROM users WHERE id = :id", user_id) == 0) {
      return Status::NotFound("no such member");
    }
    if (verified && CountWhere(sql,
                               "SELECT COUNT(*) FROM memberships WHERE user_id = :id"
                               " AND role IN ('professional', 'organisation')",
                               user_id) == 0) {
      return Status::FailedPrecondition(
          "Only a healthcare professional or an organisation can be verified: this member has joined no "
          "community in either role.");
    }
    const long long now = Now();
    soci::indicator ind = verified ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO profiles (user_id, verified_at, verified_by, updated_at) VALUES (:u, :at, :by, :now)"
           " ON CONFLICT (user_id) DO UPDATE SET verified_at = excluded.verified_at,"
           " verified_by = excluded.verified_by",
        soci::use(user_id, "u"), soci::use(now, ind, "at"), soci::use(admin_id, ind, "by"), soci::use(now, "now");
    accounts::AppendAudit(sql, admin_id, verified ? "profile.verify" : "profile.unverify",
                          "user:" + std::to_string(user_id), "");
    BumpContentGeneration(sql);
    return Status::Ok();
  });
}

Result<nlohmann::json> ProfileStore::Export(long long user_id) {
  auto profile = Find(user_id);
  if (!profile.ok()) return profile.status();
  nlohmann::json location = {{"kind", PlaceKindName(profile->location.kind)}};
  if (profile->location.kind != Location::Kind::kNone) {
    location["country_code"] = profile->location.country_code;
    location["latitude"] = profile->location.latitude;
    location["longitude"] = profile->location.longitude;
  }
  if (profile->location.kind == Location::Kind::kCity) {
    location["city_id"] = profile->location.city_id;
    location["city"] = profile->location.city_name;
    location["admin_area"] = profile->location.admin_area;
  }
  nlohmann::json memberships = nlohmann::json::array();
  for (const Membership& m : profile->memberships) {
    memberships.push_back({{"orphacode", m.orphacode}, {"condition", m.condition_name},
                           {"role", MemberRoleName(m.role)}, {"joined_at", m.joined_at}});
  }
  nlohmann::json out = {{"display_name", profile->display_name},
                        {"bio", profile->bio},
                        {"languages", profile->languages},
                        {"location", location},
                        {"visibility", guard::VisibilityName(profile->visibility)},
                        {"accepts_contact", profile->accepts_contact},
                        {"verified_at", nullptr},
                        {"memberships", memberships}};
  if (profile->verified_at) out["verified_at"] = *profile->verified_at;
  return out;
}

void ProfileStore::DeleteMemberData(soci::session& sql, long long user_id) {
  sql << "DELETE FROM memberships WHERE user_id = :u", soci::use(user_id, "u");
  sql << "DELETE FROM profiles WHERE user_id = :u", soci::use(user_id, "u");
  sql << "UPDATE profiles SET verified_by = NULL WHERE verified_by = :u", soci::use(user_id, "u");
  BumpContentGeneration(sql);
}

}  // namespace diseasemaps::profiles
