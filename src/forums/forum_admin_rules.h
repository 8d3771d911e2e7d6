// The rules of the forums' admin screen (/admin/forums) as pure functions: what makes a
// site-wide forum's address, name, description and position acceptable. Unit-tested in
// tests/unit/forum_admin_rules_test.cc.
//
// What they guarantee: a slug that passes CheckForumSlug is 2 to kMaxForumSlugCharacters
// lower-case ASCII letters in words joined by single hyphens, with no digit (so it can
// never take the shape of a condition's "name-orphacode" address) and not one of the
// reserved words; a name that passes CheckForumName is readable UTF-8 on one line, 1 to
// kMaxForumNameCharacters characters; a description, at most
// kMaxForumDescriptionCharacters on one line (it may be empty). Whether the slug is
// already taken (by a forum or a condition) is the store's question, asked inside the
// writing transaction. Every refusal is a sentence a person can act on.
// Thread-safe: no state.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "forums/forum_rules.h"

namespace diseasemaps::forums {

inline constexpr std::size_t kMaxForumSlugCharacters = 40;
inline constexpr std::size_t kMaxForumNameCharacters = 80;
inline constexpr std::size_t kMaxForumDescriptionCharacters = 300;
inline constexpr int kMaxForumPosition = 999;

// True for the words no forum may take as its address, because pages or people would
// read them as something else ("new", "admin", "search", …).
bool IsReservedForumSlug(const std::string& slug);

TextCheck CheckForumSlug(const std::string& typed);
TextCheck CheckForumName(const std::string& typed);
TextCheck CheckForumDescription(const std::string& typed);
// The position in the list of forums: a whole number from 0 to kMaxForumPosition.
// nullopt for anything else.
std::optional<int> ParseForumPosition(const std::string& typed);

}  // namespace diseasemaps::forums
