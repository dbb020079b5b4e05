import { useCallback, useEffect, useRef, useState } from 'react';

export type CameraState =
  | { kind: 'starting' }
  | { kind: 'live' }
  | { kind: 'insecure' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'stopped' };

/** Widest frame sent: a face needs no more, and the contract caps an image at 2 MB. */
const MAX_WIDTH = 640;

/**
 * The display's camera while `active`: asks for it (getUserMedia exists only in a secure
 * context, so an http:// LAN display is told so plainly), shows it in `videoRef`, and stops
 * every track when inactive or unmounted, so the camera light goes off after the photo.
 */
export function useCamera(active: boolean) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [state, setState] = useState<CameraState>({ kind: 'starting' });
  const insecure = !window.isSecureContext || !navigator.mediaDevices?.getUserMedia;

  const stop = useCallback(() => {
    streamRef.current?.getTracks().forEach((t) => t.stop());
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
    setState({ kind: 'stopped' });
  }, []);

  useEffect(() => {
    if (!active || insecure) return;
    let cancelled = false;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'user', width: { ideal: 1280 } }, audio: false })
      .then(async (stream) => {
        if (cancelled) return stream.getTracks().forEach((t) => t.stop());
        streamRef.current = stream;
        const video = videoRef.current;
        if (video) {
          video.srcObject = stream;
          await video.play().catch(() => undefined);
        }
        setState({ kind: 'live' });
      })
      .catch((error: unknown) => {
        if (!cancelled)
          setState({
            kind: 'unavailable',
            message: error instanceof Error ? error.name || error.message : String(error),
          });
      });
    return () => {
      cancelled = true;
      streamRef.current?.getTracks().forEach((t) => t.stop());
      streamRef.current = null;
      // The next time the camera is wanted it starts from scratch.
      setState({ kind: 'starting' });
    };
  }, [active, insecure]);

  /** The current frame as a JPEG data URL, or null when there is no picture yet. */
  const capture = useCallback((): string | null => {
    const video = videoRef.current;
    if (!video || video.videoWidth === 0) return null;
    const scale = Math.min(1, MAX_WIDTH / video.videoWidth);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/jpeg', 0.85);
  }, []);

  const shown: CameraState = insecure ? { kind: 'insecure' } : active ? state : { kind: 'stopped' };
  return { videoRef, state: shown, capture, stop };
}
