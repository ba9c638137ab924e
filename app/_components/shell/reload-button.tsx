'use client';
// A full reload of the current URL (for the database-unavailable page: the server recovers by itself).
import { Button, type ButtonProps } from '../ui/button';

export function ReloadButton({ children = 'Try again', variant = 'primary', ...rest }: ButtonProps) {
  return (
    <Button variant={variant} onClick={() => window.location.reload()} {...rest}>
      {children}
    </Button>
  );
}
