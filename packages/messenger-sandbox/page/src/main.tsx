import { render } from 'preact';
import { App } from './app';
import '@frontdesk/staff/staff.css';
import './sandbox.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
