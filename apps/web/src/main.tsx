import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './styles.css';

// The entry point is the one place that touches the page: everything below receives what it needs.
const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element to mount the studio in');
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
