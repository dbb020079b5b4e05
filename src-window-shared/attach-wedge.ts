// The DOM half of keyboard-wedge detection: feeds a window's keydown events to the detector of
// src-main/contract/keyboard-wedge.ts and edits the focused field as the detector decides.
import {
  createWedgeDetector,
  DEFAULT_WEDGE_OPTIONS,
  type WedgeDecision,
  type WedgeOptions,
  type WedgeScan,
} from '../src-main/contract/keyboard-wedge';

/** How late (ms) the pause timer may run before the page counts as having been busy. */
const LATE_TIMER_MS = 20;
/** How soon a late timer looks again, after the queued keys have had their turn. */
const LATE_RECHECK_MS = 10;

type TextField = HTMLInputElement | HTMLTextAreaElement;

function focusedTextField(target: EventTarget): TextField | null {
  const doc: Document | undefined =
    (target as Node).ownerDocument ?? (target as Document).defaultView?.document;
  const el = doc?.activeElement as Partial<TextField> | null | undefined;
  if (!el || typeof el.setRangeText !== 'function' || typeof el.value !== 'string') return null;
  return el as TextField;
}

function edit(field: TextField, from: number, to: number, text: string): void {
  field.setRangeText(text, from, to, 'end');
  // React and other frameworks listen to 'input', not to value changes.
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Watches keydown on `target` (capture phase, so it runs before the page's own handlers) and
 * calls onScan with each scanned value. A scan's keys are swallowed; the few that leaked into
 * the focused input before the burst was recognised are taken back out, and swallowed keys
 * that turn out to be typing are put back. Returns a function that detaches it.
 */
export function attachWedge(
  target: EventTarget,
  onScan: (value: string, scan: WedgeScan) => void,
  options: Partial<WedgeOptions> = {},
): () => void {
  const detector = createWedgeDetector(options);
  const maxGapMs = options.maxGapMs ?? DEFAULT_WEDGE_OPTIONS.maxGapMs;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const apply = (decision: WedgeDecision) => {
    const field = focusedTextField(target);
    if (decision.release && field) {
      edit(
        field,
        field.selectionStart ?? field.value.length,
        field.selectionEnd ?? field.value.length,
        decision.release,
      );
    }
    if (decision.scan) {
      const { leaked } = decision.scan;
      const end = field?.selectionStart ?? 0;
      if (field && leaked && field.value.slice(end - leaked.length, end) === leaked) {
        edit(field, end - leaked.length, end, '');
      }
      onScan(decision.scan.value, decision.scan);
    }
  };

  const onKeyDown = (event: Event) => {
    const e = event as KeyboardEvent;
    const decision = detector.feed({
      key: e.key,
      code: e.code,
      timeStamp: e.timeStamp,
      isComposing: e.isComposing,
      shiftKey: e.shiftKey,
      ctrlKey: e.ctrlKey,
      altKey: e.altKey,
      metaKey: e.metaKey,
    });
    if (decision.swallow) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
    apply(decision);
    schedule(maxGapMs + 5);
  };

  // The pause that ends a burst is judged on the events' own timestamps. The timer only asks
  // "has a key come since?", and a timer that runs late means the page was busy: the burst's
  // next keys may still be queued behind it with their real (close) timestamps, so look again
  // shortly instead of cutting the code in two on the clock.
  let due = 0;
  const schedule = (delay: number) => {
    clearTimeout(timer);
    due = performance.now() + delay;
    timer = setTimeout(onTimer, delay);
  };
  const onTimer = () => {
    const now = performance.now();
    if (now - due > LATE_TIMER_MS) return schedule(LATE_RECHECK_MS);
    apply(detector.flush(now));
  };

  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => {
    clearTimeout(timer);
    target.removeEventListener('keydown', onKeyDown, { capture: true });
  };
}
