// Small progressive enhancements; every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // Overlap check: a filter box over the long tick lists (hidden until this script shows it).
  const box = document.querySelector('.tick-filter');
  if (box) {
    box.hidden = false;
    const input = box.querySelector('input');
    input.addEventListener('input', () => {
      const words = input.value.toLowerCase().trim();
      document.querySelectorAll('.tick-list li').forEach(li => {
        li.hidden = words !== '' && !li.textContent.toLowerCase().includes(words);
      });
    });
  }
});
// A printed report shows every reason, including those folded away on screen.
window.addEventListener('beforeprint', () => {
  document.querySelectorAll('.report details, .not-applicable details').forEach(d => { d.dataset.wasOpen = d.open; d.open = true; });
});
window.addEventListener('afterprint', () => {
  document.querySelectorAll('details[data-was-open]').forEach(d => { d.open = d.dataset.wasOpen === 'true'; delete d.dataset.wasOpen; });
});
