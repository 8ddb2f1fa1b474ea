import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from '../src-shared/api/client';
import { App } from './app/App';
import { NoTokenScreen } from './app/NoTokenScreen';
import { selectTransport } from './platform/transport/select-transport';
import './styles/tokens.css';
import './styles/base.css';
import './styles/frame.css';
import './styles/tables.css';
import './styles/pages.css';
import './styles/palette.css';
import './styles/forms.css';
import './styles/dialog.css';
import './styles/environments.css';
import './styles/lineage.css';
import './styles/graph-query.css';
import './styles/anomalies.css';
import './styles/rules.css';
import './styles/copilot.css';
import './styles/investigate.css';
import './styles/dag-list.css';
import './styles/grid-folds.css';
import './styles/incidents.css';
import './styles/monitoring.css';
import './styles/actions.css';
import './styles/failure-brief.css';
import './styles/findings.css';

// Before the first paint, follow the OS appearance; the saved choice replaces it once settings load.
document.documentElement.dataset.theme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

const rootElement = document.getElementById('root');
if (rootElement === null) throw new Error('index.html lacks #root');
const choice = selectTransport(window);

createRoot(rootElement).render(
  <StrictMode>{choice.kind === 'no-token' ? <NoTokenScreen /> : <App api={createApi(choice.transport)} />}</StrictMode>,
);
