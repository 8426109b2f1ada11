import { useQueryClient } from '@tanstack/react-query';
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../lib/api';
import {
  csrfTokenOf,
  ELEARNING,
  type LearnerLesson,
  type ProgressOutcome,
} from '../../../lib/queries/learning-elearning';
import { spansFromMs, WatchTracker } from './watch-tracker';

type Progress = NonNullable<LearnerLesson['progress']>;
export type SaveState = { at: Date | null; failed: boolean; deferredMs: number };

/**
 * Ties a <video> to the server's progress rule (decision 0021): tracks the spans played, reports them every
 * `reportEverySeconds` while playing and on pause, end, seek, leaving the page (keepalive, so it survives the
 * tab closing) and leaving the screen; resends what the server deferred until it is accepted; starts from the
 * server's record, so a reload or another device loses nothing. The server's answer is the progress shown.
 */
export function useWatchReporting(
  videoRef: RefObject<HTMLVideoElement | null>,
  lesson: LearnerLesson,
  maxRate: number,
) {
  const qc = useQueryClient();
  const video = lesson.video;
  const url = `${ELEARNING}/me/lessons/${encodeURIComponent(lesson.partId)}/progress`;
  const tracker = useRef<WatchTracker | null>(null);
  const [progress, setProgress] = useState<Progress | null>(lesson.progress);
  const [save, setSave] = useState<SaveState>({ at: null, failed: false, deferredMs: 0 });
  const inFlight = useRef(false);
  const again = useRef(false);
  const opened = useRef(false);
  const lastTick = useRef(0);

  if (video && !tracker.current) {
    tracker.current = new WatchTracker(video.durationMs / 1000, spansFromMs(lesson.progress?.watched ?? []));
  }

  const body = useCallback(() => {
    const v = videoRef.current;
    return {
      intervals: tracker.current?.pending() ?? [],
      positionSeconds: Math.max(0, v && Number.isFinite(v.currentTime) ? v.currentTime : 0),
    };
  }, [videoRef]);

  const send = useCallback(async () => {
    if (!tracker.current) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      const out = await api.post<ProgressOutcome>(url, body());
      opened.current = true;
      tracker.current.acceptServer(spansFromMs(out.watched));
      setProgress(out);
      setSave({ at: new Date(), failed: false, deferredMs: out.deferredMs });
      if (out.complete && !lesson.progress?.complete) {
        void qc.invalidateQueries({ queryKey: ['elearning', 'me'] });
      }
    } catch {
      // Kept in the tracker: the next report sends it again.
      setSave((s) => ({ ...s, failed: true }));
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void send();
      }
    }
  }, [url, body, qc, lesson.progress?.complete]);

  /** A report that outlives the page (tab closed, navigated away): fetch keepalive, answer not awaited. */
  const sendKeepalive = useCallback(() => {
    if (!tracker.current || !opened.current) return;
    const payload = body();
    if (payload.intervals.length === 0 && payload.positionSeconds === 0) return;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
    };
    const csrf = csrfTokenOf(qc);
    if (csrf) headers['X-CSRF-Token'] = csrf;
    void fetch(url, {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers,
      body: JSON.stringify(payload),
    }).catch(() => undefined);
  }, [url, body, qc]);

  useEffect(() => {
    const v = videoRef.current;
    const tr = tracker.current;
    if (!v || !tr) return;
    const onPlay = () => {
      // The playhead reads a few milliseconds when playback starts from the beginning: that is the start.
      tr.start(v.currentTime < 0.3 ? 0 : v.currentTime);
      lastTick.current = performance.now();
      // The first report opens the server's credit for this lesson.
      if (!opened.current) void send();
    };
    const onTime = () => {
      if (v.paused || v.seeking) return;
      const now = performance.now();
      const step = ((now - lastTick.current) / 1000) * Math.max(1, v.playbackRate) + 0.75;
      lastTick.current = now;
      tr.tick(v.currentTime, step);
    };
    const onPause = () => {
      tr.stop(v.currentTime);
      void send();
    };
    const onEnded = () => {
      tr.stop(v.duration);
      void send();
    };
    const onSeeking = () => {
      tr.stop();
      void send();
    };
    const onSeeked = () => {
      if (!v.paused) {
        tr.start(v.currentTime);
        lastTick.current = performance.now();
      }
    };
    const onRate = () => {
      if (v.playbackRate > maxRate) v.playbackRate = maxRate;
    };
    const onHidden = () => {
      if (document.visibilityState !== 'hidden') return;
      tr.stop(v.currentTime);
      if (!v.paused) tr.start(v.currentTime);
      sendKeepalive();
    };
    const onPageHide = () => {
      tr.stop(v.currentTime);
      sendKeepalive();
    };
    v.addEventListener('play', onPlay);
    v.addEventListener('timeupdate', onTime);
    v.addEventListener('pause', onPause);
    v.addEventListener('ended', onEnded);
    v.addEventListener('seeking', onSeeking);
    v.addEventListener('seeked', onSeeked);
    v.addEventListener('ratechange', onRate);
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    const every = Math.max(5, lesson.reportEverySeconds) * 1000;
    const timer = window.setInterval(() => {
      // While playing; and while paused as long as time is still deferred (the server's credit grows with time).
      if (!v.paused || (tr.pending().length > 0 && opened.current)) void send();
    }, every);
    return () => {
      v.removeEventListener('play', onPlay);
      v.removeEventListener('timeupdate', onTime);
      v.removeEventListener('pause', onPause);
      v.removeEventListener('ended', onEnded);
      v.removeEventListener('seeking', onSeeking);
      v.removeEventListener('seeked', onSeeked);
      v.removeEventListener('ratechange', onRate);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      window.clearInterval(timer);
      // Leaving the screen inside the app: what was played is still sent.
      tr.stop(v.currentTime);
      sendKeepalive();
    };
  }, [videoRef, send, sendKeepalive, maxRate, lesson.reportEverySeconds]);

  return { progress, save };
}
