/**
 * `interface XSchemaType extends Named<typeof xSchema> {}` gives a schema's inferred type a
 * name. Declaration files print interfaces by name but inferred types in full, so without this
 * every schema that holds another would repeat its whole type (the .d.ts files grew to 600 KB).
 */
export type Named<T> = T;
