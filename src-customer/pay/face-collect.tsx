import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../../src-main/contract/credential';
import { useCamera } from './use-camera';

const COUNTDOWN = 3;

/** Face payment: live preview, a short countdown, one JPEG frame sent, camera off. */
export function FaceCollect({ submit }: { submit(c: Credential): Promise<boolean> }) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const { videoRef, state, capture, stop } = useCamera(!sending);
  const live = state.kind === 'live' && !sending;

  const take = () => {
    const image = capture();
    if (!image) return;
    setSending(true);
    stop();
    void submit({ kind: 'face', image }).then((ok) => {
      // A refused photo (the station said no) lets the customer try again with the camera back on.
      if (!ok) {
        setSending(false);
        setAttempt((a) => a + 1);
      }
    });
  };

  if (state.kind === 'insecure')
    return (
      <p className="pay-problem" role="alert">
        {t('pay.face.insecure')}
      </p>
    );
  if (state.kind === 'unavailable')
    return (
      <p className="pay-problem" role="alert">
        {t('pay.face.unavailable', { message: state.message })}
      </p>
    );
  return (
    <div className="face-collect">
      <div className="camera-frame">
        <video ref={videoRef} muted playsInline aria-label={t('pay.face.title')} />
        <div className="face-guide" aria-hidden="true" />
        {live && <Countdown key={attempt} onDone={take} />}
      </div>
      <p className="lead" role="status">
        {sending ? t('pay.face.sending') : live ? t('pay.face.hold') : t('pay.face.starting')}
      </p>
      {live && (
        <button type="button" className="big primary" onClick={take}>
          {t('pay.face.capture')}
        </button>
      )}
    </div>
  );
}

/** Counts down from COUNTDOWN once mounted, then takes the photo. */
function Countdown({ onDone }: { onDone(): void }) {
  const [count, setCount] = useState(COUNTDOWN);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    let left = COUNTDOWN;
    const timer = setInterval(() => {
      left -= 1;
      setCount(left);
      if (left <= 0) {
        clearInterval(timer);
        done.current();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="countdown" data-testid="face-countdown">
      {Math.max(count, 1)}
    </div>
  );
}
