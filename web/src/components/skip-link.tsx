import type { MouseEvent } from 'react';

export const MAIN_CONTENT_ID = 'huvudinnehall';

export function focusMainContent(): void {
  const main = document.getElementById(MAIN_CONTENT_ID);
  if (!main) return;
  main.focus({ preventScroll: true });
  main.scrollIntoView({ block: 'start' });
}

export function SkipLink() {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    // Focus programmatically so the router does not see a hash navigation.
    event.preventDefault();
    focusMainContent();
  }
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`} onClick={handleClick}>
      Hoppa till huvudinnehållet
    </a>
  );
}
