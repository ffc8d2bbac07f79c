# The client of 2026-12-07-blocking-send.md: handshakes, sends one text frame, then does not read for HOLD seconds;
# then drains until EOF (or 10 s without data), or with a fifth argument "exit" closes without reading (a reset).
# python3 nonreading_client.py PORT PATH MESSAGE HOLD [exit]
import base64, os, socket, sys, time
port, path, msg, hold = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4])
s = socket.create_connection(("127.0.0.1", port))
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
key = base64.b64encode(os.urandom(16)).decode()
s.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % (path, port, key)).encode())
head = b""
while b"\r\n\r\n" not in head:
    head += s.recv(1)
print("handshake:", head.split(b"\r\n")[0].decode(), flush=True)
payload = msg.encode(); mask = os.urandom(4)
s.sendall(bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
print(time.strftime("%H:%M:%S"), "sent", msg, "; not reading for", hold, "s", flush=True)
time.sleep(hold)
if len(sys.argv) > 5 and sys.argv[5] == 'exit':
    s.close(); print(time.strftime('%H:%M:%S'), 'closed without reading', flush=True); sys.exit()
# Then drain: does the stream end (server closed the TCP connection)?
s.settimeout(10); total = 0; t0 = time.time()
try:
    while True:
        b = s.recv(1 << 20)
        if not b:
            print(time.strftime("%H:%M:%S"), "EOF after draining", total, "bytes in", round(time.time() - t0, 2), "s", flush=True); break
        total += len(b)
except Exception as e:
    print(time.strftime("%H:%M:%S"), "no EOF:", e, "after", total, "bytes", flush=True)
