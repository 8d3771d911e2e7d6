// The profile form's rules: every field's limits and messages, how a city is resolved
// (id, typed name, "which one?", unknown), and that markup is kept as typed text.
#include "profiles/profile_rules.h"

#include <gtest/gtest.h>

namespace diseasemaps::profiles {
namespace {

const Gazetteer& Places() {
  static const Gazetteer g = *Gazetteer::Parse(
      "C\tFR\tFrance\t46.6\t2.4\n"
      "C\tUS\tUnited States\t39.5\t-98.3\n"
      "P\t1\tParis\tTexas\tUS\t33.66094\t-95.55551\t0\n"
      "P\t2\tParis\tÎle-de-France\tFR\t48.85341\t2.3488\t1\n"
      "P\t3\tLyon\tAuvergne-Rhône-Alpes\tFR\t45.74846\t4.84671\t1\n");
  return g;
}

ProfileForm Valid() {
  ProfileForm form;
  form.display_name = "Marie";
  form.visibility = "members";
  return form;
}

TEST(ProfileRules, AMinimalFormIsValidWithNoLocation) {
  ProfileCheck check = CheckProfile(Valid(), Places());
  ASSERT_TRUE(check.change) << check.errors.begin()->second;
  EXPECT_EQ(check.change->location.kind, Location::Kind::kNone);
  EXPECT_EQ(check.change->visibility, guard::Visibility::kMembers);
  EXPECT_FALSE(check.change->accepts_contact);
}

TEST(ProfileRules, DisplayNameIsRequiredAndLimited) {
  ProfileForm form = Valid();
  form.display_name = "   ";
  EXPECT_EQ(CheckProfile(form, Places()).errors.count("display_name"), 1u);
  form.display_name = std::string(kMaxDisplayName, 'x');
  EXPECT_TRUE(CheckProfile(form, Places()).change);
  form.display_name += "x";
  ProfileCheck check = CheckProfile(form, Places());
  EXPECT_FALSE(check.change);
  EXPECT_NE(check.errors["display_name"].find("60 characters"), std::string::npos);
}

TEST(ProfileRules, LimitsCountCharactersNotBytes) {
  ProfileForm form = Valid();
  std::string bio;
  for (std::size_t i = 0; i < kMaxBio; ++i) bio += "é";  // two bytes each
  form.bio = bio;
  EXPECT_TRUE(CheckProfile(form, Places()).change);
  form.bio += "é";
  // The count is written for the language, as every number the site shows.
  EXPECT_NE(CheckProfile(form, Places()).errors["bio"].find("(it has 1,001)"), std::string::npos);
}

TEST(ProfileRules, UnreadableTextIsRefused) {
  ProfileForm form = Valid();
  form.bio = "bad \xff byte";
  EXPECT_EQ(CheckProfile(form, Places()).errors.count("bio"), 1u);
  form.bio = "bell \x07";
  EXPECT_EQ(CheckProfile(form, Places()).errors.count("bio"), 1u);
  form.bio = "two\nlines\tand a tab";
  EXPECT_TRUE(CheckProfile(form, Places()).change);
}

TEST(ProfileRules, MarkupIsKeptAsTypedText) {
  ProfileForm form = Valid();
  form.display_name = "<script>alert(1)</script>";
  form.bio = "<img src=x onerror=alert(2)>";
  ProfileCheck check = CheckProfile(form, Places());
  ASSERT_TRUE(check.change);
  EXPECT_EQ(check.change->display_name, "<script>alert(1)</script>");
  EXPECT_EQ(check.change->bio, "<img src=x onerror=alert(2)>");
}

TEST(ProfileRules, LanguagesAreNormalisedAndLimited) {
  ProfileForm form = Valid();
  form.languages = " English,, Français ,";
  EXPECT_EQ(CheckProfile(form, Places()).change->languages, "English, Français");
  form.languages = "a,b,c,d,e,f,g,h,i,j,k";
  EXPECT_NE(CheckProfile(form, Places()).errors["languages"].find("at most 10"), std::string::npos);
  form.languages = std::string(kMaxLanguageName + 1, 'x');
  EXPECT_EQ(CheckProfile(form, Places()).errors.count("languages"), 1u);
}

TEST(ProfileRules, VisibilityMustBeOneOfTheChoices) {
  ProfileForm form = Valid();
  for (const char* v : {"public", "members", "hidden"}) {
    form.visibility = v;
    EXPECT_TRUE(CheckProfile(form, Places()).change) << v;
  }
  form.visibility = "everyone";
  EXPECT_EQ(CheckProfile(form, Places()).errors.count("visibility"), 1u);
  form.visibility = "";
  EXPECT_EQ(CheckProfile(form, Places()).errors.count("visibility"), 1u);
}

TEST(ProfileRules, ACityIdFromTheTypeAheadIsTheCitysOwnPoint) {
  ProfileForm form = Valid();
  form.city = "Paris, Texas, United States";
  form.city_id = "1";
  ProfileCheck check = CheckProfile(form, Places());
  ASSERT_TRUE(check.change);
  const Location& where = check.change->location;
  EXPECT_EQ(where.kind, Location::Kind::kCity);
  EXPECT_EQ(where.city_id, 1);
  EXPECT_EQ(where.city_name, "Paris");
  EXPECT_EQ(where.admin_area, "Texas");
  EXPECT_EQ(where.country_code, "US");
  EXPECT_DOUBLE_EQ(where.latitude, 33.66094);
  EXPECT_DOUBLE_EQ(where.longitude, -95.55551);
}

TEST(ProfileRules, AnUnknownCityIdIsRefused) {
  ProfileForm form = Valid();
  form.city = "Xyzzyville";
  for (const char* id : {"999", "abc", "1x", "-1"}) {
    form.city_id = id;
    ProfileCheck check = CheckProfile(form, Places());
    EXPECT_FALSE(check.change) << id;
    EXPECT_EQ(check.errors.count("city"), 1u) << id;
  }
}

TEST(ProfileRules, ATypedNameResolvesToOneCityOrAsksWhichOne) {
  ProfileForm form = Valid();
  form.city = "lyon";
  ProfileCheck one = CheckProfile(form, Places());
  ASSERT_TRUE(one.change);
  EXPECT_EQ(one.change->location.city_id, 3);

  form.city = "Paris";
  ProfileCheck several = CheckProfile(form, Places());
  EXPECT_FALSE(several.change);
  EXPECT_NE(several.errors["city"].find("which one?"), std::string::npos);
  ASSERT_EQ(several.city_choices.size(), 2u);
  EXPECT_EQ(several.city_choices[0].label, "Paris, Île-de-France, France");
  EXPECT_EQ(several.city_choices[1].label, "Paris, Texas, United States");

  form.country = "US";  // the country narrows the name down
  ProfileCheck narrowed = CheckProfile(form, Places());
  ASSERT_TRUE(narrowed.change);
  EXPECT_EQ(narrowed.change->location.city_id, 1);

  form.country = "";
  form.city = "Xyzzyville";
  ProfileCheck unknown = CheckProfile(form, Places());
  EXPECT_FALSE(unknown.change);
  EXPECT_NE(unknown.errors["city"].find("We know no city called “Xyzzyville”"), std::string::npos);
}

TEST(ProfileRules, ACountryAloneIsTheCountrysPoint) {
  ProfileForm form = Valid();
  form.country = "FR";
  ProfileCheck check = CheckProfile(form, Places());
  ASSERT_TRUE(check.change);
  EXPECT_EQ(check.change->location.kind, Location::Kind::kCountry);
  EXPECT_EQ(check.change->location.country_code, "FR");
  EXPECT_DOUBLE_EQ(check.change->location.latitude, 46.6);
  form.country = "XX";
  EXPECT_EQ(CheckProfile(form, Places()).errors.count("country"), 1u);
}

TEST(ProfileRules, FormFromProfileShowsTheCityLabel) {
  Profile profile;
  profile.display_name = "Marie";
  profile.visibility = guard::Visibility::kPublic;
  profile.location.kind = Location::Kind::kCity;
  profile.location.city_id = 2;
  profile.location.city_name = "Paris";
  ProfileForm form = FormFromProfile(profile, Places());
  EXPECT_EQ(form.city, "Paris, Île-de-France, France");
  EXPECT_EQ(form.city_id, "2");
  EXPECT_EQ(form.visibility, "public");
  // Saving it again unchanged is valid and keeps the city.
  ProfileCheck check = CheckProfile(form, Places());
  ASSERT_TRUE(check.change);
  EXPECT_EQ(check.change->location.city_id, 2);
}

TEST(MemberRoles, NamesRoundTripAndOnlyProfessionalsAndOrganisationsAreVerifiable) {
  for (MemberRole role : kAllMemberRoles) EXPECT_EQ(ParseMemberRole(MemberRoleName(role)), role);
  EXPECT_EQ(ParseMemberRole("wizard"), std::nullopt);
  EXPECT_EQ(MemberRoleLabel(MemberRole::kFamily), "Family & friends");
  EXPECT_TRUE(IsVerifiable(MemberRole::kProfessional));
  EXPECT_TRUE(IsVerifiable(MemberRole::kOrganisation));
  EXPECT_FALSE(IsVerifiable(MemberRole::kAffected));
  EXPECT_FALSE(IsVerifiable(MemberRole::kResearcher));
}

}  // namespace
}  // namespace diseasemaps::profiles
