/*
 * A small harness around the original token-sockjs browser client (window.TokenSocket) for the browser
 * integration tests. The test creates clients, makes calls (each a promise) and waits on their status; the
 * page shows the same status so that a screenshot tells what happened.
 *
 * The client's own emitter methods (on, addListener, ...) are copied unbound and do not work; its
 * ready(cb), onreconnect(cb) and onmessage(cb) do, and are what this harness uses. Channel messages
 * (onmessage's channel and message) are recorded per client, in order.
 */
(function () {
  'use strict';

  // The test application's context root: this page is <context>/browser/tokensockjs.html.
  var CONTEXT = location.pathname.replace(/\/browser\/[^\/]*$/, '');
  // A call the client never answers fails here, so that no test waits on a promise for ever.
  var CALL_TIMEOUT_MS = 20000;

  // The minimum time sockjs-client gives a transport to open when the test names the only one to use. Its own
  // timeout is derived from the /info round trip, about 300 ms plus that trip times the transport's round trips:
  // a bare 300-400 ms for jsonp-polling, the one transport of a single round trip. A first poll that takes longer
  // on a loaded machine fails the connection ("All transports failed", with nothing to fall back to), and the
  // original client then retries it silently and reports the outcome as a reconnection: its ready callback never
  // runs. That is a wait on time, not a test of the server; with a single transport there is no fallback to
  // hurry towards, so the connection gets this long before sockjs-client gives up on it.
  var SINGLE_TRANSPORT_TIMEOUT_MS = 10000;

  var clients = [];
  var log = [];

  // Every SockJS connection the clients make, traced for the diagnostics of a failed test: when it was made,
  // when and over what it opened, when and why it closed (sockjs-client's code and reason, such as 2000 "All
  // transports failed" or 2007 "Transport timed out"), and the connect timeout sockjs-client derived. The
  // client looks SockJS up as window.SockJS when it connects, so this wrapper sees each one; the client itself
  // is not touched.
  var RealSockJS = window.SockJS;
  var connections = 0;
  function TracedSockJS(url, reserved, options) {
    var socket = new RealSockJS(url, reserved, options);
    var number = ++connections;
    var made = Date.now();
    function trace(text) {
      var text2 = 'sockjs #' + number + ' ' + text + ' after ' + (Date.now() - made) + ' ms (rto ' + socket._rto + ' ms)';
      var owner = clients.filter(function (entry) { return entry.socket && entry.socket._socket === socket; })[0];
      if (owner) {
        owner.connections.push(text2);
        note(owner, text2);
      } else {
        log.push(new Date().toISOString().substring(11, 23) + ' ' + text2);
      }
    }
    socket.addEventListener('open', function () {
      trace('open over ' + socket.transport);
    });
    socket.addEventListener('close', function (event) {
      trace('closed ' + event.code + ' ' + JSON.stringify(event.reason) + (event.wasClean ? '' : ' (unclean)'));
    });
    return socket;
  }
  TracedSockJS.prototype = RealSockJS.prototype;
  Object.keys(RealSockJS).forEach(function (key) {
    TracedSockJS[key] = RealSockJS[key];
  });
  window.SockJS = TracedSockJS;

  // The client reports an error as an Error (token request over XHR) or as the server's error value.
  function describe(error) {
    return error instanceof Error ? error.message : error;
  }

  function note(entry, text) {
    log.push(new Date().toISOString().substring(11, 23) + ' #' + entry.id + ' ' + text);
    if (log.length > 40) {
      log.shift();
    }
    render();
  }

  /** The functions the server may call on a client (TokenSocket's actions, found by dotted name). */
  function actions(entry) {
    function record(command, args) {
      entry.serverCalls.push({ command: command, args: args });
      note(entry, 'server called ' + command + ' ' + JSON.stringify(args));
    }
    return {
      clock: {
        now: function (args, cb) {
          record('clock.now', args);
          cb(null, { time: new Date().toISOString(), args: args, client: entry.id });
        }
      },
      broken: function (args, cb) {
        record('broken', args);
        cb(new Error('client says no'));
      }
    };
  }

  function client(id) {
    var entry = clients[id];
    if (!entry) {
      throw new Error('no client #' + id);
    }
    return entry;
  }

  // What the page shows of a client. The token request mode, the transport and whether the socket is down
  // are the client's private fields: read for display and diagnostics only, never driven.
  function state(entry) {
    var ts = entry.socket;
    var refused = entry.ready.length > 0 && entry.ready[entry.ready.length - 1] !== null;
    return {
      ready: entry.ready.slice(),
      reconnects: entry.reconnects.slice(),
      calls: entry.calls.length,
      answered: entry.calls.filter(function (c) { return c.state === 'answered'; }).length,
      errors: entry.calls.filter(function (c) { return c.state === 'error'; }).length,
      serverCalls: entry.serverCalls.length,
      channels: ts.channels(),
      messages: entry.messages.length,
      connections: entry.connections.slice(),
      tokenRequest: ts._opts.dataType,
      transport: ts._socket ? ts._socket.transport || null : null,
      state: refused ? 'refused' : entry.ready.length === 0 ? 'connecting' : ts._closed ? 'closed' : 'ready'
    };
  }

  function render() {
    document.getElementById('origin').textContent = location.origin;
    document.getElementById('libraries').textContent = window.harness.libraries().join(', ');
    var body = document.getElementById('clients');
    body.textContent = '';
    clients.forEach(function (entry) {
      var s = state(entry);
      var row = document.createElement('tr');
      row.className = s.state;
      [entry.id, entry.server, s.tokenRequest, s.transport || '', s.state,
        s.ready.map(function (r) { return r === null ? 'ok' : String(r); }).join(', '),
        s.reconnects.map(function (r) { return r === null ? 'ok' : String(r); }).join(', '),
        s.calls, s.answered, s.errors, s.serverCalls, s.channels.join(', '), s.messages
      ].forEach(function (value, i) {
        var cell = document.createElement('td');
        cell.textContent = String(value);
        if (i >= 7 && i !== 11) {
          cell.className = 'num';
        }
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    document.getElementById('log').textContent = log.join('\n');
  }

  /**
   * One request of a client (a call, a subscription, a publication): send(socket, callback) makes it. A promise
   * of {resp: ...} or {error: ...}, rejected when no answer comes.
   */
  function request(entry, name, data, send) {
    var call = { name: name, state: 'waiting' };
    entry.calls.push(call);
    note(entry, 'call ' + name + ' ' + JSON.stringify(data));
    return new Promise(function (resolve, reject) {
      var timer = setTimeout(function () {
        call.state = 'timed out';
        note(entry, name + ': no answer within ' + CALL_TIMEOUT_MS + ' ms');
        reject(new Error('no answer to ' + name + ' within ' + CALL_TIMEOUT_MS + ' ms'));
      }, CALL_TIMEOUT_MS);
      send(entry.socket, function (error, resp) {
        clearTimeout(timer);
        call.state = error ? 'error' : 'answered';
        note(entry, name + (error ? ' failed: ' + JSON.stringify(describe(error)) : ' answered ' + JSON.stringify(resp)));
        resolve(error ? { error: describe(error) } : { resp: resp === undefined ? null : resp });
      });
    });
  }

  window.harness = {
    /** The page's scripts, as paths under the context root (their versions are in the paths). */
    libraries: function () {
      return Array.prototype.map.call(document.querySelectorAll('script[src]'), function (script) {
        return new URL(script.src).pathname.substring(CONTEXT.length);
      });
    },

    /**
     * Creates a TokenSocket for the test application's token route and sockets. settings: host (another
     * server than this page's, which makes the client ask for its token by JSONP), authentication (extra
     * parameters of the token request), transports (sockjs-client's list). Answers the client's number.
     */
    connect: function (settings) {
      settings = settings || {};
      var entry = {
        id: clients.length, server: settings.host || location.host, ready: [], reconnects: [], calls: [],
        serverCalls: [], messages: [], connections: []
      };
      clients.push(entry);
      entry.socket = new TokenSocket({
        host: settings.host,
        tokenPath: CONTEXT + '/socket/token',
        socketPrefix: CONTEXT + '/sockets',
        authentication: settings.authentication,
        sockjs: settings.transports
          ? { transports: settings.transports, timeout: settings.transports.length === 1 ? SINGLE_TRANSPORT_TIMEOUT_MS : 0 }
          : {}
      }, actions(entry));
      entry.socket.ready(function (error) {
        entry.ready.push(error ? describe(error) : null);
        note(entry, error ? 'ready failed: ' + describe(error) : 'ready over ' + state(entry).transport);
      });
      entry.socket.onreconnect(function (error) {
        entry.reconnects.push(error ? describe(error) : null);
        note(entry, error ? 'reconnect failed: ' + describe(error) : 'reconnected over ' + state(entry).transport);
      });
      entry.socket.onmessage(function (channel, message) {
        entry.messages.push({ channel: channel, message: message === undefined ? null : message });
        note(entry, 'message on ' + channel + ' ' + JSON.stringify(message));
      });
      note(entry, 'connecting to ' + entry.server + ' (token by ' + entry.socket._opts.dataType + ')');
      return entry.id;
    },

    /** Calls a server function: a promise of {resp: ...} or {error: ...}, rejected when no answer comes. */
    rpc: function (id, name, data) {
      return request(client(id), name, data, function (socket, callback) {
        socket.rpc(name, data, callback);
      });
    },

    /** Subscribes a client to a channel (TokenSocket.subscribe): a promise as rpc's. */
    subscribe: function (id, channel) {
      return request(client(id), 'subscribe', channel, function (socket, callback) {
        socket.subscribe(channel, callback);
      });
    },

    /** Publishes on a channel (TokenSocket.publish): a promise as rpc's. */
    publish: function (id, channel, data) {
      return request(client(id), 'publish', { channel: channel, data: data }, function (socket, callback) {
        socket.publish(channel, data, callback);
      });
    },

    /** A client's channels as it knows them (TokenSocket.channels()). */
    channels: function (id) {
      return client(id).socket.channels();
    },

    /** The channel messages a client received, in order: {channel, message}. */
    messages: function (id) {
      return client(id).messages.slice();
    },

    /** What the test waits on: small and cheap, polled often. */
    status: function (id) {
      return state(client(id));
    },

    /** The calls the server made to a client, in order: {command, args}. */
    serverCalls: function (id) {
      return client(id).serverCalls.slice();
    },

    /** Brings the page's table up to date, for a screenshot. */
    render: render
  };

  document.addEventListener('DOMContentLoaded', render);
})();
