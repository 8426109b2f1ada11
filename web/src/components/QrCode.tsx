import QRCode from 'qrcode';
import { useMemo } from 'react';

/**
 * The QR code of an address as an SVG of its dark modules, drawn in the page (nothing is fetched), with the
 * address as its accessible name. Error correction M, so a folded letter still scans — as the library's hand-out
 * sheet draws its own (pages/library/SheetPage.tsx).
 */
export function QrCode({ text, label, size = 140 }: { text: string; label: string; size?: number }) {
  const drawn = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row++)
      for (let col = 0; col < modules.size; col++)
        if (modules.get(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
    return { d, size: modules.size + 8 };
  }, [text]);
  return (
    <svg
      viewBox={`0 0 ${drawn.size} ${drawn.size}`}
      width={size}
      height={size}
      role="img"
      aria-label={label}
      data-qr={text}
    >
      <rect width={drawn.size} height={drawn.size} fill="#fff" />
      <path d={drawn.d} fill="#000" />
    </svg>
  );
}
