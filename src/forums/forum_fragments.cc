#include "forums/forum_fragments.h"

#include "platform/crypto.h"

namespace diseasemaps::forums {
namespace {

// Unguessable, so no post's text can hold it; a control character then URL-safe base64,
// so escaping never changes it, and the search for it stops only where it is (its first
// character never appears in a page otherwise; a letter would, thousands of times).
const std::string& CsrfPlaceholder() {
  static const std::string placeholder = [] {
    std::string token = RandomToken();  // a token's length
    token[0] = '\x01';
    return token;
  }();
  return placeholder;
}

// In place when `to` is as long as `from` (a token for its placeholder); otherwise the
// text is written again once, never moved along at each replacement.
void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  if (from.size() == to.size()) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
    return;
  }
  std::string out;
  out.reserve(text.size());
  std::size_t done = 0;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, done)) {
    out.append(text, done, at - done);
    out += to;
    done = at + from.size();
  }
  out.append(text, done, std::string::npos);
  text.swap(out);
}

}  // namespace

void RenderPostList(FragmentMemo& memo, const std::string& csrf, nlohmann::json& view) {
  std::string html;
  auto posts = view.find("posts");
  if (posts != view.end() && posts->is_array()) {
    const nlohmann::json reasons = view.value("flag_reasons", nlohmann::json::array());
    html.reserve(posts->size() * 4096);
    for (nlohmann::json& post : *posts) {
      // What the post's sections read from the page around it in the page's template.
      post["form_csrf"] = CsrfPlaceholder();
      post["flag_reasons"] = reasons;
      if (auto mod = post.find("mod"); mod != post.end() && mod->is_object()) (*mod)["form_csrf"] = CsrfPlaceholder();
      html += memo.Render("forum_post", post);
    }
    view.erase(posts);
  }
  ReplaceAll(html, CsrfPlaceholder(), csrf);
  view["posts_html"] = std::move(html);
}

void RenderTopicRows(FragmentMemo& memo, nlohmann::json& view) {
  std::string html;
  if (auto topics = view.find("topics"); topics != view.end() && topics->is_array()) {
    html.reserve(topics->size() * 1024);
    for (const nlohmann::json& topic : *topics) html += memo.Render("forum_topic_row", topic);
    view.erase(topics);
  }
  view["topics_html"] = std::move(html);
}

}  // namespace diseasemaps::forums
