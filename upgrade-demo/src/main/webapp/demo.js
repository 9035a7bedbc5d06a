// The demo page: one WebSocket to /ws/chat, and the server's counters from /stats.
'use strict';

const $ = (id) => document.getElementById(id);
const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
const chatUrl = `${scheme}//${location.host}${location.pathname.replace(/[^/]*$/, '')}ws/chat`;
let socket;

function note(text, kind = 'note') {
  const li = document.createElement('li');
  li.className = kind;
  li.textContent = text;
  append(li);
}

function said(from, text) {
  const li = document.createElement('li');
  const who = document.createElement('span');
  who.className = 'from';
  who.textContent = from;
  li.append(who, document.createTextNode(text));
  append(li);
}

function append(li) {
  const log = $('log');
  log.append(li);
  while (log.children.length > 200) log.firstElementChild.remove();
  log.scrollTop = log.scrollHeight;
}

function state(text, kind) {
  $('state').textContent = text;
  $('state').className = `badge ${kind || ''}`;
  $('send').disabled = kind !== 'open';
}

// chat.v2 sends JSON objects with a type; chat.v1 sends lines of text.
function receive(data) {
  if (socket.protocol !== 'chat.v2') {
    if (data.startsWith('* ')) note(data.slice(2)); else said('', data);
    return;
  }
  const m = JSON.parse(data);
  switch (m.type) {
    case 'welcome':
      $('me').textContent = m.you;
      $('members').textContent = m.members;
      note(`you joined as ${m.you}; ${m.members} here`);
      break;
    case 'presence':
      $('members').textContent = m.members;
      note(`${m.who} ${m.event}; ${m.members} here`);
      break;
    case 'message':
      said(m.from, m.text);
      break;
    case 'error':
      note(`refused: ${m.reason}`, 'error');
      break;
  }
}

function connect() {
  $('ws-url').textContent = chatUrl;
  state('connecting');
  const started = performance.now();
  socket = new WebSocket(chatUrl, ['chat.v2', 'chat.v1']);
  socket.addEventListener('open', () => {
    $('handshake-ms').textContent = `${(performance.now() - started).toFixed(1)} ms to the 101`;
    $('subprotocol').textContent = socket.protocol || '(none)';
    $('extensions').textContent = socket.extensions || '(none)';
    state('open', 'open');
  });
  socket.addEventListener('message', (e) => receive(e.data));
  socket.addEventListener('close', (e) => {
    state(`closed ${e.code}${e.reason ? ': ' + e.reason : ''}`, 'closed');
    note(`connection closed (${e.code}${e.reason ? ' ' + e.reason : ''})`);
  });
}

$('say').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('text').value.trim();
  if (!text || !socket || socket.readyState !== WebSocket.OPEN) return;
  const name = $('name').value.trim();
  if (name && socket.protocol === 'chat.v2') $('me').textContent = name;
  socket.send(socket.protocol === 'chat.v2' ? JSON.stringify(name ? { name, text } : { text }) : text);
  $('text').value = '';
  $('text').focus();
});

function lookup(stats, path) {
  // Protocol names contain dots and slashes ("echo/1"): walk the known first keys.
  let node = stats;
  const parts = path.split('.');
  for (let i = 0; i < parts.length && node !== undefined; i++) {
    if (parts[i] === 'protocols' && i + 1 < parts.length) {
      node = node.protocols && node.protocols[parts[i + 1]];
      i++;
    } else {
      node = node[parts[i]];
    }
  }
  return node === undefined ? 0 : node;
}

async function refreshStats() {
  try {
    const response = await fetch('stats', { cache: 'no-store' });
    const stats = await response.json();
    document.querySelectorAll('[data-stat]').forEach((el) => {
      el.textContent = lookup(stats, el.dataset.stat);
    });
    $('stats-age').textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (e) {
    $('stats-age').textContent = `could not read /stats: ${e.message}`;
  }
}

document.querySelectorAll('.host-name').forEach((el) => { el.textContent = location.hostname; });
document.querySelectorAll('.host-port').forEach((el) => { el.textContent = location.port || (location.protocol === 'https:' ? '443' : '80'); });
connect();
refreshStats();
setInterval(refreshStats, 1000);
