import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../../src-main/contract/credential';
import {
  emptyKeypad,
  groupDigits,
  keypadReady,
  pressKey,
  PROXY_ID_MIN,
  type KeypadState,
} from './keypad';
import { useCamera } from './use-camera';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

/** Proxy payment: the relative's proxy ID on a big keypad, and an optional photo of the scene. */
export function ProxyCollect({ submit }: { submit(c: Credential): Promise<boolean> }) {
  const { t } = useTranslation();
  const [pad, setPad] = useState<KeypadState>(emptyKeypad);
  const [tried, setTried] = useState(false);
  const [photo, setPhoto] = useState<string | null>(null);
  const [photoOpen, setPhotoOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  // A hardware keyboard or number pad works too.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = e.key === 'Backspace' ? 'back' : e.key === 'Escape' ? 'clear' : e.key;
      if (/^\d$|^back$|^clear$/.test(key)) setPad((p) => pressKey(p, key));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const send = async () => {
    setTried(true);
    if (!keypadReady(pad)) return;
    setBusy(true);
    const ok = await submit({
      kind: 'proxy',
      proxyId: pad.value,
      ...(photo ? { scenePhoto: photo } : {}),
    });
    if (!ok) setBusy(false);
  };

  const problem =
    pad.error === 'too_long'
      ? t('pay.proxy.tooLong')
      : tried && !keypadReady(pad)
        ? t('pay.proxy.tooShort', { count: PROXY_ID_MIN })
        : null;

  return (
    <div className="proxy-collect">
      <div className="proxy-entry">
        <p className="lead">{t('pay.proxy.prompt')}</p>
        <output className="code-input proxy-id" aria-label={t('pay.proxy.label')}>
          {groupDigits(pad.value) || '\u00a0'}
        </output>
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <div className="keypad">
          {KEYS.map((k) => (
            <button
              key={k}
              type="button"
              className={k === 'clear' || k === 'back' ? 'key key-fn' : 'key'}
              onClick={() => setPad((p) => pressKey(p, k))}
            >
              {k === 'clear' ? t('pay.proxy.clear') : k === 'back' ? t('pay.proxy.delete') : k}
            </button>
          ))}
        </div>
      </div>
      <div className="proxy-side">
        {photoOpen && !photo ? (
          <ScenePhoto
            onTaken={(image) => {
              setPhoto(image);
              setPhotoOpen(false);
            }}
          />
        ) : photo ? (
          <div className="scene-photo">
            <img src={photo} alt={t('pay.proxy.photoTaken')} />
            <button type="button" className="big secondary" onClick={() => setPhoto(null)}>
              {t('pay.proxy.photoRemove')}
            </button>
          </div>
        ) : (
          <button type="button" className="big secondary" onClick={() => setPhotoOpen(true)}>
            {t('pay.proxy.photo')}
          </button>
        )}
        <button type="button" className="big primary" disabled={busy} onClick={() => void send()}>
          {t('pay.proxy.submit')}
        </button>
      </div>
    </div>
  );
}

/** The optional scene photo: a small live preview and one tap to take it. */
function ScenePhoto({ onTaken }: { onTaken(image: string): void }) {
  const { t } = useTranslation();
  const { videoRef, state, capture, stop } = useCamera(true);
  if (state.kind === 'insecure') return <p className="pay-problem">{t('pay.face.insecure')}</p>;
  if (state.kind === 'unavailable')
    return <p className="pay-problem">{t('pay.face.unavailable', { message: state.message })}</p>;
  return (
    <div className="scene-photo">
      <video ref={videoRef} muted playsInline />
      <button
        type="button"
        className="big secondary"
        disabled={state.kind !== 'live'}
        onClick={() => {
          const image = capture();
          stop();
          if (image) onTaken(image);
        }}
      >
        {t('pay.proxy.photoTake')}
      </button>
    </div>
  );
}
