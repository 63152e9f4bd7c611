import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);

// The training images start loading as soon as the page opens (progress shown in the dataset panel).
import { loadDataset } from '../store/actions';
void loadDataset().catch(() => { /* shown in the dataset panel, with a retry */ });
