// "Quote" on a forum post, with script: when words of that post are selected, they go
// into the reply box as a Markdown blockquote under the post's attribution ("In post 3,
// Ana wrote:", made by the server in the page's language), and the reply answers that
// post. With nothing selected, or without script, the link loads the page with the whole
// post quoted in the reply box (?quote=N), so this file only shortens the way.
const box = document.getElementById('reply-body');
const form = document.getElementById('reply');

function selectedTextIn(post) {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const body = post.querySelector('.post-body');
  if (!body || !body.contains(selection.getRangeAt(0).commonAncestorContainer)) return '';
  return selection.toString().trim();
}

function quoted(head, text) {
  const lines = text.split(/\r?\n/).map((line) => (line ? `> ${line}` : '>'));
  return `> ${head}\n>\n${lines.join('\n')}\n\n`;
}

if (box && form) {
  for (const link of document.querySelectorAll('a.quote-link')) {
    link.addEventListener('click', (event) => {
      const post = document.getElementById(`post-${link.dataset.post}`);
      const text = post ? selectedTextIn(post) : '';
      if (!text) return;  // the server quotes the whole post
      event.preventDefault();
      const before = box.value && !box.value.endsWith('\n\n') ? `${box.value.trimEnd()}\n\n` : box.value;
      box.value = before + quoted(link.dataset.quoteHead, text);
      let replyTo = form.querySelector('input[name="reply_to"]');
      if (!replyTo) {
        replyTo = document.createElement('input');
        replyTo.type = 'hidden';
        replyTo.name = 'reply_to';
        form.appendChild(replyTo);
      }
      replyTo.value = link.dataset.post;
      box.focus();
      box.setSelectionRange(box.value.length, box.value.length);
    });
  }
}
