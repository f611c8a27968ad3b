"""Working with many reports: year on year, copy detection, sums across bodies, corpus checks.

* :mod:`.common` — :class:`~.common.IncompatibleReportsError` for reports that cannot be
  put side by side (other editions, other years, wrong order), and small shared helpers.
* :mod:`.mapping` — which cell of one report is which cell of another (editions).
* :mod:`.compare` — ``compare(earlier, later)``: every cell before and after, and the
  cross-year rules evaluators apply (上年结转, 现行有效件数, jumps).
* :mod:`.reuse` — ``reuse(earlier, later)``: how much of this year's narrative was
  taken over from last year's, and which tables repeat last year's numbers (内容雷同).
* :mod:`.aggregate` — ``aggregate(reports, agency=..., year=...)``: the sum of many
  bodies' tables as a report (汇总), with its provenance.
* :mod:`.corpus` — ``check_corpus(paths)``: one scorecard row per report file.

``govinfo_report`` re-exports the public names (loaded on first use); docs/analysis.md
documents every definition and its choices.
"""
