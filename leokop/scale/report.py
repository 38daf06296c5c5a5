"""Benchmark figures: median and p95 per stable name, targets of issue 7, the printed table and the JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

# name -> (what is compared, limit, how it reads in the table); ms unless said otherwise.
TARGETS = {
    "dashboard_queries_teacher": (("median_ms", 30), ("p95_ms", 60)),
    "dashboard_queries_trainer": (("median_ms", 30), ("p95_ms", 60)),
    "rls_over_owner": (("ratio", 1.3),),
    "naive_over_leokop": (("ratio", -50),),  # negative: at least
    "page_script_run": (("median_ms", 400),),
    "leadership_overview_largest_school": (("median_ms", 200),),
    "statewide_totals": (("median_ms", 1000),),
    "concurrent_sessions_20": (("p95_ms", 1500), ("rss_mb", 600)),
    "risk_recompute_all": (("median_ms", 60_000),),
    "risk_one_apprentice": (("median_ms", 20),),
    "material_search": (("p95_ms", 300),),
    # issue 16: a school's file of 2,000 apprentices previews and applies in under 10 s (each, here)
    "import_2000_preview": (("p95_ms", 10_000),),
    "import_2000_apply": (("p95_ms", 10_000),),
    # issue 16: a calendar client fetches a feed every few hours; the route's work after the token lookup
    "calendar_feed_trainer": (("p95_ms", 1000),),
    "calendar_feed_teacher": (("p95_ms", 1000),),
}
ORDER = (
    "dashboard_queries_teacher", "dashboard_queries_trainer", "dashboard_queries_owner", "rls_over_owner",
    "dashboard_naive_pandas", "naive_over_leokop", "apprentice_page", "leadership_overview_largest_school",
    "statewide_totals", "risk_recompute_all", "risk_one_apprentice", "material_search", "page_script_run",
    "concurrent_sessions_20", "import_2000_preview", "import_2000_apply", "calendar_feed_trainer",
    "calendar_feed_teacher",
)


def summary(times: list[float]) -> dict:
    values = np.array(times)
    return {"median_ms": round(float(np.median(values)), 2), "p95_ms": round(float(np.percentile(values, 95)), 2),
            "runs": len(times)}


def target_text(name: str) -> str:
    parts = []
    for key, limit in TARGETS.get(name, ()):
        if key == "ratio":
            parts.append(f"≥ {-limit}" if limit < 0 else f"≤ {limit}")
        elif key == "rss_mb":
            parts.append(f"RSS ≤ {limit} MB")
        else:
            parts.append(f"{key.removesuffix('_ms')} ≤ {limit:,} ms")
    return ", ".join(parts)


def met(name: str, figure: dict) -> bool | None:
    checks = TARGETS.get(name)
    if not checks or any(key not in figure for key, _limit in checks):
        return None
    return all(figure[key] >= -limit if limit < 0 else figure[key] <= limit for key, limit in checks)


@dataclass
class Result:
    database: str
    meta: dict
    machine: dict
    figures: dict[str, dict] = field(default_factory=dict)

    def add(self, name: str, times: list[float], **extra) -> None:
        figure = summary(times)
        for key, value in extra.items():
            figure[key] = ({q: summary(v) for q, v in value.items()} if key == "queries" else value)
        figure["times_ms"] = [round(t, 2) for t in times]
        self.figures[name] = figure

    def derive(self) -> None:
        """The ratios of issue 7: what RLS costs, and what the design buys over the naive pandas way."""
        f = self.figures
        if "dashboard_queries_teacher" in f and "dashboard_queries_owner" in f:
            f["rls_over_owner"] = {"ratio": round(f["dashboard_queries_teacher"]["median_ms"]
                                                  / f["dashboard_queries_owner"]["median_ms"], 2)}
        if "dashboard_queries_teacher" in f and "dashboard_naive_pandas" in f:
            f["naive_over_leokop"] = {"ratio": round(f["dashboard_naive_pandas"]["median_ms"]
                                                     / f["dashboard_queries_teacher"]["median_ms"], 1)}
        for name, figure in f.items():
            figure["target"], figure["met"] = target_text(name), met(name, figure)

    def line(self, name: str) -> str:
        figure = self.figures[name]
        return _row(name, figure) + (f"  RSS {figure['rss_mb']:.0f} MB" if "rss_mb" in figure else "")

    def table(self, baseline: dict | None = None) -> str:
        head = f"{'figure':<36} {'median':>10} {'p95':>10} {'runs':>5}"
        if baseline:
            head += f"  {'baseline':>10} {'ratio':>6}"
        lines = [head + f"  {'target':<28} met", "-" * (len(head) + 45)]
        base = (baseline or {}).get("figures", {})
        for name in ORDER:
            if name not in self.figures:
                continue
            text = _row(name, self.figures[name])
            if baseline:
                text += _compare(self.figures[name], base.get(name))
            figure = self.figures[name]
            flag = {True: "yes", False: "NO", None: ""}[figure.get("met")]
            note = f"RSS {figure['rss_mb']:.0f} MB" if "rss_mb" in figure else ""
            lines.append(f"{text}  {figure.get('target', ''):<28} {flag:<3} {note}".rstrip())
        return "\n".join(lines)

    def query_table(self) -> str:
        """Median per query of each dashboard run (teacher, trainer, owner)."""
        names = [n for n in ("dashboard_queries_teacher", "dashboard_queries_trainer", "dashboard_queries_owner")
                 if "queries" in self.figures.get(n, {})]
        if not names:
            return ""
        queries = list(self.figures[names[0]]["queries"])
        lines = [f"{'query (median ms)':<28}" + "".join(f"{n.removeprefix('dashboard_queries_'):>10}" for n in names)]
        for q in queries:
            lines.append(f"{q:<28}" + "".join(f"{self.figures[n]['queries'][q]['median_ms']:>10.2f}" for n in names))
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {"database": self.database, "scale": self.meta.get("scale"), "machine": self.machine,
                "pair": {k: self.meta.get(k) for k in ("cooperation_id", "pair_apprentices", "school_apprentices")},
                "figures": self.figures}

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=2, default=str) + "\n", encoding="utf-8")


def _row(name: str, figure: dict) -> str:
    if "ratio" in figure:
        return f"{name:<36} {figure['ratio']:>10.2f} {'':>10} {'':>5}"
    return f"{name:<36} {figure['median_ms']:>10.1f} {figure['p95_ms']:>10.1f} {figure['runs']:>5}"


def _compare(figure: dict, other: dict | None) -> str:
    if not other:
        return f"  {'':>10} {'':>6}"
    key = "ratio" if "ratio" in figure else "median_ms"
    if key not in other or not other[key]:
        return f"  {'':>10} {'':>6}"
    return f"  {other[key]:>10.1f} {figure[key] / other[key]:>6.2f}"
