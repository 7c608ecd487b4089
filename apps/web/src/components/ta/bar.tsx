/** A horizontal bar for a share in 0..1 (CSS only); `highlight` marks a key option. */
export function Bar({ share, label, highlight }: { share: number; label: string; highlight?: boolean }) {
  const percent = Math.max(0, Math.min(100, share * 100));
  return (
    <span className="ta-bar" role="img" aria-label={label}>
      <span className={highlight ? 'fill key' : 'fill'} style={{ width: `${percent}%` }} />
    </span>
  );
}
