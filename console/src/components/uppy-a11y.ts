/*
 * Two accessibility faults of Uppy Dashboard 6.0.3's file list, which axe-core reports as
 * serious once a file is added: with a single file the list container has no role="list"
 * while its item is a role="listitem" (aria-required-parent), and the scrolling file list
 * cannot be reached with the keyboard (scrollable-region-focusable). Uppy re-renders that
 * part often, so a MutationObserver repairs it whenever it appears; remove when Uppy does it.
 */
export function repairDashboardA11y(root: Node): () => void {
  const repair = () => {
    const holder = root as ParentNode;
    for (const list of holder.querySelectorAll<HTMLElement>('.uppy-Dashboard-files')) {
      if (!list.hasAttribute('role')) list.setAttribute('role', 'list');
      if (!list.hasAttribute('tabindex')) list.setAttribute('tabindex', '0');
      if (!list.hasAttribute('aria-label')) list.setAttribute('aria-label', 'Files to upload');
    }
  };
  const observer = new MutationObserver(repair);
  observer.observe(root, { childList: true, subtree: true });
  repair();
  return () => observer.disconnect();
}
