// The console works without this script; it adds what people who review all day want: a preset
// reason fills (or joins) the comment, and keys — n: next case, a: approve, r: reject (the comment
// first, when it is empty). Keys do nothing while a field has the focus.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('select[data-fills]').forEach((select) => {
    select.addEventListener('change', () => {
      const field = document.getElementById(select.dataset.fills);
      if (!select.value || field.value.includes(select.value)) return;
      field.value = field.value.trim() ? select.value + ': ' + field.value.trim() : select.value;
    });
  });
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    if (event.key === 'n') {
      window.location.href = '/console/next';
      return;
    }
    const button = document.querySelector('button[data-key="' + event.key + '"]');
    if (!button || button.disabled) return;
    event.preventDefault();
    const comment = document.getElementById('comment');
    if (event.key === 'r' && comment && !comment.value.trim()) {
      comment.focus();
      return;
    }
    button.click();
  });
});
