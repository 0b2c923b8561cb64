/** Inline SVG charts for the HTML report: drawn as markup, no script, no external resource. */
import type { GapReport } from "../../core/gap-report/model.js";
import { PHASES } from "../../core/questionnaire/model.js";
import { DOMAIN_NAMES, pct, pct0 } from "./words.js";

/** Escapes text for HTML and SVG content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * A fill colour for a score: red up to 20 % (level 1, no capacity), through amber, to green from 80 %
 * (level 4, demonstrated) up; grey when there is none. Stretching the middle keeps 50 % and 70 % apart.
 */
export function heat(score: number | null, light = 72): string {
  if (score === null) return "#e6e6e6";
  const hue = Math.round(Math.max(0, Math.min(1, (score - 20) / 60)) * 120);
  return `hsl(${hue} 62% ${light}%)`;
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** Horizontal bars, one per area with a score; areas without one are labelled "no score". */
export function areaScoresChart(report: GapReport): string {
  const label = 290;
  const barMax = 380;
  const rowH = 28;
  const top = 24;
  const width = label + barMax + 70;
  const height = top + report.areas.length * rowH + 8;
  const parts: string[] = [];
  for (const g of [0, 25, 50, 75, 100]) {
    const x = label + (g / 100) * barMax;
    parts.push(
      `<line x1="${fmt(x)}" y1="${top - 6}" x2="${fmt(x)}" y2="${height - 6}" class="grid"/><text x="${fmt(x)}" y="${top - 10}" class="axis" text-anchor="middle">${g}</text>`,
    );
  }
  report.areas.forEach((a, i) => {
    const y = top + i * rowH;
    parts.push(`<text x="${label - 10}" y="${y + 18}" class="label" text-anchor="end">${esc(clip(`${a.id} · ${a.title}`, 44))}</text>`);
    if (a.score === null) {
      parts.push(`<text x="${label + 6}" y="${y + 18}" class="none">no score</text>`);
      return;
    }
    const w = Math.max(1, (a.score / 100) * barMax);
    parts.push(
      `<rect class="bar" data-area="${esc(a.id)}" x="${label}" y="${y + 4}" width="${fmt(w)}" height="${rowH - 8}" rx="2" fill="${heat(a.score, 52)}"><title>${esc(`${a.id} ${a.title}: ${pct(a.score)}`)}</title></rect>`,
      `<text x="${fmt(label + w + 6)}" y="${y + 18}" class="value">${esc(pct(a.score))}</text>`,
    );
  });
  return `<svg id="chart-areas" class="chart" role="img" aria-label="Score by area" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}

/** A heat map of `rows` × `columns`, each cell coloured by its value (0–100) and labelled with it. */
function heatmap(
  id: string,
  aria: string,
  rows: readonly string[],
  columns: readonly string[],
  value: (r: number, c: number) => number | null,
  blank: (r: number, c: number) => boolean = () => false,
): string {
  const labels = rows.map((r) => clip(r, 40));
  const label = Math.max(120, ...labels.map((r) => r.length * 6.8 + 16));
  const cellW = Math.max(52, Math.min(84, Math.max(...columns.map((c) => c.length * 6.4 + 10))));
  const cellH = 24;
  const top = 30;
  const width = label + columns.length * cellW + 4;
  const height = top + rows.length * cellH + 4;
  const parts: string[] = [];
  columns.forEach((c, j) => parts.push(`<text x="${fmt(label + j * cellW + cellW / 2)}" y="${top - 10}" class="axis" text-anchor="middle">${esc(c)}</text>`));
  rows.forEach((r, i) => {
    const y = top + i * cellH;
    parts.push(`<text x="${fmt(label - 8)}" y="${y + 16}" class="label" text-anchor="end">${esc(labels[i] ?? r)}<title>${esc(r)}</title></text>`);
    columns.forEach((c, j) => {
      const x = label + j * cellW;
      if (blank(i, j)) {
        parts.push(`<rect class="cell blank" x="${fmt(x + 1)}" y="${y + 1}" width="${fmt(cellW - 2)}" height="${cellH - 2}" fill="#fafafa"/>`);
        return;
      }
      const v = value(i, j);
      parts.push(
        `<rect class="cell" x="${fmt(x + 1)}" y="${y + 1}" width="${fmt(cellW - 2)}" height="${cellH - 2}" fill="${heat(v)}"><title>${esc(`${r} · ${c}: ${pct(v)}`)}</title></rect>`,
        `<text x="${fmt(x + cellW / 2)}" y="${y + 16}" class="cellv" text-anchor="middle">${esc(pct0(v))}</text>`,
      );
    });
  });
  return `<svg id="${id}" class="chart" role="img" aria-label="${esc(aria)}" viewBox="0 0 ${fmt(width)} ${height}" width="${fmt(width)}" height="${height}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg>`;
}

/** Scores by domain (rows) and phase (columns). */
export function domainPhaseChart(report: GapReport): string {
  const domains = report.domains.map((d) => d.id);
  return heatmap(
    "chart-matrix",
    "Score by domain and phase",
    domains.map((d) => `${d} · ${DOMAIN_NAMES[d] ?? d}`),
    PHASES,
    (r, c) => report.matrix.find((m) => m.domain === domains[r] && m.phase === PHASES[c])?.score ?? null,
  );
}

/**
 * Coverage by agency (rows) and area (columns), blank where the agency is asked nothing in the area;
 * a last row for all agencies together.
 */
export function coverageChart(report: GapReport): string {
  const areas = report.areas.map((a) => a.id);
  const n = report.agencies.length;
  return heatmap(
    "chart-coverage",
    "Coverage by agency and area",
    [...report.agencies.map((a) => a.name), "All agencies"],
    areas,
    (r, c) => (r === n ? (report.areas[c]?.answerRate ?? null) : (report.agencies[r]?.areas[c]?.share ?? null)),
    (r, c) => r < n && (report.agencies[r]?.areas[c]?.relevant ?? 0) === 0,
  );
}
