"""The pure core of mkhats: models, weeks, KPIs, formulas, stop rules, conflicts, review, report.

Nothing here imports Textual or TinyDB, and nothing reads the clock: every function that depends
on the date takes ``today`` as an argument.
"""
