/**
 * The phone metadata of every country libphonenumber-js knows (its "min" set, about 19 KB
 * gzipped): a chunk of its own, loaded only when the visitor opens the country list or is from
 * a country outside the widget's own four (see phone-countries.ts).
 */
import metadata from 'libphonenumber-js/metadata.min.json';

export { metadata };
