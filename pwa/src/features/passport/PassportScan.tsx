// The passport reader (a lazily loaded chunk with its recognizer and templates): the live
// camera or a chosen photo, read on the phone; nothing is uploaded. It hands what it read, every
// check digit verified, to the form; the form stays typeable.
import { useEffect, useRef, useState } from 'preact/hooks';
import { dateIn } from '../../clock';
import { Button } from '../../components/Button';
import { FileButton } from '../../components/FileButton';
import { Notice } from '../../components/Notice';
import type { MrzPassport } from './mrz';
import { readMrz, type Pixels, type ReadResult } from './mrzRead';
import { passportMessages, tp } from './passportMessages';
import type { PassportKey } from './passportMessages.en';

export interface PassportRead {
  passport: MrzPassport;
  lines: [string, string];
}

const MAX_WIDTH = 1600;
const today = () => dateIn(undefined);

function pixelsOf(canvas: HTMLCanvasElement, source: CanvasImageSource, width: number, height: number): Pixels {
  const scale = Math.min(1, MAX_WIDTH / width);
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return { width: 0, height: 0, data: new Uint8ClampedArray(0) };
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

function Problem({ result }: { result: Extract<ReadResult, { ok: false }> }) {
  const notFound = result.problems[0] === 'not_found';
  return (
    <Notice kind="error" live="alert" title={tp('scan.problem.title')}>
      {notFound ? (
        <p>{tp('scan.problem.not_found')}</p>
      ) : (
        <>
          <p>{tp('scan.problem.intro')}</p>
          <ul>
            {result.problems.map((p) => (
              <li key={p}>{passportMessages.maybe(`scan.problem.${p}`) ?? p}</li>
            ))}
          </ul>
          <p>{tp('scan.problem.retry')}</p>
        </>
      )}
    </Notice>
  );
}

export function PassportScan({ onRead }: { onRead: (read: PassportRead) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [scanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<Extract<ReadResult, { ok: false }> | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [read, setRead] = useState<PassportRead | null>(null);
  // The closest failed reading while the camera runs (shown when the person stops it).
  const lastFailure = useRef<Extract<ReadResult, { ok: false }> | null>(null);
  const previous = useRef<string | null>(null);

  const stop = () => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    setScanning(false);
  };
  useEffect(() => stop, []);

  const done = (result: ReadResult): boolean => {
    if (result.ok) {
      const value = { passport: result.passport, lines: result.lines };
      setRead(value);
      setProblem(null);
      onRead(value);
      return true;
    }
    return false;
  };

  const startCamera = async () => {
    setProblem(null);
    setUnavailable(false);
    lastFailure.current = null;
    previous.current = null;
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } },
      });
    } catch {
      setUnavailable(true);
      return;
    }
    setScanning(true);
    const v = video.current;
    if (!v) return;
    v.srcObject = stream.current;
    await v.play().catch(() => {});
    const tick = () => {
      if (!stream.current || !canvas.current) return;
      if (v.videoWidth > 0) {
        const result = readMrz(pixelsOf(canvas.current, v, v.videoWidth, v.videoHeight), today());
        // Names and states carry no check digit: two frames in a row must read the same.
        const lines = result.ok ? result.lines.join('\n') : null;
        const agreed = lines !== null && lines === previous.current;
        previous.current = lines;
        if (agreed && done(result)) return stop();
        if (!result.ok && result.problems[0] !== 'not_found') lastFailure.current = result;
      }
      setTimeout(tick, 250);
    };
    tick();
  };

  const stopCamera = () => {
    stop();
    if (lastFailure.current) setProblem(lastFailure.current);
  };

  const pickPhoto = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file || !canvas.current) return;
    setProblem(null);
    let result: ReadResult;
    try {
      const bitmap = await createImageBitmap(file);
      result = readMrz(pixelsOf(canvas.current, bitmap, bitmap.width, bitmap.height), today());
      bitmap.close();
    } catch {
      result = { ok: false, problems: ['not_found'] };
    }
    if (!result.ok) setProblem(result);
    else done(result);
  };

  const sex = (s: MrzPassport['sex']) => tp(`scan.sex.${s ?? 'X'}` as PassportKey);
  return (
    <div class="passport-scan">
      <p class="field__hint" id="passport-scan-intro">
        {tp('scan.intro')}
      </p>
      {unavailable && (
        <Notice kind="error" live="alert" title={tp('scan.problem.title')}>
          <p>{tp('scan.cameraUnavailable')}</p>
        </Notice>
      )}
      {problem && <Problem result={problem} />}
      {read && (
        <Notice kind="success" live="status" title={tp('scan.read')}>
          <p>
            {tp('scan.readSummary', {
              name: `${read.passport.givenNames} ${read.passport.surname}`.trim(),
              number: read.passport.documentNumber,
              state: read.passport.issuingState,
              birth: read.passport.birthDate,
              sex: sex(read.passport.sex),
              expiry: read.passport.expiryDate,
            })}
          </p>
        </Notice>
      )}
      <video
        ref={video}
        class="scanner"
        hidden={!scanning}
        muted
        playsInline
        aria-label={tp('scan.videoLabel')}
      />
      {scanning && (
        <p class="field__hint" role="status">
          {tp('scan.looking')}
        </p>
      )}
      <canvas ref={canvas} hidden />
      <div class="button-row">
        {scanning ? (
          <Button variant="secondary" onClick={stopCamera}>
            {tp('scan.stop')}
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => void startCamera()}>
            {tp('scan.camera')}
          </Button>
        )}
        <FileButton
          id="passport-scan-photo"
          label={tp('scan.photo')}
          accept="image/*"
          describedBy="passport-scan-intro"
          onPick={(input) => void pickPhoto(input)}
        />
      </div>
    </div>
  );
}

export default PassportScan;
