// Demo forums (see demo_forums.h): the generator and the batches.
#include "forums/demo_forums.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "forums/forum_rules.h"
#include "platform/text.h"

namespace diseasemaps::forums {
namespace {

// Our own patterns; {condition}, {sign} and {sign2} take the catalogue's words.
constexpr const char* kTitles[] = {
    "{Sign} and {condition}: what helped you?",
    "Newly diagnosed with {condition}",
    "Does {sign} get better with time?",
    "Questions to take to the {specialist} about {sign}",
    "{condition} at school",
    "Living with {sign} as an adult",
    "Has anyone tried {helper} for {sign}?",
    "Waiting for test results ({condition})",
    "{Sign} after a long day",
    "Tips for the first year after a {condition} diagnosis",
};
constexpr const char* kSiteTitles[] = {
    "Finding a {specialist} who listens",
    "Looking after someone with {sign}",
    "A new study on {condition}",
    "How do you explain {sign} to friends?",
    "Keeping records for appointments",
    "Holidays with a rare condition",
};
constexpr const char* kOpenings[] = {
    "{Who} was diagnosed with {condition} {duration} ago.",
    "The first thing we noticed was {sign}, and later {sign2}.",
    "It took {duration} and four doctors before anyone said {condition}.",
    "I am writing because {sign} has been worse these last weeks.",
    "Our {specialist} mentioned {condition} for the first time last month.",
};
constexpr const char* kSentences[] = {
    "Lately {sign} has been worse in the evenings.",
    "Our {specialist} suggested {helper}, and it made a real difference.",
    "Has anyone else dealt with {sign} alongside {sign2}?",
    "We keep a diary of {sign} to show the {specialist}.",
    "For us, {helper} helped more than anything else with {sign}.",
    "I would ask the {specialist} about {sign2} too.",
    "Some days are good, some are not, and that is all right.",
    "Does {sign} tend to ease as children grow?",
    "We found the genetic test results hard to read at first.",
    "The paperwork for {helper} took us {duration}.",
    "Meeting another family living with {condition} changed how we felt.",
    "Small steps: {who} managed a whole week of school despite {sign}.",
    "I am not a doctor, just someone who has been there.",
    "Please tell us how the appointment goes.",
    "{Sign} was the hardest part for {who} in the first year.",
    "Thank you for writing this; it is very close to what we went through.",
    "Nobody had heard of {condition} at our local hospital.",
    "We saw a {specialist} about {sign}, and the wait was {duration}.",
};
constexpr const char* kWho[] = {"my son", "my daughter", "my partner", "my mother", "my brother", "my father",
                                "our youngest", "my sister", "my husband", "my wife"};
constexpr const char* kDurations[] = {"two months", "six months", "a year", "eighteen months", "three years",
                                      "five years", "a few weeks", "nine months"};
constexpr const char* kSpecialists[] = {"neurologist", "geneticist", "paediatrician", "physiotherapist",
                                        "occupational therapist", "dietitian", "ophthalmologist",
                                        "cardiologist", "family doctor", "speech therapist"};
constexpr const char* kHelpers[] = {"physiotherapy twice a week", "a symptom diary", "speech therapy",
                                    "a support group", "a change of medication", "shorter school days",
                                    "a weighted blanket", "hydrotherapy", "a special diet", "a sleep routine"};
constexpr const char* kPlainSigns[] = {"tiredness", "pain", "poor sleep", "headaches", "weak muscles"};

// "Seizures" -> "seizures" inside a sentence; names such as "HIV" stay as they are.
std::string InSentence(const std::string& label) {
  if (label.size() >= 2 && label[0] >= 'A' && label[0] <= 'Z' && label[1] >= 'a' && label[1] <= 'z') {
    return static_cast<char>(label[0] - 'A' + 'a') + label.substr(1);
  }
  return label;
}

std::string Capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

void Replace(std::string& text, const std::string& slot, const std::string& value) {
  for (auto at = text.find(slot); at != std::string::npos; at = text.find(slot, at + value.size())) {
    text.replace(at, slot.size(), value);
  }
}

}  // namespace

DemoForumGenerator::DemoForumGenerator(uint64_t seed, long long now, std::vector<DemoAuthor> authors,
                                       std::vector<DemoCondition> conditions, std::vector<std::string> site_slugs)
    : state_(seed * 0xD1B54A32D192ED03ull + 11), now_(now), authors_(std::move(authors)),
      site_slugs_(std::move(site_slugs)) {
  for (std::size_t i = 0; i < authors_.size(); ++i) {
    if (!authors_[i].orphacodes.empty()) with_community_.push_back(static_cast<long long>(i));
    for (int code : authors_[i].orphacodes) communities_[code].push_back(authors_[i].user_id);
  }
  for (DemoCondition& c : conditions) {
    orphacodes_.push_back(c.orphacode);
    conditions_[c.orphacode] = std::move(c);
  }
}

uint64_t DemoForumGenerator::Random() {  // splitmix64
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

long long DemoForumGenerator::AnyAuthor() { return authors_[Below(authors_.size())].user_id; }

long long DemoForumGenerator::Replier(int orphacode) {
  auto community = communities_.find(orphacode);
  if (community != communities_.end() && Below(10) < 8) return Any(community->second);
  return AnyAuthor();
}

std::string DemoForumGenerator::Sign(const DemoCondition& condition) {
  if (condition.signs.empty() || Below(10) == 0) return kPlainSigns[Below(std::size(kPlainSigns))];
  return InSentence(Any(condition.signs));
}

std::string DemoForumGenerator::Fill(const std::string& pattern, const DemoCondition& condition) {
  std::string text = pattern;
  const std::string sign = Sign(condition);
  std::string sign2 = Sign(condition);
  if (sign2 == sign) sign2 = kPlainSigns[Below(std::size(kPlainSigns))];
  const std::string who = kWho[Below(std::size(kWho))];
  Replace(text, "{Sign}", Capitalised(sign));
  Replace(text, "{sign}", sign);
  Replace(text, "{sign2}", sign2);
  Replace(text, "{Who}", Capitalised(who));
  Replace(text, "{who}", who);
  Replace(text, "{condition}", condition.name);
  Replace(text, "{duration}", kDurations[Below(std::size(kDurations))]);
  Replace(text, "{specialist}", kSpecialists[Below(std::size(kSpecialists))]);
  Replace(text, "{helper}", kHelpers[Below(std::size(kHelpers))]);
  return Capitalised(text);
}

std::string DemoForumGenerator::Body(const DemoCondition& condition, int sentences, bool opening) {
  std::string body;
  if (opening) body = Fill(kOpenings[Below(std::size(kOpenings))], condition);
  for (int i = 0; i < sentences; ++i) {
    if (!body.empty()) body += Below(4) == 0 ? "\n\n" : " ";
    body += Fill(kSentences[Below(std::size(kSentences))], condition);
  }
  return body;
}

DemoTopic DemoForumGenerator::Topic(long long posts, const std::string& slug) {
  DemoTopic topic;
  // Where: a community one of the authors joined (three in four), else a site-wide forum.
  long long first_author = 0;
  const DemoCondition* about = nullptr;
  if (slug.empty() && !with_community_.empty() && Below(4) != 0) {
    const DemoAuthor& author = authors_[static_cast<std::size_t>(Any(with_community_))];
    const int code = Any(author.orphacodes);
    auto known = conditions_.find(code);
    if (known != conditions_.end()) {
      first_author = author.user_id;
      about = &known->second;
      topic.orphacode = code;
    }
  }
  if (about == nullptr) {
    topic.slug = slug.empty() ? Any(site_slugs_) : slug;
    first_author = AnyAuthor();
    about = &conditions_.at(Any(orphacodes_));
  }
  const DemoCondition& condition = *about;
  const int code = condition.orphacode;
  topic.title = FirstCharacters(topic.orphacode ? Fill(kTitles[Below(std::size(kTitles))], condition)
                                                : Fill(kSiteTitles[Below(std::size(kSiteTitles))], condition),
                                kMaxTitleCharacters);
  // When: gaps of a minute to a day and a half, ending before now, starting in the last two years.
  std::vector<long long> gaps(static_cast<std::size_t>(posts), 0);
  long long span = 0;
  for (std::size_t i = 1; i < gaps.size(); ++i) span += gaps[i] = 60 + static_cast<long long>(Below(36 * 3600));
  const long long latest_start = now_ - span - 60;
  long long at = latest_start - static_cast<long long>(Below(730 * 86400ull));
  for (long long number = 1; number <= posts; ++number) {
    DemoPost post;
    at += gaps[static_cast<std::size_t>(number - 1)];
    post.created_at = at;
    post.author_id = number == 1 ? first_author : Replier(code);
    post.body = number == 1 ? Body(condition, 2 + static_cast<int>(Below(4)), true)
                            : Body(condition, 1 + static_cast<int>(Below(4)), false);
    if (number > 2 && Below(3) == 0) post.reply_to = Below(2) == 0 ? 1 : 1 + static_cast<long long>(Below(number - 1));
    if (Below(10) == 0) {
      std::set<long long> helpers;
      const int wanted = 1 + static_cast<int>(Below(3));
      for (int tries = 0; tries < 10 && static_cast<int>(helpers.size()) < wanted; ++tries) {
        const long long helper = Replier(code);
        if (helper != post.author_id) helpers.insert(helper);
      }
      post.helped_by.assign(helpers.begin(), helpers.end());
    }
    topic.posts.push_back(std::move(post));
  }
  ReadsAndWatches(topic, code);
  return topic;
}

long long DemoForumGenerator::Later(long long at, long long at_most_seconds) {
  return std::min(now_, at + static_cast<long long>(Below(static_cast<uint64_t>(at_most_seconds) + 1)));
}

void DemoForumGenerator::ReadsAndWatches(DemoTopic& topic, int orphacode) {
  const long long posts = static_cast<long long>(topic.posts.size());
  auto time_of = [&](long long number) { return topic.posts[static_cast<std::size_t>(number - 1)].created_at; };
  // Each writer's first and last post, in the order they first wrote.
  std::vector<long long> writers;
  std::map<long long, std::pair<long long, long long>> wrote;  // member -> (first, last) number
  for (long long number = 1; number <= posts; ++number) {
    const long long author = topic.posts[static_cast<std::size_t>(number - 1)].author_id;
    auto [it, first] = wrote.try_emplace(author, number, number);
    if (first) writers.push_back(author);
    it->second.second = number;
  }
  for (long long member : writers) {
    const auto [first, last] = wrote[member];
    // Posting marks the topic read up to the post; half came back later and read on.
    long long upto = last;
    if (upto < posts && Below(2) == 0) upto = Below(2) == 0 ? posts : upto + 1 + static_cast<long long>(Below(posts - upto));
    topic.reads.push_back(DemoRead{member, upto, Later(time_of(upto), 6 * 3600)});
    // Posting tracks the topic; some starters watch it, a few writers muted it since.
    std::string level = "tracking";
    if (first == 1 && Below(4) == 0) level = "watching";
    if (Below(40) == 0) level = "muted";
    topic.watches.push_back(DemoWatch{member, level, time_of(first)});
  }
  // Readers who never wrote: a few of the community, more in a busy topic, partway through.
  const long long lurkers = static_cast<long long>(Below(static_cast<uint64_t>(std::min(posts, 4LL)) + 1));
  for (long long i = 0; i < lurkers; ++i) {
    const long long member = Replier(orphacode);
    if (!wrote.try_emplace(member, 0, 0).second) continue;  // a writer, or already counted
    const long long upto = 1 + static_cast<long long>(Below(static_cast<uint64_t>(posts)));
    topic.reads.push_back(DemoRead{member, upto, Later(time_of(upto), 3 * 86400)});
    if (Below(8) == 0) topic.watches.push_back(DemoWatch{member, "watching", Later(time_of(upto), 3600)});
  }
}

std::vector<DemoForumWatch> DemoForumGenerator::ForumWatches() {
  std::vector<DemoForumWatch> watches;
  for (const DemoAuthor& author : authors_) {
    const long long since = now_ - static_cast<long long>(Below(365 * 86400ull));
    if (!author.orphacodes.empty() && Below(3) == 0) {
      DemoForumWatch w;
      w.orphacode = Any(author.orphacodes);
      w.watch = DemoWatch{author.user_id, Below(3) == 0 ? "watching" : "tracking", since};
      watches.push_back(std::move(w));
    }
    if (!site_slugs_.empty() && Below(20) == 0) {
      DemoForumWatch w;
      w.slug = Any(site_slugs_);
      w.watch = DemoWatch{author.user_id, Below(3) == 0 ? "muted" : "tracking", since};
      watches.push_back(std::move(w));
    }
  }
  return watches;
}

std::vector<long long> DemoForumGenerator::Spread(long long topics, long long posts) {
  std::vector<long long> counts(static_cast<std::size_t>(topics), 1);
  if (topics == 0) return counts;
  // A long tail: exponential weights, one topic in twenty ten times as busy.
  std::vector<double> cumulative(counts.size());
  double sum = 0;
  for (double& c : cumulative) {
    const double weight = -std::log(1.0 - Unit()) * (Below(20) == 0 ? 10.0 : 1.0);
    c = sum += weight;
  }
  for (long long extra = posts - topics; extra > 0; --extra) {
    const double x = Unit() * sum;
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
    ++counts[std::min(static_cast<std::size_t>(it - cumulative.begin()), counts.size() - 1)];
  }
  return counts;
}

Result<DemoForumCounts> CreateDemoForums(DemoForumStore& store, const DemoForumOptions& options,
                                         const std::function<void(long long)>& progress) {
  long long topics = options.topics;
  if (topics == 0 && options.posts > 0) topics = std::max(1LL, options.posts / 40);
  const long long posts = std::max(options.posts, topics);
  if (topics == 0 && options.long_topic == 0) return DemoForumCounts{};
  auto authors = store.SyntheticAuthors();
  if (!authors.ok()) return authors.status();
  if (authors->empty()) return Status::FailedPrecondition("there are no synthetic members to write the posts");
  std::set<int> codes;
  for (const DemoAuthor& a : *authors) codes.insert(a.orphacodes.begin(), a.orphacodes.end());
  auto conditions = store.Conditions(codes);
  if (!conditions.ok()) return conditions.status();
  if (conditions->empty()) return Status::FailedPrecondition("the catalogue has no active condition to talk about");
  auto slugs = store.SiteWideSlugs();
  if (!slugs.ok()) return slugs.status();
  if (std::find(slugs->begin(), slugs->end(), kLongTopicForum) == slugs->end()) {
    return Status::FailedPrecondition("there is no site-wide forum 'general'");
  }
  DemoForumGenerator generator(options.seed, options.now, std::move(*authors), std::move(*conditions),
                               std::move(*slugs));
  std::vector<long long> counts = generator.Spread(topics, posts);
  if (options.long_topic > 0) counts.push_back(-options.long_topic);  // negative: the long topic
  // Their addresses are under .invalid: the watches below must not mail them.
  if (Status s = store.QuietSyntheticMembers(options.now); !s.ok()) return s;
  std::vector<DemoTopic> batch;
  long long in_batch = 0;
  DemoForumCounts made;
  made.topics = static_cast<long long>(counts.size());
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const long long count = counts[i];
    batch.push_back(count > 0 ? generator.Topic(count) : generator.Topic(-count, kLongTopicForum));
    in_batch += std::abs(count);
    made.reads += static_cast<long long>(batch.back().reads.size());
    made.watches += static_cast<long long>(batch.back().watches.size());
    if (in_batch >= kDemoForumBatchPosts || i + 1 == counts.size()) {
      if (Status s = store.Insert(batch); !s.ok()) return s;
      made.posts += in_batch;
      batch.clear();
      in_batch = 0;
      if (progress) progress(made.posts);
    }
  }
  // Forum watches last: a condition's forum has a row once a topic went into it.
  auto forum_watches = store.WatchForums(generator.ForumWatches());
  if (!forum_watches.ok()) return forum_watches.status();
  made.watches += *forum_watches;
  return made;
}

Result<DemoForumCounts> RemoveDemoForums(DemoForumStore& store) { return store.Remove(); }

}  // namespace diseasemaps::forums
