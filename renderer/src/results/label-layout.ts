/** A text label on the map, in screen pixels: drawn from (x, y) rightwards, baseline at y. */
export interface MapLabel {
  id: string;
  x: number;
  y: number;
  text: string;
  fontSize: number;
}

/**
 * Width of a label in pixels, estimated without a layout pass: CJK characters are about 1 em wide, others
 * about 0.6 em (the UI's sans-serif fonts).
 */
export function labelWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return em * fontSize;
}

function box(l: MapLabel) {
  return {
    x0: l.x,
    y0: l.y - l.fontSize,
    x1: l.x + labelWidth(l.text, l.fontSize),
    y1: l.y + 0.25 * l.fontSize,
  };
}

/**
 * The labels to draw so that none overlaps another: taken in the given order, each is kept when its box
 * does not meet a box kept before, nor one of the `reserved` labels (always drawn, e.g. protection targets),
 * with `gap` pixels between. Installations standing close together at a wide zoom would otherwise print
 * their names over each other; the hidden ones come back when zoomed in.
 */
export function nonOverlappingLabels(
  labels: readonly MapLabel[],
  reserved: readonly MapLabel[] = [],
  gap = 2,
): Set<string> {
  const kept = reserved.map(box);
  const ids = new Set<string>();
  for (const l of labels) {
    const b = box(l);
    const clash = kept.some(
      (k) => b.x0 < k.x1 + gap && k.x0 < b.x1 + gap && b.y0 < k.y1 + gap && k.y0 < b.y1 + gap,
    );
    if (clash) continue;
    kept.push(b);
    ids.add(l.id);
  }
  return ids;
}
