// Small pieces every goal page shows: the status badge (text, never color alone) and the progress bar.
import type { GoalStatus } from '@/lib/goals/types';
import { GOAL_STATUS_LABELS } from '@/lib/goals/labels';
import { Badge, type BadgeTone } from '../../../_components/ui/badge';
import styles from './goals.module.css';

const TONE: Record<GoalStatus, BadgeTone> = {
  not_started: 'neutral', no_data: 'neutral', on_track: 'success', at_risk: 'warning', off_track: 'danger',
  achieved: 'success', missed: 'danger', invalid: 'danger',
};

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  return <Badge tone={TONE[status]} data-testid="goal-status" data-status={status}>{GOAL_STATUS_LABELS[status]}</Badge>;
}

/** `percent` unclamped (may be −8 or 130): the bar is clamped, the number is not. */
export function ProgressBar({ percent, expected, label }: { percent: number | null; expected?: number; label: string }) {
  const bar = percent === null ? 0 : Math.min(100, Math.max(0, percent));
  return (
    <div className={styles.progress}>
      <div className={styles.track} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100}
        aria-valuenow={percent === null ? undefined : bar} aria-valuetext={percent === null ? 'no data' : `${percent}%`}>
        <div className={styles.fill} style={{ width: `${bar}%` }} />
        {expected !== undefined ? <div className={styles.expected} style={{ left: `${Math.round(expected * 100)}%` }} title="Expected by now" /> : null}
      </div>
      <span className={styles.percent}>{percent === null ? '—' : `${percent}%`}</span>
    </div>
  );
}

/** 'YYYY-MM-DD' as "1 Sep 2025": the app's one day format. */
export { formatDay } from '@/lib/intl-format';
