"""Loads generated DAG-run history into a running Airflow 3 through its own ORM tables.

Run with the peer's venv python and environment (AIRFLOW_HOME, AIRFLOW__DATABASE__SQL_ALCHEMY_CONN, ...):

    $VENV/bin/python bench/airflow/load-history.py --runs 10000 --days 30 --seed 7 \
        --dags orc_linear_etl,orc_always_fails,orc_flaky_retry,orc_mapped,orc_branching

The DAGs must already be serialized (dag_version / serialized_dag rows). Every run is terminal (success or
failed), so the scheduler leaves them alone. Per run: one task instance per task (three per mapped task),
start/end dates, durations, try numbers; a retried try goes to task_instance_history; failed and retried
tries get a small log file under the base log folder, so the log endpoint answers as for a real run.
Deterministic for a given seed and --now. Prints one JSON line of counts on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import time
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, insert, select

from airflow.models.dag_version import DagVersion
from airflow.models.dagrun import DagRun
from airflow.models.tasklog import LogTemplate
from airflow.models.serialized_dag import SerializedDagModel
from airflow.models.taskinstance import TaskInstance, uuid7
from airflow.models.taskinstancehistory import TaskInstanceHistory
from airflow.utils.session import create_session
from airflow.utils.types import DagRunTriggeredByType, DagRunType

MAP_WIDTH = 3
BATCH_RUNS = 1000
# Chance that a run fails, per DAG (the rest: 5 %); about 8 % over the five default DAGs.
FAIL_RATE = {"orc_always_fails": 0.18, "orc_flaky_retry": 0.08}
DEFAULT_FAIL_RATE = 0.05
# Chance that a task of orc_flaky_retry needs its retry (try 1 up_for_retry, try 2 decides).
FLAKY_RETRY_RATE = 0.25
ERROR_TEXT = {
    "orc_always_fails": "ValueError: ORC-FIXTURE: schema mismatch in column amount",
    "orc_flaky_retry": "RuntimeError: ORC-FIXTURE: transient failure on first try",
}


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=10_000)
    p.add_argument("--days", type=float, default=30.0)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--dags", default="orc_linear_etl,orc_always_fails,orc_flaky_retry,orc_mapped,orc_branching")
    p.add_argument("--now", default=None, help="ISO instant the history ends at (default: now - 2 min)")
    p.add_argument("--no-logs", action="store_true", help="do not write log files for failed tries")
    return p.parse_args()


def topo_order(dag) -> list:
    """Tasks of a serialized DAG, upstream first (ties by task_id)."""
    tasks = {t.task_id: t for t in dag.tasks}
    done: list = []
    seen: set[str] = set()
    while len(done) < len(tasks):
        ready = sorted(t for t in tasks if t not in seen and set(tasks[t].upstream_task_ids) <= seen)
        if not ready:
            raise RuntimeError(f"cycle in {dag.dag_id}")
        for tid in ready:
            seen.add(tid)
            done.append(tasks[tid])
    return done


def load_dags(session, dag_ids: list[str]) -> dict:
    shapes = {}
    for dag_id in dag_ids:
        sdm = SerializedDagModel.get(dag_id, session=session)
        if sdm is None:
            raise SystemExit(f"load-history: DAG {dag_id} is not serialized yet")
        version = session.scalar(select(DagVersion).where(DagVersion.dag_id == dag_id).order_by(DagVersion.version_number.desc()).limit(1))
        rng = random.Random(dag_id)
        tasks = [
            {
                "task_id": t.task_id,
                "upstream": set(t.upstream_task_ids),
                "mapped": type(t).__name__ == "SerializedMappedOperator",
                "operator": t.task_type,
                "operator_name": getattr(t, "operator_name", None) or t.task_type,
                "pool": t.pool or "default_pool",
                "queue": t.queue or "default",
                "retries": int(t.retries or 0),
                "priority": int(t.priority_weight or 1),
                # typical seconds of this task: 5 s .. 15 min, fixed per task
                "base_s": rng.choice([5, 12, 30, 45, 90, 180, 420, 900]) * rng.uniform(0.7, 1.3),
            }
            for t in topo_order(sdm.dag)
        ]
        shapes[dag_id] = {"version_id": version.id, "tasks": tasks}
    return shapes


def downstream_of(tasks: list[dict], failed_id: str) -> set[str]:
    hit = {failed_id}
    for t in tasks:  # topological order: one pass suffices
        if t["upstream"] & hit:
            hit.add(t["task_id"])
    hit.discard(failed_id)
    return hit


class Loader:
    def __init__(self, shapes: dict, rng: random.Random, log_dir: str | None, template_id: int) -> None:
        self.shapes = shapes
        self.rng = rng
        self.log_dir = log_dir
        self.template_id = template_id
        self.host = socket.gethostname()
        self.runs: list[dict] = []
        self.tis: list[dict] = []
        self.tih: list[dict] = []
        self.counts = {"runs": 0, "failed_runs": 0, "task_instances": 0, "history": 0, "log_files": 0}

    def write_log(self, dag_id: str, run_id: str, task_id: str, map_index: int, try_number: int, at: datetime, text: str) -> None:
        if self.log_dir is None:
            return
        parts = [f"dag_id={dag_id}", f"run_id={run_id}", f"task_id={task_id}"]
        if map_index >= 0:
            parts.append(f"map_index={map_index}")
        folder = os.path.join(self.log_dir, *parts)
        os.makedirs(folder, exist_ok=True)
        lines = [
            {"timestamp": at.isoformat(), "level": "info", "event": f"Executing task {task_id} try {try_number}"},
            {"timestamp": at.isoformat(), "level": "error", "event": "Task failed with exception", "error_detail": text},
            {"timestamp": at.isoformat(), "level": "error", "event": text},
        ]
        with open(os.path.join(folder, f"attempt={try_number}.log"), "w") as f:
            f.write("\n".join(json.dumps(line) for line in lines) + "\n")
        self.counts["log_files"] += 1

    def ti_row(self, dag_id: str, run_id: str, task: dict, map_index: int, version_id, state: str, try_number: int,
               start: datetime | None, end: datetime | None) -> dict:
        queued = start - timedelta(seconds=self.rng.uniform(0.2, 3.0)) if start else None
        return {
            "id": uuid7(), "task_id": task["task_id"], "dag_id": dag_id, "run_id": run_id, "map_index": map_index,
            "start_date": start, "end_date": end, "duration": (end - start).total_seconds() if start and end else None,
            "state": state, "try_number": try_number, "max_tries": task["retries"], "hostname": self.host if start else None,
            "unixname": "airflow", "pool": task["pool"], "pool_slots": 1, "queue": task["queue"],
            "priority_weight": task["priority"], "operator": task["operator"], "custom_operator_name": task["operator_name"],
            "queued_dttm": queued, "scheduled_dttm": queued - timedelta(seconds=0.1) if queued else None,
            "pid": self.rng.randint(1000, 60000) if start else None, "executor": "LocalExecutor", "updated_at": end or start,
            "task_display_name": task["task_id"], "dag_version_id": version_id,
        }

    def add_run(self, dag_id: str, run_after: datetime) -> None:
        shape = self.shapes[dag_id]
        tasks, version_id = shape["tasks"], shape["version_id"]
        manual = self.rng.random() < 0.1
        run_type = DagRunType.MANUAL if manual else DagRunType.SCHEDULED
        run_id = f"{run_type.value}__{run_after.isoformat()}"
        failed = self.rng.random() < FAIL_RATE.get(dag_id, DEFAULT_FAIL_RATE)
        can_fail = [t for t in tasks if not (dag_id == "orc_branching" and t["task_id"] == "path_b")]
        failed_task = self.rng.choice(can_fail)["task_id"] if failed else None
        skipped = downstream_of(tasks, failed_task) if failed_task else set()
        queued_at = run_after + timedelta(seconds=self.rng.uniform(0.5, 5))
        run_start = queued_at + timedelta(seconds=self.rng.uniform(0.5, 3))
        clock = run_start
        for task in tasks:
            tid = task["task_id"]
            if tid in skipped:
                for mi in range(MAP_WIDTH) if task["mapped"] else [-1]:
                    self.tis.append(self.ti_row(dag_id, run_id, task, mi, version_id, "upstream_failed", 0, None, None))
                continue
            if dag_id == "orc_branching" and tid == "path_b":
                self.tis.append(self.ti_row(dag_id, run_id, task, -1, version_id, "skipped", 0, clock, clock))
                continue
            task_end = clock
            for mi in range(MAP_WIDTH) if task["mapped"] else [-1]:
                start = clock + timedelta(seconds=self.rng.uniform(0.5, 4))
                end = start + timedelta(seconds=task["base_s"] * self.rng.lognormvariate(0, 0.35))
                state, try_number = ("failed" if tid == failed_task and mi <= 0 else "success"), 1
                if task["retries"] > 0 and (state == "failed" or self.rng.random() < FLAKY_RETRY_RATE):
                    first = self.ti_row(dag_id, run_id, task, mi, version_id, "up_for_retry", 1, start, end)
                    first["task_instance_id"] = first.pop("id")
                    self.tih.append(first)
                    self.write_log(dag_id, run_id, tid, mi, 1, end, ERROR_TEXT.get(dag_id, "RuntimeError: generated failure"))
                    start = end + timedelta(seconds=self.rng.uniform(1, 5))
                    end = start + timedelta(seconds=task["base_s"] * self.rng.lognormvariate(0, 0.35))
                    try_number = 2
                if state == "failed":
                    self.write_log(dag_id, run_id, tid, mi, try_number, end, ERROR_TEXT.get(dag_id, "RuntimeError: generated failure"))
                self.tis.append(self.ti_row(dag_id, run_id, task, mi, version_id, state, try_number, start, end))
                task_end = max(task_end, end)
            clock = task_end
        run_end = clock + timedelta(seconds=self.rng.uniform(0.2, 2))
        scheduled = not manual
        self.runs.append({
            "dag_id": dag_id, "run_id": run_id, "run_type": run_type.value, "state": "failed" if failed else "success",
            "triggered_by": DagRunTriggeredByType.TIMETABLE if scheduled else DagRunTriggeredByType.REST_API,
            "triggering_user_name": None if scheduled else "admin", "conf": {},
            "logical_date": run_after, "data_interval_start": run_after - timedelta(hours=1) if scheduled else run_after,
            "data_interval_end": run_after, "run_after": run_after, "queued_at": queued_at, "start_date": run_start,
            "end_date": run_end, "last_scheduling_decision": run_end, "log_template_id": self.template_id,
            "created_at": run_after, "updated_at": run_end, "clear_number": 0, "created_dag_version_id": version_id,
        })
        self.counts["runs"] += 1
        self.counts["failed_runs"] += int(failed)

    def flush(self, session) -> None:
        if self.runs:
            session.execute(insert(DagRun.__table__), self.runs)
        if self.tis:
            session.execute(insert(TaskInstance.__table__), self.tis)
        if self.tih:
            session.execute(insert(TaskInstanceHistory.__table__), self.tih)
        session.commit()
        self.counts["task_instances"] += len(self.tis)
        self.counts["history"] += len(self.tih)
        self.runs, self.tis, self.tih = [], [], []


def main() -> None:
    args = parse_args()
    started = time.monotonic()
    now = datetime.fromisoformat(args.now) if args.now else datetime.now(timezone.utc) - timedelta(minutes=2)
    now = now.astimezone(timezone.utc).replace(microsecond=0)
    rng = random.Random(args.seed)
    dag_ids = [d for d in args.dags.split(",") if d]
    log_dir = None if args.no_logs else os.environ.get("AIRFLOW__LOGGING__BASE_LOG_FOLDER")
    with create_session() as session:
        shapes = load_dags(session, dag_ids)
        template_id = session.scalar(select(func.max(LogTemplate.id)))
        loader = Loader(shapes, rng, log_dir, template_id)
        span_s = args.days * 86400 - 3600  # keep the last run's tasks finished before `now`
        first = now - timedelta(days=args.days)
        for i in range(args.runs):
            offset = span_s * (i + rng.random() * 0.5) / args.runs
            loader.add_run(rng.choice(dag_ids), first + timedelta(seconds=round(offset, 3)))
            if len(loader.runs) >= BATCH_RUNS:
                loader.flush(session)
        loader.flush(session)
    print(json.dumps({**loader.counts, "dags": dag_ids, "from": first.isoformat(), "to": now.isoformat(),
                      "seconds": round(time.monotonic() - started, 2)}))


if __name__ == "__main__":
    main()
