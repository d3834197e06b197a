// A download button: asks the API for a short-lived link to a private document, then opens it.
import { useEffect, useState } from 'react';

export interface DownloadButtonProps {
  documentId: string;
  itemId?: string;
  lang: string;
  /** The visible label, e.g. "Download (PDF, 35 KB)"; the document's title goes in `describedBy`. */
  label: string;
  describedBy: string;
  strings: { downloading: string; failed: string };
}

export default function DownloadButton({ documentId, itemId, lang, label, describedBy, strings }: DownloadButtonProps) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  // Disabled until the island is live, so a click before hydration is never silently lost.
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);

  const download = async () => {
    setState('busy');
    try {
      const response = await fetch(`/api/downloads/${encodeURIComponent(documentId)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(itemId ? { language: lang, itemId } : { language: lang }),
      });
      const answer = (await response.json()) as { url?: string };
      if (!response.ok || !answer.url) throw new Error(`download answered ${response.status}`);
      setState('idle');
      window.location.assign(answer.url);
    } catch {
      setState('failed');
    }
  };

  return (
    <>
      <button
        type="button"
        className="button-secondary"
        onClick={() => void download()}
        disabled={!live || state === 'busy'}
        aria-describedby={describedBy}
      >
        {state === 'busy' ? strings.downloading : label}
      </button>
      <span role="status" className="download-status">
        {state === 'failed' ? strings.failed : ''}
      </span>
    </>
  );
}
