// A little DOM building that never parses HTML, so names from diagrams cannot inject markup.
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  element.append(...children.flat().filter(child => child !== null && child !== undefined));
  return element;
}

export function say(text, kind = 'info') {
  const status = document.getElementById('status');
  status.textContent = text;
  status.className = kind;
}

export function when(instant) {
  return new Date(instant).toLocaleString();
}
