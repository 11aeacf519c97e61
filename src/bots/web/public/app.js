// The chat page: sends what people type to POST /api/command, draws the Reply, listens to
// GET /api/events for alerts and digests, and keeps the side panel current. No framework:
// four panels and a message list do not need one, and there is no build step to keep.
import { renderReply } from './render.js';

const CHANNEL_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const params = new URLSearchParams(location.search);
const channel = CHANNEL_PATTERN.test(params.get('channel') || '') ? params.get('channel') : 'general';

// The token (if any) is now a cookie; keep it out of the address bar and history.
if (params.has('token')) {
  params.delete('token');
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
}

const messages = document.getElementById('messages');
const form = document.getElementById('composer');
const input = document.getElementById('composer-input');
const live = document.getElementById('live');
document.getElementById('channel-name').textContent = `#${channel}`;

function scrollToEnd() {
  messages.lastElementChild?.scrollIntoView({ block: 'end' });
}

function appendMessage(node, who, id) {
  const item = document.createElement('li');
  item.className = `message message--${who}`;
  if (id) item.dataset.messageId = id;
  item.append(node);
  messages.append(item);
  scrollToEnd();
  return item;
}

function userBubble(text) {
  const p = document.createElement('p');
  p.className = 'user-text';
  p.textContent = text;
  return p;
}

const failure = (title, text) => ({ kind: 'error', title, sections: [{ text }] });

async function send(text) {
  appendMessage(userBubble(text), 'user');
  const pending = appendMessage(renderReply({ kind: 'info', title: '…', sections: [] }), 'bot');
  pending.setAttribute('aria-busy', 'true');
  let reply;
  try {
    const response = await fetch('/api/command', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, channel }),
    });
    reply = await response.json().catch(() => failure('Unexpected answer', `The server answered ${response.status}.`));
  } catch {
    reply = failure('Not connected', 'The newsbrief server did not answer. Is `npm start` still running?');
  }
  pending.replaceChildren(renderReply(reply));
  pending.removeAttribute('aria-busy');
  scrollToEnd();
  refreshPanel();
}

let lastSent = '';
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  lastSent = text;
  input.value = '';
  void send(text);
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowUp' && !input.value && lastSent) {
    event.preventDefault();
    input.value = lastSent;
  }
});
messages.addEventListener('click', (event) => {
  const button = event.target.closest('button.example');
  if (!button) return;
  void send(button.dataset.text);
  input.focus();
});

// Live alerts and digests. EventSource reconnects by itself and sends Last-Event-ID, so the
// server replays only what this page missed.
function connect() {
  const source = new EventSource(`/api/events?channel=${encodeURIComponent(channel)}`);
  source.addEventListener('open', () => {
    live.textContent = 'live';
    live.dataset.state = 'live';
  });
  source.addEventListener('error', () => {
    live.textContent = 'reconnecting…';
    live.dataset.state = 'down';
  });
  source.addEventListener('message', (event) => {
    const { data } = JSON.parse(event.data);
    if (document.querySelector(`[data-message-id="${CSS.escape(data.messageIds[0])}"]`)) return;
    appendMessage(renderReply(data.reply), 'live', data.messageIds[0]);
    refreshPanel();
  });
  source.addEventListener('edit', (event) => {
    const { data } = JSON.parse(event.data);
    const existing = document.querySelector(`[data-message-id="${CSS.escape(data.messageIds[0])}"]`);
    if (existing) existing.replaceChildren(renderReply(data.reply));
    else appendMessage(renderReply(data.reply), 'live', data.messageIds[0]);
    refreshPanel();
  });
}

// The side panel: status, timeline, topics and feed health, read through the same commands.
const PANELS = ['status', 'timeline', 'topics', 'feeds'];
let panelTimer;
function refreshPanel() {
  clearTimeout(panelTimer);
  panelTimer = setTimeout(loadPanel, 300);
}

async function loadPanel() {
  try {
    const response = await fetch(`/api/panel?channel=${encodeURIComponent(channel)}`);
    if (!response.ok) return;
    const panel = await response.json();
    for (const name of PANELS) {
      const reply = panel[name];
      if (reply) document.getElementById(`panel-${name}`).replaceChildren(renderReply(reply, { compact: true }));
    }
  } catch {
    // The chat shows connection problems; the panel keeps its last view.
  }
}

document.getElementById('panel-refresh').addEventListener('click', loadPanel);
// On a phone the panel sits under the chat: start it folded so the conversation comes first.
if (matchMedia('(max-width: 760px)').matches) {
  for (const details of document.querySelectorAll('.panel-section')) details.open = false;
}
connect();
void loadPanel();
input.focus();
