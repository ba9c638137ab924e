// "These parts of the address were not understood": shown above a page whose query parameters held
// something malformed (a huge id, an impossible date, an unknown value). The page still renders, without
// those filters, and says exactly which ones and why, instead of failing.
import type { ParamProblem } from '@/lib/validation/params';
import { Alert } from './ui/alert';

export function ParamProblems({ problems }: { problems: ParamProblem[] }) {
  if (!problems.length) return null;
  return (
    <Alert tone="warning" title="Some filters in the address were not understood and are ignored" data-testid="param-problems">
      <ul>
        {problems.map((p) => <li key={p.param}><code>{p.param}={p.value}</code>: {p.message}.</li>)}
      </ul>
    </Alert>
  );
}
