// UI primitives, for every page of the app. See each file for its props.
export { Alert, type AlertProps, type AlertTone } from './alert';
export { Badge, RoleBadge, type BadgeProps, type BadgeTone } from './badge';
export { Button, ButtonLink, buttonClass, type ButtonProps, type ButtonVariant, type ButtonSize } from './button';
export { Card, type CardProps } from './card';
export { Field, type FieldProps } from './field';
export { PageHeader } from './page-header';
export { StatusPage, type StatusPageProps } from './status-page';
export { SubmitButton, type SubmitButtonProps } from './submit-button';
