// Edit the search space and the fixed hyperparameters of the next study as JSON: change ranges, fix
// a parameter (move it to "fixed"), or add any the training engine supports (batchSize, epochs,
// lrSchedule, augment, batchNorm, ...). Validated by the same schema as share links before it applies.
import { useState } from 'react';
import { DEFAULT_FIXED } from '../../core/searchSpace/searchSpace';
import { studyProblems } from '../../core/study/studyProblems';
import { labStore, useLab } from '../../store/labStore';
import { Notice } from '../kit/Notice';

export function SearchSpaceEditor() {
  const definition = useLab((s) => s.definition);
  const disabled = useLab((s) => s.busy !== 'idle' || s.classroom.lock);
  const [text, setText] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const current = JSON.stringify({ space: definition.space, fixed: definition.fixed }, null, 1);

  const apply = () => {
    let parsed: { space?: unknown; fixed?: unknown };
    try {
      parsed = JSON.parse(text ?? current) as typeof parsed;
    } catch (e) {
      setProblems([`Not valid JSON: ${e instanceof Error ? e.message : String(e)}`]);
      return;
    }
    const candidate = { ...definition, space: parsed.space, fixed: parsed.fixed } as typeof definition;
    const found = studyProblems(candidate);
    setProblems(found);
    if (found.length === 0) {
      labStore.setState({ definition: candidate });
      setText(null);
    }
  };

  return (
    <details className="space-editor" data-testid="space-editor">
      <summary>
        Search space: {definition.space.map((p) => p.name).join(', ') || 'nothing sampled'}; fixed:{' '}
        {Object.keys(definition.fixed).join(', ') || 'defaults'}
      </summary>
      <Notice tone="info">
        Parameters: {Object.keys(DEFAULT_FIXED).join(', ')}. Kinds: float (low, high, log), int (low, high, step),
        categorical (choices); a condition makes a parameter depend on an earlier categorical one.
      </Notice>
      <textarea
        aria-label="Search space and fixed values (JSON)"
        rows={12}
        value={text ?? current}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
      />
      <div className="controls">
        <button onClick={apply} disabled={disabled || text === null}>
          Apply
        </button>
        <button
          onClick={() => {
            setText(null);
            setProblems([]);
          }}
          disabled={text === null}
        >
          Discard changes
        </button>
      </div>
      {problems.length > 0 && (
        <Notice tone="error" live="alert" as="div" testId="space-problems">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </Notice>
      )}
    </details>
  );
}
