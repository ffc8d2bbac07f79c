// The token-sockjs dashboard. Everything it shows (socket ids, authentication data, channel names) may come from
// clients, so it only ever sets textContent: no innerHTML anywhere.
(function () {
  "use strict";
  var API = document.querySelector('meta[name="token-sockjs-admin-api"]').content;
  var SECRET_KEY = "token-sockjs-admin-secret";
  var POLL_MS = 2000;
  var HISTORY = 90;
  var COLORS = ["#2f6fdf", "#d9822b", "#2a9d5c", "#b04ad9", "#c23b3b", "#6b7a8f", "#1aa3a3", "#8f6b2a", "#444"];

  var history = { sockets: [], rates: [] };
  var previous = null;
  var timer = null;

  function $(id) { return document.getElementById(id); }

  function headers() {
    var secret = sessionStorage.getItem(SECRET_KEY);
    return secret ? { "Authorization": "Bearer " + secret } : {};
  }

  function request(method, path, body) {
    var init = { method: method, headers: headers(), credentials: "same-origin", cache: "no-store" };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers["Content-Type"] = "application/json";
    }
    return fetch(API + path, init).then(function (response) {
      if (response.status === 401 || response.status === 403) {
        throw { login: true, status: response.status };
      }
      if (!response.ok && response.status !== 204) {
        throw new Error(method + " " + path + ": " + response.status);
      }
      return response;
    });
  }

  // ---- Prometheus text ---------------------------------------------------------------------------------------
  function parseMetrics(text) {
    var samples = [];
    text.split("\n").forEach(function (line) {
      if (!line || line.charAt(0) === "#") { return; }
      var m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
      if (!m) { return; }
      var labels = {};
      var re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g, l;
      while ((l = re.exec(m[2] || "")) !== null) {
        labels[l[1]] = l[2].replace(/\\n/g, "\n").replace(/\\"/g, "\"").replace(/\\\\/g, "\\");
      }
      samples.push({ name: m[1], labels: labels, value: parseFloat(m[3]) });
    });
    return samples;
  }

  function sum(samples, name, filter) {
    return samples.filter(function (s) { return s.name === name && (!filter || filter(s.labels)); })
      .reduce(function (total, s) { return total + s.value; }, 0);
  }

  /** Bucket counts (cumulative, by bound) of the server-side RPC histogram, every function and outcome together. */
  function rpcBuckets(samples) {
    var buckets = {};
    samples.forEach(function (s) {
      if (s.name === "tokensockjs_rpc_server_duration_seconds_bucket") {
        buckets[s.labels.le] = (buckets[s.labels.le] || 0) + s.value;
      }
    });
    return buckets;
  }

  function percentile(buckets, base, q) {
    var bounds = Object.keys(buckets).filter(function (b) { return b !== "+Inf"; })
      .map(parseFloat).sort(function (a, b) { return a - b; });
    var total = buckets["+Inf"] - ((base && base["+Inf"]) || 0);
    if (!(total > 0)) { return null; }
    var rank = q * total, lower = 0, below = 0;
    for (var i = 0; i < bounds.length; i++) {
      var key = String(bounds[i]);
      var count = buckets[key] - ((base && base[key]) || 0);
      if (count >= rank) {
        var inBucket = count - below;
        return lower + (bounds[i] - lower) * (inBucket > 0 ? (rank - below) / inBucket : 1);
      }
      lower = bounds[i];
      below = count;
    }
    return bounds[bounds.length - 1];
  }

  function formatSeconds(s) {
    if (s === null) { return "–"; }
    return s < 1 ? (s * 1000).toFixed(s < 0.01 ? 2 : 1) + " ms" : s.toFixed(2) + " s";
  }

  // ---- charts ----------------------------------------------------------------------------------------------
  function draw(canvasId, legendId, points, keys) {
    var canvas = $(canvasId), ctx = canvas.getContext("2d");
    var w = canvas.width, h = canvas.height, pad = 24;
    ctx.clearRect(0, 0, w, h);
    var max = 1;
    points.forEach(function (p) { keys.forEach(function (k) { max = Math.max(max, p[k] || 0); }); });
    ctx.strokeStyle = "#e3e7ed";
    ctx.fillStyle = "#5a6372";
    ctx.font = "11px system-ui, sans-serif";
    ctx.beginPath(); ctx.moveTo(pad, h - pad); ctx.lineTo(w, h - pad); ctx.stroke();
    ctx.fillText(String(Math.round(max * 10) / 10), 2, 12);
    ctx.fillText("0", 2, h - pad);
    var legend = $(legendId);
    legend.textContent = "";
    keys.forEach(function (key, i) {
      var color = COLORS[i % COLORS.length];
      ctx.strokeStyle = color;
      ctx.lineWidth = 2;
      ctx.beginPath();
      points.forEach(function (p, j) {
        // Stretched over the points there are, up to the last HISTORY polls.
        var x = pad + (w - pad) * j / Math.max(1, Math.min(HISTORY, Math.max(points.length, 30)) - 1);
        var y = h - pad - (h - 2 * pad) * (p[key] || 0) / max;
        if (j === 0) { ctx.moveTo(x, y); } else { ctx.lineTo(x, y); }
      });
      ctx.stroke();
      var item = document.createElement("span");
      var swatch = document.createElement("i");
      swatch.style.background = color;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(key));
      legend.appendChild(item);
    });
  }

  function remember(list, point) {
    list.push(point);
    while (list.length > HISTORY) { list.shift(); }
  }

  // ---- tables ----------------------------------------------------------------------------------------------
  function cell(row, text, className) {
    var td = document.createElement("td");
    td.textContent = text === null || text === undefined ? "" : String(text);
    if (className) { td.className = className; }
    row.appendChild(td);
    return td;
  }

  function renderChannels(page) {
    var body = $("channels").tBodies[0];
    body.textContent = "";
    page.channels.forEach(function (c) {
      var row = document.createElement("tr");
      cell(row, c.channel);
      cell(row, c.subscribers, "num");
      body.appendChild(row);
    });
  }

  function renderSockets(page) {
    var body = $("sockets").tBodies[0];
    body.textContent = "";
    page.sockets.forEach(function (s) {
      var row = document.createElement("tr");
      row.dataset.socket = s.id;
      cell(row, s.id);
      cell(row, s.auth);
      cell(row, s.ip);
      cell(row, s.transport);
      cell(row, s.channels.join(", "));
      cell(row, s.created ? new Date(s.created).toLocaleTimeString() : "");
      cell(row, s.queuedBytes, "num");
      var action = cell(row, "");
      var button = document.createElement("button");
      button.className = "close";
      button.textContent = "Close";
      button.addEventListener("click", function () {
        button.disabled = true;
        request("DELETE", "/sockets/" + encodeURIComponent(s.id)).then(poll, showError);
      });
      action.appendChild(button);
      body.appendChild(row);
    });
    $("sockets-total").textContent = page.total + " authenticated sockets" +
      (page.total > page.sockets.length ? " (first " + page.sockets.length + " shown)" : "");
  }

  /**
   * Servers that are live in the shared Redis but did not answer this poll's listings in time: their sockets and
   * channels are missing from the tables, which must say so rather than look complete.
   */
  function renderUnanswered(pages) {
    var servers = [];
    pages.forEach(function (page) {
      (page.unanswered || []).forEach(function (server) {
        if (servers.indexOf(server) < 0) { servers.push(server); }
      });
    });
    var note = $("unanswered");
    note.hidden = servers.length === 0;
    note.textContent = servers.length === 0 ? "" : "Not answering: " + servers.join(", ") +
      ". Their sockets and channels are missing from the tables below.";
  }

  // ---- polling ---------------------------------------------------------------------------------------------
  function showError(error) {
    if (error && error.login) {
      $("status").textContent = error.status === 401 ? "the admin secret is needed" : "that secret is not the admin secret";
      $("status").className = "error";
      $("login").hidden = false;
      return;
    }
    $("status").textContent = "update failed: " + (error && error.message ? error.message : error);
    $("status").className = "error";
  }

  function poll() {
    var filter = $("filter").value;
    var query = "/sockets?limit=100" + (filter ? "&q=" + encodeURIComponent(filter) : "");
    return Promise.all([
      request("GET", "/metrics").then(function (r) { return r.text(); }),
      request("GET", query).then(function (r) { return r.json(); }),
      request("GET", "/channels?limit=100").then(function (r) { return r.json(); })
    ]).then(function (answers) {
      var samples = parseMetrics(answers[0]);
      var now = Date.now();
      var byTransport = {};
      samples.forEach(function (s) {
        if (s.name === "tokensockjs_sockets_open") { byTransport[s.labels.transport] = s.value; }
      });
      remember(history.sockets, byTransport);
      var received = sum(samples, "tokensockjs_messages_received_total");
      var sent = sum(samples, "tokensockjs_messages_sent_total");
      var buckets = rpcBuckets(samples);
      var rate = { "in": 0, "out": 0 };
      var base = null;
      if (previous) {
        var seconds = Math.max(0.001, (now - previous.time) / 1000);
        rate = { "in": (received - previous.received) / seconds, "out": (sent - previous.sent) / seconds };
        base = previous.buckets["+Inf"] < (buckets["+Inf"] || 0) ? previous.buckets : null;
      }
      remember(history.rates, rate);
      previous = { time: now, received: received, sent: sent, buckets: buckets };

      $("open").textContent = String(sum(samples, "tokensockjs_sockets_open"));
      $("rate-in").textContent = rate["in"].toFixed(1);
      $("rate-out").textContent = rate.out.toFixed(1);
      $("latency").textContent = [0.5, 0.95, 0.99].map(function (q) { return formatSeconds(percentile(buckets, base, q)); }).join(" / ");
      var transports = {};
      history.sockets.forEach(function (p) { Object.keys(p).forEach(function (k) { transports[k] = true; }); });
      draw("sockets-chart", "sockets-legend", history.sockets, Object.keys(transports).sort());
      draw("rate-chart", "rate-legend", history.rates, ["in", "out"]);
      renderSockets(answers[1]);
      renderChannels(answers[2]);
      renderUnanswered([answers[1], answers[2]]);
      $("login").hidden = true;
      $("status").textContent = "updated " + new Date(now).toLocaleTimeString();
      $("status").className = "";
    });
  }

  function loop() {
    poll().catch(showError).then(function () { timer = setTimeout(loop, POLL_MS); });
  }

  $("login").addEventListener("submit", function (event) {
    event.preventDefault();
    sessionStorage.setItem(SECRET_KEY, $("secret").value);
    $("secret").value = "";
    clearTimeout(timer);
    loop();
  });
  loop();
})();
