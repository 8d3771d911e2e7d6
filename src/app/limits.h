// Every limit on how often people may do things, in one place, with why.
#pragma once

namespace diseasemaps::limits {

// Failed sign-ins per IP address in 15 minutes: enough for a person who mistypes, too
// few for guessing passwords. Over it: 429 with Retry-After.
inline constexpr int kLoginFailuresPerIp = 20;
// Failed sign-ins per account in 15 minutes, from anywhere: slows guessing one account
// from many addresses.
inline constexpr int kLoginFailuresPerAccount = 8;
inline constexpr long long kLoginWindowSeconds = 15 * 60;

// How long a session lasts without signing in again.
inline constexpr long long kSessionSeconds = 30LL * 24 * 60 * 60;

// When an existing account reaches kLoginFailuresPerAccount failures within the window,
// it is locked for this long (across every server process) and its owner is e-mailed.
inline constexpr long long kAccountLockSeconds = 15 * 60;

// New accounts per IP address per hour: a family registering together passes, a script
// creating accounts does not.
inline constexpr int kRegistrationsPerIp = 10;
// "Forgot password" and "send the confirmation again" requests, per IP address and per
// e-mail address, per hour: each sends an e-mail, so they are kept few.
inline constexpr int kMailRequestsPerIp = 10;
inline constexpr int kMailRequestsPerAddress = 3;
inline constexpr long long kHourSeconds = 60 * 60;

// How long e-mailed links work.
inline constexpr long long kConfirmLinkSeconds = 48 * 60 * 60;
inline constexpr long long kResetLinkSeconds = 60 * 60;

// Relayed contact (messages/). An account is "new" for this long after its address
// was confirmed; while new, it may start at most --max-new-conversations-per-day
// conversations in any 24 hours (default below), which keeps a fresh account from
// writing to a whole community at once. Over it: 429 with Retry-After.
inline constexpr long long kNewAccountSeconds = 7LL * 24 * 60 * 60;
inline constexpr int kDefaultNewConversationsPerDay = 10;
inline constexpr long long kDaySeconds = 24 * 60 * 60;
// Messages (first messages and replies) per account per hour: a lively exchange
// passes, a script does not.
inline constexpr int kMessagesPerHour = 60;
// At most one "new message" e-mail per conversation and recipient in this time.
inline constexpr long long kNotificationIntervalSeconds = 60 * 60;

// Forums (forums/). A member counts as new in the forums during their first week
// (kNewAccountSeconds after their address was confirmed) and until they have written
// kForumNewMemberPosts posts: both must be behind them, so neither a patient script
// nor five quick posts lifts the limits. While new, in any 24 hours: at most
// kForumNewMemberTopicsPerDay topics and kForumNewMemberPostsPerDay posts (a topic's
// first post included), and in each post at most kForumNewMemberLinks links and
// kForumNewMemberMentions @mentions. Over a daily limit: 429 with the wait in words;
// too many links or mentions: 422 (waiting does not help), the page says the limit.
// Everyone writes at most kForumPostsPerHour posts an hour, as for messages.
inline constexpr int kForumNewMemberPosts = 5;
inline constexpr int kForumNewMemberTopicsPerDay = 3;
inline constexpr int kForumNewMemberPostsPerDay = 10;
inline constexpr int kForumNewMemberLinks = 2;
inline constexpr int kForumNewMemberMentions = 2;
inline constexpr int kForumPostsPerHour = 60;
// At most one e-mail about replies, quotes and mentions per topic and recipient in this
// time (notifications/): a lively topic does not fill an inbox; the rest wait on the site.
inline constexpr long long kForumMailIntervalSeconds = 60 * 60;

// Password hashes at once (each ~64 MiB of memory).
inline constexpr int kConcurrentPasswordHashes = 2;

}  // namespace diseasemaps::limits
