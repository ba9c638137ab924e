// A labelled form control with hint and error text. Wires the accessibility attributes onto its one
// child control: id (for the label), aria-describedby (hint + error), aria-invalid, aria-required.
//   <Field label="Title" name="title" error={state?.fieldErrors?.title} hint="Shown on the dashboard">
//     <input name="title" defaultValue={state?.values?.title as string} />
//   </Field>
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';

export interface FieldProps {
  label: ReactNode;
  /** The control's name; also the default id (`field-<name>`). */
  name: string;
  /** Override the id when the same name appears twice on a page. */
  id?: string;
  hint?: ReactNode;
  /** One message or a list (z.flattenError gives a list): every message is shown. */
  error?: string | string[] | null;
  required?: boolean;
  className?: string;
  /** Exactly one element: input, select, textarea or a component that forwards these props. */
  children: ReactElement<Record<string, unknown>>;
}

export function Field({ label, name, id, hint, error, required, className, children }: FieldProps) {
  const controlId = id ?? `field-${name}`;
  const errors = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean);
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = errors.length ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId, children.props['aria-describedby'] as string | undefined].filter(Boolean).join(' ') || undefined;

  const control = isValidElement(children)
    ? cloneElement(children, {
        id: controlId,
        name: (children.props.name as string | undefined) ?? name,
        'aria-describedby': describedBy,
        'aria-invalid': errors.length ? true : undefined,
        'aria-required': required || undefined,
        required: (children.props.required as boolean | undefined) ?? required,
      })
    : children;

  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={controlId}>
        {label}
        {required ? <span className="field-required" aria-hidden="true">*</span> : null}
      </label>
      {control}
      {hint ? <p id={hintId} className="field-hint">{hint}</p> : null}
      {errorId ? (
        <p id={errorId} className="field-error" aria-live="polite">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
