import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../../src-main/contract/credential';
import type { CameraReport } from '../../src-main/contract/store-ops';
import { faceDescriptorSchema } from '../../src-main/contract/face-credential';
import { checkFace, FACE_GATE, type FacePrompt, type SeenFace } from './face-gate';
import { loadFaceDetector, lookAtCamera } from './face-detector';
import { descriptorForPhoneCheck, holdDescriptor } from './face-memory';
import { FacePhoneCheck } from './face-phone';
import { useCamera } from './use-camera';

/** Pause between looks: the models take most of a frame anyway, and the display stays fluid. */
const LOOK_EVERY_MS = 120;

type Stage = 'loading' | 'looking' | 'sending' | 'failed';

/**
 * Face payment: a mirrored live view with a guide oval, faces checked on this device, and the
 * descriptor (never the picture) sent by itself once one face is centred, close, frontal,
 * sharp, steady and live. The camera is off as soon as the descriptor is taken.
 */
export function FaceCollect({
  submit,
  reportCamera,
}: {
  submit(c: Credential): Promise<boolean>;
  reportCamera?: (report: CameraReport) => void;
}) {
  const { t } = useTranslation();
  // After a `face_confirm_phone` failure: the digit check, with the descriptor already taken.
  const [phoneCheck] = useState(() => descriptorForPhoneCheck());
  const [stage, setStage] = useState<Stage>('loading');
  const [prompt, setPrompt] = useState<FacePrompt>('no_face');
  // The models' last anti-spoof / liveness scores, shown as data attributes for support and tests.
  const [scores, setScores] = useState('');
  const [attempt, setAttempt] = useState(0);
  const { videoRef, state, stop } = useCamera(stage !== 'sending' && !phoneCheck);
  const live = state.kind === 'live';
  // The station's device panel shows how the camera was found: once per outcome.
  const reportRef = useRef(reportCamera);
  useEffect(() => {
    reportRef.current = reportCamera;
  });
  const cameraError = state.kind === 'unavailable' ? state.message : null;
  useEffect(() => {
    if (state.kind === 'live' || state.kind === 'insecure' || state.kind === 'unavailable')
      reportRef.current?.({ state: state.kind, error: cameraError?.slice(0, 200) ?? null });
  }, [state.kind, cameraError]);
  const submitRef = useRef(submit);
  // Stopping the camera ends the looking effect, but a refusal must still bring the camera back.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => void (mounted.current = false);
  }, []);
  useEffect(() => {
    submitRef.current = submit;
  });

  // Marks for the benchmark (src-main/bench/face-bench.ts): camera asked → live → models → capture.
  useEffect(() => void performance.mark('face:start'), []);
  useEffect(() => {
    if (!live) return;
    performance.mark('face:camera-live');
    let cancelled = false;
    let previous: SeenFace | null = null;
    let steady = 0;
    void (async () => {
      const human = await loadFaceDetector().catch(() => null);
      if (cancelled) return;
      if (!human) return setStage('failed');
      performance.mark('face:models-ready', { detail: human.tf.getBackend() });
      setStage('looking');
      while (!cancelled) {
        const video = videoRef.current;
        if (!video || video.readyState < 2) {
          await new Promise((r) => setTimeout(r, LOOK_EVERY_MS));
          continue;
        }
        const started = performance.now();
        const look = await lookAtCamera(human, video);
        performance.measure('face:look', { start: started });
        if (cancelled) return;
        const next = checkFace(look.faces, previous);
        previous = look.faces.length === 1 ? look.faces[0]! : null;
        steady = next === 'ready' ? steady + 1 : 0;
        setPrompt(next);
        setScores(look.faces.map((f) => `${f.real.toFixed(2)}/${f.live.toFixed(2)}`).join(' '));
        // The descriptor of the face the gate passed, not of a faint second detection.
        const passed = look.faces.findIndex((f) => f.score >= FACE_GATE.minScore);
        const descriptor = faceDescriptorSchema.safeParse(look.descriptors[passed]);
        if (steady >= FACE_GATE.steadyFrames && descriptor.success) {
          stop();
          performance.mark('face:captured');
          setStage('sending');
          holdDescriptor(descriptor.data);
          const accepted = await submitRef.current({ kind: 'face', descriptor: descriptor.data });
          // Refused by the station: the camera comes back for another look.
          if (!accepted && mounted.current) {
            setStage('loading');
            setAttempt((a) => a + 1);
          }
          return;
        }
        await new Promise((r) => setTimeout(r, LOOK_EVERY_MS));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [live, attempt, stop, videoRef]);

  if (phoneCheck) return <FacePhoneCheck descriptor={phoneCheck} submit={submit} />;
  if (state.kind === 'insecure')
    return (
      <p className="pay-problem" role="alert">
        {t('pay.face.insecure')}
      </p>
    );
  if (state.kind === 'unavailable' || stage === 'failed')
    return (
      <p className="pay-problem" role="alert">
        {t('pay.face.unavailable', {
          message: state.kind === 'unavailable' ? state.message : 'models',
        })}
      </p>
    );
  const text =
    stage === 'sending'
      ? t('pay.face.sending')
      : stage === 'loading' || !live
        ? t('pay.face.starting')
        : t(`pay.face.prompt.${prompt}`);
  return (
    <div className="face-collect">
      <div className={`camera-frame face-${stage === 'looking' ? prompt : stage}`}>
        <video ref={videoRef} muted playsInline aria-label={t('pay.face.title')} />
        <div className="face-guide" aria-hidden="true" />
      </div>
      <p
        className="lead"
        role="status"
        data-testid="face-prompt"
        data-prompt={stage === 'looking' ? prompt : stage}
        data-real-live={scores}
      >
        {text}
      </p>
    </div>
  );
}
