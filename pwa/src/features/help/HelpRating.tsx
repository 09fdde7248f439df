import { useEffect, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { Radios } from '../../components/Radios';
import { request } from '../../graphql/client';
import {
  HelpMyRatingDocument,
  HelpRatingSaveDocument,
  HelpRatingSummaryDocument,
  type HelpRatingSummaryQuery,
} from '../../graphql/generated/graphql';
import { th } from './helpMessages';
import './help.css';

const STARS = ['5', '4', '3', '2', '1'];

/** Rate a served appointment and its window (好差评), with the hall's public average. */
export function HelpRating({ bookingId, siteCode }: { bookingId: string; siteCode: string }) {
  const [summary, setSummary] = useState<HelpRatingSummaryQuery['ratingSummary'] | undefined>(undefined);
  const [stars, setStars] = useState('');
  const [windowStars, setWindowStars] = useState('');
  const [comment, setComment] = useState('');
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  const refresh = () =>
    request(HelpRatingSummaryDocument, { siteCode })
      .then((data) => setSummary(data.ratingSummary))
      .catch(() => undefined);

  useEffect(() => {
    void refresh();
    request(HelpMyRatingDocument, { kind: 'APPOINTMENT', subjectId: bookingId })
      .then((data) => {
        const mine = data.myRating;
        if (!mine) return;
        setStars(String(mine.stars));
        setWindowStars(mine.windowStars ? String(mine.windowStars) : '');
        setComment(mine.comment);
      })
      .catch(() => undefined);
  }, [bookingId, siteCode]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const data = await request(HelpRatingSaveDocument, {
      input: {
        kind: 'APPOINTMENT',
        subjectId: bookingId,
        stars: Number(stars || 0),
        windowStars: windowStars ? Number(windowStars) : null,
        comment,
      },
    });
    const result = data.ratingSave;
    if (result.__typename === 'RatingSaved') {
      setError(undefined);
      setSaved(String(result.rating.changeableUntil).slice(0, 10));
      await refresh();
    } else {
      setError(result.message);
    }
  };

  return (
    <section class="subform help help-rating" aria-labelledby="rating-heading">
      <h2 id="rating-heading">{th('rating.heading')}</h2>
      {summary && (
        <p class="help-rating__summary" data-testid="rating-summary">
          {summary.count > 0 && summary.average != null ? th('rating.summary', { average: summary.average.toFixed(1), count: summary.count }) : th('rating.none')}
        </p>
      )}
      {saved && <Notice kind="success" title={th('rating.saved', { date: saved })} live="status" />}
      {error && <Notice kind="error" title={error} />}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Radios id="rating-stars" legend={th('rating.stars')} value={stars} options={STARS.map((n) => ({ value: n, label: th('rating.value', { n }) }))} onChange={setStars} />
        <Radios id="rating-window" legend={th('rating.windowStars')} value={windowStars} options={STARS.map((n) => ({ value: n, label: th('rating.value', { n }) }))} onChange={setWindowStars} />
        <div class="field">
          <label class="field__label" for="rating-comment">
            {th('rating.comment')}
          </label>
          <textarea id="rating-comment" class="field__input field__textarea" maxLength={500} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
        </div>
        <Button type="submit">{th('rating.send')}</Button>
      </form>
    </section>
  );
}
