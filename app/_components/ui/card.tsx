// A surface with an optional header (title, description, actions) and footer.
import type { HTMLAttributes, ReactNode } from 'react';

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode;
  description?: ReactNode;
  /** Buttons or links on the right of the header. */
  actions?: ReactNode;
  footer?: ReactNode;
  /** Heading level of the title (default h2). */
  titleAs?: 'h2' | 'h3' | 'h4';
  /** Render as <section> (default) or <div>. */
  as?: 'section' | 'div' | 'article';
  /** Skip the padded body wrapper (e.g. for a full-bleed table). */
  flush?: boolean;
}

export function Card({ title, description, actions, footer, titleAs: H = 'h2', as: Tag = 'section', flush, className, children, ...rest }: CardProps) {
  return (
    <Tag className={['card', className].filter(Boolean).join(' ')} {...rest}>
      {title || actions ? (
        <header className="card-header">
          <div>
            {title ? <H className="card-title">{title}</H> : null}
            {description ? <p className="card-description">{description}</p> : null}
          </div>
          {actions ? <div className="cluster">{actions}</div> : null}
        </header>
      ) : null}
      {flush ? children : <div className="card-body">{children}</div>}
      {footer ? <footer className="card-footer">{footer}</footer> : null}
    </Tag>
  );
}
