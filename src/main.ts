import './ui/styles.css';
import './ui/shell.css';
import { mount } from './app/mount.ts';
import { optionsFromUrl } from './app/params.ts';

const root = document.getElementById('app');
if (root) mount(root, optionsFromUrl(window.location.search));
