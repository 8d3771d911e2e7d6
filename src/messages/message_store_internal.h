// Helpers shared by the two files of MessageStore (message_store.cc: conversations and
// blocks; message_store_moderation.cc: reports and data rights). Not for use outside
// the messages store.
#pragma once

#include <optional>

#include <soci/soci.h>

namespace diseasemaps::messages::detail {

// The other participant of a conversation the user belongs to, and both sides' state.
struct Membership {
  long long other_id = 0;
  bool i_left = false;
  bool other_left = false;
  long long my_last_read = 0;
};

// nullopt when user_id is not a participant of conversation_id (or it does not exist).
std::optional<Membership> MembershipOf(soci::session& sql, long long conversation_id, long long user_id);

}  // namespace diseasemaps::messages::detail
