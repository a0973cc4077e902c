import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { T } from './bilingual';

/**
 * The phone's back camera, read a few times a second: each frame is drawn to a small canvas and jsQR
 * looks for a code. Stops itself once a code is found, so one pass is one check.
 */
export function Scanner({ onCode, onClose }: { onCode: (text: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer = 0;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const tick = () => {
      const v = video.current;
      if (stopped || !v || !context) return;
      if (v.readyState >= 2 && v.videoWidth > 0) {
        // A 480-pixel frame is plenty for a pass held at arm's length and keeps old phones quick.
        const scale = Math.min(1, 480 / v.videoWidth);
        canvas.width = Math.round(v.videoWidth * scale);
        canvas.height = Math.round(v.videoHeight * scale);
        context.drawImage(v, 0, 0, canvas.width, canvas.height);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
        if (code?.data) {
          stopped = true;
          onCode(code.data);
          return;
        }
      }
      timer = window.setTimeout(tick, 150);
    };
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((s) => {
        stream = s;
        if (stopped) return;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play();
        }
        tick();
      })
      .catch(() => setFailed(true)) ?? setFailed(true);
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [onCode]);

  return (
    <div className="g-scanner" data-testid="g-scanner">
      {failed ? (
        <p className="g-warn">
          <T k="cameraFailed" />
        </p>
      ) : (
        <video ref={video} muted playsInline />
      )}
      <button type="button" className="g-btn" onClick={onClose}>
        <T k="stopScan" />
      </button>
    </div>
  );
}
