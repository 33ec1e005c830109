import { render } from 'preact';
import { loadConfig } from './api.ts';
import { App } from './app.tsx';
import './styles.css';

const root = document.getElementById('app')!;
loadConfig().then(
  (config) => render(<App config={config} />, root),
  (err: unknown) => {
    root.innerHTML = '';
    const main = document.createElement('main');
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = `The console could not start: ${err instanceof Error ? err.message : String(err)}`;
    main.append(p);
    root.append(main);
  },
);
