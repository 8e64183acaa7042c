'use client';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

/** Two panes with a draggable divider (pointer or keyboard arrows); the ratio is remembered per `id`. */
export function SplitPane({
  id,
  direction,
  initial = 0.5,
  min = 0.15,
  first,
  second,
}: {
  id: string;
  direction: 'horizontal' | 'vertical';
  initial?: number;
  min?: number;
  first: ReactNode;
  second: ReactNode;
}) {
  const [ratio, setRatio] = useState(initial);
  const box = useRef<HTMLDivElement>(null);
  const storageKey = `coderoom:split:${id}`;

  useEffect(() => {
    const saved = Number(localStorage.getItem(storageKey));
    if (saved > 0 && saved < 1) setRatio(saved);
  }, [storageKey]);

  const clamp = useCallback((r: number) => Math.min(1 - min, Math.max(min, r)), [min]);
  const commit = useCallback(
    (r: number) => {
      setRatio(r);
      localStorage.setItem(storageKey, String(r));
    },
    [storageKey],
  );

  const onPointerDown = (e: React.PointerEvent) => {
    e.preventDefault();
    const el = box.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    const move = (ev: PointerEvent) => {
      const r = direction === 'horizontal' ? (ev.clientX - rect.left) / rect.width : (ev.clientY - rect.top) / rect.height;
      commit(clamp(r));
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      document.body.classList.remove('dragging');
    };
    document.body.classList.add('dragging');
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? 0.1 : 0.02;
    if (e.key === (direction === 'horizontal' ? 'ArrowLeft' : 'ArrowUp')) commit(clamp(ratio - step));
    else if (e.key === (direction === 'horizontal' ? 'ArrowRight' : 'ArrowDown')) commit(clamp(ratio + step));
    else return;
    e.preventDefault();
  };

  const pct = `${(ratio * 100).toFixed(2)}%`;
  return (
    <div ref={box} className={`split ${direction}`}>
      <div className="pane" style={{ flexBasis: pct }}>
        {first}
      </div>
      <div
        className="divider"
        role="separator"
        tabIndex={0}
        aria-orientation={direction === 'horizontal' ? 'vertical' : 'horizontal'}
        aria-valuenow={Math.round(ratio * 100)}
        aria-label="Resize panes"
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        data-testid={`divider-${id}`}
      />
      <div className="pane" style={{ flexBasis: `calc(100% - ${pct})` }}>
        {second}
      </div>
    </div>
  );
}
