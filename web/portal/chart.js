// A horizontal bar chart drawn in SVG, one bar per category, with the same figures as a table
// for screen readers and for copying. A suppressed figure (null) is a hatched stub that says so.
import { el } from '../shared/el.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
  element.append(...children);
  return element;
}

/** `entries`: [name, value or null]; `label(name)` and `shown(value)` give the texts. */
export function barChart({ id, title, entries, label, shown }) {
  const largest = Math.max(1, ...entries.map(([, value]) => value ?? 0));
  const row = 34;
  const labelWidth = 150;
  const barSpace = 200;
  const titleElement = svg('title', { id: `${id}-title` });
  titleElement.textContent = title;
  const chartSvg = svg('svg', {
    id, class: 'chart', role: 'img', 'aria-labelledby': `${id}-title`,
    viewBox: `0 0 ${labelWidth + barSpace + 130} ${entries.length * row}`,
  }, titleElement);
  entries.forEach(([name, value], index) => {
    const y = index * row;
    const text = svg('text', { x: labelWidth - 8, y: y + row / 2 + 5, class: 'chart-label', 'text-anchor': 'end' });
    text.textContent = label(name);
    const width = value === null ? 12 : Math.max(2, (value / largest) * barSpace);
    const bar = svg('rect', { x: labelWidth, y: y + 6, width, height: row - 12, rx: 3, class: value === null ? 'chart-bar suppressed' : 'chart-bar' });
    const figure = svg('text', { x: labelWidth + width + 6, y: y + row / 2 + 5, class: 'chart-value' });
    figure.textContent = shown(value);
    chartSvg.append(text, bar, figure);
  });
  const table = el('table', { class: 'visually-hidden' },
    el('caption', {}, title),
    el('tbody', {}, entries.map(([name, value]) => el('tr', {},
      el('th', { scope: 'row' }, label(name)),
      el('td', {}, shown(value))))));
  return el('figure', {}, chartSvg, table);
}
