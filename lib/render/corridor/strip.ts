// Draws the corridor as a schematic strip at build: the links in a row, coloured and named by status, over a timeline of their dates.
import type { TFunction } from 'i18next';
import type { Lang } from '#domain/site.ts';
import { formatClaim, formatNumber, formatPartialDate } from '../format.ts';
import {
  CHART_MUTED_COLOR,
  type Direction,
  mirror,
  NOT_PUBLISHED_COLOR,
  round1,
  STATUS_COLORS,
  svgOpen,
  svgText,
  legend,
} from '../charts/svg-parts.ts';
import { formatHours } from './travel-time.ts';
import { BUILD_DAY, statusText } from '../status-text.ts';
import type { Day } from '#domain/catalog/staleness.ts';
import type { CorridorMilestones, CorridorModel, SourcedStatus } from './corridor-data.ts';

export interface StripOptions {
  lang: Lang;
  t: TFunction;
  dir: Direction;
  /** Id of the element (the figure's caption) that names the drawing. */
  labelledBy: string;
  /** The day the stale rule is applied on; the build's day unless a test fixes it. */
  today?: Day;
}

const WIDTH = 960;
const MARGIN = 90;
const TRAVEL_Y = 18;
const KM_Y = 72;
const LINE_Y = 96;
const NAME_Y = 124;
const STATUS_Y = 146;
const TERMINAL_STATUS_Y = 166;
const TIMELINE_TOP = 208;
const ROW_HEIGHT = 28;
const LABEL_WIDTH = 230;
const AXIS_END = WIDTH - 150;

export const placeName = (t: TFunction, id: string) => t(`visuals.strip.place.${id}`);

/**
 * The status in words as the badges write it: "not confirmed since <date>" when the stale rule applies, and a note
 * when a source says it may be out of date.
 */
const statusLabel = (t: TFunction, lang: Lang, status: SourcedStatus | undefined, today: Day) => {
  if (!status) return t('visuals.strip.statusNotPublished');
  const { text } = statusText({ status: status.value, statusAsOf: status.asOf }, lang, t, today);
  return status.unverified ? `${text} (${t('status.unverified')})` : text;
};
const statusColor = (status: SourcedStatus | undefined) => (status ? STATUS_COLORS[status.value] : NOT_PUBLISHED_COLOR);

/** A partial date as a fraction of years, at the middle of the period it names (a year means mid-year). */
function yearPosition(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  if (month === undefined) return year! + 0.5;
  if (day === undefined) return year! + (month - 0.5) / 12;
  return year! + (month - 1) / 12 + (day - 1) / 365;
}

/** The end of a link's bar and the words for it: its opening, else its target, else "not published". */
function endOf(milestones: CorridorMilestones, lang: Lang, t: TFunction): { date?: string; label: string } {
  if (milestones.opened)
    return {
      date: milestones.opened.date,
      label: t('visuals.strip.openedShort', { date: formatPartialDate(milestones.opened.date, lang) }),
    };
  if (milestones.target)
    return {
      date: milestones.target.date,
      label: t('visuals.strip.targetShort', { date: formatPartialDate(milestones.target.date, lang) }),
    };
  return { label: t('visuals.strip.targetNotPublished') };
}

export function renderCorridorStrip(model: CorridorModel, options: StripOptions): string {
  const { lang, t, dir, labelledBy, today = BUILD_DAY } = options;
  const x = mirror(WIDTH, dir);
  const parts: string[] = [];

  // The strip: one node per place at the links' ends, evenly spaced (a schematic, not to scale).
  const nodes = [model.segments[0]!.from, ...model.segments.map((segment) => segment.to)];
  const step = (WIDTH - 2 * MARGIN) / model.segments.length;
  const nodeX = (index: number) => MARGIN + index * step;
  const indexOf = (place: string) => nodes.indexOf(place);

  /** A source as the drawing names it: its publisher (or title) and date; the table below links it. */
  const sourceLabel = (ids: readonly string[]) =>
    ids
      .map((id) => model.sources.find((source) => source.id === id))
      .filter((source) => source !== undefined)
      .map((source) => [source.publisher ?? source.title, source.date && formatPartialDate(source.date, lang)].filter(Boolean).join(', '))
      .join('; ');

  // Travel times: a bracket over the places they join, with the time, the time before and the source.
  for (const time of model.travelTimes) {
    const [start, end] = [indexOf(time.from), indexOf(time.to)];
    if (start < 0 || end < 0) continue;
    const [x1, x2] = [x(nodeX(start)), x(nodeX(end))];
    parts.push(
      `<path d="M${round1(x1)} ${TRAVEL_Y + 32}V${TRAVEL_Y + 26}H${round1(x2)}V${TRAVEL_Y + 32}" fill="none" stroke="${CHART_MUTED_COLOR}" stroke-width="1.5"/>`,
      svgText((x1 + x2) / 2, TRAVEL_Y, travelLabel(time, lang, t), { anchor: 'middle', className: 'strip-travel' }),
      svgText((x1 + x2) / 2, TRAVEL_Y + 17, t('visuals.strip.travelSource', { source: sourceLabel(time.sources) }), {
        anchor: 'middle',
        className: 'strip-travel-source',
        fill: CHART_MUTED_COLOR,
      }),
    );
  }

  model.segments.forEach((segment, index) => {
    const [x1, x2] = [x(nodeX(index)), x(nodeX(index + 1))];
    const middle = (x1 + x2) / 2;
    const color = statusColor(segment.status);
    if (segment.sea)
      parts.push(`<rect x="${round1(Math.min(x1, x2))}" y="${LINE_Y - 16}" width="${round1(step)}" height="32" fill="#cfe3ea" rx="4"/>`);
    parts.push(
      `<line x1="${round1(x1)}" y1="${LINE_Y}" x2="${round1(x2)}" y2="${LINE_Y}" stroke="${color}" stroke-width="10"${segment.status ? '' : ' stroke-dasharray="6 4"'} data-status="${segment.status?.value ?? 'not-published'}"/>`,
      svgText(middle, KM_Y, segment.length ? formatClaim(segment.length, lang, t) : t('visuals.strip.lengthNotPublished'), {
        anchor: 'middle',
        className: 'strip-km',
        weight: segment.length ? 'bold' : undefined,
        fill: segment.length ? undefined : CHART_MUTED_COLOR,
      }),
      svgText(middle, STATUS_Y, statusLabel(t, lang, segment.status, today), {
        anchor: 'middle',
        className: 'strip-status',
        fill: color === NOT_PUBLISHED_COLOR ? CHART_MUTED_COLOR : color,
      }),
    );
    segment.via.forEach((place, viaIndex) => {
      const viaX = x(nodeX(index) + ((viaIndex + 1) * step) / (segment.via.length + 1));
      parts.push(
        `<circle cx="${round1(viaX)}" cy="${LINE_Y}" r="5" fill="#fff" stroke="${color}" stroke-width="3"/>`,
        svgText(viaX, NAME_Y, placeName(t, place), { anchor: 'middle', className: 'strip-place' }),
      );
    });
  });

  nodes.forEach((place, index) => {
    const cx = x(nodeX(index));
    const last = index === nodes.length - 1;
    parts.push(
      last
        ? `<rect x="${round1(cx - 9)}" y="${LINE_Y - 9}" width="18" height="18" fill="${statusColor(model.terminal.status)}" stroke="#fff" stroke-width="2"/>`
        : `<circle cx="${round1(cx)}" cy="${LINE_Y}" r="8" fill="#fff" stroke="#1f2328" stroke-width="3"/>`,
      svgText(cx, NAME_Y, placeName(t, place), { anchor: 'middle', className: 'strip-place', weight: 'bold' }),
    );
    if (last)
      parts.push(
        svgText(cx, TERMINAL_STATUS_Y, statusLabel(t, lang, model.terminal.status, today), {
          anchor: 'middle',
          className: 'strip-status',
          fill: statusColor(model.terminal.status),
        }),
      );
  });

  // The timeline: one row per link and one for the port, a bar from the start to the opening or the target.
  const rows = [
    ...model.segments.map((segment) => ({
      label: t('visuals.strip.linkName', { from: placeName(t, segment.from), to: placeName(t, segment.to) }),
      status: segment.status,
      milestones: segment as CorridorMilestones,
    })),
    {
      label: placeName(t, nodes.at(-1)!),
      status: model.terminal.status as SourcedStatus | undefined,
      milestones: model.terminal as CorridorMilestones,
    },
  ];
  const dates = rows
    .flatMap(({ milestones }) => [milestones.started?.date, milestones.opened?.date, milestones.target?.date])
    .filter((date) => date !== undefined);
  const years = dates.map((date) => Number(date.slice(0, 4)));
  const firstYear = years.length ? Math.min(...years) : new Date().getUTCFullYear();
  const lastYear = years.length ? Math.max(...years) + 1 : firstYear + 1;
  const axisStart = LABEL_WIDTH + 10;
  const timeX = (year: number) => axisStart + ((year - firstYear) / (lastYear - firstYear)) * (AXIS_END - axisStart);
  const axisY = TIMELINE_TOP + rows.length * ROW_HEIGHT + 4;

  parts.push(svgText(x(MARGIN - 60), TIMELINE_TOP - 14, t('visuals.strip.timeline'), { weight: 'bold', className: 'strip-heading' }));
  for (let year = firstYear; year <= lastYear; year++) {
    const tickX = x(timeX(year));
    parts.push(
      `<line x1="${round1(tickX)}" y1="${TIMELINE_TOP - 4}" x2="${round1(tickX)}" y2="${axisY}" stroke="#d0d7de" stroke-width="1"/>`,
      svgText(tickX, axisY + 16, formatNumber(year, lang, { useGrouping: false }), {
        anchor: 'middle',
        className: 'strip-year',
        fill: CHART_MUTED_COLOR,
      }),
    );
  }
  rows.forEach((row, index) => {
    const y = TIMELINE_TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2;
    parts.push(svgText(x(MARGIN - 60), y + 4, row.label, { className: 'strip-row' }));
    const { started } = row.milestones;
    if (!started) {
      parts.push(svgText(x(axisStart), y + 4, t('visuals.strip.datesNotPublished'), { fill: CHART_MUTED_COLOR, className: 'strip-when' }));
      return;
    }
    const end = endOf(row.milestones, lang, t);
    const startX = timeX(yearPosition(started.date));
    const endX = end.date ? timeX(yearPosition(end.date)) : startX;
    const color = statusColor(row.status);
    const [left, right] = [x(startX), x(endX)].sort((a, b) => a - b) as [number, number];
    parts.push(`<circle cx="${round1(x(startX))}" cy="${y}" r="4" fill="${color}"/>`);
    if (end.date)
      parts.push(
        `<rect x="${round1(left)}" y="${y - 6}" width="${round1(Math.max(right - left, 2))}" height="12" rx="3" fill="${color}"${row.milestones.opened ? '' : ' fill-opacity="0.55"'}/>`,
      );
    parts.push(svgText(x(endX + 8), y + 4, end.label, { fill: end.date ? undefined : CHART_MUTED_COLOR, className: 'strip-when' }));
  });

  // Legend: each status shown, in words beside its colour, and the schematic's caveat.
  const shown = [...new Set([...model.segments.map((segment) => segment.status?.value), model.terminal.status.value])];
  const legendY = axisY + 46;
  parts.push(
    ...legend(
      shown.map((status) => ({
        color: status ? STATUS_COLORS[status] : NOT_PUBLISHED_COLOR,
        label: status ? t(`status.${status}.label`) : t('visuals.strip.statusNotPublished'),
      })),
      x,
      dir,
      MARGIN - 60,
      legendY,
    ),
  );
  parts.push(svgText(x(WIDTH - 10), legendY, t('visuals.strip.notToScale'), { anchor: 'end', fill: CHART_MUTED_COLOR }));

  return [svgOpen({ width: WIDTH, height: legendY + 14, labelledBy, className: 'corridor-strip', dir }), ...parts, '</svg>'].join('');
}

function travelLabel(time: CorridorModel['travelTimes'][number], lang: Lang, t: TFunction): string {
  const qualified = (hours: number) => {
    const value = formatHours(hours, lang);
    return time.qualifier ? t(`qualifier.${time.qualifier}`, { value }) : value;
  };
  const now = qualified(time.hours);
  return time.previousHours === undefined ? now : t('visuals.strip.travelWithBefore', { time: now, before: qualified(time.previousHours) });
}
