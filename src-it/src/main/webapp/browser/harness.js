/*
 * A tiny harness around sockjs-client for the browser integration tests. The test opens sockets, sends and
 * reads back through window.harness and waits on its status; the page shows the same status so that a
 * screenshot tells what happened.
 *
 * Strings cross between the test and the page as ASCII-only JSON (every other character as a \uXXXX
 * escape): the bridge between them encodes text as UTF-8 on the way, which would replace lone surrogates.
 */
(function () {
  'use strict';

  var sockets = [];
  var log = [];
  var renderPending = false;

  function toAsciiJson(value) {
    return JSON.stringify(value).replace(/[\u007f-\uffff]/g, function (c) {
      return '\\u' + ('0000' + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }

  function note(entry, text) {
    log.push('#' + entry.id + ' ' + text);
    if (log.length > 40) {
      log.shift();
    }
    scheduleRender();
  }

  // Rendering on every one of a thousand messages would slow the page down: once per 50 ms is enough.
  function scheduleRender() {
    if (!renderPending) {
      renderPending = true;
      setTimeout(render, 50);
    }
  }

  function render() {
    renderPending = false;
    document.getElementById('version').textContent = SockJS.version;
    var body = document.getElementById('sockets');
    body.textContent = '';
    sockets.forEach(function (entry) {
      var row = document.createElement('tr');
      row.className = entry.state;
      [entry.id, entry.service, entry.requested || '(any)', entry.transport || '', entry.state, entry.sent,
        entry.messages.length, entry.receivedChars,
        entry.closes.map(function (c) { return c.code + ' ' + c.reason; }).join(', ')
      ].forEach(function (value, i) {
        var cell = document.createElement('td');
        cell.textContent = String(value);
        if (i >= 5 && i <= 7) {
          cell.className = 'num';
        }
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    document.getElementById('log').textContent = log.join('\n');
  }

  function socket(id) {
    var entry = sockets[id];
    if (!entry) {
      throw new Error('no socket #' + id);
    }
    return entry;
  }

  window.harness = {
    version: function () {
      return SockJS.version;
    },

    /**
     * Opens a SockJS connection to a service next to this page's folder (`echo` is ../echo), restricted to
     * one transport (or sockjs-client's own choice when transport is null). Returns the socket's number.
     */
    open: function (service, transport) {
      var entry = {
        id: sockets.length, service: service, requested: transport, transport: null, state: 'connecting',
        sent: 0, messages: [], receivedChars: 0, closes: []
      };
      sockets.push(entry);
      var options = transport ? { transports: [transport] } : {};
      var sock = new SockJS(new URL('../' + service, location.href).href, null, options);
      entry.sock = sock;
      sock.onopen = function () {
        entry.state = 'open';
        entry.transport = sock.transport;
        note(entry, 'open over ' + sock.transport);
      };
      sock.onmessage = function (event) {
        entry.messages.push(event.data);
        entry.receivedChars += event.data.length;
        scheduleRender();
      };
      sock.onclose = function (event) {
        entry.state = 'closed';
        entry.closes.push({ code: event.code, reason: event.reason, wasClean: event.wasClean });
        note(entry, 'close ' + event.code + ' "' + event.reason + '" wasClean=' + event.wasClean);
      };
      note(entry, 'connecting to ' + service + ' over ' + (transport || '(any)'));
      return entry.id;
    },

    /** Sends each message of an ASCII-JSON array, all in one go (a burst). */
    send: function (id, messagesJson) {
      var entry = socket(id);
      var messages = JSON.parse(messagesJson);
      messages.forEach(function (message) {
        entry.sock.send(message);
      });
      entry.sent += messages.length;
      note(entry, 'sent ' + messages.length + ' message(s)');
      return messages.length;
    },

    close: function (id) {
      socket(id).sock.close();
    },

    /** What the test waits on: small and cheap, polled often. */
    status: function (id) {
      var entry = socket(id);
      return {
        state: entry.state, readyState: entry.sock.readyState, transport: entry.transport,
        received: entry.messages.length, closes: entry.closes.slice()
      };
    },

    /** Brings the page's table up to date at once, for a screenshot. */
    render: render,

    /** The messages received from index `from` on, as an ASCII-JSON array. */
    received: function (id, from) {
      return toAsciiJson(socket(id).messages.slice(from || 0));
    }
  };

  document.addEventListener('DOMContentLoaded', render);
})();
