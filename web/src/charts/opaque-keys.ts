// Names from the data (populations, models, words, concepts) reach Vega as
// opaque keys. Vega groups rows (facets, aggregates, stacks) in plain
// objects keyed by a field's value, and Vega-Lite writes custom orders and
// filters as expressions holding each value as a string literal; a value
// named like an object member (`__proto__`, `constructor`, `toString`, …)
// then resolves to the member instead of a key: a facet loses its panels or
// the figure fails with "Operator not defined". So every value of a field
// that Vega groups or orders by is carried with an invisible prefix (U+2060
// WORD JOINER) that no member name starts with, in the rows and in every
// order, domain and filter list naming it; each axis, legend and header
// label drops the prefix again (the theme's label expression for axes and
// headers, one added to each legend, and any figure's own). The rows of the figure's CSV are not touched.

export const KEY_PREFIX = '\u2060';

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const CATEGORICAL = new Set(['nominal', 'ordinal']);
// Channels and facet keys whose field groups rows whatever its type.
const GROUPING = new Set(['detail', 'facet', 'row', 'column', 'key']);
const LEGEND_CHANNELS = new Set(['color', 'fill', 'stroke', 'strokeDash', 'shape', 'size', 'opacity', 'fillOpacity', 'strokeOpacity', 'strokeWidth']);

export const opaque = (value: Json): Json => (typeof value === 'string' ? KEY_PREFIX + value : value);

// A label expression that shows the name without its prefix.
export const LABEL = `replace(datum.label, '${KEY_PREFIX}', '')`;
const unprefixLabels = (expression: string) => expression.replaceAll('datum.label', LABEL);

// `literal` collects the fields drawn as they are (`scale: null`, e.g. a
// colour given as #rrggbb): a prefix would make those values invalid, and
// Vega does not group by them.
function groupedFields(node: Json, parentKey: string, found: Set<string>, literal: Set<string>) {
  if (Array.isArray(node)) { for (const v of node) groupedFields(v, parentKey, found, literal); return; }
  if (!isObject(node)) return;
  if (typeof node.field === 'string' && node.scale === null) literal.add(node.field);
  else if (typeof node.field === 'string' && (CATEGORICAL.has(String(node.type)) || GROUPING.has(parentKey))) found.add(node.field);
  // A band's end on a categorical axis names a category too.
  for (const [start, end] of [['x', 'x2'], ['y', 'y2']]) {
    const a = node[start], b = node[end];
    if (isObject(a) && isObject(b) && CATEGORICAL.has(String(a.type)) && typeof b.field === 'string') found.add(b.field);
  }
  for (const [key, value] of Object.entries(node)) if (key !== 'data') groupedFields(value, key, found, literal);
}

export function withOpaqueKeys<T extends object>(spec: T): T {
  const fields = new Set<string>(), literal = new Set<string>();
  groupedFields(spec, '', fields, literal);
  for (const field of literal) fields.delete(field);
  const rewrite = (node: Json, parentKey: string): Json => {
    if (Array.isArray(node)) return node.map((v) => rewrite(v, parentKey));
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'values' && parentKey === 'data' && Array.isArray(value)) {
        out.values = value.map((row) => isObject(row)
          ? Object.fromEntries(Object.entries(row).map(([k, v]) => [k, fields.has(k) ? opaque(v) : v])) : row);
      } else if (key === 'labelExpr' && typeof value === 'string') {
        out.labelExpr = unprefixLabels(value);
      } else {
        out[key] = rewrite(value, key);
      }
    }
    if (typeof out.field === 'string' && fields.has(out.field)) {
      if (Array.isArray(out.sort)) out.sort = out.sort.map(opaque);
      if (Array.isArray(out.oneOf)) out.oneOf = out.oneOf.map(opaque);
      if (typeof out.equal === 'string') out.equal = opaque(out.equal);
      if (isObject(out.scale) && Array.isArray(out.scale.domain)) out.scale = { ...out.scale, domain: out.scale.domain.map(opaque) };
      // Vega-Lite takes no label expression for legends from the theme.
      if (LEGEND_CHANNELS.has(parentKey) && out.legend !== null) {
        const legend = isObject(out.legend) ? out.legend : {};
        if (legend.labelExpr === undefined) out.legend = { ...legend, labelExpr: LABEL };
      }
    }
    return out;
  };
  return rewrite(spec, '') as T;
}
