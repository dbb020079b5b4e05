import { useEffect, useRef, useState, type RefObject } from 'react';

/** Which rows of a scrolling list are in view now, and whether every row has been in view. */
export interface VisibleRows {
  first: number;
  last: number;
  count: number;
  allSeen: boolean;
}

/**
 * Watches a scrolling list: the rows wholly in view (for "lines 1–6 of 10") and whether the
 * customer has had every row in front of them at least once, so Confirm can wait for that.
 * `resetKey` starts the tally over (a new revision must be seen again).
 */
export function useVisibleRows(
  list: RefObject<HTMLElement | null>,
  resetKey: unknown,
): VisibleRows & { page(direction: 1 | -1): void } {
  const [state, setState] = useState<VisibleRows>({ first: 0, last: -1, count: 0, allSeen: false });
  const seen = useRef(new Set<number>());

  useEffect(() => {
    seen.current = new Set();
    const el = list.current;
    if (!el) return;
    const update = () => {
      const box = el.getBoundingClientRect();
      const rows = [...el.children] as HTMLElement[];
      let first = -1;
      let last = -1;
      rows.forEach((row, i) => {
        const r = row.getBoundingClientRect();
        // Wholly in view (a row taller than the list counts once it fills it).
        const inView =
          (r.top >= box.top - 2 && r.bottom <= box.bottom + 2) ||
          (r.height > box.height && r.top <= box.top && r.bottom >= box.bottom);
        if (!inView) return;
        if (first < 0) first = i;
        last = i;
        seen.current.add(i);
      });
      setState({ first, last, count: rows.length, allSeen: seen.current.size >= rows.length });
    };
    update();
    el.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [list, resetKey]);

  // A page moves the first row cut off at the edge to the other edge, so no row is ever
  // skipped between two pages (a fixed step could leave a row half-shown on both).
  const page = (direction: 1 | -1) => {
    const el = list.current;
    if (!el) return;
    const box = el.getBoundingClientRect();
    const rects = ([...el.children] as HTMLElement[]).map((r) => r.getBoundingClientRect());
    const cut =
      direction === 1
        ? rects.find((r) => r.bottom > box.bottom + 2)
        : rects.findLast((r) => r.top < box.top - 2);
    if (!cut) return;
    const top = direction === 1 ? cut.top - box.top : cut.bottom - box.bottom;
    // A page flips at once, like a card terminal's; nothing moves under the customer's finger.
    el.scrollBy({ top });
  };
  return { ...state, page };
}
