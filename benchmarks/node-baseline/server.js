"use strict";

// Node.js baseline for the token-sockjs benchmark: the original npm module
// node-token-sockjs (2.1.11) on express 4 + sockjs 0.3.24 + redis 3.1.2,
// configured like the Jakarta port's benchmark target.
//
// Environment:
//   PORT        HTTP port (default 19300)
//   REDIS_HOST  Redis host (default 127.0.0.1)
//   REDIS_PORT  Redis port (required)
//
// Run with `node --expose-gc server.js` so /bench/stats can force a GC
// before reading heapUsed.

var http = require("http");
var express = require("express");
var sockjs = require("sockjs");
var redis = require("redis");
var TokenSocketServer = require("node-token-sockjs");

var port = parseInt(process.env.PORT || "19300", 10);
var redisHost = process.env.REDIS_HOST || "127.0.0.1";
var redisPort = parseInt(process.env.REDIS_PORT || "", 10);

if (!redisPort) {
  console.error("REDIS_PORT is required");
  process.exit(2);
}

function onRedisError(which) {
  return function (err) {
    // Only printed on failure, never per request.
    console.error("redis " + which + " client error: " + (err && err.message ? err.message : err));
  };
}

var redisClient = redis.createClient({ host: redisHost, port: redisPort });
redisClient.on("error", onRedisError("command"));
var pubsubClient = redis.createClient({ host: redisHost, port: redisPort });
pubsubClient.on("error", onRedisError("pubsub"));

var app = express();
app.disable("x-powered-by");
app.disable("etag");

var server = http.createServer(app);

var socketServer = sockjs.createServer({
  // Local path so the iframe transport page never references a CDN
  // (nothing is served there; the benchmark uses the raw websocket endpoint).
  sockjs_url: "/sockjs.min.js",
  log: function () {}
});
socketServer.installHandlers(server, { prefix: "/sockets" });

var tokenServer = new TokenSocketServer(app, redisClient, socketServer, {
  prefix: "/sockets",
  tokenRoute: "/socket/token",
  authentication: function (req, callback) {
    callback(null, { user: "bench" });
  },
  socketController: {
    echo: function (auth, data, callback) {
      callback(null, data);
    }
  },
  pubsubClient: pubsubClient,
  ping: true,
  debug: false
});

app.get("/bench/stats", function (req, res) {
  if (typeof global.gc === "function") {
    global.gc();
  }
  var mem = process.memoryUsage();
  res.json({
    server: "node",
    pid: process.pid,
    heapUsed: mem.heapUsed,
    rss: mem.rss,
    sockets: Object.keys(tokenServer._sockets).length
  });
});

server.listen(port, function () {
  console.log("node-token-sockjs baseline listening on " + port);
});

function shutdown() {
  server.close();
  try { redisClient.quit(); } catch (e) { /* ignore */ }
  try { pubsubClient.quit(); } catch (e) { /* ignore */ }
  // Open sockets would keep the event loop alive; do not wait for them.
  setTimeout(function () { process.exit(0); }, 200).unref();
}

process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
