import type { ArenaEvaluator } from '../api/admin-api-types';
import type { ArenaChoice } from '../lib/get-arena-choices';

export interface ArenaFormValue {
  prompt: string;
  contenders: ReadonlySet<string>;
  evaluator: ArenaEvaluator;
  deadlineInSeconds: number;
}

export interface ArenaFormProps {
  value: ArenaFormValue;
  choices: readonly ArenaChoice[];
  isRunning: boolean;
  onChange(value: ArenaFormValue): void;
  onRun(): void;
  onStop(): void;
}

const evaluators: ReadonlyArray<{ id: ArenaEvaluator; label: string }> = [
  { id: 'fastest', label: 'Fastest (success first, then speed)' },
  { id: 'judge', label: 'Judge (an LLM grades the answers)' },
  { id: 'consensus', label: 'Consensus (the answer closest to the others)' },
];

/** The prompt, the contenders to pit against each other, the evaluator and a deadline. */
export function ArenaForm({ value, choices, isRunning, onChange, onRun, onStop }: ArenaFormProps) {
  const toggle = (choice: string, isChecked: boolean) => {
    const contenders = new Set(value.contenders);
    if (isChecked) contenders.add(choice);
    else contenders.delete(choice);
    onChange({ ...value, contenders });
  };
  return (
    <form
      class="card arena-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!isRunning && value.prompt.trim()) onRun();
      }}
    >
      <label for="arena-prompt">Prompt</label>
      <textarea
        id="arena-prompt"
        rows={4}
        required
        value={value.prompt}
        aria-describedby="arena-prompt-hint"
        onInput={(event) => onChange({ ...value, prompt: event.currentTarget.value })}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey))
            event.currentTarget.form?.requestSubmit();
        }}
      />
      <p id="arena-prompt-hint" class="hint">
        Ctrl+Enter runs it.
      </p>
      <fieldset class="toggles">
        <legend>Contenders</legend>
        <p class="hint">None checked: the gateway's default contenders (COMPETE_CONTENDERS).</p>
        {choices.map((choice) => (
          <label key={choice.value} class="toggle">
            <input
              type="checkbox"
              value={choice.value}
              checked={value.contenders.has(choice.value)}
              onChange={(event) => toggle(choice.value, event.currentTarget.checked)}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <div class="form-row">
        <label>
          Evaluator
          <select
            value={value.evaluator}
            onChange={(event) =>
              onChange({ ...value, evaluator: event.currentTarget.value as ArenaEvaluator })
            }
          >
            {evaluators.map((evaluator) => (
              <option key={evaluator.id} value={evaluator.id}>
                {evaluator.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Deadline (seconds)
          <input
            type="number"
            min={1}
            max={300}
            value={value.deadlineInSeconds}
            onInput={(event) =>
              onChange({ ...value, deadlineInSeconds: Number(event.currentTarget.value) || 30 })
            }
          />
        </label>
      </div>
      <div class="form-actions">
        <button type="submit" class="button-primary" disabled={isRunning}>
          Run
        </button>
        {isRunning ? (
          <button type="button" onClick={onStop}>
            Stop
          </button>
        ) : null}
      </div>
    </form>
  );
}
