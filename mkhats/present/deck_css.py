"""The deck's style sheet, inlined into its HTML: the file carries everything it needs (no network).

On screen a slide fills the window (16:9 at most 1280 px wide) and slides follow one another; a
narrow window (a phone) stacks a slide's columns. In print a slide is one page of 16:9 (the size of
a presentation slide), cut to it: long log texts are clamped to a few lines, the charts shrink to
the room left, so a slide never spills onto a second page. System fonts only.
"""

from __future__ import annotations

CSS = """
:root {
  --ink: #1c2333; --muted: #5d6679; --faint: #8a93a6; --line: #dde2ea; --soft: #f4f6fa;
  --accent: #2c5cc5; --good: #1b7f3b; --bad: #c42b2b; --warn: #b45d00;
  --paper: #ffffff; --back: #e9edf3;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { scroll-snap-type: y proximity; -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--back); color: var(--ink);
  font: 14px/1.38 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif;
  font-variant-numeric: tabular-nums;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.slide {
  position: relative; display: flex; flex-direction: column; gap: 12px;
  width: 100%; max-width: 1280px; min-height: 100vh; margin: 0 auto; padding: 24px 32px 14px;
  background: var(--paper); scroll-snap-align: start;
}
.slide + .slide { margin-top: 14px; }
.top { display: flex; justify-content: space-between; align-items: flex-start; gap: 24px;
  border-bottom: 3px solid var(--accent); padding-bottom: 8px; }
.top h2 { margin: 0; font-size: 28px; line-height: 1.15; overflow-wrap: anywhere; }
.top .who { margin: 3px 0 0; color: var(--muted); overflow-wrap: anywhere; }
.top .when { margin: 0; text-align: right; color: var(--muted); white-space: nowrap; }
.top .when b { display: block; color: var(--ink); font-size: 18px; }
.cols { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 2fr); gap: 24px; }
.left, .right { min-height: 0; display: flex; flex-direction: column; gap: 10px; }
h3 { margin: 0 0 4px; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.log { margin: 0; display: flex; flex-direction: column; gap: 8px; }
.log div { border-left: 3px solid var(--line); padding-left: 10px; }
.log dt { font-weight: 600; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--accent); }
.log dd { margin: 1px 0 0; white-space: pre-line; overflow-wrap: anywhere; }
.log dd.empty, .empty { color: var(--faint); }
.checklist { margin: 0; color: var(--muted); }
.alerts { border: 1px solid #f1c7c7; background: #fdf3f3; border-radius: 6px; padding: 8px 10px; }
.alerts ul, .list ul { margin: 0; padding-left: 18px; }
.alerts li { color: var(--bad); overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 2px solid var(--line); padding: 3px 6px; }
td { border-bottom: 1px solid var(--line); padding: 3px 6px; vertical-align: top; overflow-wrap: anywhere; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.on { color: var(--good); font-weight: 600; }
td.off { color: var(--bad); font-weight: 600; }
tr.sub td { color: var(--muted); font-size: 12px; }
.charts { flex: 1; min-height: 0; display: grid; gap: 8px 12px;
  grid-template-columns: repeat(var(--cols, 3), minmax(0, 1fr)); grid-auto-rows: minmax(0, 1fr); }
.chart { margin: 0; min-height: 0; display: flex; flex-direction: column; border: 1px solid var(--line);
  border-radius: 6px; padding: 4px 6px; }
.chart figcaption { font-weight: 600; font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.chart-svg { flex: 1; width: 100%; min-height: 120px; }
.legend { margin: 0; font-size: 10px; color: var(--muted); line-height: 1.25; }
.legend span { white-space: nowrap; margin-right: 6px; }
.right > .legend { font-size: 11px; }
.legend i { display: inline-block; width: 12px; height: 0; margin-right: 3px; vertical-align: middle;
  border-top: 2px solid var(--accent); }
.legend i.partial { border-top-style: dashed; opacity: .6; }
.legend i.daily { width: 5px; height: 5px; border: 0; border-radius: 50%; background: var(--faint); }
.legend i.target { border-top: 2px dashed var(--good); }
.legend i.threshold { border-top: 2px dashed var(--bad); }
.chart .none { flex: 1; display: flex; align-items: center; justify-content: center; color: var(--faint); font-size: 12px; }
svg .grid { stroke: var(--line); stroke-width: .6; }
svg .base { stroke: var(--faint); stroke-width: .8; }
svg .tick { fill: var(--muted); font-size: 8.5px; }
svg .weekly { fill: none; stroke: var(--accent); stroke-width: 1.8; stroke-linejoin: round; }
svg .weekly-point { fill: var(--accent); }
svg .partial { fill: none; stroke: var(--accent); stroke-width: 1.6; stroke-dasharray: 3 2; opacity: .55; }
svg .partial-point { fill: var(--paper); stroke: var(--accent); stroke-width: 1.2; }
svg .daily { fill: var(--faint); opacity: .75; }
svg .target { stroke: var(--good); stroke-width: 1.2; stroke-dasharray: 5 3; }
svg .threshold { stroke: var(--bad); stroke-width: 1.2; stroke-dasharray: 2 2; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; }
.tile { border: 1px solid var(--line); border-top: 4px solid var(--line); border-radius: 6px; padding: 8px 10px; }
.tile.on { border-top-color: var(--good); }
.tile.off { border-top-color: var(--bad); }
.tile p { margin: 0; }
.tile .label { color: var(--muted); font-weight: 600; overflow-wrap: anywhere; }
.tile .value { font-size: 26px; font-weight: 700; line-height: 1.2; white-space: nowrap; }
.tile .status { font-weight: 600; }
.tile.on .status { color: var(--good); }
.tile.off .status { color: var(--bad); }
.tile .vs { color: var(--muted); font-size: 12px; }
.map-wrap { overflow-x: auto; }
.verdict-scale { color: var(--good); font-weight: 600; }
.verdict-cut { color: var(--bad); font-weight: 600; }
.verdict-test { color: var(--warn); font-weight: 600; }
.pair { flex: 1; min-height: 0; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 24px; }
.list { min-height: 0; overflow: hidden; }
.list li { margin-bottom: 3px; overflow-wrap: anywhere; }
.list li.open, .list li.problems { color: var(--bad); }
.list li.checked, .list li.decided { color: var(--good); }
.list li.more { list-style: none; color: var(--muted); font-style: italic; }
.foot { display: flex; justify-content: space-between; color: var(--faint); font-size: 11px;
  border-top: 1px solid var(--line); padding-top: 4px; gap: 12px; }
.foot span:last-child { white-space: nowrap; }
@media screen and (max-width: 820px) {
  .slide { min-height: 0; padding: 16px; }
  .cols, .pair { grid-template-columns: minmax(0, 1fr); }
  .charts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .top { flex-direction: column; gap: 4px; }
  .top .when { text-align: left; }
  /* Words stay whole on a phone (a long one scrolls its table sideways rather than breaking). */
  td { overflow-wrap: break-word; }
  table { font-size: 12px; }
  .right { overflow-x: auto; }
}
@page { size: 338.6mm 190.5mm; margin: 0; }
@media print {
  html, body { background: var(--paper); }
  html { scroll-snap-type: none; }
  .slide { width: 338.6mm; max-width: none; height: 190mm; min-height: 0; margin: 0; overflow: hidden;
    break-after: page; page-break-after: always; break-inside: avoid; }
  .slide + .slide { margin-top: 0; }
  .slide:last-child { break-after: auto; page-break-after: auto; }
  .log dd { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 4; overflow: hidden; }
  .chart-svg { min-height: 0; }
}
"""
