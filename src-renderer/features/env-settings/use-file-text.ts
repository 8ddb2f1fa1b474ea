import { useCallback, useState } from 'react';

export interface PickedFile {
  name: string;
  text: string;
}

/** Reads a chosen file as text with FileReader; the file never leaves the renderer except as that text. */
export function useFileText(onRead: (file: PickedFile) => void): { read: (file: File) => void; error: string | null } {
  const [error, setError] = useState<string | null>(null);
  const read = useCallback(
    (file: File) => {
      setError(null);
      const reader = new FileReader();
      reader.onload = () => {
        if (typeof reader.result === 'string') onRead({ name: file.name, text: reader.result });
      };
      reader.onerror = () => setError(`${file.name} could not be read.`);
      reader.readAsText(file);
    },
    [onRead],
  );
  return { read, error };
}
