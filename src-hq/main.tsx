import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HqApp } from './hq-app';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <HqApp />
    </StrictMode>,
  );
