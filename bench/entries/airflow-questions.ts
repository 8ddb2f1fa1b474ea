import { ApiQuestions } from '../airflow/api-questions';
import { CacheQuestions } from '../airflow/cache-questions';
import { acquireLoadedAirflow, releaseLoadedAirflow } from '../airflow/loaded-airflow';
import { questionWindow, roundSlowest, sortFailedRuns, sortFailureRates, type QuestionWindow } from '../airflow/questions';
import { medianMs } from '../airflow/timing';
import { figure, type BenchEntry, type BenchFigure } from '../figure';

const CACHE_REPS = 25;
const API_REPS = 3;
const GOAL_SPEEDUP = 100;

interface Question {
  key: string;
  label: string;
  cache: (c: CacheQuestions, w: QuestionWindow) => unknown;
  api: (a: ApiQuestions, w: QuestionWindow) => Promise<unknown>;
}

const QUESTIONS: Question[] = [
  {
    key: 'failure-rate',
    label: 'failure rate per DAG, last 30 days',
    cache: (c, w) => sortFailureRates(c.failureRates(w)),
    api: async (a, w) => sortFailureRates(await a.failureRates(w)),
  },
  {
    key: 'failure-rate-counts',
    label: 'failure rate per DAG, last 30 days (API: total_entries per DAG)',
    cache: (c, w) => sortFailureRates(c.failureRates(w)),
    api: async (a, w) => sortFailureRates(await a.failureRatesByCounts(w)),
  },
  {
    key: 'slowest',
    label: 'slowest 20 task instances yesterday',
    cache: (c, w) => roundSlowest(c.slowestYesterday(w)),
    api: async (a, w) => roundSlowest(await a.slowestYesterday(w)),
  },
  {
    key: 'failed-runs',
    label: 'failed runs across DAGs since Monday',
    cache: (c, w) => sortFailedRuns(c.failedRunsSinceMonday(w)),
    api: async (a, w) => sortFailedRuns(await a.failedRunsSinceMonday(w)),
  },
];

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

function size(answer: unknown): number {
  return Array.isArray(answer) ? answer.length : 0;
}

const entry: BenchEntry = {
  name: 'airflow-questions',
  async run(): Promise<BenchFigure[]> {
    let failed = true;
    try {
      const af = await acquireLoadedAirflow();
      const synced = await af.synced();
      const cache = new CacheQuestions(synced.db, synced.envId);
      const api = await ApiQuestions.login(af.peer.baseUrl, af.peer.users.admin.username, af.peer.users.admin.password);
      const w = questionWindow(new Date());
      process.stderr.write(`bench: questions asked with ${JSON.stringify(w)}\n`);
      const figures: BenchFigure[] = [];
      let agree = 0;
      for (const q of QUESTIONS) {
        const fromCache = await medianMs(CACHE_REPS, () => q.cache(cache, w));
        const before = api.requests;
        const fromApi = await medianMs(API_REPS, () => q.api(api, w));
        const requests = (api.requests - before) / API_REPS;
        const same = JSON.stringify(fromCache.result) === JSON.stringify(fromApi.result) && size(fromCache.result) > 0;
        if (same) agree++;
        else
          process.stderr.write(
            `bench: "${q.label}" differs:\n  cache ${JSON.stringify(fromCache.result)}\n  api   ${JSON.stringify(fromApi.result)}\n`,
          );
        process.stderr.write(
          `bench: "${q.label}": ${size(fromCache.result)} rows, cache ${round(fromCache.ms, 3)} ms, API ${round(fromApi.ms)} ms (${requests} requests)\n`,
        );
        figures.push(
          figure(`${q.key}: cache (median of ${CACHE_REPS})`, round(fromCache.ms, 3), 'ms'),
          figure(`${q.key}: API (median of ${API_REPS}, ${requests} req)`, round(fromApi.ms, 1), 'ms'),
          figure(`${q.key}: speedup cache vs API`, round(fromApi.ms / fromCache.ms, 1), 'x', { goal: GOAL_SPEEDUP }),
        );
      }
      figures.push(figure('answers agree (cache = API)', agree, 'questions', { goal: QUESTIONS.length }));
      failed = false;
      return figures;
    } finally {
      await releaseLoadedAirflow('airflow-questions', failed);
    }
  },
};

export default entry;
