/** A fieldset of checkboxes, each a code value with a few words on what it means. */
export function CheckList<Value extends string>({
  legend,
  options,
  selected,
  onToggle,
}: {
  legend: string;
  options: readonly { value: Value; says: string }[];
  selected: readonly Value[];
  onToggle: (value: Value, checked: boolean) => void;
}) {
  return (
    <fieldset className="checks wide">
      <legend>{legend}</legend>
      {options.map(({ value, says }) => (
        <label key={value} className="check">
          <input type="checkbox" checked={selected.includes(value)} onChange={(e) => onToggle(value, e.target.checked)} />
          <span>
            <code>{value}</code> <span className="hint">{says}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
