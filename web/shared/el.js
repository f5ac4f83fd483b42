// The one DOM helper both front ends use: an element with attributes and children, where
// strings become text and are never parsed as HTML, so names from forms or diagrams cannot
// inject markup. `on…` attributes become event listeners; false, null and undefined are skipped.
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
  element.append(...children.flat().filter(child => child !== null && child !== undefined && child !== false));
  return element;
}
