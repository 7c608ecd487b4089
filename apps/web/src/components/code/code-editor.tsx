'use client';
// CodeMirror 6 with TypeScript highlighting. Uncontrolled: the parent reads changes through onChange.
import { javascript } from '@codemirror/lang-javascript';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';

export function CodeEditor({ initial, onChange }: { initial: string; onChange: (code: string) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
      doc: initial,
      parent: host.current,
      extensions: [
        basicSetup,
        javascript({ typescript: true }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) changed.current(update.state.doc.toString());
        }),
      ],
    });
    return () => view.destroy();
  }, [initial]);
  return <div ref={host} className="code-editor" data-testid="code-editor" />;
}
