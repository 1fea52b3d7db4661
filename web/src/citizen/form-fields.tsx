import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

/**
 * Form fields with their label, hint and error tied together: the error sits next to the field,
 * is named by aria-describedby (read out when the field gets focus) and marks it aria-invalid.
 */
export function describedBy(id: string, hint: ReactNode, error: ReactNode): string | undefined {
  return [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
}

interface FieldFrame {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

function FieldText({ id, hint, error }: Omit<FieldFrame, 'label'>) {
  return (
    <>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </>
  );
}

type TextFieldProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { ref?: Ref<HTMLInputElement> };

export function TextField({ id, label, hint, error, ref, className, ...input }: TextFieldProps) {
  return (
    <div className={`field ${className ?? ''}`.trim()}>
      <label htmlFor={id}>{label}</label>
      <FieldText id={id} hint={hint} error={error} />
      <input ref={ref} id={id} type="text" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
    </div>
  );
}

type TextAreaFieldProps = FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextAreaField({ id, label, hint, error, ...textarea }: TextAreaFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldText id={id} hint={hint} error={error} />
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...textarea} />
    </div>
  );
}

type SelectFieldProps = FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & { children: ReactNode };

export function SelectField({ id, label, hint, error, children, ...select }: SelectFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <FieldText id={id} hint={hint} error={error} />
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select}>
        {children}
      </select>
    </div>
  );
}

interface RadioGroupProps<V extends string> {
  /** Each radio's id is `${id}-${value}`; the first one is where focus goes on an error. */
  id: string;
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  options: readonly { value: V; label: ReactNode }[];
  value: V | '';
  onChange: (value: V) => void;
  inline?: boolean;
}

export function RadioGroup<V extends string>({ id, name, legend, hint, error, options, value, onChange, inline = false }: RadioGroupProps<V>) {
  const description = describedBy(id, hint, error);
  return (
    <fieldset className={`choice-group${inline ? ' choice-group--inline' : ''}`} aria-describedby={description}>
      <legend>{legend}</legend>
      <FieldText id={id} hint={hint} error={error} />
      <div className="choices">
        {options.map((option) => (
          <label key={option.value} className="choice" htmlFor={`${id}-${option.value}`}>
            <input
              type="radio"
              id={`${id}-${option.value}`}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-invalid={error ? true : undefined}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Focuses the first field, in form order, that has an error; `ids` maps a field to its element id. */
export function focusFirstError<F extends string>(order: readonly F[], errors: Partial<Record<F, unknown>>, ids: Partial<Record<F, string>> = {}): void {
  const first = order.find((field) => errors[field]);
  if (first === undefined) return;
  // After React has drawn the errors, so the field is read out with its error.
  requestAnimationFrame(() => document.getElementById(ids[first] ?? first)?.focus());
}
