// "Quote" on a forum post, with script: when words of that post are selected, they go
// into the reply box as a Markdown blockquote under the post's attribution ("In post 3,
// Ana wrote:", made by the server in the page's language), and the reply answers that
// post. With nothing selected, or without script, the link loads the page with the whole
// post quoted in the reply box (?quote=N), so this file only shortens the way.
const box = document.getElementById('reply-body');
const form = document.getElementById('reply');

// The words last selected in a post, kept while focus moves to a "Quote" link (moving
// focus with Tab, or pressing a link, may clear the selection before the click).
let lastSelection = null;
document.addEventListener('selectionchange', () => {
  const selection = window.getSelection();
  if (selection && !selection.isCollapsed && selection.rangeCount > 0) {
    const node = selection.getRangeAt(0).commonAncestorContainer;
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const body = element ? element.closest('.post-body') : null;
    const post = body ? body.closest('li.post') : null;
    lastSelection = post ? { post: post.id, text: selection.toString().trim() } : null;
  } else if (!document.activeElement || !document.activeElement.classList.contains('quote-link')) {
    lastSelection = null;
  }
});

function selectedTextIn(post) {
  return lastSelection && lastSelection.post === post.id ? lastSelection.text : '';
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
      lastSelection = null;
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
