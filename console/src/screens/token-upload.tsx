import { useEffect, useRef } from 'preact/hooks';
import type { ConsoleConfig } from '../api.ts';
import '../importer/afp-importer.ts';

/*
 * A link that carries an upload token (#/import/<token>) opens this screen without any
 * sign-in: an end user who may only upload, with the schema and options the token fixes.
 * It is the embeddable importer itself; the token stays in the address's fragment, which the
 * browser never sends to a server.
 */
export function TokenUpload({ config, token }: { config: ConsoleConfig; token: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const importer = document.createElement('afp-importer');
    importer.setAttribute('api-url', config.apiUrl);
    importer.setAttribute('token', token);
    host.current!.append(importer);
    return () => importer.remove();
  }, [config, token]);
  return (
    <main id="main" tabIndex={-1}>
      <h1>Upload files</h1>
      <p>This link lets you upload files for processing. Each file's status appears below it.</p>
      <div ref={host} />
    </main>
  );
}
