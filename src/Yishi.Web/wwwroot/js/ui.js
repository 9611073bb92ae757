// Small behaviours that the CSP (script-src 'self') keeps out of inline handlers.

// <button data-action="print"> prints the page (the print stylesheet hides navigation and forms).
document.addEventListener('click', (e) => {
  if (e.target instanceof Element && e.target.closest('[data-action="print"]')) window.print();
});

// <details data-collapse-below="768" open> is open on wide screens and collapsed on narrower ones (filter panels on phones).
function collapse() {
  for (const d of document.querySelectorAll('details[data-collapse-below]')) {
    if (d.dataset.collapsed) continue;
    d.dataset.collapsed = '1';
    if (window.innerWidth < Number(d.dataset.collapseBelow)) d.open = false;
  }
}

collapse();
window.Blazor?.addEventListener?.('enhancedload', collapse);
