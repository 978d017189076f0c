/**
 * Every element under a node, in document order, for the checks that look at all of them (no
 * style attribute anywhere, nothing drawn that should not be): an audit of the whole tree, not a
 * way to find one thing (tests find those by role, label and text).
 */
export function allElements(root: Node): Element[] {
  const found: Element[] = [];
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(
    root,
    NodeFilter.SHOW_ELEMENT,
  );
  while (walker.nextNode()) found.push(walker.currentNode as Element);
  return found;
}

/** Whether `element` sits inside (or is) an element with class `name`. */
export function insideClass(element: Element, name: string): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) {
    if (at.classList.contains(name)) return true;
  }
  return false;
}
