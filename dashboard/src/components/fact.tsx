/** One labelled figure of a `<dl class="facts">`: the label above, the value below. */
export function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
