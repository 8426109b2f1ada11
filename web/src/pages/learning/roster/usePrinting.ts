import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * True while the page prints, so a paged list prints every row (the screen shows 25 at a time). The state is
 * flushed before the print dialog lays out the page, for the page's print button and the browser's own menu.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}
