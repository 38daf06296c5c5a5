"""Scale tooling: a deterministic generator of Hessen-sized synthetic data and the benchmark that runs on it.

`python -m leokop generate --scale hessen` builds a database `leokop_bench_hessen`; `python -m leokop bench` measures
the app's queries and pages on it. See docs/benchmarks.md.
"""
