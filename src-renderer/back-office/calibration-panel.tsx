import { errorText } from '../station-text';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractClient } from '../../src-main/contract/client';
import type { CapturedImage, DisplayInfo } from '../../src-main/contract/hardware';
import {
  dragRect,
  nudge,
  regionFor,
  toNatural,
  toShown,
  type Point,
  type Rect,
} from './region-math';

type Client = ContractClient<'cashier'>;

/**
 * "Set order region": pick a display, freeze a picture of it, drag a rectangle around the POS
 * order (arrow keys nudge it; Shift moves 10 px; Alt resizes), check the live preview, save.
 */
export function CalibrationPanel({ client }: { client: Client }) {
  const { t } = useTranslation();
  const [displays, setDisplays] = useState<DisplayInfo[] | null>(null);
  const [display, setDisplay] = useState(0);
  const [frozen, setFrozen] = useState<CapturedImage | null>(null);
  const [rect, setRect] = useState<Rect | null>(null);
  const [preview, setPreview] = useState<CapturedImage | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const dragFrom = useRef<Point | null>(null);
  const imgRef = useRef<HTMLImageElement | null>(null);
  // The picture's size on screen (CSS px), to draw the selection over it; follows resizes.
  const [shownSize, setShownSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const img = imgRef.current;
    if (!img) return;
    const observer = new ResizeObserver(() =>
      setShownSize({ width: img.clientWidth, height: img.clientHeight }),
    );
    observer.observe(img);
    return () => observer.disconnect();
  }, [frozen]);

  useEffect(() => {
    void (async () => {
      const [d, current] = await Promise.all([
        client.call('capture.displays', {}),
        client.call('capture.getRegion', {}),
      ]);
      if (!d.ok) return setMessage({ tone: 'error', text: errorText(t, d.error) });
      setDisplays(d.value);
      const saved = current.ok ? current.value : null;
      const start = saved?.display ?? d.value.find((x) => x.primary)?.index ?? 0;
      setDisplay(start);
      if (saved) setRect(saved);
      await freeze(start);
    })();
    // Runs once when the panel opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function freeze(index: number) {
    setBusy(true);
    const r = await client.call('capture.preview', { display: index });
    setBusy(false);
    if (!r.ok) return setMessage({ tone: 'error', text: errorText(t, r.error) });
    setFrozen(r.value);
  }

  // The live preview follows the rectangle, a moment after it stops moving.
  useEffect(() => {
    const region = regionFor(rect, display);
    if (!region.ok) return;
    let live = true;
    const timer = setTimeout(() => {
      void client.call('capture.preview', { display, region: region.value }).then((r) => {
        if (live && r.ok) setPreview(r.value);
      });
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, rect, display]);

  const natural = frozen ? { width: frozen.width, height: frozen.height } : null;
  const pointOf = (e: PointerEvent): Point | null => {
    const img = imgRef.current;
    if (!img || !natural) return null;
    const box = img.getBoundingClientRect();
    return toNatural(
      { x: e.clientX - box.left, y: e.clientY - box.top },
      { width: box.width, height: box.height },
      natural,
    );
  };

  const onKey = (e: KeyboardEvent) => {
    if (!rect || !natural || !e.key.startsWith('Arrow')) return;
    e.preventDefault();
    setRect(nudge(rect, e.key, e.shiftKey ? 10 : 1, e.altKey, natural));
  };

  const save = async () => {
    const region = regionFor(rect, display);
    if (!region.ok)
      return setMessage({
        tone: 'error',
        text: t(`calibration.error.${region.key}`, region.params),
      });
    const r = await client.call('capture.setRegion', { region: region.value });
    if (!r.ok) return setMessage({ tone: 'error', text: errorText(t, r.error) });
    setMessage({
      tone: 'info',
      text: t('calibration.saved', r.value),
    });
  };

  const shownRect = rect && natural && shownSize ? toShown(rect, shownSize, natural) : null;

  return (
    <div className="calibration" data-testid="calibration">
      <div className="bo-row">
        <label htmlFor="cal-display">{t('calibration.display')}</label>
        <select
          id="cal-display"
          value={display}
          onChange={(e) => {
            const i = Number(e.target.value);
            setDisplay(i);
            setRect(null);
            setPreview(null);
            void freeze(i);
          }}
        >
          {(displays ?? []).map((d) => (
            <option key={d.index} value={d.index}>
              {d.index + 1}: {Math.round(d.width * d.scaleFactor)}×
              {Math.round(d.height * d.scaleFactor)}
              {d.primary ? ` (${t('calibration.primary')})` : ''}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void freeze(display)}
        >
          {t('calibration.freeze')}
        </button>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => void save()}>
          {t('calibration.save')}
        </button>
      </div>
      <p className="bo-muted">{t('calibration.hint')}</p>
      {message && (
        <p
          className={message.tone === 'error' ? 'bo-error' : 'bo-ok'}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      <div className="cal-body">
        <div
          className="cal-stage"
          tabIndex={0}
          role="application"
          aria-label={t('calibration.stage')}
          onKeyDown={onKey}
          onPointerDown={(e) => {
            const p = pointOf(e);
            if (!p) return;
            (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
            dragFrom.current = p;
            setRect({ ...p, width: 0, height: 0 });
          }}
          onPointerMove={(e) => {
            const p = pointOf(e);
            if (dragFrom.current && p && natural) setRect(dragRect(dragFrom.current, p, natural));
          }}
          onPointerUp={() => (dragFrom.current = null)}
        >
          {frozen ? (
            <img ref={imgRef} src={frozen.image} alt={t('calibration.frozen')} draggable={false} />
          ) : (
            <p className="bo-muted">
              {busy ? t('calibration.capturing') : t('calibration.noPicture')}
            </p>
          )}
          {shownRect && (
            <div
              className="cal-rect"
              data-testid="cal-rect"
              style={{
                left: shownRect.x,
                top: shownRect.y,
                width: shownRect.width,
                height: shownRect.height,
              }}
            />
          )}
        </div>
        <aside className="cal-preview">
          <h3>{t('calibration.preview')}</h3>
          {preview && rect ? (
            <>
              <img src={preview.image} alt={t('calibration.previewAlt')} />
              <p className="bo-muted">
                {Math.round(rect.width)}×{Math.round(rect.height)} px at ({Math.round(rect.x)},{' '}
                {Math.round(rect.y)})
              </p>
            </>
          ) : (
            <p className="bo-muted">{t('calibration.previewEmpty')}</p>
          )}
        </aside>
      </div>
    </div>
  );
}
