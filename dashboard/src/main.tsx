import { render } from 'preact';
import { createAdminClient } from './api/create-admin-client';
import { createSession } from './api/create-session';
import { App } from './app';
import './styles.css';

const session = createSession(window.sessionStorage);
const client = createAdminClient({ session });
render(<App session={session} client={client} />, document.getElementById('app')!);
