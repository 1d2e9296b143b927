/** The inline stylesheet of report.html (system fonts, light and dark schemes, no external assets). */
export const HTML_STYLE = `
:root{--bg:#f6f7f9;--card:#fff;--fg:#1d2330;--muted:#5b6474;--line:#dde1e7;--code:#f0f2f5;
--pass:#1a7f37;--fail:#c62828;--err:#b35c00;--skip:#6b7280;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#111418;--card:#1a1e24;--fg:#e6e9ee;--muted:#9aa3b1;
--line:#2c323b;--code:#22272e;--pass:#3fb950;--fail:#f85149;--err:#d29922;--skip:#8b949e}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header,main,footer{max-width:1100px;margin:0 auto;padding:16px 24px}
h1{font-size:22px;margin:8px 0 4px}h2{font-size:18px;margin:28px 0 10px}
h3{font-size:16px;margin:0 0 6px;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
h4{font-size:13px;margin:18px 0 6px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.meta{color:var(--muted);margin:0}.meta code{font-size:12px}
.cards{display:flex;gap:12px;margin-top:14px;flex-wrap:wrap}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:110px}
.card b{display:block;font-size:24px;line-height:1.2}.card span{color:var(--muted);font-size:12px}
.card.passed b{color:var(--pass)}.card.failed b{color:var(--fail)}.card.error b{color:var(--err)}.card.skipped b{color:var(--skip)}
.banner{margin-top:14px;padding:10px 14px;border-radius:8px;font-weight:600}
.banner.bad{background:color-mix(in srgb,var(--fail) 12%,var(--card));color:var(--fail)}
.banner.good{background:color-mix(in srgb,var(--pass) 12%,var(--card));color:var(--pass)}
table{border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden;width:100%}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600;background:color-mix(in srgb,var(--line) 35%,var(--card))}
td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12.5px}
tr:last-child td{border-bottom:0}
table.entries tr.f td{background:color-mix(in srgb,var(--fail) 9%,var(--card))}
table.entries tr.f td:first-child{box-shadow:inset 3px 0 0 var(--fail)}
.pill{display:inline-block;border-radius:999px;padding:1px 9px;font-size:12px;font-weight:600;white-space:nowrap;color:#fff}
.pill.passed{background:var(--pass)}.pill.failed{background:var(--fail)}.pill.error{background:var(--err)}.pill.skipped{background:var(--skip)}
a{color:inherit}
.result{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--fail);border-radius:8px;padding:16px 18px;margin:14px 0}
.result.error{border-left-color:var(--err)}
.verdict{font-weight:600;margin:4px 0 10px}
.facts{display:flex;flex-wrap:wrap;gap:4px 18px;margin:0;color:var(--muted);font-size:13px}
.facts div{display:flex;gap:6px}.facts dt{font-weight:600}.facts dd{margin:0;color:var(--fg)}
.message{white-space:pre-wrap;margin:10px 0 0}
pre{background:var(--code);border-radius:6px;padding:10px 12px;overflow:auto;margin:0;font:12.5px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;white-space:pre-wrap;word-break:break-word}
.heatmap{display:inline-block;max-width:100%;overflow:auto;padding:4px 0}
.heatmap .axis{font-size:11px;color:var(--muted);margin-bottom:2px}
.grid{display:grid;gap:1px}
.grid .c{border-radius:2px;min-width:0}
.grid .c.f{box-shadow:inset 0 0 0 1px rgba(0,0,0,.28)}
.grid .c.w{box-shadow:inset 0 0 0 2px var(--fg)}
.grid .cl,.grid .rl,.strip-labels .sl{font-size:10px;color:var(--muted);overflow:hidden;white-space:nowrap}
.grid .cl{text-align:center;align-self:end}.grid .rl{text-align:right;padding-right:4px;line-height:1;align-self:center}
.strip-labels{display:grid;gap:1px;margin-top:2px}.strip-labels .sl{text-align:center;text-overflow:ellipsis}
.legend{display:flex;flex-wrap:wrap;align-items:center;gap:2px 8px;margin-top:8px;font-size:11px;color:var(--muted)}
.legend .sw{display:flex;align-items:center;gap:3px}
.legend .sw span{display:inline-block;width:14px;height:14px;border-radius:2px;border:1px solid var(--line)}
.legend .lt{font-weight:600}
.note{font-size:12px;color:var(--muted)}
details summary{cursor:pointer;color:var(--muted);margin-top:10px}
footer{color:var(--muted);font-size:12px}
`;
