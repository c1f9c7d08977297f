/** GraphQL enum values from the domain's lowercase constants: `foster_care_worker` → FOSTER_CARE_WORKER. */
export function enumValues<Value extends string>(values: readonly Value[], descriptions: Record<Value, string>) {
  return Object.fromEntries(values.map((value) => [value.toUpperCase(), { value, description: descriptions[value] }])) as Record<
    Uppercase<Value>,
    { value: Value; description: string }
  >;
}
