#include "forums/forum_fragments.h"

#include "platform/crypto.h"

namespace diseasemaps::forums {
namespace {

// Unguessable, so no post's text can hold it; URL-safe base64 like the tokens it stands
// for, so escaping never changes it.
const std::string& CsrfPlaceholder() {
  static const std::string placeholder = RandomToken();
  return placeholder;
}

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
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
