// The sample page: the unmodified token-sockjs-client (window.TokenSocket) over sockjs-client.
(function () {
  "use strict";

  var base = location.pathname.replace(/\/[^/]*$/, "");   // the context root, e.g. /sample
  var state = { socket: null, me: null, room: null, joined: {}, messages: {} };

  function $(id) { return document.getElementById(id); }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function notice(text) { $("notice").textContent = text || ""; }

  function status(text) { $("status").textContent = text; }

  function showWho() {
    var who = $("who");
    who.textContent = state.me.name + " (" + state.me.role + ")";
    var form = el("form");
    form.method = "post";
    form.action = "logout";
    var button = el("button", "Log out");
    button.id = "logout";
    form.appendChild(button);
    who.appendChild(form);
  }

  function renderRooms(rooms) {
    var list = $("rooms");
    list.textContent = "";
    rooms.forEach(function (room) {
      var item = el("li");
      item.dataset.room = room;
      var name = el("a", "#" + room);
      name.href = "#" + room;
      name.onclick = function (event) { event.preventDefault(); enter(room); };
      item.appendChild(name);
      var toggle = el("button", state.joined[room] ? "Leave" : "Join");
      toggle.className = "toggle";
      toggle.onclick = function () { state.joined[room] ? leave(room) : join(room); };
      item.appendChild(toggle);
      if (room === state.room) { item.className = "current"; }
      list.appendChild(item);
    });
  }

  function renderMessages() {
    var list = $("messages");
    list.textContent = "";
    (state.messages[state.room] || []).forEach(function (message) {
      var item = el("li");
      item.appendChild(el("span", message.at ? message.at.substring(11, 19) : "", "at"));
      item.appendChild(el("span", message.from, "from"));
      if (message.email) { item.appendChild(el("span", "<" + message.email + ">", "email")); }
      item.appendChild(el("span", message.text, "text"));
      list.appendChild(item);
    });
    list.scrollTop = list.scrollHeight;
  }

  // What chat.say publishes; anything else published on a room (a server's or a test's raw data) is not shown.
  function isChatMessage(message) {
    return message !== null && typeof message === "object" && typeof message.text === "string";
  }

  function remember(room, message) {
    if (!isChatMessage(message)) { return; }
    var messages = state.messages[room] || (state.messages[room] = []);
    messages.push(message);
    if (room === state.room) { renderMessages(); }
  }

  function enter(room) {
    state.room = room;
    $("room-title").textContent = "#" + room + (state.joined[room] ? "" : " (not joined)");
    renderMessages();
    refreshRooms();
  }

  function refreshRooms() {
    state.socket.rpc("chat.rooms", null, function (error, rooms) {
      if (!error) { renderRooms(rooms); }
    });
  }

  function join(room) {
    state.socket.subscribe(room, function (error) {
      if (error) {
        delete state.joined[room];
        notice("Cannot join #" + room + ": " + error);
        refreshRooms();
        return;
      }
      state.joined[room] = true;
      notice("");
      loadHistory(room, function () { enter(room); });
    });
  }

  // The room's kept messages (the server's built-in _history, through the client's ordinary rpc), replacing what the
  // page holds: on joining, and after a reconnection, when the messages published while the socket was down would
  // otherwise be missing. Messages that arrived live before the answer are in it too, so none is shown twice.
  function loadHistory(room, then) {
    state.socket.rpc("_history", { channel: room, limit: 50 }, function (error, history) {
      if (!error) {
        state.messages[room] = history.messages.map(function (kept) { return kept.message; }).filter(isChatMessage);
        if (room === state.room) { renderMessages(); }
      }
      if (then) { then(); }
    });
  }

  function leave(room) {
    state.socket.unsubscribe(room, function (error) {
      if (error) { notice("Cannot leave #" + room + ": " + error); return; }
      delete state.joined[room];
      enter(room);
    });
  }

  function say(event) {
    event.preventDefault();
    var text = $("text").value;
    if (!state.room) { notice("Join a room first"); return; }
    state.socket.rpc("chat.say", { room: state.room, text: text }, function (error) {
      if (error) { notice(String(error)); return; }
      notice("");
      $("text").value = "";
    });
  }

  function tool(text) {
    var output = $("tool-output");
    output.insertBefore(el("li", text), output.firstChild);
  }

  function connect() {
    var actions = {
      clock: {
        // Called by the server (clock.ask): this browser's local time.
        now: function (args, callback) { callback(null, new Date().toString()); }
      }
    };
    var socket = new TokenSocket({
      host: location.host,
      tokenPath: base + "/socket/token",
      socketPrefix: base + "/sockets",
      ping: 20000
    }, actions);
    state.socket = socket;
    status("connecting");
    socket.ready(function (error) {
      if (error) { status("not connected: " + (error.message || error)); return; }
      status("connected");
      document.body.dataset.ready = "true";
      refreshRooms();
      join("lobby");
    });
    socket.onreconnect(function (error) {
      status(error ? "reconnecting: " + (error.message || error) : "reconnected");
      if (!error) {
        // The client joined its rooms again by itself; fill in what was said meanwhile.
        Object.keys(state.joined).forEach(function (room) { loadHistory(room); });
      }
    });
    socket.onmessage(function (channel, message) { remember(channel, message); });
  }

  function start() {
    fetch(base + "/api/me", { credentials: "same-origin" }).then(function (response) {
      return response.json();
    }).then(function (me) {
      if (!me.loggedIn) {
        $("login").hidden = false;
        return;
      }
      state.me = me;
      showWho();
      $("chat").hidden = false;
      $("say").onsubmit = say;
      $("ask-time").onclick = function () {
        state.socket.rpc("clock.ask", null, function (error, answers) {
          if (error) { tool("clock.ask failed: " + error); return; }
          answers.forEach(function (answer) {
            tool(answer.name + ": " + (answer.time || ("no answer (" + answer.error + ")")));
          });
        });
      };
      $("stats").onclick = function () {
        state.socket.rpc("stats.get", {}, function (error, stats) {
          if (error) { tool("stats failed: " + JSON.stringify(error)); return; }
          tool("HTTP " + stats._code + ": " + stats.sockets + " sockets, " + stats.channels + " channels, up " + stats.uptimeSeconds + " s");
        });
      };
      connect();
    });
  }

  start();
}());
