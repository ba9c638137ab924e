// The app's name and mark.
import Link from 'next/link';

export const APP_NAME = 'CRM KPI';

export function BrandMark({ size = 16 }: { size?: number }) {
  return (
    <span className="brand-mark" aria-hidden="true">
      <svg width={size} height={size} viewBox="0 0 16 16" fill="none">
        <path d="M2 12.5 6 8l3 2.5L14 4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        <circle cx="14" cy="4" r="1.4" fill="currentColor" />
      </svg>
    </span>
  );
}

export function Brand({ href = '/dashboard' }: { href?: string }) {
  return (
    <Link href={href} className="brand">
      <BrandMark />
      <span className="brand-text">{APP_NAME}</span>
    </Link>
  );
}
