// The camera (or a picked photo) reading a QR code, shared by the verify and check-in screens:
// starts the rear camera, reads a frame every 250 ms until a code is found, stops the camera on
// a find, on `stop` and when the screen goes away.
import { useEffect, useRef, useState } from 'preact/hooks';
import { readQr, readQrFromFile } from './officerScan';

export type QrCameraProblem = 'cameraUnavailable' | 'noCode';

export function useQrCamera(
  onFound: (text: string) => Promise<void> | void,
  onProblem: (problem: QrCameraProblem | null) => void,
) {
  const [scanning, setScanning] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const stream = useRef<MediaStream | null>(null);
  // The callbacks of the latest render (they read the screen's current state).
  const found = useRef(onFound);
  const problem = useRef(onProblem);
  found.current = onFound;
  problem.current = onProblem;

  function stop() {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    setScanning(false);
  }

  useEffect(() => () => stop(), []);

  const start = async () => {
    problem.current(null);
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch {
      problem.current('cameraUnavailable');
      return;
    }
    setScanning(true);
    const v = video.current;
    if (!v || !canvas.current) return;
    v.srcObject = stream.current;
    await v.play().catch(() => {});
    const tick = async () => {
      if (!stream.current || !canvas.current) return;
      const text = await readQr(v, canvas.current).catch(() => null);
      if (text) {
        stop();
        await found.current(text);
      } else setTimeout(() => void tick(), 250);
    };
    void tick();
  };

  const pickImage = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file || !canvas.current) return;
    problem.current(null);
    const text = await readQrFromFile(file, canvas.current).catch(() => null);
    input.value = '';
    if (text) await found.current(text);
    else problem.current('noCode');
  };

  return { video, canvas, scanning, start, stop, pickImage };
}
